import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { newId as randomId, todayIso } from './ids';
import { journeyTemplateFor, type JourneyTemplate } from './journeyTemplates';
import { PHASES, type IsoDate, type IsoTimestamp, type Partner, type Phase, type Task } from './types';

/** How each phase is shown, and the journey days it covers (`endDay: null` = open-ended). */
export const PHASE_INFO: Record<Phase, { label: string; window: string; startDay: number; endDay: number | null }> = {
  preboarding: { label: 'Pre-boarding', window: 'Day 0', startDay: 0, endDay: 0 },
  immersion: { label: 'Initial immersion', window: 'Week 1 (days 1–7)', startDay: 1, endDay: 7 },
  activation: { label: 'Activation', window: 'Days 8–30', startDay: 8, endDay: 30 },
  engagement: { label: 'First engagement', window: 'Days 31–90', startDay: 31, endDay: 90 },
  growth: { label: 'Ongoing growth', window: 'Day 91+', startDay: 91, endDay: null },
};

/**
 * Day N of the journey: calendar days from Day 0 (the contract signed date) to `today`, so the
 * signing day is day 0 and the next day is day 1. Negative while Day 0 is still in the future.
 */
export function dayNumber(day0: IsoDate, today: IsoDate): number {
  const from = utcDayIndex(day0);
  const to = utcDayIndex(today);
  if (from !== null && to !== null) return to - from;
  return differenceInCalendarDays(parseISO(today), parseISO(day0));
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a plain `YYYY-MM-DD`; NaN for an impossible date (as date-fns gives);
 * null for anything else, which takes the date-fns path. `dayNumber` runs for every task of
 * every partner on each data change, and this is ~20× cheaper than parsing with date-fns.
 */
function utcDayIndex(iso: string): number | null {
  const match = ISO_DAY.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const day = Number(match[3]);
  if (year < 100) return null; // Date.UTC maps years 0-99 to 1900-1999
  const time = Date.UTC(year, month, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return Number.NaN;
  return time / MS_PER_DAY;
}

/**
 * The phase a partner is in on a journey day. Everything up to and including Day 0 is
 * pre-boarding; after day 90 the journey never ends, it stays in ongoing growth.
 */
export function phaseForDay(day: number): Phase {
  if (day <= 0) return 'preboarding';
  if (day <= 7) return 'immersion';
  if (day <= 30) return 'activation';
  if (day <= 90) return 'engagement';
  return 'growth';
}

/** The calendar date `dueOffset` days after Day 0. Throws a RangeError for an invalid Day 0. */
export function dueDateFor(day0: IsoDate, dueOffset: number): IsoDate {
  return format(addDays(parseISO(day0), dueOffset), 'yyyy-MM-dd');
}

/** The template step recording the signed partner agreement (Day 0 itself). */
export const AGREEMENT_TASK_KEY = 'agreement-signed';

/**
 * Turns a journey template into the partner's tasks: one open task per template step, due
 * `dueOffset` days after Day 0, in template order. The template defaults to the built-in one
 * for the partner's type and maturity.
 *
 * Steps whose due date has already passed (a partner entered weeks after signing) stay open and
 * show as overdue: they are not auto-completed, because only the manager knows whether they
 * actually happened; they tick them off or mark them not applicable. The one exception is the
 * signed agreement: Day 0 *is* the contract signing date, so once Day 0 has come the agreement
 * step is done on Day 0.
 */
export function generateJourney(
  partner: Pick<Partner, 'id' | 'day0' | 'type' | 'maturity'>,
  options: { now: IsoTimestamp; template?: JourneyTemplate; newId?: () => string },
): Task[] {
  const template = options.template ?? journeyTemplateFor(partner.type, partner.maturity);
  const makeId = options.newId ?? randomId;
  const signed = partner.day0 <= todayIso(new Date(options.now));
  return template.tasks.map(
    (t, index): Task => ({
      id: makeId(),
      createdAt: options.now,
      updatedAt: options.now,
      partnerId: partner.id,
      phase: t.phase,
      category: t.category,
      title: t.title,
      guidance: t.guidance,
      key: t.key,
      dueOffset: t.dueOffset,
      dueDate: dueDateFor(partner.day0, t.dueOffset),
      ownerSide: t.ownerSide,
      ownerName: '',
      required: t.required,
      ...(t.key === AGREEMENT_TASK_KEY && signed ? { status: 'done' as const, completedOn: partner.day0 } : { status: 'open' as const }),
      source: 'template',
      order: index,
    }),
  );
}

/** How far into its journey a partner is: "Day 12", or "Starts in 90 days" while Day 0 is ahead. */
export function journeyDayLabel(day: number): string {
  if (day >= 0) return `Day ${day}`;
  return day === -1 ? 'Starts tomorrow' : `Starts in ${-day} days`;
}

/**
 * What is wrong with a journey step's due date, or null: it must be a real date, and not before
 * Day 0 (nothing is due before the contract is signed, and it would read as weeks late at once).
 */
export function dueDateError(dueDate: string, day0: IsoDate): string | null {
  const parsed = parseISO(dueDate);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || Number.isNaN(parsed.getTime()) || format(parsed, 'yyyy-MM-dd') !== dueDate) return 'Pick a due date (YYYY-MM-DD).';
  if (dueDate < day0) return `This is before Day 0 (${format(parseISO(day0), 'd MMM yyyy')}), when the contract was signed: pick that day or later.`;
  return null;
}

/**
 * Why a task cannot be marked started, or null. Only an open task that is not started yet can
 * be, and not before the partner's Day 0. A started task is "in progress": a template change
 * never removes or re-dates it, and late prerequisites no longer move it.
 */
export function startTaskError(task: Pick<Task, 'status' | 'startedOn'>, day0: IsoDate, today: IsoDate): string | null {
  if (task.status === 'done') return 'This step is already done; reopen it first.';
  if (task.status === 'not_applicable') return 'This step is marked not applicable; reopen it first.';
  if (task.startedOn) return `This step was already started on ${format(parseISO(task.startedOn), 'd MMM yyyy')}.`;
  if (today < day0) return `The journey starts on Day 0 (${format(parseISO(day0), 'd MMM yyyy')}): a step cannot be started before.`;
  return null;
}

/** A task is overdue when it is still open and its due date is before today (due today is not late). */
export function isOverdue(task: Task, today: IsoDate): boolean {
  return task.status === 'open' && task.dueDate < today;
}

/**
 * The overdue steps of a journey, oldest first: the one definition every screen counts (the
 * journey banner, health, Today).
 */
export function overdueSteps(tasks: readonly Task[], today: IsoDate): Task[] {
  return tasks.filter((t) => isOverdue(t, today)).sort(compareByDue);
}

export type PhaseProgress = { phase: Phase; done: number; total: number; ratio: number };

/** done / total, where an empty total counts as 0 (nothing to show, not "complete"). */
function ratioOf(done: number, total: number): number {
  return total === 0 ? 0 : done / total;
}

/**
 * Progress of each of the five phases, in journey order. Tasks marked not applicable are left
 * out of the total, so skipping a step never holds a phase back. A phase without applicable
 * tasks reports 0 of 0 with ratio 0.
 */
export function phaseProgress(tasks: Task[]): PhaseProgress[] {
  return PHASES.map((phase) => {
    const applicable = tasks.filter((t) => t.phase === phase && t.status !== 'not_applicable');
    const done = applicable.filter((t) => t.status === 'done').length;
    return { phase, done, total: applicable.length, ratio: ratioOf(done, applicable.length) };
  });
}

/** Share of applicable tasks done across the whole journey, 0..1 (0 when there are none). */
export function journeyProgress(tasks: Task[]): number {
  const applicable = tasks.filter((t) => t.status !== 'not_applicable');
  return ratioOf(applicable.filter((t) => t.status === 'done').length, applicable.length);
}

/** Sorts open tasks the way a manager should work through them: earliest due first. */
export function compareByDue(a: Task, b: Task): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** How many next steps the workspace shows first: the "no information overload" rule. */
export const MAX_NEXT_STEPS = 5;

export type JourneySummary = {
  day: number;
  phase: Phase;
  progress: number;
  phases: PhaseProgress[];
  overdue: Task[];
  nextSteps: Task[];
};

/**
 * What the partner workspace shows first: the current day and phase, progress, every overdue
 * task, and at most five next steps (open tasks, overdue first, then by due date and order) so
 * the manager is not buried; the full journey is one click away.
 */
export function summarizeJourney(partner: Pick<Partner, 'day0'>, tasks: Task[], today: IsoDate): JourneySummary {
  const day = dayNumber(partner.day0, today);
  const open = tasks.filter((t) => t.status === 'open');
  const overdue = overdueSteps(open, today);
  const upcoming = open.filter((t) => !isOverdue(t, today)).sort(compareByDue);
  return {
    day,
    phase: phaseForDay(day),
    progress: journeyProgress(tasks),
    phases: phaseProgress(tasks),
    overdue,
    nextSteps: [...overdue, ...upcoming].slice(0, MAX_NEXT_STEPS),
  };
}

/**
 * Onboarding is complete when every required task of pre-boarding through first engagement is
 * done or not applicable; ongoing-growth tasks never block it. A partner without any such task
 * (no journey generated) has not completed onboarding.
 */
export function onboardingComplete(tasks: Task[]): boolean {
  const required = tasks.filter((t) => t.required && t.phase !== 'growth');
  return required.length > 0 && required.every((t) => t.status === 'done' || t.status === 'not_applicable');
}
