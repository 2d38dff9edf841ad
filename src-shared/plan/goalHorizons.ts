import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { IsoDate, PlanItem } from '../domain/types';

/**
 * The 30-60-90 day view of a plan's goals: each goal falls in the window of its due date,
 * counted in days from the partner's Day 0 (a goal due on day 30 is a 30-day goal).
 */
export const GOAL_HORIZONS = ['d30', 'd60', 'd90', 'later', 'undated'] as const;
export type GoalHorizon = (typeof GOAL_HORIZONS)[number];

export const GOAL_HORIZON_LABELS: Record<GoalHorizon, string> = {
  d30: 'First 30 days',
  d60: 'Days 31–60',
  d90: 'Days 61–90',
  later: 'After day 90',
  undated: 'No due date yet',
};

/** The window a goal's due date falls in; a date before Day 0 counts as a 30-day goal. */
export function goalHorizon(dueDate: IsoDate | undefined, day0: IsoDate): GoalHorizon {
  if (!dueDate) return 'undated';
  const day = differenceInCalendarDays(parseISO(dueDate), parseISO(day0));
  if (Number.isNaN(day)) return 'undated';
  if (day <= 30) return 'd30';
  if (day <= 60) return 'd60';
  if (day <= 90) return 'd90';
  return 'later';
}

export type HorizonGroup<T> = { horizon: GoalHorizon; label: string; goals: T[] };

/** Goals grouped by window, windows in order, empty windows left out; goals keep their order. */
export function goalsByHorizon<T extends Pick<PlanItem, 'dueDate'>>(goals: readonly T[], day0: IsoDate): HorizonGroup<T>[] {
  return GOAL_HORIZONS.map((horizon) => ({ horizon, label: GOAL_HORIZON_LABELS[horizon], goals: goals.filter((goal) => goalHorizon(goal.dueDate, day0) === horizon) })).filter(
    (group) => group.goals.length > 0,
  );
}

/**
 * The goals a cover shows: the first `max` in 30-60-90 order (earliest window first, then plan
 * order), so a reader sees what is expected soonest.
 */
export function headlineGoals<T extends Pick<PlanItem, 'dueDate'>>(goals: readonly T[], day0: IsoDate, max = 3): T[] {
  return goalsByHorizon(goals, day0)
    .flatMap((group) => group.goals)
    .slice(0, max);
}
