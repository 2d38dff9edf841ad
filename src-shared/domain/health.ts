import { differenceInCalendarDays, parseISO } from 'date-fns';
import { dayNumber, isOverdue } from './journey';
import {
  checkinCadenceDays,
  dealsSinceDay0,
  hasPlan,
  lastCheckin,
  nextCheckinDue,
  plural,
  readableDate,
  type NextActionInput,
} from './nextBestAction';
import type { Task } from './types';

export type HealthBand = 'green' | 'yellow' | 'red';

/** A line explaining the score; `impact` is the points it cost (negative) or 0 for a good sign. */
export type HealthReason = { text: string; impact: number };

export type Health = { score: number; band: HealthBand; reasons: HealthReason[] };

/** Bands: green 76–100, yellow 51–75, red 0–50. */
export function healthBand(score: number): HealthBand {
  if (score >= 76) return 'green';
  if (score > 50) return 'yellow';
  return 'red';
}

/** Points lost per overdue task (other than certifications), and the most this can cost. */
const OVERDUE_REQUIRED = 8;
const OVERDUE_OPTIONAL = 3;
const OVERDUE_CAP = 30;
/** Points lost per overdue required certification, and the cap. */
const CERT_OVERDUE = 8;
const CERT_CAP = 24;

/** A certification is a required training task; not-applicable ones don't count. */
function isCertification(t: Task): boolean {
  return t.category === 'training' && t.required && t.status !== 'not_applicable';
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/**
 * Health v1: a transparent rule-based score, starting at 100 and losing points for each warning
 * sign, each with a reason in words a manager acts on:
 * - overdue tasks: 8 per required, 3 per optional task, at most 30 (certifications counted apart);
 * - overdue required certifications: 8 each, at most 24 ("2 of 4 required certifications overdue");
 * - overdue check-in: 10, or 20 when more than a week late ("no check-in for 24 days");
 * - no deal registered after day 60: 15, or 25 after day 90 ("no deal registered at day 75");
 * - no business plan after day 30: 15;
 * - behind schedule (share of required steps done vs share due by now): 8 at a 20-point gap, 15 at 35.
 * Good signs are listed with impact 0. Reasons are sorted most costly first; the score is an
 * integer in 0..100. A churned partner scores 0.
 */
export function partnerHealth(input: NextActionInput): Health {
  const { partner, today } = input;
  if (partner.status === 'churned') {
    const when = partner.churnedOn ? ` on ${readableDate(partner.churnedOn)}` : '';
    return {
      score: 0,
      band: 'red',
      reasons: [{ text: `Partner churned${when}: win-back or archive it`, impact: -100 }],
    };
  }

  const reasons: HealthReason[] = [];
  const tasks = input.tasks.filter((t) => t.partnerId === partner.id);
  const day = dayNumber(partner.day0, today);

  // Overdue tasks, certifications aside.
  const overdue = tasks.filter((t) => isOverdue(t, today) && !isCertification(t));
  if (overdue.length > 0) {
    const required = overdue.filter((t) => t.required).length;
    const cost = Math.min(OVERDUE_CAP, required * OVERDUE_REQUIRED + (overdue.length - required) * OVERDUE_OPTIONAL);
    const oldest = [...overdue].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.order - b.order))[0];
    const late = oldest ? differenceInCalendarDays(parseISO(today), parseISO(oldest.dueDate)) : 0;
    const requiredNote = required > 0 && required < overdue.length ? ` (${required} required)` : '';
    const what = overdue.length === 1 ? '1 task overdue' : `${overdue.length} tasks overdue${requiredNote}`;
    reasons.push({
      text: `${what}: start with “${oldest?.title ?? ''}”, ${plural(late, 'day')} late`,
      impact: -cost,
    });
  }

  // Required certifications.
  const certs = tasks.filter(isCertification);
  const certsOverdue = certs.filter((t) => isOverdue(t, today)).length;
  if (certsOverdue > 0) {
    reasons.push({
      text: `${certsOverdue} of ${certs.length} required certifications overdue: check who is stuck and offer help`,
      impact: -Math.min(CERT_CAP, certsOverdue * CERT_OVERDUE),
    });
  }

  // Check-in cadence.
  const checkinDue = nextCheckinDue(partner, input.meetings, today);
  const checkinLate = differenceInCalendarDays(parseISO(today), parseISO(checkinDue));
  if (checkinLate > 0) {
    const last = lastCheckin(partner, input.meetings, today);
    const gap = last
      ? `No check-in for ${plural(differenceInCalendarDays(parseISO(today), parseISO(last.scheduledOn)), 'day')}`
      : `No check-in since Day 0, ${plural(day, 'day')} ago`;
    reasons.push({
      text: `${gap} (due every ${plural(checkinCadenceDays(partner, day), 'day')}): hold one this week`,
      impact: checkinLate > 7 ? -20 : -10,
    });
  }

  // First deal.
  const deals = dealsSinceDay0(partner, input.deals, today);
  if (day > 60 && deals.length === 0) {
    reasons.push({
      text: `No deal registered at day ${day}: coach the partner on a first opportunity`,
      impact: day > 90 ? -25 : -15,
    });
  }

  // Business plan.
  if (day > 30 && !hasPlan(partner, input.plans, input.tasks)) {
    reasons.push({ text: `No business plan at day ${day}: agree one with 30-60-90 day goals`, impact: -15 });
  }

  // Schedule: share of required steps done vs share that should be done by now.
  const required = tasks.filter((t) => t.required && t.status !== 'not_applicable');
  if (required.length > 0 && day > 0) {
    const expected = required.filter((t) => t.dueDate < today).length / required.length;
    const actual = required.filter((t) => t.status === 'done').length / required.length;
    const gap = expected - actual;
    if (gap >= 0.2) {
      reasons.push({
        text: `Behind schedule: ${percent(actual)} of required steps done, ${percent(expected)} expected by day ${day}`,
        impact: gap >= 0.35 ? -15 : -8,
      });
    } else if (overdue.length === 0 && certsOverdue === 0) {
      reasons.push({ text: `Journey on schedule: ${percent(actual)} of required steps done by day ${day}`, impact: 0 });
    }
  }

  const first = deals[0];
  if (first) {
    reasons.push({ text: `First deal registered on day ${dayNumber(partner.day0, first.registeredOn)}`, impact: 0 });
  }

  reasons.sort((a, b) => a.impact - b.impact);
  const score = Math.max(0, Math.min(100, Math.round(100 + reasons.reduce((sum, r) => sum + r.impact, 0))));
  return { score, band: healthBand(score), reasons };
}
