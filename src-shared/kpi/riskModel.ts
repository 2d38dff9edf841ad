import { HEALTH_MEASURES, healthInputAsOf, partnerHealth, type HealthContribution, type HealthInput, type HealthMeasure } from '../domain/health';
import type { Deal, IsoDate, Meeting, Partner, Plan, Survey, Task, Training } from '../domain/types';
import { addDaysIso, daysFrom, roundTo } from './calendar';
import { auc, brierScore, calibrationBins, fitLogistic, predictProbability, type CalibrationBin } from './logistic';
import { isActivatedAsOf } from './programKpis';

/**
 * The at-risk prediction: the probability that a partner will not be activated (onboarding
 * complete and a first deal, see `isActivatedAsOf`) by its day 90, from the same six measures as
 * health v2 (each as a shortfall 0..1: 1 − the measure's value). A logistic model is fitted on the
 * program's own history — partners whose day 90 has passed, scored as they stood on days 30 and 60
 * — once there are at least `MIN_OUTCOMES` such partners with `MIN_PER_CLASS` of each outcome;
 * before that, expert weights. Its quality is measured honestly: AUC, Brier score and calibration
 * of out-of-fold predictions (5-fold cross-validation by partner), or of the expert weights on
 * every known outcome.
 */
export type PartnerRecords = {
  tasks: Task[];
  meetings: Meeting[];
  deals: Deal[];
  plans: Plan[];
  trainings: Training[];
  surveys: Survey[];
};

export type RiskWeights = { intercept: number } & Record<HealthMeasure, number>;

/** Before the program has history: a partner with no shortfall has ~10% risk, schedule and deals weigh most. */
export const EXPERT_WEIGHTS: RiskWeights = { intercept: -2.2, schedule: 3, checkin: 1.5, certification: 1.5, deals: 3, sentiment: 1.5, psat: 1 };

export const MIN_OUTCOMES = 30;
export const MIN_PER_CLASS = 8;
/** The journey days history partners are scored on. */
export const SNAPSHOT_DAYS = [30, 60, 75] as const;
export const RISK_HORIZON_DAYS = 90;
/** Above this probability a partner is flagged at risk. */
export const AT_RISK_THRESHOLD = 0.5;

export type ModelQuality = {
  /** `cross-validated`: 5-fold by partner on held-out folds; `in-sample`: expert weights on every known outcome. */
  method: 'cross-validated' | 'in-sample';
  auc: number | null;
  brier: number | null;
  calibration: CalibrationBin[];
  /** Scored examples (partners × snapshot days). */
  examples: number;
};

export type RiskModel = {
  kind: 'fitted' | 'expert';
  weights: RiskWeights;
  /** Partners whose outcome at day 90 is known, and how many of them were not activated. */
  outcomes: number;
  notActivated: number;
  quality: ModelQuality | null;
  /** Why this kind of model, in words. */
  note: string;
};

export type RiskExample = { partnerId: string; features: number[]; label: 0 | 1 };

/** The six shortfalls in HEALTH_MEASURES order. */
export function riskFeatures(contributions: readonly HealthContribution[]): number[] {
  return HEALTH_MEASURES.map((m) => roundTo(1 - (contributions.find((c) => c.measure === m)?.value ?? 1), 6));
}

function weightsToVector(w: RiskWeights): number[] {
  return [w.intercept, ...HEALTH_MEASURES.map((m) => w[m])];
}

function vectorToWeights(v: readonly number[]): RiskWeights {
  const out = { intercept: roundTo(v[0] ?? 0, 4) } as RiskWeights;
  HEALTH_MEASURES.forEach((m, i) => {
    out[m] = roundTo(v[i + 1] ?? 0, 4);
  });
  return out;
}

function inputFor(partner: Partner, records: PartnerRecords, today: IsoDate): HealthInput {
  return { partner, today, ...records };
}

/**
 * Training examples from history: every partner whose day 90 is on or before `today` (signed at
 * least 90 days ago), scored as of each snapshot day it reached before churning; the label is 1
 * when it was not activated by day 90.
 */
export function historyExamples(partners: readonly Partner[], recordsOf: (id: string) => PartnerRecords, today: IsoDate): RiskExample[] {
  return partners.flatMap((p) => partnerExamples(p, recordsOf, today));
}

