/**
 * Which webhook events one stored change raises, from the document before (undefined: it did
 * not exist or was deleted) and after. The server applies this to every write — a laptop's sync
 * push (either protocol) and an integration API call alike — so the app and the API raise the
 * same events. `partner.first_deal` needs the partner's other deals and is decided by the server.
 */
import { dayNumber, isOverdue, PHASE_INFO, phaseForDay } from '../domain/journey';
import type { IsoDate, Partner, Task } from '../domain/types';
import type { WebhookEventType } from './scopes';

export type DocumentEvent = { type: WebhookEventType; data: Record<string, unknown> };

type Doc = Record<string, unknown>;

const became = (before: Doc | undefined, after: Doc, field: string, value: string) => after[field] === value && before?.[field] !== value;

export function documentEvents(collection: string, before: Doc | undefined, after: Doc | undefined): DocumentEvent[] {
  if (after === undefined) return [];
  const events: DocumentEvent[] = [];
  switch (collection) {
    case 'partners':
      if (before === undefined) events.push({ type: 'partner.created', data: { partner: after } });
      if (became(before, after, 'status', 'at_risk')) events.push({ type: 'partner.at_risk', data: { partner: after, previousStatus: before?.status ?? null } });
      break;
    case 'deals':
      if (before === undefined) events.push({ type: 'deal.registered', data: { deal: after } });
      if (became(before, after, 'stage', 'won')) events.push({ type: 'deal.won', data: { deal: after } });
      break;
    case 'surveys':
      if (before === undefined) events.push({ type: 'survey.received', data: { survey: after } });
      break;
    case 'trainings':
      if (became(before, after, 'status', 'completed')) events.push({ type: 'training.completed', data: { training: after } });
      break;
    case 'plans':
      if (became(before, after, 'status', 'final')) events.push({ type: 'plan.finalised', data: { plan: after } });
      break;
    default:
      break;
  }
  return events;
}

/** Time-based events look back this many days, so a new subscription is not flooded with history. */
export const SCHEDULED_LOOKBACK_DAYS = 7;

/** A time-based event with the key that makes it happen once (per partner and phase, per task and due date). */
export type ScheduledEvent = DocumentEvent & { key: string };

/**
 * `partner.phase_entered` for a partner whose journey entered its current phase on or after
 * `today` minus the look-back (pre-boarding excluded: that is the partner being created; a
 * churned partner has no journey any more).
 */
export function phaseEnteredEvent(partner: Pick<Partner, 'id' | 'day0' | 'status'>, today: IsoDate): ScheduledEvent | null {
  if (partner.status === 'churned') return null;
  const day = dayNumber(partner.day0, today);
  const phase = phaseForDay(day);
  if (phase === 'preboarding' || day - PHASE_INFO[phase].startDay > SCHEDULED_LOOKBACK_DAYS) return null;
  return { key: `partner.phase_entered:${partner.id}:${phase}`, type: 'partner.phase_entered', data: { partnerId: partner.id, phase, day } };
}

/** `task.overdue` for an open task whose due date passed within the look-back (the app's `isOverdue`). */
export function taskOverdueEvent(task: Task, today: IsoDate): ScheduledEvent | null {
  if (!isOverdue(task, today) || dayNumber(task.dueDate, today) > SCHEDULED_LOOKBACK_DAYS) return null;
  return { key: `task.overdue:${task.id}:${task.dueDate}`, type: 'task.overdue', data: { task, partnerId: task.partnerId } };
}
