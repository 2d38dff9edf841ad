import type { TierDistribution } from '../../../src-shared/kpi/tierDistribution';

export type TierChartRow = { month: string; date: string; total: number } & Record<string, number | string>;

export type TierChart = {
  /** One stacked series per tier some partner held in the period, lowest tier at the bottom (colours keep the tier's place in the definition). */
  series: { key: string; color: string }[];
  rows: TierChartRow[];
  /** No partner in the program at any month end: the card shows its empty state. */
  empty: boolean;
  /** No partner has an approved tier decision: every month shows today's tiers (said under the chart). */
  flat: boolean;
  /** The latest month's counts in words, lowest tier first ("Registered 12 · Silver 5"). */
  latest: string;
};

// Lowest tier in a quiet grey, then colours that stay apart in light and dark mode.
const TIER_COLORS = ['var(--mantine-color-gray-5)', 'var(--mantine-color-cyan-6)', 'var(--mantine-color-yellow-6)', 'var(--mantine-color-indigo-6)', 'var(--mantine-color-grape-6)', 'var(--mantine-color-teal-6)'];
const OTHER_COLOR = 'var(--mantine-color-red-4)';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2026-03` → `Mar 26`. */
export function shortMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y?.slice(2) ?? ''}`;
}

/** Rows for a Recharts stacked chart from the distribution (src-shared/kpi/tierDistribution.ts). */
export function tierChart(distribution: TierDistribution, definitionTiers: readonly string[], hasHistory: boolean): TierChart {
  const held = (tier: string) => distribution.points.some((p) => (p.counts[tier] ?? 0) > 0);
  const series = distribution.tiers
    .map((key, i) => ({ key, color: i < definitionTiers.length ? (TIER_COLORS[i % TIER_COLORS.length] ?? OTHER_COLOR) : OTHER_COLOR }))
    .filter((s) => held(s.key));
  const rows = distribution.points.map((p) => ({ ...p.counts, month: shortMonth(p.month), date: p.date, total: p.total }) as TierChartRow);
  const last = distribution.points.at(-1);
  const latest = last ? distribution.tiers.filter((t) => (last.counts[t] ?? 0) > 0).map((t) => `${t} ${last.counts[t]}`).join(' · ') : '';
  return { series, rows, empty: distribution.points.every((p) => p.total === 0), flat: !hasHistory, latest };
}
