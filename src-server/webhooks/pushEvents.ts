/**
 * The webhook events of a push, written to the outbox inside its transaction. Both push services
 * call it themselves — protocol 2 (`POST /api/sync/push`, and the integration API through it) and
 * the deprecated protocol 1 (`POST /api/sync/:collection/push`, kept for laptops not yet updated)
 * — so every way a document reaches the server raises the same events, and no route can forget
 * to. Only rows the push really wrote count (a replay of the stored state, a conflict or a
 * rejection is not in `writes`).
 */
import { documentEvents, type DocumentEvent } from '../../src-shared/api/webhookEvents';
import type { CollectionName } from '../../src-shared/domain/types';
import type { Queryable } from '../storage/db';
import type { StoredDoc } from '../storage/docStore';
import { enqueueEvents } from './outbox';

/** One document a push wrote: as stored before (undefined: new) and the data written (`deleted`: a tombstone). */
export type PushedWrite = { collection: CollectionName; before: StoredDoc | undefined; data: Record<string, unknown>; deleted: boolean };

export async function enqueuePushEvents(tx: Queryable, writes: readonly PushedWrite[], now: Date): Promise<void> {
  if (writes.length === 0) return;
  const events: DocumentEvent[] = [];
  const newDeals = new Map<string, Record<string, unknown>[]>();
  for (const write of writes) {
    const previous = write.before && !write.before.deleted ? write.before.data : undefined;
    let after: Record<string, unknown> | undefined;
    if (!write.deleted) {
      after = { ...write.data };
      delete after._deleted;
    }
    events.push(...documentEvents(write.collection, previous, after));
    if (write.collection === 'deals' && previous === undefined && after && typeof after.partnerId === 'string') {
      newDeals.set(after.partnerId, [...(newDeals.get(after.partnerId) ?? []), after]);
    }
  }
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
  await enqueueEvents(tx, events, now);
}