/** One partner's training examples (none while its day 90 is still ahead). */
export function partnerExamples(p: Partner, recordsOf: (id: string) => PartnerRecords, today: IsoDate): RiskExample[] {
  const day90 = addDaysIso(p.day0, RISK_HORIZON_DAYS);
  if (day90 > today) return [];
  const records = recordsOf(p.id);
  const label: 0 | 1 = isActivatedAsOf(p, records.tasks, records.deals, day90) ? 0 : 1;
  const out: RiskExample[] = [];
  for (const day of SNAPSHOT_DAYS) {
    const date = addDaysIso(p.day0, day);
    if (p.churnedOn !== undefined && p.churnedOn <= date) continue;
    const h = partnerHealth(healthInputAsOf(inputFor(p, records, today), date));
    out.push({ partnerId: p.id, features: riskFeatures(h.contributions ?? []), label });
  }
  return out;
}

/** Deterministic fold of a partner (by a hash of its id), so folds never split a partner. */
function foldOf(id: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
}

function quality(method: ModelQuality['method'], probabilities: number[], labels: number[]): ModelQuality {
  const a = auc(probabilities, labels);
  const b = brierScore(probabilities, labels);
  return {
    method,
    auc: a === null ? null : roundTo(a, 3),
    brier: b === null ? null : roundTo(b, 3),
    calibration: calibrationBins(probabilities, labels).map((bin) => ({
      ...bin,
      meanPredicted: bin.meanPredicted === null ? null : roundTo(bin.meanPredicted, 3),
      observedRate: bin.observedRate === null ? null : roundTo(bin.observedRate, 3),
    })),
    examples: probabilities.length,
  };
}

/** Fits the model on examples, or keeps the expert weights when there are too few outcomes. */
export function trainRiskModel(examples: readonly RiskExample[], options: { minOutcomes?: number; minPerClass?: number } = {}): RiskModel {
  const minOutcomes = options.minOutcomes ?? MIN_OUTCOMES;
  const minPerClass = options.minPerClass ?? MIN_PER_CLASS;
  const labelOf = new Map(examples.map((e) => [e.partnerId, e.label]));
  const outcomes = labelOf.size;
  const notActivated = [...labelOf.values()].filter((l) => l === 1).length;
  const xs = examples.map((e) => e.features);
  const ys = examples.map((e) => e.label);
  if (outcomes < minOutcomes || notActivated < minPerClass || outcomes - notActivated < minPerClass) {
    const w = weightsToVector(EXPERT_WEIGHTS);
    return {
      kind: 'expert',
      weights: EXPERT_WEIGHTS,
      outcomes,
      notActivated,
      quality: examples.length === 0 ? null : quality('in-sample', xs.map((x) => predictProbability(w, x)), ys),
      note: `Expert weights: ${outcomes} partner${outcomes === 1 ? '' : 's'} with a known day-90 outcome (${notActivated} not activated); a model is fitted from ${minOutcomes} with at least ${minPerClass} of each outcome.`,
    };
  }
  const folds = 5;
  const held = new Array<number>(examples.length).fill(0);
  for (let f = 0; f < folds; f += 1) {
    const trainIdx = examples.map((e, i) => (foldOf(e.partnerId, folds) === f ? -1 : i)).filter((i) => i >= 0);
    const w = fitLogistic(trainIdx.map((i) => xs[i] ?? []), trainIdx.map((i) => ys[i] ?? 0));
    examples.forEach((e, i) => {
      if (foldOf(e.partnerId, folds) === f) held[i] = predictProbability(w, xs[i] ?? []);
    });
  }
  const weights = vectorToWeights(fitLogistic(xs, ys));
  return {
    kind: 'fitted',
    weights,
    outcomes,
    notActivated,
    quality: quality('cross-validated', held, ys),
    note: `Fitted on ${outcomes} partners with a known day-90 outcome (${notActivated} not activated), scored on days ${SNAPSHOT_DAYS.join(' and ')}; quality from 5-fold cross-validation by partner.`,
  };
}

export type PartnerRisk = {
  partnerId: string;
  /** Probability of not being activated by day 90; null once the outcome is known (past day 90, activated, churned) or before Day 0. */
  probability: number | null;
  atRisk: boolean;
  /** The measures that push the risk up most, as the health texts. */
  reasons: string[];
};

