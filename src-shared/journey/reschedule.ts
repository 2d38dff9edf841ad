import { dueDateFor } from '../domain/journey';
import type { IsoDate, Task } from '../domain/types';
import { daysBetween, plusDays } from './calendarDays';

type ScheduledTask = Pick<Task, 'id' | 'key' | 'title' | 'phase' | 'required' | 'status' | 'dueDate'> &
  Pick<Task, 'completedOn' | 'dependsOn' | 'pinned' | 'shiftDays' | 'startedOn'>;

/** Why a task's prerequisite chain is late: the task where the delay started. */
export type DelayCause = {
  taskId: string;
  title: string;
  kind: 'finished_late' | 'overdue';
  /** Days late: finished after its due date, or still open after it as of today. */
  days: number;
};

/** One due date the schedule moves. */
export type ScheduleMove = {
  taskId: string;
  title: string;
  from: IsoDate;
  to: IsoDate;
  /** The total shift from the planned date after the move (0 = back on plan). */
  shiftDays: number;
  /** The direct prerequisite whose delay is passed on (absent when moving back on plan). */
  via?: { taskId: string; title: string };
  cause?: DelayCause;
};

/** A task due later than planned because of late prerequisites, and why (written or not). */
export type Delay = {
  taskId: string;
  title: string;
  planned: IsoDate;
  due: IsoDate;
  shiftDays: number;
  via: { taskId: string; title: string };
  cause?: DelayCause;
};

export type Schedule = {
  /** Due dates to write: tasks whose stored date differs from the schedule. */
  moves: ScheduleMove[];
  /** Every open task the schedule puts later than planned, with the reason: what moved and why. */
  delays: Delay[];
  /** Tasks whose date a late prerequisite would move but which stay, and why. */
  held: { taskId: string; title: string; reason: 'pinned' | 'in_progress'; wouldShiftDays: number }[];
  /** Day 90 after Day 0: when onboarding should be complete. */
  targetEnd: IsoDate;
  /** When the last required onboarding task (pre-boarding to first engagement) is expected done. */
  forecastEnd: IsoDate | null;
  /** Days the forecast end is after the target (negative: ahead of it). */
  slipDays: number | null;
};

/** Day of the journey onboarding should be complete by. */
export const ONBOARDING_TARGET_DAY = 90;


/**
 * Tasks in dependency order (prerequisites first, then by due date); tasks caught in a
 * dependency cycle keep their place at the end and pass on no delay.
 */
function dependencyOrder(tasks: readonly ScheduledTask[]): { ordered: ScheduledTask[]; cyclic: Set<string> } {
  const byKey = new Map<string, ScheduledTask>();
  for (const t of tasks) if (!byKey.has(t.key)) byKey.set(t.key, t);
  const prereqs = (t: ScheduledTask) => (t.dependsOn ?? []).map((k) => byKey.get(k)).filter((p): p is ScheduledTask => !!p && p.id !== t.id);
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: ScheduledTask[] = [];
  const cyclic = new Set<string>();
  const visit = (t: ScheduledTask, path: ScheduledTask[]) => {
    const seen = state.get(t.id);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      for (const member of path.slice(path.indexOf(t))) cyclic.add(member.id);
      return;
    }
    state.set(t.id, 'visiting');
    for (const p of prereqs(t)) visit(p, [...path, t]);
    state.set(t.id, 'done');
    ordered.push(t);
  };
  const byDue = [...tasks].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  for (const t of byDue) visit(t, []);
  return { ordered, cyclic };
}

/**
 * Reschedules a partner's journey after late prerequisites, as of `today`.
 *
 * Each task has a planned date: its due date less the shift already applied (`shiftDays`). A
 * prerequisite is late by the days between its planned date and when it is (expected to be)
 * finished: its completion day, or today while it is still open past its date. Every dependent
 * is due its planned date plus the largest delay among its prerequisites (a diamond waits for the
 * latest branch), so chains pass delays on and a prerequisite finished early never pulls a
 * dependent earlier than planned. Pinned, done, in-progress and not-applicable tasks keep their
 * date; the pinned and in-progress ones still pass on their own lateness. The result lists the
 * moves with the task the delay started at, and the forecast end of onboarding vs day 90.
 */
