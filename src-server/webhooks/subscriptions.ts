/** Webhook subscriptions and the delivery log (admin CLI and `/api/v1/webhooks`). */
import { randomBytes, randomUUID } from 'node:crypto';
import { isWebhookEvent, WEBHOOK_EVENTS, type WebhookEventType } from '../../src-shared/api/scopes';
import type { WebhookDelivery, WebhookSubscription } from '../../src-shared/api/webhookTypes';
import { webhookUrlProblem } from '../../src-shared/api/webhookUrl';
import { AdminInputError } from '../admin/adminService';
import type { Db } from '../storage/db';
import { isStorableText } from '../validation/untrustedInput';

export type { WebhookDelivery, WebhookSubscription } from '../../src-shared/api/webhookTypes';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** A subscription input the server refuses, with the body field (`url`, `events`, `secret`) it concerns. */
export class WebhookInputError extends AdminInputError {
  constructor(
    readonly field: 'url' | 'events' | 'secret',
    message: string,
  ) {
    super(message);
  }
}

export function checkWebhookUrl(url: string): string {
  const problem = webhookUrlProblem(url);
  if (problem !== null) throw new WebhookInputError('url', problem);
  if (!isStorableText(url)) throw new WebhookInputError('url', 'webhook url must not contain a NUL character or an unpaired surrogate');
  return new URL(url.trim()).toString();
}

export function checkEvents(events: readonly string[]): WebhookEventType[] {
  const list = [...new Set(events.map((event) => event.trim()).filter((event) => event !== ''))];
  if (list.length === 0) throw new WebhookInputError('events', `name at least one event: ${WEBHOOK_EVENTS.join(', ')}`);
  const unknown = list.find((event) => !isWebhookEvent(event));
  if (unknown !== undefined) throw new WebhookInputError('events', `unknown event ${JSON.stringify(unknown)}: use ${WEBHOOK_EVENTS.join(', ')}`);
  return list as WebhookEventType[];
}

export function createWebhookService(db: Db, now: () => Date) {
  return {
    /** Adds a subscription; the secret (given, or generated) is returned only here. */
    async add(input: { url: string; events: readonly string[]; secret?: string }): Promise<WebhookSubscription & { secret: string }> {
      const url = checkWebhookUrl(input.url);
      const events = checkEvents(input.events);
      const secret = input.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
      if (secret.length < 16 || secret.length > 200 || !isStorableText(secret)) throw new WebhookInputError('secret', 'webhook secret must have 16-200 characters');
      const id = randomUUID();
      const createdAt = now().toISOString();
      await db.query(`INSERT INTO webhook_subscriptions (id, url, events, secret, created_at) VALUES ($1, $2, $3, $4, $5)`, [id, url, events, secret, createdAt]);
      return { id, url, events, createdAt, active: true, removedAt: null, secret };
    },

    /** The live subscriptions, oldest first; with `includeRemoved`, the removed ones too. */
    async list(options: { includeRemoved?: boolean } = {}): Promise<WebhookSubscription[]> {
      const rows = await db.query<{ id: string; url: string; events: string[]; created_at: Date | string; removed_at: Date | string | null }>(
        `SELECT id, url, events, created_at, removed_at FROM webhook_subscriptions WHERE $1 OR removed_at IS NULL ORDER BY created_at, id`,
        [options.includeRemoved === true],
      );
      return rows.map((row) => ({
        id: row.id,
        url: row.url,
        events: row.events.filter(isWebhookEvent),
        createdAt: iso(row.created_at) as string,
        active: row.removed_at === null,
        removedAt: iso(row.removed_at),
      }));
    },

    /** Stops a subscription: no new deliveries; pending ones are not sent. */
    async remove(id: string): Promise<void> {
      const rows = await db.query(`UPDATE webhook_subscriptions SET removed_at = $2 WHERE id = $1 AND removed_at IS NULL RETURNING id`, [id, now().toISOString()]);
      if (rows.length === 0) throw new AdminInputError(`no webhook subscription ${id}`);
      await db.query(`UPDATE webhook_deliveries SET status = 'failed', last_error = 'subscription removed' WHERE subscription_id = $1 AND status = 'pending'`, [id]);
    },

    /** The delivery log, newest first. */
    async deliveries(filter: { eventId?: string; limit?: number } = {}): Promise<WebhookDelivery[]> {
      const rows = await db.query<{
        id: string;
        event_id: string;
        type: string;
        subscription_id: string;
        url: string;
        status: WebhookDelivery['status'];
        attempts: number;
        next_attempt_at: Date | string;
        last_status: number | null;
        last_error: string | null;
        delivered_at: Date | string | null;
        log: { attempt: number; at: string; status_code: number | null; error: string | null }[] | null;
      }>(
        `SELECT d.id, d.event_id, e.type, d.subscription_id, s.url, d.status, d.attempts, d.next_attempt_at, d.last_status, d.last_error, d.delivered_at,
                (SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.at, 'status_code', a.status_code, 'error', a.error) ORDER BY a.attempt)
                   FROM webhook_attempts a WHERE a.delivery_id = d.id) AS log
           FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id JOIN webhook_subscriptions s ON s.id = d.subscription_id
          WHERE ($1::text IS NULL OR d.event_id = $1)
          ORDER BY d.created_at DESC, d.id LIMIT $2`,
        [filter.eventId ?? null, filter.limit ?? 100],
      );
      return rows.map((row) => ({
        id: row.id,
        eventId: row.event_id,
        eventType: row.type,
        subscriptionId: row.subscription_id,
        url: row.url,
        status: row.status,
        attempts: row.attempts,
        nextAttemptAt: iso(row.next_attempt_at) as string,
        lastStatus: row.last_status,
        lastError: row.last_error,
        deliveredAt: iso(row.delivered_at),
        log: (row.log ?? []).map((entry) => ({ attempt: entry.attempt, at: iso(entry.at) as string, statusCode: entry.status_code, error: entry.error })),
      }));
    },

    /** Sends a delivery again (failed or delivered): pending at once, a fresh 24 h window. */
    async redeliver(deliveryId: string): Promise<void> {
      const at = now().toISOString();
      const rows = await db.query(
        `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $2, lease_until = NULL, created_at = $2
          WHERE id = $1 AND EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE s.id = subscription_id AND s.removed_at IS NULL) RETURNING id`,
        [deliveryId, at],
      );
      if (rows.length === 0) throw new AdminInputError(`no delivery ${deliveryId} of a live subscription`);
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
