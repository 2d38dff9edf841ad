import type { IsoDate, PlanItem } from '../../../src-shared/domain/types';
import { goalPercent, goalStatus, type GoalStatus } from '../../../src-shared/plan/goalRules';
import { goalsByHorizon, type GoalHorizon } from '../../../src-shared/plan/goalHorizons';
import { quarterLabel } from '../../../src-shared/plan/planValidation';
import { itemsOfKind, revenueByQuarter } from '../../../src-shared/plan/planTotals';

export type RevenueChartData = { currency: string; rows: { quarter: string; label: string; target: number; actual: number }[] };

/**
 * Revenue targets as chart series: one chart per currency (amounts in different currencies are
 * never drawn on one axis), quarters in calendar order.
 */
export function revenueChartData(items: PlanItem[]): RevenueChartData[] {
  const byCurrency = new Map<string, RevenueChartData>();
  for (const row of revenueByQuarter(items)) {
    const chart = byCurrency.get(row.currency) ?? { currency: row.currency, rows: [] };
    chart.rows.push({ quarter: row.quarter, label: quarterLabel(row.quarter), target: row.target, actual: row.actual });
    byCurrency.set(row.currency, chart);
  }
  return [...byCurrency.values()];
}

export type GoalChartRow = { id: string; label: string; percent: number; status: GoalStatus };

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One bar per goal with a target: its progress in percent, coloured by status. */
export function goalChartData(items: PlanItem[], today: IsoDate, labelLength = 34): GoalChartRow[] {
  return itemsOfKind(items, 'goal').flatMap((goal) => {
    const percent = goalPercent(goal);
    if (percent === null) return [];
    return [{ id: goal.id, label: shorten(goal.title, labelLength), percent, status: goalStatus(goal, today) }];
  });
}

/** Chart colours per goal status, readable on screen and on paper. */
export const GOAL_STATUS_FILL: Record<GoalStatus, string> = {
  not_started: '#adb5bd',
  on_track: '#228be6',
  at_risk: '#fd7e14',
  achieved: '#12b886',
  missed: '#fa5252',
};

export type GoalWindowRow = { horizon: GoalHorizon; label: string; total: number } & Record<GoalStatus, number>;

/**
 * Goals at a glance: one bar per 30-60-90 window that has goals, split by status, so every row
 * has a bar (a goal without progress yet still counts as "not started").
 */
export function goalWindowChartData(items: PlanItem[], day0: IsoDate, today: IsoDate): GoalWindowRow[] {
  return goalsByHorizon(itemsOfKind(items, 'goal'), day0).map((group) => {
    const row: GoalWindowRow = { horizon: group.horizon, label: group.label, total: group.goals.length, not_started: 0, on_track: 0, at_risk: 0, achieved: 0, missed: 0 };
    for (const goal of group.goals) row[goalStatus(goal, today)] += 1;
    return row;
  });
}

/**
 * Revenue charts worth printing: quarters with neither a target nor an actual are left out, and a
 * currency with fewer than two such quarters gets no chart (the table already says it all).
 */
export function revenueChartsForPrint(items: PlanItem[]): RevenueChartData[] {
  return revenueChartData(items)
    .map((chart) => ({ ...chart, rows: chart.rows.filter((row) => row.target !== 0 || row.actual !== 0) }))
    .filter((chart) => chart.rows.length >= 2);
}
