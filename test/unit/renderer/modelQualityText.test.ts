import { describe, expect, it } from 'vitest';
import { aucVerdict, calibrationWarning } from '../../../src-renderer/features/dashboard/modelQualityText';
import type { CalibrationBin } from '../../../src-shared/kpi/logistic';
import type { ModelQuality } from '../../../src-shared/kpi/riskModel';

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
