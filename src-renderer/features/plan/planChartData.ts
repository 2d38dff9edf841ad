import type { IsoDate, PlanItem } from '../../../src-shared/domain/types';
import { goalPercent, goalStatus, type GoalStatus } from '../../../src-shared/plan/goalRules';
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
