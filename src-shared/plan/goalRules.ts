import type { IsoDate, PlanItem } from '../domain/types';

export const GOAL_STATUSES = ['not_started', 'on_track', 'at_risk', 'achieved', 'missed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  achieved: 'Achieved',
  missed: 'Missed',
};

/** A goal due within this many days that is less than AT_RISK_PROGRESS done is at risk. */
export const AT_RISK_WINDOW_DAYS = 14;
export const AT_RISK_PROGRESS = 0.75;

type GoalFields = Pick<PlanItem, 'target' | 'actual' | 'dueDate'>;

/**
 * How far a goal is, from 0 to 1: actual ÷ target, capped at 1 (over-achieving shows as done),
 * never below 0. A goal without a positive target has no measurable progress: null.
 */
export function goalProgress(goal: Pick<PlanItem, 'target' | 'actual'>): number | null {
  const { target, actual } = goal;
  if (target === undefined || !Number.isFinite(target) || target <= 0) return null;
  const value = actual !== undefined && Number.isFinite(actual) ? actual : 0;
  return Math.min(1, Math.max(0, value / target));
}

/** Progress as a whole percentage (0–100) or null, as the progress bars and tables show it. */
export function goalPercent(goal: Pick<PlanItem, 'target' | 'actual'>): number | null {
  const progress = goalProgress(goal);
  return progress === null ? null : Math.round(progress * 100);
}

const DAY_MS = 86_400_000;
const dayNumber = (date: IsoDate): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/**
 * A goal's status as of `today`, computed from its numbers and due date (never typed by hand, so
 * two laptops always agree):
 * - achieved: the actual reached the target;
 * - missed: the due date has passed without reaching it;
 * - at risk: due within 14 days (today included) and less than 75 % done;
 * - on track: some progress, or no progress yet but the due date is still far;
 * - not started: nothing recorded yet (and not yet at risk).
 * A goal without a positive target is never achieved by its numbers: only its due date counts.
 */
export function goalStatus(goal: GoalFields, today: IsoDate): GoalStatus {
  const progress = goalProgress(goal);
  const actual = goal.actual ?? 0;
  if (progress !== null && progress >= 1) return 'achieved';
  if (goal.dueDate) {
    const daysLeft = dayNumber(goal.dueDate) - dayNumber(today);
    if (daysLeft < 0) return 'missed';
    if (daysLeft <= AT_RISK_WINDOW_DAYS && (progress ?? 0) < AT_RISK_PROGRESS) return 'at_risk';
  }
  return actual > 0 ? 'on_track' : 'not_started';
}

export const GOAL_STATUS_COLORS: Record<GoalStatus, string> = {
  not_started: 'gray',
  on_track: 'blue',
  at_risk: 'orange',
  achieved: 'teal',
  missed: 'red',
};

/** Counts of goals per status and the mean progress of goals with a target (null when none). */
export function goalSummary(goals: GoalFields[], today: IsoDate): { counts: Record<GoalStatus, number>; meanProgress: number | null } {
  const counts = Object.fromEntries(GOAL_STATUSES.map((status) => [status, 0])) as Record<GoalStatus, number>;
  let sum = 0;
  let measured = 0;
  for (const goal of goals) {
    counts[goalStatus(goal, today)] += 1;
    const progress = goalProgress(goal);
    if (progress !== null) {
      sum += progress;
      measured += 1;
    }
  }
  return { counts, meanProgress: measured === 0 ? null : sum / measured };
}

export const GOAL_HORIZONS = ['30', '60', '90', 'later'] as const;
export type GoalHorizon = (typeof GOAL_HORIZONS)[number];
export const GOAL_HORIZON_LABELS: Record<GoalHorizon, string> = { '30': '30 days', '60': '60 days', '90': '90 days', later: 'Later' };

/** Which 30-60-90 bucket a goal due on `dueDate` falls in, counted from the partner's Day 0. */
export function goalHorizon(dueDate: IsoDate | undefined, day0: IsoDate): GoalHorizon {
  if (!dueDate) return 'later';
  const day = dayNumber(dueDate) - dayNumber(day0);
  if (day <= 30) return '30';
  if (day <= 60) return '60';
  if (day <= 90) return '90';
  return 'later';
}
