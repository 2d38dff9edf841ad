/**
 * The change feed's write side. Every transaction that changes what pull returns (documents,
 * revocation tombstones) runs through `runFeedWrite`, which first locks the single
 * `feed_counter` row (`SELECT … FOR UPDATE`). Writers are therefore serialised: a writer gets
 * its sequence numbers only after the previous writer committed, so `seq` order is commit order
 * and any snapshot a reader takes contains exactly the rows with seq ≤ some N. A pull can never
 * see seq 12 while seq 11 is still uncommitted — nothing is skipped. The counter advances in the
 * same transaction, and the NOTIFY sent inside it is delivered only on commit.
 */
import type { CollectionName } from '../../src-shared/domain/types';
import type { Db, Queryable } from './db';

export type FeedNotification = { t: 'feed'; seq: number; c: CollectionName[] } | { t: 'sessions' };

export type FeedWriter = Queryable & {
  /** Allocates the next sequence number. */
  nextSeq: () => number;
  /** The last allocated sequence number (base for numbering rows inside SQL). */
  currentSeq: () => number;
  /** Marks `count` numbers after `currentSeq()` as used (rows numbered inside SQL). */
  advance: (count: number) => void;
  /** Records that `collection` changed (subscribers are told after commit). */
  touch: (collection: CollectionName) => void;
  /** Records that sessions were revoked (open streams re-check their token after commit). */
  sessionsChanged: () => void;
};

export function feedChannel(db: Db): string {
  return `pd_feed_${db.schema}`;
}

export async function notify(tx: Queryable, channel: string, message: FeedNotification): Promise<void> {
  await tx.query(`SELECT pg_notify($1, $2)`, [channel, JSON.stringify(message)]);
}

export async function readFeedHead(q: Queryable): Promise<number> {
  const rows = await q.query<{ seq: number }>(`SELECT seq FROM feed_counter WHERE id = 1`);
  return rows[0]?.seq ?? 0;
}

export async function runFeedWrite<T>(db: Db, fn: (writer: FeedWriter) => Promise<T>): Promise<T> {
  const channel = feedChannel(db);
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ seq: number }>(`SELECT seq FROM feed_counter WHERE id = 1 FOR UPDATE`);
    const start = rows[0]?.seq ?? 0;
    let seq = start;
    const touched = new Set<CollectionName>();
    let sessions = false;
    const writer: FeedWriter = {
      query: tx.query,
      nextSeq: () => {
        seq += 1;
        return seq;
      },
      currentSeq: () => seq,
      advance: (count) => {
        if (!Number.isSafeInteger(count) || count < 0) throw new Error(`invalid advance: ${count}`);
        seq += count;
      },
      touch: (collection) => {
        touched.add(collection);
      },
      sessionsChanged: () => {
        sessions = true;
      },
    };
    const result = await fn(writer);
    if (seq !== start) {
      await tx.query(`UPDATE feed_counter SET seq = $1 WHERE id = 1`, [seq]);
      await notify(tx, channel, { t: 'feed', seq, c: [...touched] });
    }
    if (sessions) await notify(tx, channel, { t: 'sessions' });
    return result;
  });
}
