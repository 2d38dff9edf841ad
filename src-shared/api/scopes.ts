/**
 * Scopes of integration API tokens (`/api/v1`). `read` covers every GET; each write scope one
 * resource; `webhooks:admin` the webhook subscriptions.
 */
export const API_SCOPES = ['read', 'deals:write', 'trainings:write', 'surveys:write', 'partners:write', 'webhooks:admin'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** Webhook event types. */
export const WEBHOOK_EVENTS = [
  'partner.created',
  'partner.at_risk',
  'deal.registered',
  'deal.won',
  'partner.first_deal',
  'survey.received',
  'training.completed',
  'plan.finalised',
  'partner.phase_entered',
  'task.overdue',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEvent(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** The integration API's base path. */
export const API_V1 = '/api/v1';
