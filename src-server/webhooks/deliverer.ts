/**
 * Delivers the webhook outbox. A run claims due deliveries with `FOR UPDATE SKIP LOCKED` and a
 * lease (so several server processes on one database never send one delivery at the same time),
 * POSTs each signed body, logs the attempt and either marks it delivered (2xx) or schedules the
 * next attempt with exponential backoff (30 s, 1 min, 2 min … capped at 2 h) until 24 h after
 * the event, then marks it failed. A run also raises the time-based events (scheduledEvents.ts)
 * once a minute. Time comes from the injected clock: tests drive retries by
 * moving it and calling `runOnce()`, never by sleeping.
 */
import type { Db } from '../storage/db';
import { raiseScheduledEvents } from './scheduledEvents';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook } from './signature';

export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 2 * 60 * 60 * 1000;

/** Delay before attempt `attempts + 1` after `attempts` failed ones. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export type DelivererOptions = {
  db: Db;
  now: () => Date;
  /** How long a claimed delivery is reserved for this process (default 60 s). */
  leaseMs?: number;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  batchSize?: number;
  /** How often a run also raises the time-based events (task overdue, phase entered); default 60 s of the clock. */
  scanIntervalMs?: number;
  onError?: (error: unknown) => void;
};

export type DeliveryRunResult = { attempted: number; delivered: number; retrying: number; failed: number };

type Claimed = { id: string; attempts: number; url: string; secret: string; payload: unknown; type: string; created_at: Date | string };

export function createWebhookDeliverer(options: DelivererOptions) {
  const { db, now } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batchSize = options.batchSize ?? 20;
  const scanIntervalMs = options.scanIntervalMs ?? 60_000;
  let lastScan = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<DeliveryRunResult> | null = null;

  const claim = async (): Promise<Claimed[]> => {
    const at = now();
    return db.query<Claimed>(
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d
          WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND (d.lease_until IS NULL OR d.lease_until <= $1)
          ORDER BY d.next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       UPDATE webhook_deliveries d SET lease_until = $2, attempts = d.attempts + 1
         FROM due, webhook_subscriptions s, webhook_events e
        WHERE d.id = due.id AND s.id = d.subscription_id AND e.id = d.event_id
       RETURNING d.id, d.attempts, s.url, s.secret, e.payload, e.type, d.created_at`,
      [at.toISOString(), new Date(at.getTime() + leaseMs).toISOString(), batchSize],
    );
  };

  const send = async (delivery: Claimed): Promise<'delivered' | 'retrying' | 'failed'> => {
    const body = JSON.stringify(delivery.payload);
    const sentAt = now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'PartnerDesk-Webhooks/1',
          [SIGNATURE_HEADER]: signWebhook(delivery.secret, Math.floor(sentAt.getTime() / 1000), body),
          [EVENT_HEADER]: delivery.type,
          [DELIVERY_HEADER]: delivery.id,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      statusCode = response.status;
      await response.body?.cancel().catch(() => undefined);
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}`.slice(0, 500) : 'request failed';
    }
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const next = new Date(now().getTime() + retryDelayMs(delivery.attempts));
    const giveUp = !ok && next.getTime() > new Date(delivery.created_at).getTime() + RETRY_WINDOW_MS;
    const outcome = ok ? 'delivered' : giveUp ? 'failed' : 'retrying';
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, error) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [
        delivery.id,
        delivery.attempts,
        sentAt.toISOString(),
        statusCode,
        error ?? (ok ? null : `HTTP ${statusCode}`),
      ]);
      await tx.query(
        `UPDATE webhook_deliveries SET status = $2, lease_until = NULL, last_status = $3, last_error = $4,
                delivered_at = CASE WHEN $2 = 'delivered' THEN $5::timestamptz ELSE delivered_at END,
                next_attempt_at = CASE WHEN $2 = 'pending' THEN $6::timestamptz ELSE next_attempt_at END
          WHERE id = $1`,
        [delivery.id, outcome === 'retrying' ? 'pending' : outcome, statusCode, ok ? null : (error ?? `HTTP ${statusCode}`), now().toISOString(), next.toISOString()],
      );
    });
    return outcome;
  };

  const runOnce = async (): Promise<DeliveryRunResult> => {
    const result: DeliveryRunResult = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
    if (now().getTime() - lastScan >= scanIntervalMs) {
      lastScan = now().getTime();
      await raiseScheduledEvents(db, now());
    }
    for (;;) {
      const claimed = await claim();
      if (claimed.length === 0) return result;
      const outcomes = await Promise.all(claimed.map(send));
      result.attempted += claimed.length;
      for (const outcome of outcomes) result[outcome] += 1;
      if (claimed.length < batchSize) return result;
    }
  };

  const shared = (): Promise<DeliveryRunResult> => {
    running ??= runOnce().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    /** Sends every due delivery once (concurrent calls in this process share one run). */
    runOnce: shared,
    /** Polls every `intervalMs` (the server does this; tests call runOnce instead). */
    start(intervalMs: number): void {
      if (timer || intervalMs <= 0) return;
      timer = setInterval(() => {
        void shared().catch((error: unknown) => options.onError?.(error));
      }, intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}

export type WebhookDeliverer = ReturnType<typeof createWebhookDeliverer>;
