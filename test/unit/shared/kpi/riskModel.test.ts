import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src-shared/demo/demoPortfolio';
import { partnerHealth } from '../../../../src-shared/domain/health';
import { auc, brierScore, calibrationBins, fitLogistic, predictProbability, sigmoid } from '../../../../src-shared/kpi/logistic';
import { calibrationMonotone, EXPERT_WEIGHTS, partnerRisk, riskDisplay, riskFeatures, trainRiskModel, type RiskExample, type RiskModel } from '../../../../src-shared/kpi/riskModel';
import { makePartner } from '../domain/fixtures';

/** Synthetic history with a known signal: schedule and deal shortfalls raise the risk, the rest is noise. */
function synthetic(partners: number, seed: number): { examples: RiskExample[]; truth: number[] } {
  const rnd = mulberry32(seed);
  const truth = [-1.5, 3, 0, 0, 2.5, 0, 0];
  const examples: RiskExample[] = [];
  for (let p = 0; p < partners; p += 1) {
    const features = Array.from({ length: 6 }, () => Math.round(rnd() * 100) / 100);
    const label = rnd() < predictProbability(truth, features) ? 1 : 0;
    examples.push({ partnerId: `p${p}`, features, label });
  }
  return { examples, truth };
}

describe('logistic regression, AUC and calibration', () => {
  it('recovers a known signal from synthetic data', () => {
    const { examples, truth } = synthetic(3000, 7);
    const w = fitLogistic(examples.map((e) => e.features), examples.map((e) => e.label), 0.01);
    expect(w[1]).toBeCloseTo(truth[1] ?? 0, 0);
    expect(w[4]).toBeCloseTo(truth[4] ?? 0, 0);
    for (const i of [2, 3, 5, 6]) expect(Math.abs(w[i] ?? 0)).toBeLessThan(0.5);
  });

  it('computes AUC by hand-checkable cases', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(auc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(auc([0.2, 0.3], [1, 1])).toBeNull();
    expect(brierScore([1, 0, 0.5], [1, 0, 1])).toBeCloseTo(0.25 / 3, 6);
    expect(calibrationBins([0.1, 0.15, 0.9], [0, 1, 1], 2)).toEqual([
      { from: 0, to: 0.5, count: 2, meanPredicted: 0.125, observedRate: 0.5 },
      { from: 0.5, to: 1, count: 1, meanPredicted: 0.9, observedRate: 1 },
    ]);
    expect(sigmoid(0)).toBe(0.5);
  });
});

describe('trainRiskModel', () => {
  it('fits once there is enough history and reports a held-out AUC above chance', () => {
    const { examples } = synthetic(200, 11);
    const model = trainRiskModel(examples);
    expect(model.kind).toBe('fitted');
    expect(model.outcomes).toBe(200);
    expect(model.quality?.method).toBe('cross-validated');
    expect(model.quality?.auc).toBeGreaterThan(0.65);
    expect(model.quality?.calibration.reduce((s, b) => s + b.count, 0)).toBe(200);
    expect(model.weights.schedule).toBeGreaterThan(1);
    expect(model.weights.deals).toBeGreaterThan(1);
  });

  it('falls back to expert weights with too little history, and says so', () => {
    const { examples } = synthetic(20, 3);
    const model = trainRiskModel(examples);
    expect(model.kind).toBe('expert');
    expect(model.weights).toEqual(EXPERT_WEIGHTS);
    expect(model.quality?.method).toBe('in-sample');
    expect(model.note).toMatch(/^Expert weights: 20 partners with a known day-90 outcome/);
    expect(trainRiskModel([]).quality).toBeNull();
  });

  it('falls back when one outcome is too rare even with many partners', () => {
    const examples = synthetic(100, 5).examples.map((e, i) => ({ ...e, label: (i < 3 ? 1 : 0) as 0 | 1 }));
    expect(trainRiskModel(examples).kind).toBe('expert');
  });
});

describe('partnerRisk', () => {
  const partner = makePartner({ day0: '2026-03-01' });
  const records = { tasks: [], meetings: [], deals: [], plans: [], trainings: [], surveys: [] };
  const model = trainRiskModel([]);

  it('gives a partner without any warning sign a low risk and one far behind a high risk, with reasons', () => {
    const fine = partnerRisk(model, partner, records, partnerHealth({ partner, ...records, today: '2026-03-05' }).contributions ?? [], '2026-03-05');
    expect(fine.probability).toBeCloseTo(sigmoid(EXPERT_WEIGHTS.intercept), 3);
    expect(fine.atRisk).toBe(false);
    const behind = partnerHealth({ partner, ...records, today: '2026-05-25' });
    const risk = partnerRisk(model, partner, records, behind.contributions ?? [], '2026-05-25');
    expect(risk.probability).toBeGreaterThan(0.5);
    expect(risk.atRisk).toBe(true);
    expect(risk.reasons[0]).toMatch(/No deal registered at day 85|No check-in/);
    expect(riskFeatures(behind.contributions ?? [])).toHaveLength(6);
  });

  it('has no probability once the day-90 outcome is known or for a churned partner', () => {
    const late = partnerRisk(model, partner, records, [], '2026-06-15');
    expect(late.probability).toBeNull();
    const churned = partnerRisk(model, { ...partner, status: 'churned' }, records, [], '2026-04-01');
    expect(churned).toMatchObject({ probability: null, atRisk: false });
  });
});

describe('showing a risk honestly', () => {
  const bin = (from: number, observedRate: number | null, count = 5) => ({ from, to: from + 0.2, count, meanPredicted: from + 0.1, observedRate });
  const fitted = (auc: number, calibration = [bin(0, 0.1), bin(0.2, 0.3), bin(0.4, 0.6)]): RiskModel => ({
    kind: 'fitted',
    weights: EXPERT_WEIGHTS,
    outcomes: 40,
    notActivated: 15,
    quality: { method: 'cross-validated', auc, brier: 0.2, calibration, examples: 120 },
    note: '',
  });

  it('shows a band with the reason, not "92%", from built-in weights or a weak model', () => {
    expect(riskDisplay({ ...fitted(0.9), kind: 'expert' }, 0.92)).toMatchObject({ kind: 'band', band: 'high', text: 'High risk', caveat: expect.stringMatching(/^Built-in weights/) });
    expect(riskDisplay(fitted(0.674), 0.98)).toMatchObject({ kind: 'band', band: 'high', caveat: 'Weak model (AUC 0.674): a band, not a precise chance' });
    expect(riskDisplay(fitted(0.674), 0.55)).toMatchObject({ band: 'elevated' });
    expect(riskDisplay(fitted(0.674), 0.2)).toMatchObject({ band: 'normal' });
  });

  it('shows a percentage only from a good, monotone model', () => {
    expect(riskDisplay(fitted(0.82), 0.62)).toEqual({ kind: 'percent', text: 'At risk 62%' });
    const bumpy = [bin(0, 0.4), bin(0.2, 0.1), bin(0.4, null, 0), bin(0.6, 0.7)];
    expect(calibrationMonotone(bumpy)).toBe(false);
    expect(riskDisplay(fitted(0.82, bumpy), 0.62)).toMatchObject({ kind: 'band', caveat: 'Calibration is not monotone: a band, not a precise chance' });
  });
});
