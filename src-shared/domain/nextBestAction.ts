import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { compareByDue, dayNumber, dueDateFor, isOverdue } from './journey';
import type { Deal, IsoDate, Meeting, Partner, Plan, Task } from './types';

export type NextAction = {
  kind: 'overdue_task' | 'due_task' | 'checkin_due' | 'missing_plan' | 'no_deal' | 'kickoff' | 'growth_review' | 'next_task';
  label: string;
  detail: string;
  urgency: 'overdue' | 'due' | 'suggested';
  taskId?: string;
};

export type NextActionInput = {
  partner: Partner;
  tasks: Task[];
  meetings: Meeting[];
  deals: Deal[];
  plans: Plan[];
  today: IsoDate;
};

/** Days between reviews once the partner is in ongoing growth. */
const REVIEW_EVERY_DAYS = 90;

/** "1 day", "3 days". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A calendar date as a manager reads it: "3 May 2026". */
export function readableDate(d: IsoDate): string {
  return format(parseISO(d), 'd MMM yyyy');
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/**
 * Days between check-ins: the manager's per-partner override when set, otherwise by phase —
 * weekly through day 30, every two weeks until day 90, monthly after that.
 */
export function checkinCadenceDays(partner: Pick<Partner, 'checkinCadenceDays'>, day: number): number {
  const override = partner.checkinCadenceDays;
  if (override !== undefined && Number.isInteger(override) && override > 0) return override;
  if (day <= 30) return 7;
  if (day <= 90) return 14;
  return 30;
}

/** Why the cadence is what it is, for the detail line. */
function cadenceExplanation(partner: Pick<Partner, 'checkinCadenceDays'>, day: number): string {
  const every = checkinCadenceDays(partner, day);
  const override = partner.checkinCadenceDays;
  if (override !== undefined && Number.isInteger(override) && override > 0) {
    return `every ${plural(every, 'day')} (set for this partner)`;
  }
  if (day <= 30) return 'weekly in the first 30 days';
  if (day <= 90) return 'every 2 weeks until day 90';
  return 'monthly after day 90';
}

/** When a held meeting was recorded: its end, else its last write. */
function recordedAt(m: Meeting): string {
  return m.endedAt ?? m.updatedAt;
}

/**
 * The last kick-off or check-in actually held (status done) on or before today, by its meeting
 * date. Scheduled or cancelled meetings don't count: only a conversation that happened does.
 * Two held on the same day (a kick-off, then a check-in): the one recorded last counts, so the
 * next check-in date the manager typed there is the one that holds.
 */
export function lastCheckin(partner: Pick<Partner, 'id'>, meetings: Meeting[], today: IsoDate): Meeting | undefined {
  let last: Meeting | undefined;
  for (const m of meetings) {
    if (m.partnerId !== partner.id || m.status !== 'done') continue;
    if (m.kind !== 'checkin' && m.kind !== 'kickoff') continue;
    if (m.scheduledOn > today) continue;
    if (!last || m.scheduledOn > last.scheduledOn || (m.scheduledOn === last.scheduledOn && recordedAt(m) > recordedAt(last))) last = m;
  }
  return last;
}

/**
 * When the next check-in is due: the next check-in date recorded at the last held check-in or
 * kick-off if there is one, else that meeting's date plus the cadence for its journey day. With no
 * check-in held yet, the cadence counts from Day 0.
 */
export function nextCheckinDue(partner: Partner, meetings: Meeting[], today: IsoDate): IsoDate {
  const last = lastCheckin(partner, meetings, today);
  if (last?.nextCheckinOn && last.nextCheckinOn > last.scheduledOn) return last.nextCheckinOn;
  const anchor = last?.scheduledOn ?? partner.day0;
  return dueDateFor(anchor, checkinCadenceDays(partner, dayNumber(partner.day0, anchor)));
}

/**
 * The partner has a business plan: a plan document (draft or final), or the journey's "business
 * plan agreed" step ticked off (plans agreed outside Partner Desk count too).
 */
export function hasPlan(partner: Pick<Partner, 'id'>, plans: Plan[], tasks: Task[] = []): boolean {
  return (
    plans.some((p) => p.partnerId === partner.id) ||
    tasks.some((t) => t.partnerId === partner.id && t.key === 'business-plan' && t.status === 'done')
  );
}

/** Deals the partner registered between Day 0 and today, earliest first. */
export function dealsSinceDay0(partner: Pick<Partner, 'id' | 'day0'>, deals: Deal[], today: IsoDate): Deal[] {
  return deals
    .filter((d) => d.partnerId === partner.id && d.registeredOn >= partner.day0 && d.registeredOn <= today)
    .sort((a, b) => (a.registeredOn < b.registeredOn ? -1 : a.registeredOn > b.registeredOn ? 1 : 0));
}

/** Open tasks from most to least overdue; among equally late tasks, required ones first. */
function byMostOverdue(a: Task, b: Task): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.required !== b.required) return a.required ? -1 : 1;
  return compareByDue(a, b);
}

