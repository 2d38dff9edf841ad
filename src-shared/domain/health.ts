import { differenceInCalendarDays, parseISO } from 'date-fns';
import { dayNumber, isOverdue, overdueSteps } from './journey';
import { checkinCadenceDays, lastCheckin, nextCheckinDue, plural, readableDate, type NextActionInput } from './nextBestAction';
import type { Deal, IsoDate, Meeting, Survey, Task, Training } from './types';

export type HealthBand = 'green' | 'yellow' | 'red';

/** A line explaining the score; `impact` is the points it cost (negative) or 0 for a good sign. */
export type HealthReason = { text: string; impact: number };

/** The six measures health v2 weighs. */
export const HEALTH_MEASURES = ['schedule', 'checkin', 'certification', 'deals', 'sentiment', 'psat'] as const;
export type HealthMeasure = (typeof HEALTH_MEASURES)[number];

/** Points each measure can give; they add up to 100. */
export const HEALTH_WEIGHTS: Record<HealthMeasure, number> = {
  schedule: 25,
  checkin: 20,
  certification: 15,
  deals: 20,
  sentiment: 10,
  psat: 10,
};

export const HEALTH_MEASURE_LABELS: Record<HealthMeasure, string> = {
  schedule: 'Journey on schedule',
  checkin: 'Check-in recency',
  certification: 'Certification progress',
  deals: 'Deal activity for the phase',
  sentiment: 'Sentiment at check-ins',
  psat: 'PSAT',
};

/**
 * One measure's share of the score: `value` is how well the partner does on it (0..1), `points`
 * what it adds (`weight × value`, rounded to 0.1), `text` why, in words a manager acts on.
 */
export type HealthContribution = {
  measure: HealthMeasure;
  label: string;
  weight: number;
  value: number;
  points: number;
  text: string;
  /** False when there is no data for it yet (counted as full marks, never as a failure). */
  hasData: boolean;
};

/** `contributions` is always set by `partnerHealth`; optional so hand-made values (tests, placeholders) stay valid. */
export type Health = { score: number; band: HealthBand; reasons: HealthReason[]; contributions?: HealthContribution[] };

/** Input of health v2: the next-best-action records plus trainings and surveys when known. */
export type HealthInput = NextActionInput & { trainings?: Training[]; surveys?: Survey[] };

