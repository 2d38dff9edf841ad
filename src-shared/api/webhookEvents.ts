/**
 * Which webhook events one stored change raises, from the document before (undefined: it did
 * not exist or was deleted) and after. The server applies this to every protocol-2 write — a
 * laptop's sync push and an integration API call alike — so the app and the API raise the same
 * events. `partner.first_deal` needs the partner's other deals and is decided by the server.
 */
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
