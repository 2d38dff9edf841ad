/** Words for webhook events and deliveries on the admin screen (plain functions, tested without React). */
import { WEBHOOK_EVENTS, type WebhookEventType } from '../../../src-shared/api/scopes';
import type { WebhookDelivery } from './webhookAdminClient';

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'partner.created': 'Partner created',
  'partner.at_risk': 'Partner flagged at risk',
  'deal.registered': 'Deal registered',
  'deal.won': 'Deal won',
  'partner.first_deal': 'First deal of a partner',
  'survey.received': 'PSAT received',
  'training.completed': 'Training completed',
  'plan.finalised': 'Plan finalised',
  'partner.phase_entered': 'Journey phase entered',
  'task.overdue': 'Task overdue',
};

export const WEBHOOK_EVENT_OPTIONS = WEBHOOK_EVENTS.map((event) => ({ value: event, label: `${WEBHOOK_EVENT_LABELS[event]} (${event})` }));

export const eventLabel = (event: string): string => WEBHOOK_EVENT_LABELS[event as WebhookEventType] ?? event;

/** "500, 500, 200" or "connection refused": what each attempt got, oldest first. */
export function attemptsText(delivery: Pick<WebhookDelivery, 'log'>): string {
  if (delivery.log.length === 0) return 'Not sent yet';
  return delivery.log.map((entry) => (entry.statusCode !== null ? String(entry.statusCode) : (entry.error ?? 'no answer'))).join(', ');
}

export const DELIVERY_STATUS_LABELS: Record<WebhookDelivery['status'], { label: string; color: string }> = {
  delivered: { label: 'Delivered', color: 'teal' },
  pending: { label: 'Retrying', color: 'orange' },
  failed: { label: 'Failed', color: 'red' },
};

/** The status badge: a pending delivery never tried yet is "Queued", not "Retrying". */
export function deliveryStatus(delivery: Pick<WebhookDelivery, 'status' | 'attempts'>): { label: string; color: string } {
  if (delivery.status === 'pending' && delivery.attempts === 0) return { label: 'Queued', color: 'blue' };
  return DELIVERY_STATUS_LABELS[delivery.status];
}
