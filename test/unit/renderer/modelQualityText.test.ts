import { describe, expect, it } from 'vitest';
import { aucVerdict, calibrationWarning, weightShares } from '../../../src-renderer/features/dashboard/modelQualityText';
import type { CalibrationBin } from '../../../src-shared/kpi/logistic';
import { HEALTH_MEASURE_LABELS } from '../../../src-shared/domain/health';
import { EXPERT_WEIGHTS, type ModelQuality } from '../../../src-shared/kpi/riskModel';

function quality(rates: (number | null)[], auc: number | null = 0.674): ModelQuality {
  const calibration: CalibrationBin[] = rates.map((observedRate, i) => ({
    from: i / rates.length,
    to: (i + 1) / rates.length,
    count: observedRate === null ? 0 : 10,
    meanPredicted: observedRate === null ? null : (i + 0.5) / rates.length,
    observedRate,
  }));
  return { method: 'cross-validated', auc, brier: 0.2, calibration, examples: 10 * rates.length };
}

describe('calibrationWarning', () => {
  it('says nothing when the observed rate rises with the predicted risk (empty bins skipped)', () => {
    expect(calibrationWarning(quality([0.1, null, 0.3, 0.6]))).toBeNull();
    expect(calibrationWarning(null)).toBeNull();
  });

  it('says plainly that the table is not monotone when a riskier bin saw fewer failures', () => {
    expect(calibrationWarning(quality([0.1, 0.5, 0.3, 0.6]))).toMatch(/^Not monotone: a higher predicted risk does not always mean/);
  });
});

describe('aucVerdict', () => {
  it('names the AUC bands the card shows', () => {
    expect(aucVerdict(quality([], 0.674))).toBe('weak');
    expect(aucVerdict(quality([], 0.72))).toBe('fair');
    expect(aucVerdict(quality([], 0.85))).toBe('good');
    expect(aucVerdict(quality([], 0.5))).toBe('no better than chance');
    expect(aucVerdict(quality([], null))).toBe('not measurable yet');
  });
});

describe('weightShares', () => {
  it('says how much each measure counts as a rounded share, largest first, never a raw weight', () => {
    const text = weightShares(EXPERT_WEIGHTS, HEALTH_MEASURE_LABELS);
    // Expert weights 3, 1.5, 1.5, 3, 1.5, 1 of 11.5: schedule and deals 26 % each.
    expect(text.startsWith(`${HEALTH_MEASURE_LABELS.schedule} 26 % · ${HEALTH_MEASURE_LABELS.deals} 26 %`)).toBe(true);
    expect(text).toContain(`${HEALTH_MEASURE_LABELS.psat} 9 %`);
    expect(text).not.toMatch(/\d\.\d/);
  });

  it('names the measures a fitted model found to add no risk', () => {
    const fitted = { ...EXPERT_WEIGHTS, psat: -0.4, sentiment: 0, schedule: 2.6807, deals: 1.2, checkin: 0.7, certification: 0.5 };
    const text = weightShares(fitted, HEALTH_MEASURE_LABELS);
    expect(text).toContain(`adds no risk: ${HEALTH_MEASURE_LABELS.sentiment}, ${HEALTH_MEASURE_LABELS.psat}`);
    expect(text).not.toContain('2.6807');
  });
});
