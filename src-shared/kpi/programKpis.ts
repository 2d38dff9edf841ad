import type { Deal, DealStage, IsoDate, Partner, PartnerType, Survey, Task, Training } from '../domain/types';
import { addDaysIso, daysFrom, median, monthOf, monthsBetween, roundTo } from './calendar';
import { groupByPartner } from '../util/groupByPartner';

/**
 * The program KPIs of the product brief ("KPIs (definitions)"), computed as of a date: records
 * dated after it are ignored, and partners whose Day 0 is after it are not counted at all. Day N
 * is N calendar days after Day 0; "within 180 days" means Day 0 to Day 180 inclusive. Every
 * function here is pure and takes the whole program's records; records of partners that are not
 * in `partners` are ignored, so filtering partners (cohort, type, manager) filters everything.
 */
export type KpiData = {
  partners: readonly Partner[];
  tasks: readonly Task[];
  deals: readonly Deal[];
  trainings: readonly Training[];
  surveys: readonly Survey[];
};

/** The window of the pipeline and churn KPIs: Day 0 to Day 180 inclusive. */
export const WINDOW_DAYS = 180;

/** Partners with Day 0 on or before the as-of date, in input order. */
export function recruitedPartners(partners: readonly Partner[], asOf: IsoDate): Partner[] {
  return partners.filter((p) => p.day0 <= asOf);
}

/** A signing cohort: the calendar month of Day 0 (`2026-01`). */
export function signingCohort(partner: Pick<Partner, 'day0'>): string {
  return monthOf(partner.day0);
}

/**
 * The stage a deal had on the as-of date: a deal won or lost after it was still open then
 * (`approved` stands for "open"); a deal registered after it did not exist (null).
 */
export function dealStageAsOf(deal: Deal, asOf: IsoDate): DealStage | null {
  if (deal.registeredOn > asOf) return null;
  if ((deal.stage === 'won' || deal.stage === 'lost') && deal.closedOn !== undefined && deal.closedOn > asOf) return 'approved';
  return deal.stage;
}

// ---------------------------------------------------------------------------------------------
// Time to first revenue

/** Buckets of the TTV distribution, in days from Day 0 (both ends inclusive; `max: null` = open). */
export const TTV_BUCKETS = [
  { label: '0–30 days', min: Number.NEGATIVE_INFINITY, max: 30 },
  { label: '31–60 days', min: 31, max: 60 },
  { label: '61–90 days', min: 61, max: 90 },
  { label: '91–180 days', min: 91, max: 180 },
  { label: '181+ days', min: 181, max: null },
] as const;

export type TtvPartner = { partnerId: string; days: number; firstWonOn: IsoDate };

export type TimeToFirstRevenue = {
  /** Median days from Day 0 to the first won deal, over partners that have one; null when none has. */
  medianDays: number | null;
  /** Partners with a won deal closed on or before the as-of date, fastest first. */
  partners: TtvPartner[];
  distribution: { label: string; count: number; partnerIds: string[] }[];
  /** Recruited partners without such a deal yet: counted, never dropped. */
  censored: number;
  censoredPartnerIds: string[];
};

/**
 * TTV: for each recruited partner, days from Day 0 to the earliest close date of its `won` deals
 * (sourced or influenced) closed on or before the as-of date. Partners without one are censored.
 */
export function timeToFirstRevenue(data: KpiData, asOf: IsoDate): TimeToFirstRevenue {
  const recruited = recruitedPartners(data.partners, asOf);
  const deals = groupByPartner(data.deals);
  const withDeal: TtvPartner[] = [];
  const censoredPartnerIds: string[] = [];
  for (const p of recruited) {
    let first: IsoDate | undefined;
    for (const d of deals.get(p.id) ?? []) {
      if (d.stage !== 'won' || d.closedOn === undefined || d.closedOn > asOf || d.registeredOn > asOf) continue;
      if (first === undefined || d.closedOn < first) first = d.closedOn;
    }
    if (first === undefined) censoredPartnerIds.push(p.id);
    else withDeal.push({ partnerId: p.id, days: daysFrom(p.day0, first), firstWonOn: first });
  }
  withDeal.sort((a, b) => a.days - b.days || (a.partnerId < b.partnerId ? -1 : 1));
  const distribution = TTV_BUCKETS.map((b) => {
    const ids = withDeal.filter((t) => t.days >= b.min && (b.max === null || t.days <= b.max)).map((t) => t.partnerId);
    return { label: b.label, count: ids.length, partnerIds: ids };
  });
  return {
    medianDays: median(withDeal.map((t) => t.days)),
    partners: withDeal,
    distribution,
    censored: censoredPartnerIds.length,
    censoredPartnerIds,
  };
}

