/** Reading and writing synced documents and the per-user change feed. */
import type { CollectionName } from '../../src-shared/domain/types';
import type { SyncDocument, UserRole } from '../../src-shared/sync/protocol';
import type { Queryable } from './db';
import type { FeedWriter } from './changeFeed';

export type StoredDoc = {
  id: string;
  partnerId: string | null;
  ownerId: string;
  seq: number;
  deleted: boolean;
  data: Record<string, unknown>;
};

export type DocWrite = {
  id: string;
  partnerId: string | null;
  ownerId: string;
  deleted: boolean;
  data: Record<string, unknown>;
};

/** A change-feed row as seen by one user: a document, or a revocation tombstone. */
export type FeedRow = {
  seq: number;
  id: string;
  data: Record<string, unknown>;
  deleted: boolean;
  revoked: boolean;
};

export type FeedViewer = { id: string; role: UserRole };

type DocRow = { id: string; partner_id: string | null; owner_id: string; seq: number; deleted: boolean; data: Record<string, unknown> };

export async function loadDocs(q: Queryable, collection: CollectionName, ids: readonly string[], forUpdate = false): Promise<Map<string, StoredDoc>> {
  const result = new Map<string, StoredDoc>();
  if (ids.length === 0) return result;
  const rows = await q.query<DocRow>(
    `SELECT id, partner_id, owner_id, seq, deleted, data FROM docs WHERE collection = $1 AND id = ANY($2::text[])${forUpdate ? ' FOR UPDATE' : ''}`,
    [collection, ids],
  );
  for (const row of rows) {
    result.set(row.id, { id: row.id, partnerId: row.partner_id, ownerId: row.owner_id, seq: row.seq, deleted: row.deleted, data: row.data });
  }
  return result;
}

