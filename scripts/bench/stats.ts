/** Summary statistics over repeated measurements, in milliseconds (rounded to 0.1). */
export type Summary = { n: number; median: number; p95: number; min: number; max: number; mean: number };

const round = (value: number): number => Math.round(value * 10) / 10;

/** Nearest-rank percentile (p in 0..100) of sorted values: an observed value, never interpolated. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / (sorted.length || 1);
  return {
    n: sorted.length,
    median: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(mean),
  };
}

/** Median of a field over runs (for breakdowns). */
export function medianOf<T>(runs: T[], pick: (run: T) => number | null): number | null {
  const values = runs.map(pick).filter((v): v is number => v !== null && Number.isFinite(v));
  return values.length === 0 ? null : summarize(values).median;
}

export { round };