// ---------------------------------------------------------------------------------------------
// Partner-sourced pipeline

export type SourcedPipeline = {
  /** Currency code → sum of amounts, never added across currencies. Sorted by currency code. */
  byCurrency: Record<string, number>;
  /** Partner id → currency → amount. */
  byPartner: Record<string, Record<string, number>>;
  /** How many deals were summed. */
  deals: number;
};

/**
 * Partner-sourced pipeline: sum of amounts of deals with source `sourced`, stage not `lost` (as of
 * the date), registered within 180 days of Day 0 (Day 0 to Day 180 inclusive) and on or before the
 * as-of date; per currency.
 */
export function partnerSourcedPipeline(data: KpiData, asOf: IsoDate): SourcedPipeline {
  const recruited = new Map(recruitedPartners(data.partners, asOf).map((p) => [p.id, p]));
  const byCurrency: Record<string, number> = {};
  const byPartner: Record<string, Record<string, number>> = {};
  let count = 0;
  for (const d of data.deals) {
    const p = recruited.get(d.partnerId);
    if (!p || d.source !== 'sourced') continue;
    const stage = dealStageAsOf(d, asOf);
    if (stage === null || stage === 'lost') continue;
    if (d.registeredOn < p.day0 || d.registeredOn > addDaysIso(p.day0, WINDOW_DAYS)) continue;
    byCurrency[d.currency] = roundTo((byCurrency[d.currency] ?? 0) + d.amount, 2);
    const mine = (byPartner[p.id] ??= {});
    mine[d.currency] = roundTo((mine[d.currency] ?? 0) + d.amount, 2);
    count += 1;
  }
  const sorted: Record<string, number> = {};
  for (const c of Object.keys(byCurrency).sort()) sorted[c] = byCurrency[c] ?? 0;
  return { byCurrency: sorted, byPartner, deals: count };
}

// ---------------------------------------------------------------------------------------------
// Certification completion

export type Ratio = { done: number; total: number; rate: number | null };

export type CertificationCompletion = Ratio & { byPartner: Record<string, Ratio> };

function ratio(done: number, total: number): Ratio {
  return { done, total, rate: total === 0 ? null : roundTo(done / total, 4) };
}

/** A training counts as completed as of a date when it is completed with a date on or before it. */
export function trainingCompletedAsOf(t: Training, asOf: IsoDate): boolean {
  return t.status === 'completed' && (t.completedOn === undefined || t.completedOn <= asOf);
}

/**
 * Certification completion rate: required trainings completed on or before the as-of date / all
 * required trainings, across the recruited partners and per partner. `rate` is null when there
 * are no required trainings (nothing to complete is not 0% and not 100%).
 */
export function certificationCompletion(data: KpiData, asOf: IsoDate): CertificationCompletion {
  const recruited = new Set(recruitedPartners(data.partners, asOf).map((p) => p.id));
  const counts = new Map<string, [number, number]>();
  let done = 0;
  let total = 0;
  for (const t of data.trainings) {
    if (!t.required || !recruited.has(t.partnerId)) continue;
    const c = counts.get(t.partnerId) ?? [0, 0];
    c[1] += 1;
    total += 1;
    if (trainingCompletedAsOf(t, asOf)) {
      c[0] += 1;
      done += 1;
    }
    counts.set(t.partnerId, c);
  }
  const byPartner: Record<string, Ratio> = {};
  for (const [id, [d, n]] of counts) byPartner[id] = ratio(d, n);
  return { ...ratio(done, total), byPartner };
}

// ---------------------------------------------------------------------------------------------
// Deal registration volume

export type DealRegistrations = {
  total: number;
  /** Every month from the first registration to the as-of month, gaps included as 0. */
  byMonth: { month: string; count: number }[];
  byPartner: Record<string, number>;
};

