import { partnerHealth, type Health, type HealthInput } from './health';
import { dayNumber, summarizeJourney, type JourneySummary } from './journey';
import { nextBestAction, type NextAction, type NextActionInput } from './nextBestAction';
import type { IsoDate, Task } from './types';

export type PartnerOverview = {
  journey: JourneySummary;
  health: Health;
  next: NextAction | null;
};

/** Everything a list row or header shows about one partner, computed once from its records (trainings and surveys feed health v2). */
export function partnerOverview(input: NextActionInput & Partial<Pick<HealthInput, 'trainings' | 'surveys'>>): PartnerOverview {
  return {
    journey: summarizeJourney(input.partner, input.tasks, input.today),
    health: partnerHealth(input),
    next: nextBestAction(input),
  };
}

export type TodayTask = { task: Task; partnerId: string; daysOverdue: number };

export type TodayAgenda = {
  overdue: TodayTask[];
  dueThisWeek: TodayTask[];
  /** Partners with no open task at all: nobody knows what happens next. */
  withoutNextStep: string[];
  /** Partner ids, lowest health first (churned partners left out). */
  attention: string[];
};

/**
 * The Today view across a manager's partners: overdue tasks (most overdue first), tasks due in
 * the next 7 days (soonest first), partners without a next step, and partners by health.
 */
export function todayAgenda(
  partners: { partnerId: string; churned: boolean; tasks: Task[]; healthScore: number }[],
  today: IsoDate,
): TodayAgenda {
  const overdue: TodayTask[] = [];
  const dueThisWeek: TodayTask[] = [];
  const withoutNextStep: string[] = [];
  for (const { partnerId, churned, tasks } of partners) {
    if (churned) continue;
    let open = 0;
    for (const task of tasks) {
      if (task.status !== 'open') continue;
      open += 1;
      const delta = dayNumber(task.dueDate, today);
      if (delta > 0) overdue.push({ task, partnerId, daysOverdue: delta });
      else if (delta >= -7) dueThisWeek.push({ task, partnerId, daysOverdue: delta });
    }
    if (open === 0) withoutNextStep.push(partnerId);
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.task.order - b.task.order);
  dueThisWeek.sort((a, b) => a.task.dueDate.localeCompare(b.task.dueDate) || a.task.order - b.task.order);
  const attention = partners
    .filter((p) => !p.churned)
    .sort((a, b) => a.healthScore - b.healthScore)
    .map((p) => p.partnerId);
  return { overdue, dueThisWeek, withoutNextStep, attention };
}