/** Bands: green 76–100, yellow 51–75, red 0–50. */
export function healthBand(score: number): HealthBand {
  if (score >= 76) return 'green';
  if (score > 50) return 'yellow';
  return 'red';
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** A certification is a required training task; not-applicable ones don't count. */
function isCertification(t: Task): boolean {
  return t.category === 'training' && t.required && t.status !== 'not_applicable';
}

/**
 * The records as they stood at the end of `date`: tasks completed after it are open again,
 * meetings, deals, trainings and surveys dated after it are left out, later outcomes undone.
 * Used to score a partner as of a past day (the last check-in, or the model's history).
 */
export function healthInputAsOf(input: HealthInput, date: IsoDate): HealthInput {
  const tasks = input.tasks.map((t) =>
    t.status === 'done' && t.completedOn !== undefined && t.completedOn > date ? { ...t, status: 'open' as const, completedOn: undefined } : t,
  );
  const deals = input.deals
    .filter((d) => d.registeredOn <= date)
    .map((d) => (d.closedOn !== undefined && d.closedOn > date ? { ...d, stage: 'approved' as const, closedOn: undefined } : d));
  const trainings = (input.trainings ?? []).map((t) =>
    t.status === 'completed' && t.completedOn !== undefined && t.completedOn > date ? { ...t, status: 'enrolled' as const, completedOn: undefined } : t,
  );
  const partner =
    input.partner.status === 'churned' && input.partner.churnedOn !== undefined && input.partner.churnedOn > date
      ? { ...input.partner, status: 'onboarding' as const }
      : input.partner;
  return {
    ...input,
    partner,
    today: date,
    tasks,
    meetings: input.meetings.filter((m) => m.scheduledOn <= date),
    deals,
    plans: input.plans.filter((p) => p.createdAt.slice(0, 10) <= date),
    trainings,
    surveys: (input.surveys ?? []).filter((s) => s.takenOn <= date),
  };
}

function scheduleMeasure(tasks: Task[], day: number, today: IsoDate): Omit<HealthContribution, 'label' | 'weight' | 'points' | 'measure'> {
  const required = tasks.filter((t) => t.required && t.status !== 'not_applicable');
  // Every overdue step is named in the text (the same count as the journey banner); overdue
  // certifications cost points under certification progress, not here as well.
  const allOverdue = overdueSteps(tasks, today);
  const overdue = allOverdue.filter((t) => !isCertification(t));
  if (required.length === 0 || day <= 0) {
    return { value: 1, hasData: false, text: day <= 0 ? 'Journey not started yet' : 'No required journey steps' };
  }
  const expected = required.filter((t) => t.dueDate < today).length / required.length;
  const actual = required.filter((t) => t.status === 'done').length / required.length;
  const gap = Math.max(0, expected - actual);
  // A 10-point gap is normal slack; 50 points behind is nothing left of this measure.
  let value = clamp01(1 - Math.max(0, gap - 0.1) / 0.4);
  if (overdue.length > 0) value = Math.min(value, clamp01(1 - overdue.filter((t) => t.required).length * 0.3 - overdue.filter((t) => !t.required).length * 0.1));
  let text = `Journey on schedule: ${percent(actual)} of required steps done by day ${day}`;
  const behind = gap >= 0.1 ? `Behind schedule: ${percent(actual)} of required steps done, ${percent(expected)} expected by day ${day}` : '';
  const oldest = allOverdue[0];
  if (oldest) {
    const late = differenceInCalendarDays(parseISO(today), parseISO(oldest.dueDate));
    const certs = allOverdue.length - overdue.length;
    const what = `${plural(allOverdue.length, 'step')} overdue${certs > 0 ? ` (${certs} ${certs === 1 ? 'is a certification' : 'are certifications'})` : ''}`;
    const start = `start with “${oldest.title}”, ${plural(late, 'day')} late`;
    text = behind ? `${behind}; ${what}, ${start}` : `${what}: ${start}`;
  } else if (behind) {
    text = behind;
  }
  return { value, hasData: true, text };
}

function checkinMeasure(input: HealthInput, day: number): Omit<HealthContribution, 'label' | 'weight' | 'points' | 'measure'> {
  const { partner, today } = input;
  if (day < 0) return { value: 1, hasData: false, text: 'Journey not started yet' };
  const due = nextCheckinDue(partner, input.meetings, today);
  const late = differenceInCalendarDays(parseISO(today), parseISO(due));
  const last = lastCheckin(partner, input.meetings, today);
  const every = checkinCadenceDays(partner, day);
  if (late <= 0) {
    return {
      value: 1,
      hasData: last !== undefined,
      text: last ? `Last check-in ${plural(differenceInCalendarDays(parseISO(today), parseISO(last.scheduledOn)), 'day')} ago, next due ${readableDate(due)}` : `First check-in due ${readableDate(due)}`,
    };
  }
  const gap = last
    ? `No check-in for ${plural(differenceInCalendarDays(parseISO(today), parseISO(last.scheduledOn)), 'day')}`
    : `No check-in since Day 0, ${plural(day, 'day')} ago`;
  // Half marks in the first week late, nothing after three weeks.
  const value = late <= 7 ? 0.5 : clamp01(0.5 - (late - 7) / 28);
  return { value, hasData: true, text: `${gap} (due every ${plural(every, 'day')}): hold one this week` };
}

function certificationMeasure(tasks: Task[], trainings: Training[], today: IsoDate): Omit<HealthContribution, 'label' | 'weight' | 'points' | 'measure'> {
  const certs = tasks.filter(isCertification);
  const overdue = certs.filter((t) => isOverdue(t, today)).length;
  const required = trainings.filter((t) => t.required);
  const completed = required.filter((t) => t.status === 'completed').length;
  if (overdue > 0) {
    const value = clamp01(1 - overdue / Math.max(1, certs.length) - 0.1);
    const people = required.length > 0 ? ` (${completed} of ${required.length} required trainings completed)` : '';
    return { value, hasData: true, text: `${overdue} of ${certs.length} required certifications overdue${people}: check who is stuck and offer help` };
  }
  if (required.length > 0) {
    return { value: 1, hasData: true, text: `${completed} of ${required.length} required trainings completed, none overdue` };
  }
  const done = certs.filter((t) => t.status === 'done').length;
  return certs.length > 0 && done > 0
    ? { value: 1, hasData: true, text: `${done} of ${certs.length} required certifications done` }
    : { value: 1, hasData: false, text: 'No required certification due yet' };
}

function dealMeasure(partner: HealthInput['partner'], deals: Deal[], day: number, today: IsoDate): Omit<HealthContribution, 'label' | 'weight' | 'points' | 'measure'> {
  const mine = deals.filter((d) => d.partnerId === partner.id && d.registeredOn >= partner.day0 && d.registeredOn <= today).sort((a, b) => (a.registeredOn < b.registeredOn ? -1 : 1));
  const first = mine[0];
  if (!first) {
    if (day <= 60) return { value: 1, hasData: false, text: day <= 30 ? 'No deal expected yet' : `No deal yet at day ${day}: help qualify a first opportunity` };
    return {
      value: day > 90 ? 0 : clamp01(1 - (day - 60) / 40),
      hasData: true,
      text: `No deal registered at day ${day}: coach the partner on a first opportunity`,
    };
  }
  const latest = mine[mine.length - 1] ?? first;
  const sinceLast = differenceInCalendarDays(parseISO(today), parseISO(latest.registeredOn));
  if (day > 120 && sinceLast > 90) {
    return { value: 0.5, hasData: true, text: `No new deal registered for ${plural(sinceLast, 'day')}: review the pipeline together` };
  }
  const won = mine.filter((d) => d.stage === 'won').length;
  return {
    value: 1,
    hasData: true,
    text: `First deal registered on day ${dayNumber(partner.day0, first.registeredOn)}; ${plural(mine.length, 'deal')} registered${won > 0 ? `, ${won} won` : ''}`,
  };
}

function sentimentMeasure(meetings: Meeting[], partnerId: string, today: IsoDate): Omit<HealthContribution, 'label' | 'weight' | 'points' | 'measure'> {
  const rated = meetings
    .filter((m) => m.partnerId === partnerId && m.status === 'done' && m.sentiment !== undefined && m.scheduledOn <= today)
    .sort((a, b) => (a.scheduledOn < b.scheduledOn ? 1 : -1))
    .slice(0, 2);
  if (rated.length === 0) return { value: 1, hasData: false, text: 'No sentiment recorded at a check-in yet' };
  const mean = rated.reduce((s, m) => s + (m.sentiment ?? 3), 0) / rated.length;
  const last = rated[0]?.sentiment ?? 3;
  const text = mean < 3 ? `Low sentiment at the last check-ins (${last} of 5): ask what is in the way` : `Sentiment ${last} of 5 at the last check-in`;
  return { value: clamp01((mean - 1) / 3), hasData: true, text };
}

function psatMeasure(surveys: Survey[], partnerId: string, today: IsoDate): Omit<HealthContribution, 'label' | 'weight' | 'points' | 'measure'> {
  const latest = surveys.filter((s) => s.partnerId === partnerId && s.takenOn <= today).sort((a, b) => (a.takenOn < b.takenOn ? 1 : -1))[0];
  if (!latest) return { value: 1, hasData: false, text: 'No PSAT survey yet' };
  const text =
    latest.score <= 2
      ? `PSAT ${latest.score} of 5 on ${readableDate(latest.takenOn)}: follow up on the feedback`
      : `PSAT ${latest.score} of 5 on ${readableDate(latest.takenOn)}`;
  return { value: clamp01((latest.score - 1) / 3), hasData: true, text };
}

/**
 * Health v2: a weighted score of six measures, each shown with its contribution —
 * journey on schedule 25, check-in recency 20, certification progress 15, deal activity for the
 * phase 20, check-in sentiment 10, PSAT 10 (weights add up to 100). A measure without data yet
 * (no survey, no check-in rated) gives full marks: a new partner is not punished for being new.
 * The score is the rounded sum of the points; bands green ≥ 76, yellow 51–75, red ≤ 50. Reasons are
 * the measures' texts with the points each cost (0 for a good sign), most costly first. A churned
 * partner scores 0.
 */
export function partnerHealth(input: HealthInput): Health {
  const { partner, today } = input;
  const tasks = input.tasks.filter((t) => t.partnerId === partner.id);
  const day = dayNumber(partner.day0, today);
  const trainings = (input.trainings ?? []).filter((t) => t.partnerId === partner.id);
  const surveys = input.surveys ?? [];
  const parts: Record<HealthMeasure, Omit<HealthContribution, 'label' | 'weight' | 'points' | 'measure'>> = {
    schedule: scheduleMeasure(tasks, day, today),
    checkin: checkinMeasure(input, day),
    certification: certificationMeasure(tasks, trainings, today),
    deals: dealMeasure(partner, input.deals, day, today),
    sentiment: sentimentMeasure(input.meetings, partner.id, today),
    psat: psatMeasure(surveys, partner.id, today),
  };
  const contributions: HealthContribution[] = HEALTH_MEASURES.map((measure) => {
    const part = parts[measure];
    const weight = HEALTH_WEIGHTS[measure];
    return { measure, label: HEALTH_MEASURE_LABELS[measure], weight, points: Math.round(weight * part.value * 10) / 10, ...part };
  });
  if (partner.status === 'churned') {
    const when = partner.churnedOn ? ` on ${readableDate(partner.churnedOn)}` : '';
    return { score: 0, band: 'red', reasons: [{ text: `Partner churned${when}: win-back or archive it`, impact: -100 }], contributions };
  }
  const score = Math.max(0, Math.min(100, Math.round(contributions.reduce((s, c) => s + c.points, 0))));
  const reasons = contributions
    .filter((c) => c.hasData || c.points < c.weight)
    .map((c) => ({ text: c.text, impact: Math.round(c.points - c.weight) }))
    .sort((a, b) => a.impact - b.impact);
  return { score, band: healthBand(score), reasons, contributions };
}

export type HealthChange = { measure: HealthMeasure; label: string; from: number; to: number; delta: number; text: string };

/**
 * What changed since the last check-in held: the score then and now, and each measure whose
 * points moved, biggest move first. Null when no check-in or kick-off has been held yet.
 */
export function healthSinceLastCheckin(input: HealthInput): { since: IsoDate; before: number; after: number; changes: HealthChange[] } | null {
  const last = lastCheckin(input.partner, input.meetings, input.today);
  if (!last || last.scheduledOn >= input.today) return null;
  const before = partnerHealth(healthInputAsOf(input, last.scheduledOn));
  const after = partnerHealth(input);
  const changes: HealthChange[] = [];
  for (const c of after.contributions ?? []) {
    const was = (before.contributions ?? []).find((b) => b.measure === c.measure);
    if (!was) continue;
    const delta = Math.round((c.points - was.points) * 10) / 10;
    if (delta !== 0) changes.push({ measure: c.measure, label: c.label, from: was.points, to: c.points, delta, text: c.text });
  }
  changes.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  return { since: last.scheduledOn, before: before.score, after: after.score, changes };
}