/** Writes documents (insert or replace), each with a fresh sequence number. Keeps `owner_id`. */
export async function upsertDocs(w: FeedWriter, collection: CollectionName, writes: readonly DocWrite[], now: Date): Promise<void> {
  if (writes.length === 0) return;
  const seqs = writes.map(() => w.nextSeq());
  await w.query(
    `INSERT INTO docs (collection, id, partner_id, owner_id, seq, deleted, data, created_at, updated_at)
     SELECT $1, t.id, t.partner_id, t.owner_id, t.seq, t.deleted, t.data::jsonb, $2, $2
       FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::boolean[], $8::text[])
         AS t(id, partner_id, owner_id, seq, deleted, data)
     ON CONFLICT (collection, id) DO UPDATE
       SET partner_id = EXCLUDED.partner_id, seq = EXCLUDED.seq, deleted = EXCLUDED.deleted,
           data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
    [
      collection,
      now.toISOString(),
      writes.map((write) => write.id),
      writes.map((write) => write.partnerId),
      writes.map((write) => write.ownerId),
      seqs,
      writes.map((write) => write.deleted),
      writes.map((write) => JSON.stringify(write.data)),
    ],
  );
  w.touch(collection);
}

/** Gives every document of the partners a new sequence number, so every viewer receives them again. */
export async function bumpPartnerDocs(w: FeedWriter, partnerIds: readonly string[]): Promise<number> {
  if (partnerIds.length === 0) return 0;
  const rows = await w.query<{ collection: CollectionName }>(
    `UPDATE docs d SET seq = $2 + s.rn
       FROM (SELECT collection, id, row_number() OVER (ORDER BY seq) AS rn FROM docs WHERE partner_id = ANY($1::text[])) s
      WHERE d.collection = s.collection AND d.id = s.id
      RETURNING d.collection`,
    [partnerIds, w.currentSeq()],
  );
  w.advance(rows.length);
  for (const row of rows) w.touch(row.collection);
  return rows.length;
}

/** Gives these documents of one collection new sequence numbers (in their old order), so every viewer receives them again. */
export async function bumpDocs(w: FeedWriter, collection: CollectionName, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await w.query<{ collection: CollectionName }>(
    `UPDATE docs d SET seq = $3 + s.rn
       FROM (SELECT id, row_number() OVER (ORDER BY seq) AS rn FROM docs WHERE collection = $1 AND id = ANY($2::text[])) s
      WHERE d.collection = $1 AND d.id = s.id
      RETURNING d.collection`,
    [collection, ids, w.currentSeq()],
  );
  w.advance(rows.length);
  for (const row of rows) w.touch(row.collection);
  return rows.length;
}

/** Visibility of a `docs d` row for the (non-admin) user whose id is the SQL expression `user`. */
function visibilityPredicate(collection: CollectionName, user: string): string {
  if (collection === 'templates' || collection === 'resources') {
    return `(d.owner_id = ${user} OR EXISTS (
      SELECT 1 FROM team_members mine JOIN team_members theirs ON theirs.team_id = mine.team_id
       WHERE mine.user_id = ${user} AND theirs.user_id = d.owner_id))`;
  }
  return `(EXISTS (SELECT 1 FROM partner_access pa WHERE pa.partner_id = d.partner_id AND pa.user_id = ${user})
    OR (d.owner_id = ${user} AND NOT EXISTS (SELECT 1 FROM docs p WHERE p.collection = 'partners' AND p.id = d.partner_id)))`;
}

/**
 * The next `limit` feed rows of `collection` after `afterSeq` that `viewer` may see, in seq
 * order: visible documents and the viewer's revocation tombstones. Admins see every document.
 */
export async function readFeedPage(q: Queryable, viewer: FeedViewer, collection: CollectionName, afterSeq: number, limit: number): Promise<FeedRow[]> {
  if (viewer.role === 'admin') {
    return q.query<FeedRow>(
      `SELECT d.seq, d.id, d.data, d.deleted, false AS revoked FROM docs d
        WHERE d.collection = $1 AND d.seq > $2 ORDER BY d.seq LIMIT $3`,
      [collection, afterSeq, limit],
    );
  }
  return q.query<FeedRow>(
    `SELECT * FROM (
       (SELECT d.seq, d.id, d.data, d.deleted, false AS revoked FROM docs d
         WHERE d.collection = $1 AND d.seq > $2 AND ${visibilityPredicate(collection, '$3')}
         ORDER BY d.seq LIMIT $4)
       UNION ALL
       (SELECT r.seq, r.doc_id AS id, r.snapshot AS data, true AS deleted, true AS revoked FROM revocations r
         WHERE r.user_id = $3 AND r.collection = $1 AND r.seq > $2
         ORDER BY r.seq LIMIT $4)
     ) feed ORDER BY seq LIMIT $4`,
    [collection, afterSeq, viewer.id, limit],
  );
}

export type FeedPageRequest = { viewer: FeedViewer; afterSeq: number };

/**
 * `readFeedPage` for many readers at once, in one query: the change stream's fan-out (one commit
 * wakes every open stream; a query per stream made propagation grow with their number). Gives,
 * per request and in request order, the same rows `readFeedPage` gives.
 */
export async function readFeedPages(q: Queryable, collection: CollectionName, requests: readonly FeedPageRequest[], limit: number): Promise<FeedRow[][]> {
  if (requests.length === 0) return [];
  const rows = await q.query<FeedRow & { k: number }>(
    `SELECT v.k, f.seq, f.id, f.data, f.deleted, f.revoked
       FROM unnest($2::int[], $3::text[], $4::bigint[], $5::boolean[]) AS v(k, user_id, after_seq, is_admin)
       CROSS JOIN LATERAL (
         SELECT * FROM (
           (SELECT d.seq, d.id, d.data, d.deleted, false AS revoked FROM docs d
             WHERE d.collection = $1 AND d.seq > v.after_seq AND (v.is_admin OR ${visibilityPredicate(collection, 'v.user_id')})
             ORDER BY d.seq LIMIT $6)
           UNION ALL
           (SELECT r.seq, r.doc_id AS id, r.snapshot AS data, true AS deleted, true AS revoked FROM revocations r
             WHERE NOT v.is_admin AND r.user_id = v.user_id AND r.collection = $1 AND r.seq > v.after_seq
             ORDER BY r.seq LIMIT $6)
         ) feed ORDER BY seq LIMIT $6
       ) f
      ORDER BY v.k, f.seq`,
    [
      collection,
      requests.map((_, index) => index),
      requests.map((request) => request.viewer.id),
      requests.map((request) => request.afterSeq),
      requests.map((request) => request.viewer.role === 'admin'),
      limit,
    ],
  );
  const pages: FeedRow[][] = requests.map(() => []);
  for (const { k, ...row } of rows) pages[Number(k)]?.push(row);
  return pages;
}

export function toSyncDocument(data: Record<string, unknown>, deleted: boolean): SyncDocument {
  return { ...data, _deleted: deleted } as SyncDocument;
}

/** Wire documents of a feed page; when an id appears twice only its latest row is kept. */
export function feedDocuments(rows: readonly FeedRow[]): SyncDocument[] {
  const lastIndex = new Map<string, number>();
  rows.forEach((row, index) => lastIndex.set(row.id, index));
  return rows.filter((row, index) => lastIndex.get(row.id) === index).map((row) => toSyncDocument(row.data, row.deleted || row.revoked));
}
