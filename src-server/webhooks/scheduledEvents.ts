/**
 * The time-based webhook events: a scan (on the deliverer's clock) raises `partner.phase_entered`
 * and `task.overdue` with the src-shared rules, each once — its key goes into `webhook_emitted`
 * in the transaction that writes the outbox, so concurrent scans by several processes raise it
 * once. Nothing is scanned while no live subscription wants these events. The same scan forgets
 * `Idempotency-Key` answers older than 24 h.
 */
import { addDaysIso } from '../../src-shared/kpi/calendar';
import { phaseEnteredEvent, SCHEDULED_LOOKBACK_DAYS, taskOverdueEvent, type ScheduledEvent } from '../../src-shared/api/webhookEvents';
import type { Partner, Task } from '../../src-shared/domain/types';
import type { Db } from '../storage/db';
import { enqueueEvents } from './outbox';

/** How long an `Idempotency-Key` answer is kept (then the key may be used again). */
export const IDEMPOTENCY_KEEP_MS = 24 * 60 * 60 * 1000;

export async function raiseScheduledEvents(db: Db, now: Date): Promise<number> {
  await db.query(`DELETE FROM api_idempotency WHERE created_at < $1`, [new Date(now.getTime() - IDEMPOTENCY_KEEP_MS).toISOString()]);
  const wanted = new Set(
    (await db.query<{ type: string }>(`SELECT DISTINCT unnest(events) AS type FROM webhook_subscriptions WHERE removed_at IS NULL`)).map((row) => row.type),
  );
  const today = now.toISOString().slice(0, 10);
  const events: ScheduledEvent[] = [];
  if (wanted.has('partner.phase_entered')) {
    const partners = await db.query<{ data: Partner }>(`SELECT data FROM docs WHERE collection = 'partners' AND NOT deleted`);
    for (const { data } of partners) {
      const event = phaseEnteredEvent(data, today);
      if (event) events.push(event);
    }
  }
  if (wanted.has('task.overdue')) {
    const tasks = await db.query<{ data: Task }>(
      `SELECT data FROM docs WHERE collection = 'tasks' AND NOT deleted AND data->>'status' = 'open' AND data->>'dueDate' < $1 AND data->>'dueDate' >= $2`,
      [today, addDaysIso(today, -SCHEDULED_LOOKBACK_DAYS)],
    );
    for (const { data } of tasks) {
      const event = taskOverdueEvent(data, today);
      if (event) events.push(event);
    }
  }
  if (events.length === 0) return 0;
  return db.transaction(async (tx) => {
    const fresh = new Set(
      (
        await tx.query<{ key: string }>(
          `INSERT INTO webhook_emitted (key, emitted_at) SELECT k, $2 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING RETURNING key`,
          [events.map((event) => event.key), now.toISOString()],
        )
      ).map((row) => row.key),
    );
    const raised = events.filter((event) => fresh.has(event.key)).map(({ type, data }) => ({ type, data }));
    await enqueueEvents(tx, raised, now);
    return raised.length;
  });
}
