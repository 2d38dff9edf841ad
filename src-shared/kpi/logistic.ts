/**
 * Small, pure statistics for the at-risk model: logistic regression fitted by Newton's method
 * (IRLS) with a light ridge penalty, the ROC AUC, the Brier score and calibration bins.
 */

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** w[0] is the intercept; x has no leading 1. */
export function predictProbability(w: readonly number[], x: readonly number[]): number {
  let z = w[0] ?? 0;
  for (let i = 0; i < x.length; i += 1) z += (w[i + 1] ?? 0) * (x[i] ?? 0);
  return sigmoid(z);
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is small and symmetric positive definite here). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c += 1) {
    let pivot = c;
    for (let r = c + 1; r < n; r += 1) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[pivot]?.[c] ?? 0)) pivot = r;
    [m[c], m[pivot]] = [m[pivot] ?? [], m[c] ?? []];
    const row = m[c] ?? [];
    const p = row[c] ?? 1;
    for (let r = 0; r < n; r += 1) {
      if (r === c) continue;
      const other = m[r] ?? [];
      const f = (other[c] ?? 0) / p;
      if (f === 0) continue;
      for (let k = c; k <= n; k += 1) other[k] = (other[k] ?? 0) - f * (row[k] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/**
 * Fits P(y = 1 | x) = σ(w0 + w·x) by IRLS, minimising the log loss plus `ridge`/2·|w|² (the
 * intercept is not penalised). Deterministic; stops when the step is tiny or after 50 rounds.
 */
export function fitLogistic(xs: readonly (readonly number[])[], ys: readonly number[], ridge = 1): number[] {
  const d = (xs[0]?.length ?? 0) + 1;
  let w = new Array<number>(d).fill(0);
  const mean = ys.reduce((s, y) => s + y, 0) / Math.max(1, ys.length);
  w[0] = Math.log(Math.max(1e-3, mean) / Math.max(1e-3, 1 - mean));
  for (let iter = 0; iter < 50; iter += 1) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    xs.forEach((x, n) => {
      const row = [1, ...x];
      const p = predictProbability(w, x);
      const r = p - (ys[n] ?? 0);
      const s = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < d; i += 1) {
        grad[i] = (grad[i] ?? 0) + r * (row[i] ?? 0);
        const hi = hess[i] ?? [];
        for (let j = 0; j < d; j += 1) hi[j] = (hi[j] ?? 0) + s * (row[i] ?? 0) * (row[j] ?? 0);
      }
    });
    for (let i = 1; i < d; i += 1) {
      grad[i] = (grad[i] ?? 0) + ridge * (w[i] ?? 0);
      const hi = hess[i] ?? [];
      hi[i] = (hi[i] ?? 0) + ridge;
    }
    const step = solve(hess, grad);
    w = w.map((wi, i) => wi - (step[i] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

/**
 * ROC AUC: the probability that a random positive is scored above a random negative (ties
 * count half). Null when either class is missing.
 */
export function auc(scores: readonly number[], labels: readonly number[]): number | null {
  const pairs = scores.map((s, i) => [s, labels[i] ?? 0] as const).sort((a, b) => a[0] - b[0]);
  const positives = pairs.filter(([, y]) => y === 1).length;
  const negatives = pairs.length - positives;
  if (positives === 0 || negatives === 0) return null;
  // Rank sum with average ranks for ties.
  let rankSum = 0;
  let i = 0;
  while (i < pairs.length) {
    let j = i;
    while (j + 1 < pairs.length && pairs[j + 1]?.[0] === pairs[i]?.[0]) j += 1;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) if (pairs[k]?.[1] === 1) rankSum += avgRank;
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean squared error of the probabilities (0 is perfect, 0.25 is a coin flip). */
export function brierScore(probabilities: readonly number[], labels: readonly number[]): number | null {
  if (probabilities.length === 0) return null;
  return probabilities.reduce((s, p, i) => s + (p - (labels[i] ?? 0)) ** 2, 0) / probabilities.length;
}

export type CalibrationBin = { from: number; to: number; count: number; meanPredicted: number | null; observedRate: number | null };

/** Predictions grouped in `bins` equal-width bins of probability: mean predicted vs observed rate in each. */
export function calibrationBins(probabilities: readonly number[], labels: readonly number[], bins = 5): CalibrationBin[] {
  return Array.from({ length: bins }, (_, b) => {
    const from = b / bins;
    const to = (b + 1) / bins;
    const idx = probabilities.map((p, i) => [p, i] as const).filter(([p]) => p >= from && (b === bins - 1 ? p <= to : p < to));
    const count = idx.length;
    const meanPredicted = count === 0 ? null : idx.reduce((s, [p]) => s + p, 0) / count;
    const observedRate = count === 0 ? null : idx.reduce((s, [, i]) => s + (labels[i] ?? 0), 0) / count;
    return { from, to, count, meanPredicted, observedRate };
  });
}
