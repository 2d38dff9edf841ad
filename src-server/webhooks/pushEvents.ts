/**
 * The webhook events of a protocol-2 push, written to the outbox inside its transaction. Used by
 * every protocol-2 write — `POST /api/sync/push` from a laptop and the integration API — so the
 * app and the API raise the same events. Only rows the push really wrote count (a replay of the
 * stored state, a conflict or a rejection raises nothing).
 */
import { documentEvents, type DocumentEvent } from '../../src-shared/api/webhookEvents';
import type { PushHooks } from '../sync/pushService';
import type { ValidatedFeedRow } from '../sync/validateFeedPushBody';
import { enqueueEvents } from './outbox';

export function webhookPushHooks(now: () => Date, rows: readonly ValidatedFeedRow[], inner: PushHooks = {}): PushHooks {
  return {
    beforeCommit: async (tx, results, before) => {
      // The counter is advanced after this hook: a seq above it was allocated by this push.
      const head = (await tx.query<{ seq: number }>(`SELECT seq FROM feed_counter WHERE id = 1`))[0]?.seq ?? 0;
      const events: DocumentEvent[] = [];
      const newDeals = new Map<string, Record<string, unknown>[]>();
      rows.forEach((row, index) => {
        const result = results[index];
        if (result?.status !== 'accepted' || result.seq <= head) return;
        const stored = before.get(`${row.collection}\u0000${row.id}`);
        const previous = stored && !stored.deleted ? stored.data : undefined;
        let after: Record<string, unknown> | undefined;
        if (!row.deleted) {
          if (result.document) {
            const data: Record<string, unknown> = { ...result.document };
            delete data._deleted;
            after = data;
          } else after = row.data;
        }
        events.push(...documentEvents(row.collection, previous, after));
        if (row.collection === 'deals' && previous === undefined && after && typeof after.partnerId === 'string') {
          newDeals.set(after.partnerId, [...(newDeals.get(after.partnerId) ?? []), after]);
        }
      });
      if (newDeals.size > 0) {
        // A partner's first deal: every live deal it has was created by this push.
        const counts = await tx.query<{ partner_id: string; n: number }>(
          `SELECT partner_id, count(*)::int AS n FROM docs WHERE collection = 'deals' AND NOT deleted AND partner_id = ANY($1::text[]) GROUP BY partner_id`,
          [[...newDeals.keys()]],
        );
        for (const row of counts) {
          const deals = newDeals.get(row.partner_id) ?? [];
          if (row.n !== deals.length) continue;
          const first = [...deals].sort((a, b) => String(a.registeredOn).localeCompare(String(b.registeredOn)) || String(a.id).localeCompare(String(b.id)))[0];
          events.push({ type: 'partner.first_deal', data: { partnerId: row.partner_id, deal: first } });
        }
      }
      await enqueueEvents(tx, events, now());
      if (inner.beforeCommit) await inner.beforeCommit(tx, results, before);
    },
  };
}