export function reschedule(tasks: readonly ScheduledTask[], day0: IsoDate, today: IsoDate): Schedule {
  const { ordered, cyclic } = dependencyOrder(tasks);
  const byKey = new Map<string, ScheduledTask>();
  for (const t of tasks) if (!byKey.has(t.key)) byKey.set(t.key, t);

  const forecastDue = new Map<string, IsoDate>();
  const delay = new Map<string, number>();
  const cause = new Map<string, DelayCause | undefined>();
  const moves: ScheduleMove[] = [];
  const delays: Delay[] = [];
  const held: Schedule['held'] = [];

  for (const t of ordered) {
    const planned = plusDays(t.dueDate, -(t.shiftDays ?? 0));
    let inherited = 0;
    let via: ScheduledTask | undefined;
    if (!cyclic.has(t.id)) {
      for (const key of t.dependsOn ?? []) {
        const p = byKey.get(key);
        if (!p || p.id === t.id || cyclic.has(p.id)) continue;
        const d = delay.get(p.id) ?? 0;
        if (d > inherited) {
          inherited = d;
          via = p;
        }
      }
    }

    const locked: 'pinned' | 'done' | 'in_progress' | 'not_applicable' | null =
      t.status === 'done' ? 'done' : t.status === 'not_applicable' ? 'not_applicable' : t.startedOn ? 'in_progress' : t.pinned ? 'pinned' : null;
    const due = locked ? t.dueDate : plusDays(planned, inherited);
    forecastDue.set(t.id, due);
    if ((locked === 'pinned' || locked === 'in_progress') && inherited > 0 && plusDays(planned, inherited) > t.dueDate)
      held.push({ taskId: t.id, title: t.title, reason: locked, wouldShiftDays: inherited });
    if (!locked && via && inherited > 0) delays.push({ taskId: t.id, title: t.title, planned, due, shiftDays: inherited, via: { taskId: via.id, title: via.title }, cause: cause.get(via.id) });
    if (!locked && due !== t.dueDate) {
      moves.push({
        taskId: t.id,
        title: t.title,
        from: t.dueDate,
        to: due,
        shiftDays: inherited,
        ...(via ? { via: { taskId: via.id, title: via.title }, cause: cause.get(via.id) } : {}),
      });
    }

    // When the task is (expected to be) finished, and how late that is against its own date.
    if (t.status === 'not_applicable') {
      delay.set(t.id, 0);
      continue;
    }
    const finish = t.status === 'done' ? (t.completedOn ?? due) : due < today ? today : due;
    const ownLate = daysBetween(due, finish);
    const total = Math.max(0, daysBetween(locked === 'pinned' ? t.dueDate : planned, finish), locked ? 0 : inherited);
    delay.set(t.id, total);
    if (ownLate > 0) cause.set(t.id, { taskId: t.id, title: t.title, kind: t.status === 'done' ? 'finished_late' : 'overdue', days: ownLate });
    else cause.set(t.id, via ? cause.get(via.id) : undefined);
  }

  const targetEnd = dueDateFor(day0, ONBOARDING_TARGET_DAY);
  let forecastEnd: IsoDate | null = null;
  for (const t of tasks) {
    if (!t.required || t.phase === 'growth' || t.status === 'not_applicable') continue;
    const due = forecastDue.get(t.id) ?? t.dueDate;
    const finish = t.status === 'done' ? (t.completedOn ?? due) : due < today ? today : due;
    if (!forecastEnd || finish > forecastEnd) forecastEnd = finish;
  }
  return { moves, delays, held, targetEnd, forecastEnd, slipDays: forecastEnd ? daysBetween(targetEnd, forecastEnd) : null };
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

function causeText(cause: DelayCause | undefined, via: { taskId: string; title: string }): string {
  if (!cause) return `“${via.title}” is late.`;
  const what = cause.kind === 'finished_late' ? `was finished ${days(cause.days)} late` : `is ${days(cause.days)} overdue`;
  if (cause.taskId === via.taskId) return `“${cause.title}” ${what}.`;
  return `it waits for “${via.title}”, which waits for “${cause.title}”, which ${what}.`;
}

/** A move as a sentence: "Moved 3 days later: “Kick-off call” was finished 3 days late." */
export function describeMove(move: ScheduleMove): string {
  const step = move.to > move.from ? `Moved ${days(daysBetween(move.from, move.to))} later` : `Moved back ${days(daysBetween(move.to, move.from))}`;
  if (!move.cause || !move.via) return `${step}: its prerequisites are no longer late.`;
  return `${step}: ${causeText(move.cause, move.via)}`;
}

/** A delay as a sentence: "3 days later than planned: “Kick-off call” was finished 3 days late." */
export function describeDelay(delay: Delay): string {
  return `${days(delay.shiftDays)} later than planned: ${causeText(delay.cause, delay.via)}`;
}
