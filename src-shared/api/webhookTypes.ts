/** Webhook subscriptions and deliveries as the server stores them and `/api/v1/webhooks*` sends them (the admin screen reads the same shapes). */
import type { WebhookEventType } from './scopes';

export type WebhookSubscription = {
  id: string;
  url: string;
  events: WebhookEventType[];
  createdAt: string;
  /** false once removed: it gets no new deliveries (its log is kept). */
  active: boolean;
  removedAt: string | null;
};

export type WebhookDelivery = {
  id: string;
  eventId: string;
  eventType: string;
  subscriptionId: string;
  url: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  log: { attempt: number; at: string; statusCode: number | null; error: string | null }[];
};
