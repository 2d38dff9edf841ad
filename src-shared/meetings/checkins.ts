import { addDays, format, isValid, parse } from 'date-fns';
import { dayNumber, dueDateFor } from '../domain/journey';
import { checkinCadenceDays, nextCheckinDue, readableDate } from '../domain/nextBestAction';
import type { IsoDate, Meeting, Partner, Plan, PlanItem } from '../domain/types';

/** The date the next check-in should be held after one on `heldOn`, by the partner's cadence. */
export function suggestedNextCheckin(partner: Pick<Partner, 'day0' | 'checkinCadenceDays'>, heldOn: IsoDate): IsoDate {
  return dueDateFor(heldOn, checkinCadenceDays(partner, dayNumber(partner.day0, heldOn)));
}

/** How the cadence reads for the partner today: "Weekly (days 1–30)", "Every 10 days (set for this partner)". */
export function cadenceLabel(partner: Pick<Partner, 'day0' | 'checkinCadenceDays'>, today: IsoDate): string {
  const day = dayNumber(partner.day0, today);
  const every = checkinCadenceDays(partner, day);
  const override = partner.checkinCadenceDays;
  if (override !== undefined && Number.isInteger(override) && override > 0) return `Every ${every} days (set for this partner)`;
  if (day <= 30) return 'Weekly (days 1–30)';
  if (day <= 90) return 'Every 2 weeks (until day 90)';
  return 'Monthly (after day 90)';
}

export type CheckinDue = {
  partnerId: string;
  dueOn: IsoDate;
  /** Days past due: 0 when due today, positive when overdue. */
  daysOverdue: number;
  /** A check-in already scheduled for the partner (on or after the due date), if any. */
  scheduledOn?: IsoDate;
};

/**
 * The check-ins due today or overdue across the manager's partners, most overdue first (then by
 * name order of the input). Churned partners and partners whose Day 0 is still ahead are left
 * out; the due date comes from `nextCheckinDue` (the date set at the last check-in, else the
 * cadence by phase or the partner's own cadence).
 */
export function checkinsDue(
  partners: readonly { partner: Partner; meetings: readonly Meeting[] }[],
  today: IsoDate,
): CheckinDue[] {
  const due: CheckinDue[] = [];
  for (const { partner, meetings } of partners) {
    if (partner.status === 'churned' || partner.day0 > today) continue;
    const own = meetings.filter((m) => m.partnerId === partner.id);
    const dueOn = nextCheckinDue(partner, own, today);
    if (dueOn > today) continue;
    const scheduled = own
      .filter((m) => m.kind === 'checkin' && m.status === 'scheduled' && m.scheduledOn >= today)
      .map((m) => m.scheduledOn)
      .sort()[0];
    due.push({ partnerId: partner.id, dueOn, daysOverdue: dayNumber(dueOn, today), ...(scheduled ? { scheduledOn: scheduled } : {}) });
  }
  return due.sort((a, b) => b.daysOverdue - a.daysOverdue);
}

/** "Due today", "Overdue 1 day", "Overdue 12 days". */
export function checkinDueLabel(due: Pick<CheckinDue, 'daysOverdue' | 'dueOn'>): string {
  if (due.daysOverdue <= 0) return 'Due today';
  return `Overdue ${due.daysOverdue} day${due.daysOverdue === 1 ? '' : 's'} (due ${readableDate(due.dueOn)})`;
}

/**
 * The partners to remind about today: check-ins due exactly today, minus the partners already
 * reminded today (`sent` is what was recorded, possibly on an earlier day: then nobody was).
 */
export function remindersToSend(due: readonly CheckinDue[], sent: { date: IsoDate; partnerIds: readonly string[] } | null, today: IsoDate): string[] {
  const already = new Set(sent && sent.date === today ? sent.partnerIds : []);
  return due.filter((d) => d.dueOn === today && !already.has(d.partnerId)).map((d) => d.partnerId);
}

