/**
 * The durable webhook outbox. `enqueueEvents` runs inside the transaction that makes the change
 * (both push services, `pushEvents.ts`), so an event exists exactly when its change committed,
 * and a pending delivery survives a restart. One delivery row per event and subscription.
 */
import { randomUUID } from 'node:crypto';
import type { WebhookEventType } from '../../src-shared/api/scopes';
import type { Queryable } from '../storage/db';

export type WebhookEvent = { type: WebhookEventType; data: Record<string, unknown> };

/** The JSON body a receiver gets. */
export type WebhookPayload = { id: string; type: WebhookEventType; createdAt: string; data: Record<string, unknown> };

/** Puts the events some live subscription wants in the outbox (others are not stored); their ids. */
export async function enqueueEvents(tx: Queryable, all: readonly WebhookEvent[], now: Date): Promise<string[]> {
  if (all.length === 0) return [];
  const wanted = new Set(
    (await tx.query<{ type: string }>(`SELECT DISTINCT unnest(events) AS type FROM webhook_subscriptions WHERE removed_at IS NULL`)).map((row) => row.type),
  );
  const events = all.filter((event) => wanted.has(event.type));
  if (events.length === 0) return [];
  const at = now.toISOString();
  const payloads: WebhookPayload[] = events.map((event) => ({ id: randomUUID(), type: event.type, createdAt: at, data: event.data }));
  await tx.query(
    `INSERT INTO webhook_events (id, type, payload, created_at)
     SELECT t.id, t.type, t.payload::jsonb, $1 FROM unnest($2::text[], $3::text[], $4::text[]) AS t(id, type, payload)`,
    [at, payloads.map((p) => p.id), payloads.map((p) => p.type), payloads.map((p) => JSON.stringify(p))],
  );
  await tx.query(
    `INSERT INTO webhook_deliveries (id, event_id, subscription_id, status, attempts, next_attempt_at, created_at)
     SELECT gen_random_uuid()::text, e.id, s.id, 'pending', 0, $2, $2
       FROM webhook_events e JOIN webhook_subscriptions s ON s.removed_at IS NULL AND e.type = ANY(s.events)
      WHERE e.id = ANY($1::text[])`,
    [payloads.map((p) => p.id), at],
  );
  return payloads.map((p) => p.id);
}
