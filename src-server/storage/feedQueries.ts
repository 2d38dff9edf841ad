/**
 * Protocol 2's read side: ONE feed across every collection a user may see, in seq order, read
 * with one SQL statement per page (or, for the change stream, per batch of readers).
 *
 * Visibility (non-admins; admins see every document):
 * - templates: the creator and everyone who shares a team with the creator;
 * - every other collection: the partner the row belongs to is in the user's `partner_access`.
 *   Unlike protocol 1 there is no "orphan" rule (a child of a partner the server does not have,
 *   visible to its creator): protocol 2 refuses such children (`unknown_partner`), and an orphan
 *   stored through protocol 1 reaches protocol-2 readers once its partner exists.
 * - plus the user's revocation tombstones (`revocations`), whatever the collection.
 *
 * The feed head (`feed_counter`) is read by the same statement, so it belongs to the snapshot
 * the rows came from: every row with seq ≤ head that the user may see is in this page or a
 * later one. Document rows are read through the `docs_seq` index (seq order, stopping after
 * `limit` matches); revocations through `revocations_feed`.
 */
import type { CollectionName } from '../../src-shared/domain/types';
import type { FeedChange } from '../../src-shared/sync/protocol';
import type { Queryable } from './db';
import { toSyncDocument, type FeedViewer } from './docStore';

export type FeedRowAll = {
  collection: CollectionName;
  seq: number;
  id: string;
  data: Record<string, unknown>;
  deleted: boolean;
  revoked: boolean;
};

export type FeedReadRequest = { viewer: FeedViewer; afterSeq: number };

export type FeedReadPage = {
  /** The position the page was read after: `afterSeq`, or 0 when `afterSeq` was ahead of the head. */
  after: number;
  /** `afterSeq` was ahead of the feed head (a database restored from a backup). */
  ahead: boolean;
  rows: FeedRowAll[];
};

export type FeedRead = { head: number; pages: FeedReadPage[] };

type RawRow = {
  k: number;
  head: number;
  after_seq: number;
  ahead: boolean;
  collection: CollectionName | null;
  seq: number | null;
  id: string | null;
  data: Record<string, unknown> | null;
  deleted: boolean | null;
  revoked: boolean | null;
};

/** Visibility of a `docs d` row for reader `v` (columns `v.user_id`, `v.is_admin`). */
const VISIBLE = `(v.is_admin OR CASE WHEN d.collection IN ('templates', 'resources')
    THEN d.owner_id = v.user_id OR EXISTS (
      SELECT 1 FROM team_members mine JOIN team_members theirs ON theirs.team_id = mine.team_id
       WHERE mine.user_id = v.user_id AND theirs.user_id = d.owner_id)
    ELSE EXISTS (SELECT 1 FROM partner_access pa WHERE pa.partner_id = d.partner_id AND pa.user_id = v.user_id)
  END)`;

/**
 * The next `limit` feed rows after each request's `afterSeq` (0 when it is ahead of the head),
 * for many readers in one statement; `collections` (null: all) filters by collection. Rows come
 * in seq order per request; an id may appear twice (a document row and a revocation).
 */
export async function readFeedAll(q: Queryable, requests: readonly FeedReadRequest[], limit: number, collections: readonly CollectionName[] | null = null): Promise<FeedRead> {
  if (requests.length === 0) {
    const head = await q.query<{ seq: number }>(`SELECT seq FROM feed_counter WHERE id = 1`);
    return { head: head[0]?.seq ?? 0, pages: [] };
  }
  const rows = await q.query<RawRow>(
    `WITH h AS (SELECT seq AS head FROM feed_counter WHERE id = 1),
          v AS (
            SELECT r.k, r.user_id, r.is_admin, r.after_seq > h.head AS ahead,
                   CASE WHEN r.after_seq > h.head THEN 0 ELSE r.after_seq END AS after_seq
              FROM unnest($1::int[], $2::text[], $3::bigint[], $4::boolean[]) AS r(k, user_id, after_seq, is_admin) CROSS JOIN h)
     SELECT v.k, h.head, v.after_seq, v.ahead, f.collection, f.seq, f.id, f.data, f.deleted, f.revoked
       FROM v CROSS JOIN h
       LEFT JOIN LATERAL (
         SELECT * FROM (
           (SELECT d.collection, d.seq, d.id, d.data, d.deleted, false AS revoked FROM docs d
             WHERE d.seq > v.after_seq AND ($6::text[] IS NULL OR d.collection = ANY($6::text[])) AND ${VISIBLE}
             ORDER BY d.seq LIMIT $5)
           UNION ALL
           (SELECT r.collection, r.seq, r.doc_id AS id, r.snapshot AS data, true AS deleted, true AS revoked FROM revocations r
             WHERE NOT v.is_admin AND r.user_id = v.user_id AND r.seq > v.after_seq AND ($6::text[] IS NULL OR r.collection = ANY($6::text[]))
             ORDER BY r.seq LIMIT $5)
         ) feed ORDER BY feed.seq LIMIT $5
       ) f ON true
      ORDER BY v.k, f.seq`,
    [
      requests.map((_, index) => index),
      requests.map((request) => request.viewer.id),
      requests.map((request) => request.afterSeq),
      requests.map((request) => request.viewer.role === 'admin'),
      limit,
      collections ? [...collections] : null,
    ],
  );
  const pages: FeedReadPage[] = requests.map((request) => ({ after: request.afterSeq, ahead: false, rows: [] }));
  let head = 0;
  for (const row of rows) {
    head = row.head;
    const page = pages[Number(row.k)];
    if (!page) continue;
    page.after = row.after_seq;
    page.ahead = row.ahead;
    if (row.seq === null || row.collection === null || row.id === null || row.data === null) continue;
    page.rows.push({ collection: row.collection, seq: row.seq, id: row.id, data: row.data, deleted: row.deleted === true, revoked: row.revoked === true });
  }
  return { head, pages };
}

/** Wire changes of a feed page, in seq order; a document appearing twice keeps only its latest row. */
export function feedChanges(rows: readonly FeedRowAll[]): FeedChange[] {
  const lastIndex = new Map<string, number>();
  rows.forEach((row, index) => lastIndex.set(`${row.collection}\u0000${row.id}`, index));
  return rows
    .filter((row, index) => lastIndex.get(`${row.collection}\u0000${row.id}`) === index)
    .map((row) => ({ collection: row.collection, seq: row.seq, document: toSyncDocument(row.data, row.deleted || row.revoked) }));
}