export type CheckinFields = {
  heldOn: string;
  sentiment: number | null;
  nextCheckinOn: string;
};

export type CheckinErrors = Partial<Record<keyof CheckinFields, string>>;

function readDate(value: string): IsoDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = parse(value, 'yyyy-MM-dd', new Date());
  return isValid(date) && format(date, 'yyyy-MM-dd') === value ? value : null;
}

/**
 * Checks a check-in before it is saved, with a message on each field that is wrong: it must be
 * held on a real date between Day 0 and today (not in the future), sentiment 1–5 when given, and
 * the next check-in must be a date after it (and within a year).
 */
export function validateCheckin(fields: CheckinFields, partner: Pick<Partner, 'day0'>, today: IsoDate): CheckinErrors {
  const errors: CheckinErrors = {};
  const heldOn = readDate(fields.heldOn);
  if (heldOn === null) errors.heldOn = 'Enter the date the check-in was held (YYYY-MM-DD).';
  else if (heldOn > today) errors.heldOn = `A check-in can't be recorded in the future; today is ${readableDate(today)}.`;
  else if (heldOn < partner.day0) errors.heldOn = `This is before Day 0 (${readableDate(partner.day0)}), when the contract was signed.`;
  if (fields.sentiment !== null && !(Number.isInteger(fields.sentiment) && fields.sentiment >= 1 && fields.sentiment <= 5)) {
    errors.sentiment = 'Sentiment is a score from 1 to 5.';
  }
  const next = readDate(fields.nextCheckinOn);
  if (next === null) errors.nextCheckinOn = 'Enter the date of the next check-in (YYYY-MM-DD).';
  else if (heldOn !== null && next <= heldOn) errors.nextCheckinOn = 'The next check-in must be after this one.';
  else if (next > format(addDays(parse(today, 'yyyy-MM-dd', new Date()), 366), 'yyyy-MM-dd')) {
    errors.nextCheckinOn = 'Pick a date within the next year.';
  }
  return errors;
}

const CLOSED_GOAL_STATUSES = new Set(['done', 'achieved', 'met', 'complete', 'completed', 'cancelled', 'dropped']);

/**
 * The goals a check-in reports progress on: goals (plan items of kind 'goal') of the partner's
 * latest plan version that are not closed, in plan order. Empty when the partner has no plan.
 */
export function openPlanGoals(
  plans: readonly Pick<Plan, 'id' | 'partnerId' | 'version'>[],
  items: readonly PlanItem[],
  partnerId: string,
): PlanItem[] {
  const latest = plans.filter((p) => p.partnerId === partnerId).sort((a, b) => b.version - a.version)[0];
  if (!latest) return [];
  return items
    .filter((i) => i.planId === latest.id && i.kind === 'goal' && !CLOSED_GOAL_STATUSES.has((i.status ?? '').toLowerCase()))
    .sort((a, b) => a.order - b.order);
}

/** How far ahead a scheduled check-in still counts as the one being recorded today. */
export const FULFIL_WINDOW_DAYS = 7;

/**
 * The scheduled check-in a check-in recorded today fulfils: the earliest one still scheduled,
 * dated no later than a week from today (an earlier one never recorded included), so recording
 * does not leave a stale "scheduled" check-in behind. None when nothing is scheduled that soon.
 */
export function scheduledCheckinToFulfil(meetings: readonly Meeting[], partnerId: string, today: IsoDate): Meeting | undefined {
  const limit = format(addDays(parse(today, 'yyyy-MM-dd', new Date()), FULFIL_WINDOW_DAYS), 'yyyy-MM-dd');
  return meetings
    .filter((m) => m.partnerId === partnerId && m.kind === 'checkin' && m.status === 'scheduled' && m.scheduledOn <= limit)
    .sort((a, b) => a.scheduledOn.localeCompare(b.scheduledOn))[0];
}