/** Deals registered per calendar month (all stages), on or before the as-of date, in total and per partner. */
export function dealRegistrations(data: KpiData, asOf: IsoDate): DealRegistrations {
  const recruited = new Set(recruitedPartners(data.partners, asOf).map((p) => p.id));
  const perMonth = new Map<string, number>();
  const byPartner: Record<string, number> = {};
  let total = 0;
  let first: string | undefined;
  for (const d of data.deals) {
    if (!recruited.has(d.partnerId) || d.registeredOn > asOf) continue;
    const m = monthOf(d.registeredOn);
    perMonth.set(m, (perMonth.get(m) ?? 0) + 1);
    byPartner[d.partnerId] = (byPartner[d.partnerId] ?? 0) + 1;
    total += 1;
    if (first === undefined || m < first) first = m;
  }
  const byMonth = first === undefined ? [] : monthsBetween(first, monthOf(asOf)).map((month) => ({ month, count: perMonth.get(month) ?? 0 }));
  return { total, byMonth, byPartner };
}

// ---------------------------------------------------------------------------------------------
// PSAT

export type Psat = { mean: number | null; count: number; byPartner: Record<string, { mean: number; count: number }> };

/** PSAT: mean score (2 decimals) and response count of surveys taken on or before the as-of date. */
export function psat(data: KpiData, asOf: IsoDate): Psat {
  const recruited = new Set(recruitedPartners(data.partners, asOf).map((p) => p.id));
  let sum = 0;
  let count = 0;
  const per = new Map<string, [number, number]>();
  for (const s of data.surveys) {
    if (!recruited.has(s.partnerId) || s.takenOn > asOf) continue;
    sum += s.score;
    count += 1;
    const c = per.get(s.partnerId) ?? [0, 0];
    c[0] += s.score;
    c[1] += 1;
    per.set(s.partnerId, c);
  }
  const byPartner: Psat['byPartner'] = {};
  for (const [id, [s, n]] of per) byPartner[id] = { mean: roundTo(s / n, 2), count: n };
  return { mean: count === 0 ? null : roundTo(sum / count, 2), count, byPartner };
}

// ---------------------------------------------------------------------------------------------
// Activation

/**
 * Onboarding complete as of a date: every required task of phases 1–4 (pre-boarding to first
 * engagement) done on or before it (or not applicable), with at least one such task; or an
 * imported onboarding completion date on or before it.
 */
export function onboardingCompleteAsOf(partner: Pick<Partner, 'onboardingCompletedOn'>, tasks: readonly Task[], asOf: IsoDate): boolean {
  if (partner.onboardingCompletedOn !== undefined && partner.onboardingCompletedOn <= asOf) return true;
  const required = tasks.filter((t) => t.required && t.phase !== 'growth');
  return (
    required.length > 0 &&
    required.every((t) => t.status === 'not_applicable' || (t.status === 'done' && (t.completedOn === undefined || t.completedOn <= asOf)))
  );
}

/** The partner's first deal registered on or after Day 0 and on or before the date, if any. */
export function firstDealAsOf(partner: Pick<Partner, 'day0'>, deals: readonly Deal[], asOf: IsoDate): Deal | undefined {
  let first: Deal | undefined;
  for (const d of deals) {
    if (d.registeredOn < partner.day0 || d.registeredOn > asOf) continue;
    if (!first || d.registeredOn < first.registeredOn) first = d;
  }
  return first;
}

/** Activated: onboarding complete and at least one deal registered on or after Day 0, as of the date. */
export function isActivatedAsOf(partner: Partner, tasks: readonly Task[], deals: readonly Deal[], asOf: IsoDate): boolean {
  return onboardingCompleteAsOf(partner, tasks, asOf) && firstDealAsOf(partner, deals, asOf) !== undefined;
}

export type CohortRate = { cohort: string; activated: number; recruited: number; rate: number | null };

export type Activation = {
  activated: number;
  recruited: number;
  rate: number | null;
  /** Per signing month (Day 0's calendar month), oldest first. */
  byCohort: CohortRate[];
  activatedPartnerIds: string[];
  /** Funnel of the recruited partners: onboarding complete, first deal, both. */
  funnel: { onboarded: string[]; withDeal: string[]; activated: string[] };
};

