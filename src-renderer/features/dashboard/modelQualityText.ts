import { calibrationMonotone, type ModelQuality } from '../../../src-shared/kpi/riskModel';

/** The AUC in words: how well the score separates partners that activated from those that did not. */
export function aucVerdict(quality: ModelQuality | null): string {
  const auc = quality?.auc;
  if (auc === null || auc === undefined) return 'not measurable yet';
  if (auc >= 0.8) return 'good';
  if (auc >= 0.7) return 'fair';
  if (auc > 0.55) return 'weak';
  return 'no better than chance';
}

/**
 * What the calibration table shows, said plainly: null when higher predicted risk goes with a
 * higher observed rate (nothing to warn about), otherwise a sentence saying it does not.
 */
export function calibrationWarning(quality: ModelQuality | null): string | null {
  if (!quality || calibrationMonotone(quality.calibration)) return null;
  return 'Not monotone: a higher predicted risk does not always mean more partners were not activated, so read the percentages as a rough ranking, not as chances.';
}