function taskDetail(task: Task, partner: Partner): string {
  return `${task.guidance} Due ${readableDate(task.dueDate)} (day ${dayNumber(partner.day0, task.dueDate)}).`.trim();
}

function dueInWords(days: number): string {
  if (days === 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  return `Due in ${days} days`;
}

/**
 * The one thing the manager should do next for a partner, so no partner is ever left without a
 * clear next step. In priority order:
 * 1. the most overdue open task ("Overdue 6 days: Hold the kick-off call");
 * 2. the kick-off call not held by day 7 (no done kick-off meeting, kick-off task not ticked off);
 * 3. a check-in overdue or due today (see `nextCheckinDue`);
 * 4. no business plan after day 14;
 * 5. no deal registered after day 60;
 * 6. an open task due within 7 days;
 * 7. the next open task;
 * 8. with every task done: a business review — after day 90 the journey carries on in
 *    quarterly reviews, it never reports "nothing to do".
 * Only a churned partner gets null. Records of other partners in the input are ignored.
 */
export function nextBestAction(input: NextActionInput): NextAction | null {
  const { partner, today } = input;
  if (partner.status === 'churned') return null;
  const tasks = input.tasks.filter((t) => t.partnerId === partner.id);
  const meetings = input.meetings.filter((m) => m.partnerId === partner.id);
  const day = dayNumber(partner.day0, today);
  const open = tasks.filter((t) => t.status === 'open');

  // 1. Most overdue task.
  const overdue = open.filter((t) => isOverdue(t, today)).sort(byMostOverdue);
  const worst = overdue[0];
  if (worst) {
    const late = daysBetween(worst.dueDate, today);
    const more = overdue.length > 1 ? ` ${plural(overdue.length - 1, 'more task')} overdue.` : '';
    return {
      kind: 'overdue_task',
      label: `Overdue ${plural(late, 'day')}: ${worst.title}`,
      detail: taskDetail(worst, partner) + more,
      urgency: 'overdue',
      taskId: worst.id,
    };
  }

  // 2. Kick-off not held by day 7.
  const kickoffTask = tasks.find((t) => t.key === 'kickoff-call');
  const kickoffHeld =
    meetings.some((m) => m.kind === 'kickoff' && m.status === 'done' && m.scheduledOn <= today) ||
    (kickoffTask !== undefined && kickoffTask.status !== 'open');
  // Past day 30 a missing kick-off is only raised while its task is still open: an imported,
  // long-running partner without meeting records should not be told to hold one.
  if (day >= 7 && !kickoffHeld && (day <= 30 || kickoffTask?.status === 'open')) {
    const planned = meetings
      .filter((m) => m.kind === 'kickoff' && (m.status === 'scheduled' || m.status === 'in_progress'))
      .sort((a, b) => (a.scheduledOn < b.scheduledOn ? -1 : 1))[0];
    const when = planned ? ` It is scheduled for ${readableDate(planned.scheduledOn)}.` : ' Schedule it now.';
    return {
      kind: 'kickoff',
      label: 'Hold the kick-off call',
      detail: `Day ${day} and no kick-off call held yet; it should happen in week 1 to set expectations and the 30-60-90 roadmap.${when}`,
      urgency: day > 7 ? 'overdue' : 'due',
      ...(kickoffTask ? { taskId: kickoffTask.id } : {}),
    };
  }

  // 3. Check-in overdue or due today.
  const checkinDue = nextCheckinDue(partner, meetings, today);
  if (checkinDue <= today) {
    const last = lastCheckin(partner, meetings, today);
    const scheduled = meetings
      .filter((m) => m.kind === 'checkin' && m.status === 'scheduled' && m.scheduledOn >= today)
      .sort((a, b) => (a.scheduledOn < b.scheduledOn ? -1 : 1))[0];
    const cadence = cadenceExplanation(partner, day);
    const scheduledNote = scheduled ? ` One is scheduled for ${readableDate(scheduled.scheduledOn)}.` : '';
    if (checkinDue === today) {
      return {
        kind: 'checkin_due',
        label: 'Hold a check-in today',
        detail: `Check-ins are due ${cadence}.${scheduledNote}`,
        urgency: 'due',
      };
    }
    const since = last
      ? `none for ${plural(daysBetween(last.scheduledOn, today), 'day')}`
      : `none since Day 0, ${plural(day, 'day')} ago`;
    return {
      kind: 'checkin_due',
      label: `Hold a check-in: ${since}`,
      detail: `It was due ${readableDate(checkinDue)}; check-ins are due ${cadence}.${scheduledNote}`,
      urgency: 'overdue',
    };
  }

  // 4. No business plan after day 14.
  if (day > 14 && !hasPlan(partner, input.plans, input.tasks)) {
    return {
      kind: 'missing_plan',
      label: 'Start the joint business plan',
      detail:
        `Day ${day} and no business plan yet. Agree objectives, 30-60-90 day goals and first target accounts ` +
        'with the partner by day 30.',
      urgency: day > 30 ? 'overdue' : 'due',
    };
  }

  // 5. No deal registered after day 60.
  if (day > 60 && dealsSinceDay0(partner, input.deals, today).length === 0) {
    const what = partner.type === 'referral' ? 'referral' : 'deal';
    return {
      kind: 'no_deal',
      label: `Help the partner register their first ${what}`,
      detail:
        `Day ${day} and no ${what} registered yet; aim for a first win within 90 days. Pick one target account ` +
        `and co-sell it. If they already have one, record it under Deals.`,
      urgency: 'overdue',
    };
  }

  const upcoming = [...open].sort(compareByDue);
  const next = upcoming[0];

  // 6 and 7. The next open task, flagged as due when it falls within a week.
  if (next) {
    const inDays = daysBetween(today, next.dueDate);
    if (inDays <= 7) {
      return {
        kind: 'due_task',
        label: `${dueInWords(inDays)}: ${next.title}`,
        detail: taskDetail(next, partner),
        urgency: 'due',
        taskId: next.id,
      };
    }
    return {
      kind: 'next_task',
      label: `Next: ${next.title}`,
      detail: taskDetail(next, partner),
      urgency: 'suggested',
      taskId: next.id,
    };
  }

  // A partner whose journey was never generated.
  if (tasks.length === 0 && day <= 90) {
    return {
      kind: 'next_task',
      label: 'Set up the onboarding journey',
      detail: 'This partner has no journey tasks yet. Generate them from the template for its type and maturity.',
      urgency: 'suggested',
    };
  }

  // 8. Everything done: the journey continues with business reviews.
  if (day <= 90) {
    return {
      kind: 'growth_review',
      label: 'Set the next goals with the partner',
      detail: `Every journey task is done at day ${day}. Agree growth goals, refresh the plan and schedule a business review.`,
      urgency: 'suggested',
    };
  }
  const lastReviewOn = lastReviewDate(partner, meetings, tasks, today);
  const sinceReview = lastReviewOn === null ? null : daysBetween(lastReviewOn, today);
  return {
    kind: 'growth_review',
    label: 'Schedule the next quarterly business review',
    detail:
      (lastReviewOn === null || sinceReview === null
        ? 'No business review recorded yet. '
        : `Last review ${readableDate(lastReviewOn)} (${plural(sinceReview, 'day')} ago). `) +
      'Onboarding is done but the journey continues: review pipeline, goals and feedback every quarter.',
    urgency: sinceReview === null || sinceReview >= REVIEW_EVERY_DAYS ? 'due' : 'suggested',
  };
}

/** The latest business review: a done review meeting or the ticked-off quarterly review task. */
function lastReviewDate(partner: Partner, meetings: Meeting[], tasks: Task[], today: IsoDate): IsoDate | null {
  const dates = [
    ...meetings.filter((m) => m.partnerId === partner.id && m.kind === 'review' && m.status === 'done').map((m) => m.scheduledOn),
    ...tasks.filter((t) => t.key === 'qbr' && t.status === 'done' && t.completedOn).map((t) => t.completedOn ?? ''),
  ].filter((d) => d !== '' && d <= today);
  return dates.length === 0 ? null : dates.reduce((a, b) => (a > b ? a : b));
}