/** Activation rate: activated / recruited, overall and per signing cohort. */
export function activation(data: KpiData, asOf: IsoDate): Activation {
  const recruited = recruitedPartners(data.partners, asOf);
  const tasks = groupByPartner(data.tasks);
  const deals = groupByPartner(data.deals);
  const cohorts = new Map<string, [number, number]>();
  const onboarded: string[] = [];
  const withDeal: string[] = [];
  const activated: string[] = [];
  for (const p of recruited) {
    const complete = onboardingCompleteAsOf(p, tasks.get(p.id) ?? [], asOf);
    const deal = firstDealAsOf(p, deals.get(p.id) ?? [], asOf) !== undefined;
    if (complete) onboarded.push(p.id);
    if (deal) withDeal.push(p.id);
    const c = cohorts.get(signingCohort(p)) ?? [0, 0];
    c[1] += 1;
    if (complete && deal) {
      activated.push(p.id);
      c[0] += 1;
    }
    cohorts.set(signingCohort(p), c);
  }
  const byCohort = [...cohorts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([cohort, [a, n]]) => ({ cohort, activated: a, recruited: n, rate: n === 0 ? null : roundTo(a / n, 4) }));
  return {
    ...{ activated: activated.length, recruited: recruited.length, rate: recruited.length === 0 ? null : roundTo(activated.length / recruited.length, 4) },
    byCohort,
    activatedPartnerIds: activated,
    funnel: { onboarded, withDeal, activated },
  };
}

// ---------------------------------------------------------------------------------------------
// New-partner churn

export type NewPartnerChurn = {
  /** Partners whose Day 180 is on or before the as-of date. */
  eligible: number;
  churned: number;
  rate: number | null;
  churnedPartnerIds: string[];
  eligiblePartnerIds: string[];
};

/** Among partners whose Day 180 is on or before the as-of date, the share that churned on or before their Day 180. */
export function newPartnerChurn(data: KpiData, asOf: IsoDate): NewPartnerChurn {
  const eligible = data.partners.filter((p) => addDaysIso(p.day0, WINDOW_DAYS) <= asOf);
  const churned = eligible.filter((p) => p.churnedOn !== undefined && p.churnedOn <= addDaysIso(p.day0, WINDOW_DAYS));
  return {
    eligible: eligible.length,
    churned: churned.length,
    rate: eligible.length === 0 ? null : roundTo(churned.length / eligible.length, 4),
    churnedPartnerIds: churned.map((p) => p.id),
    eligiblePartnerIds: eligible.map((p) => p.id),
  };
}

// ---------------------------------------------------------------------------------------------
// All of them

export type ProgramKpis = {
  asOf: IsoDate;
  recruited: number;
  timeToFirstRevenue: TimeToFirstRevenue;
  partnerSourcedPipeline: SourcedPipeline;
  certificationCompletion: CertificationCompletion;
  dealRegistrations: DealRegistrations;
  psat: Psat;
  activation: Activation;
  newPartnerChurn: NewPartnerChurn;
};

/** Every program KPI as of a date. */
export function programKpis(data: KpiData, asOf: IsoDate): ProgramKpis {
  return {
    asOf,
    recruited: recruitedPartners(data.partners, asOf).length,
    timeToFirstRevenue: timeToFirstRevenue(data, asOf),
    partnerSourcedPipeline: partnerSourcedPipeline(data, asOf),
    certificationCompletion: certificationCompletion(data, asOf),
    dealRegistrations: dealRegistrations(data, asOf),
    psat: psat(data, asOf),
    activation: activation(data, asOf),
    newPartnerChurn: newPartnerChurn(data, asOf),
  };
}

export type KpiFilter = { cohort?: string; type?: PartnerType; ownerEmail?: string };

/** The program's records restricted to the partners matching a filter (cohort, type, manager). */
export function filterKpiData(data: KpiData, filter: KpiFilter): KpiData {
  if (!filter.cohort && !filter.type && !filter.ownerEmail) return data;
  const partners = data.partners.filter(
    (p) =>
      (!filter.cohort || signingCohort(p) === filter.cohort) &&
      (!filter.type || p.type === filter.type) &&
      (!filter.ownerEmail || p.ownerEmail === filter.ownerEmail),
  );
  const ids = new Set(partners.map((p) => p.id));
  const mine = <T extends { partnerId: string }>(docs: readonly T[]): T[] => docs.filter((d) => ids.has(d.partnerId));
  return { partners, tasks: mine(data.tasks), deals: mine(data.deals), trainings: mine(data.trainings), surveys: mine(data.surveys) };
}