/** Risk of one partner today from its health contributions. */
export function partnerRisk(model: RiskModel, partner: Partner, records: PartnerRecords, contributions: readonly HealthContribution[], today: IsoDate): PartnerRisk {
  const day = daysFrom(partner.day0, today);
  const known = day < 0 || day > RISK_HORIZON_DAYS || partner.status === 'churned' || isActivatedAsOf(partner, records.tasks, records.deals, today);
  if (known) return { partnerId: partner.id, probability: null, atRisk: false, reasons: [] };
  const x = riskFeatures(contributions);
  const probability = roundTo(predictProbability(weightsToVector(model.weights), x), 3);
  const reasons = HEALTH_MEASURES.map((m, i) => ({ m, push: model.weights[m] * (x[i] ?? 0) }))
    .filter((r) => r.push > 0.05)
    .sort((a, b) => b.push - a.push)
    .slice(0, 3)
    .map((r) => contributions.find((c) => c.measure === r.m)?.text ?? r.m);
  return { partnerId: partner.id, probability, atRisk: probability >= AT_RISK_THRESHOLD, reasons };
}

/** Groups records by partner once, for `historyExamples` and the report. */
export function recordsByPartner(all: { tasks: readonly Task[]; meetings?: readonly Meeting[]; deals: readonly Deal[]; plans?: readonly Plan[]; trainings: readonly Training[]; surveys: readonly Survey[] }): (id: string) => PartnerRecords {
  const map = new Map<string, PartnerRecords>();
  const get = (id: string): PartnerRecords => {
    let r = map.get(id);
    if (!r) {
      r = { tasks: [], meetings: [], deals: [], plans: [], trainings: [], surveys: [] };
      map.set(id, r);
    }
    return r;
  };
  for (const t of all.tasks) get(t.partnerId).tasks.push(t);
  for (const m of all.meetings ?? []) get(m.partnerId).meetings.push(m);
  for (const d of all.deals) get(d.partnerId).deals.push(d);
  for (const p of all.plans ?? []) get(p.partnerId).plans.push(p);
  for (const t of all.trainings) get(t.partnerId).trainings.push(t);
  for (const s of all.surveys) get(s.partnerId).surveys.push(s);
  return get;
}

/** The model for a program: history examples as of `today`, then `trainRiskModel`. */
export function programRiskModel(partners: readonly Partner[], recordsOf: (id: string) => PartnerRecords, today: IsoDate): RiskModel {
  return trainRiskModel(historyExamples(partners, recordsOf, today));
}

/** Whether the observed rate never falls as the predicted risk rises (bins without examples skipped). */
export function calibrationMonotone(bins: readonly CalibrationBin[]): boolean {
  const rates = bins.filter((bin) => bin.count > 0 && bin.observedRate !== null).map((bin) => bin.observedRate ?? 0);
  return rates.every((rate, i) => i === 0 || rate >= (rates[i - 1] ?? 0));
}

/** How a partner's risk may be shown: a precise percentage only from a model that earns it. */
export type RiskDisplay = { kind: 'percent'; text: string } | { kind: 'band'; band: 'high' | 'elevated' | 'normal'; text: string; caveat: string };

/**
 * A percentage only when the model was fitted on history, separates well (held-out AUC ≥ 0.7)
 * and its calibration is monotone; otherwise a band (high ≥ 70%, elevated ≥ 50%, normal) with
 * the reason the number is not shown.
 */
export function riskDisplay(model: RiskModel, probability: number): RiskDisplay {
  const q = model.quality;
  const caveat =
    model.kind === 'expert'
      ? 'Built-in weights: not enough partner history on this laptop to fit a model'
      : q?.auc === null || q === null || q.auc < 0.7
        ? `Weak model (AUC ${q?.auc ?? '—'}): a band, not a precise chance`
        : !calibrationMonotone(q.calibration)
          ? 'Calibration is not monotone: a band, not a precise chance'
          : null;
  if (caveat === null) return { kind: 'percent', text: `At risk ${Math.round(probability * 100)}%` };
  const band = probability >= 0.7 ? 'high' : probability >= AT_RISK_THRESHOLD ? 'elevated' : 'normal';
  return { kind: 'band', band, text: band === 'high' ? 'High risk' : band === 'elevated' ? 'Elevated risk' : 'Normal risk', caveat };
}
