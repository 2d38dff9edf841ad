/**
 * The integration API's reads and writes. Writes go through the protocol-2 push pipeline
 * (`applyFeedPush`: the sync access rules, one change-feed transaction, live streams notified);
 * documents are checked by the push validator first, and the webhook outbox is written inside
 * the same transaction, from the rows the push really wrote.
 */
import { createHash } from 'node:crypto';
import type { CollectionName } from '../../src-shared/domain/types';
import { FEED_PUSH_ROWS_MAX, type DocumentProblem, type FeedPushResult } from '../../src-shared/sync/protocol';
import type { Db } from '../storage/db';
import { visibleDocSql } from '../storage/visibilitySql';
import { applyFeedPush } from '../sync/feedPushService';
import type { PushViewer } from '../sync/pushService';
import { validateFeedPushBody, type ValidatedFeedRow } from '../sync/validateFeedPushBody';

/** A deterministic document id for an external id (the CRM's opportunity id, …), so a replay finds the same document. */
export function externalDocId(collection: CollectionName, key: string): string {
  return `ext-${createHash('sha256').update(`${collection}\u0000${key}`, 'utf8').digest('hex').slice(0, 40)}`;
}

export type DocRecord = { id: string; seq: number; deleted: boolean; data: Record<string, unknown> };

/** Documents of `collection` the viewer may see (not deleted), optionally only of some partners. */
export async function visibleDocs(db: Db, viewer: PushViewer, collection: CollectionName, partnerIds?: readonly string[]): Promise<DocRecord[]> {
  const params: unknown[] = [collection];
  let where = `d.collection = $1 AND NOT d.deleted`;
  if (viewer.role !== 'admin') {
    params.push(viewer.id);
    where += ` AND ${visibleDocSql({ user: `$${params.length}`, collection })}`;
  }
  if (partnerIds) {
    params.push(partnerIds);
    where += ` AND d.partner_id = ANY($${params.length}::text[])`;
  }
  return db.query<DocRecord>(`SELECT d.id, d.seq, d.deleted, d.data FROM docs d WHERE ${where} ORDER BY d.seq`, params);
}

/** Stored documents by id (any visibility: callers only look up ids they derived). */
export async function storedDocs(db: Db, collection: CollectionName, ids: readonly string[]): Promise<Map<string, DocRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<DocRecord>(`SELECT id, seq, deleted, data FROM docs WHERE collection = $1 AND id = ANY($2::text[])`, [collection, ids]);
  return new Map(rows.map((row) => [row.id, row]));
}

export type ApiWrite = { collection: CollectionName; id: string; data: Record<string, unknown>; baseSeq: number | null };

export type WriteOutcome =
  | { kind: 'ok'; results: FeedPushResult[] }
  | { kind: 'forbidden'; message: string }
  | { kind: 'invalid'; message: string; documents: DocumentProblem[] };

/**
 * Writes documents in one transaction through the protocol-2 push, with the same webhook events
 * as a laptop's push (`enqueuePushEvents`, called by the push itself).
 */
export async function writeDocuments(db: Db, now: () => Date, viewer: PushViewer, writes: readonly ApiWrite[]): Promise<WriteOutcome> {
  if (writes.length === 0) return { kind: 'ok', results: [] };
  const rows: ValidatedFeedRow[] = [];
  for (let start = 0; start < writes.length; start += FEED_PUSH_ROWS_MAX) {
    const chunk = writes.slice(start, start + FEED_PUSH_ROWS_MAX);
    const checked = validateFeedPushBody({ rows: chunk.map((write) => ({ collection: write.collection, baseSeq: write.baseSeq, document: { ...write.data, _deleted: false } })) });
    if (!checked.ok) {
      return { kind: 'invalid', message: checked.error.message, documents: (checked.error.documents ?? []).map((problem) => ({ ...problem, index: problem.index + start })) };
    }
    for (const row of checked.rows) rows.push({ ...row, index: row.index + start });
  }
  const outcome = await applyFeedPush(db, now, viewer, rows);
  if (outcome.kind === 'forbidden') return { kind: 'forbidden', message: outcome.documents[0]?.message ?? 'forbidden' };
  return { kind: 'ok', results: outcome.results };
}
