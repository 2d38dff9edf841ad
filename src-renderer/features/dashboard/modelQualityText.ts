import { HEALTH_MEASURES, type HealthMeasure } from '../../../src-shared/domain/health';
import { calibrationMonotone, type ModelQuality, type RiskWeights } from '../../../src-shared/kpi/riskModel';

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

/**
 * How much each health measure's shortfall counts in the risk score, as a share of all of them
 * (rounded percentages, largest first), instead of the raw logistic weights. A measure whose
 * fitted weight came out zero or negative adds no risk and is said so.
 */
export function weightShares(weights: RiskWeights, labels: Record<HealthMeasure, string>): string {
  const risky = HEALTH_MEASURES.map((m) => ({ label: labels[m], weight: Math.max(0, weights[m]) }));
  const total = risky.reduce((sum, r) => sum + r.weight, 0);
  if (total === 0) return 'No measure adds risk in this model.';
  const counted = risky.filter((r) => r.weight > 0).sort((a, b) => b.weight - a.weight);
  const none = risky.filter((r) => r.weight === 0).map((r) => r.label);
  const shares = counted.map((r) => `${r.label} ${Math.round((r.weight / total) * 100)} %`).join(' · ');
  return none.length ? `${shares} · adds no risk: ${none.join(', ')}` : shares;
}
