/**
 * Applies a protocol-2 push (`POST /api/sync/push`) in ONE change-feed transaction. Rows are
 * grouped per collection, partners first (so a child may name a partner created by the same
 * push); each group is read with one statement and written with one batched upsert.
 *
 * Per row, against the stored document:
 * - absent → written with a new seq, except a child (not a partner or template) whose partner
 *   the server does not have and that this push does not create: `rejected: unknown_partner`
 *   (protocol 1 accepted such orphans and handed them to whoever later created that partner id);
 * - equal to the pushed state (server-owned fields applied, `_deleted` included) → accepted at the
 *   stored seq, nothing written (a replay);
 * - stored seq === baseSeq → written with a new seq;
 * - else → conflict with the stored state; nothing written.
 * Access follows protocol 1 exactly (`findForbidden`): one row the user may not touch makes the
 * whole push 403 before anything is written or any stored state is returned.
 */
import { COLLECTION_NAMES, type CollectionName } from '../../src-shared/domain/types';
import { partnerTeamEmails } from '../../src-shared/sync/accessRules';
import { isSameDocument } from '../../src-shared/sync/documentEquality';
import type { DocumentProblem, FeedPushResult, SyncDocument } from '../../src-shared/sync/protocol';
import { runFeedWrite, type FeedWriter } from '../storage/changeFeed';
import type { Db } from '../storage/db';
import { loadDocs, toSyncDocument, upsertDocs, type DocWrite, type StoredDoc } from '../storage/docStore';
import { refreshPartnerAccess } from '../storage/partnerAccess';
import { findForbidden, shareNewPartners, targetPartnerId, withServerOwnedFields, type PushHooks, type PushViewer } from './pushService';
import type { ValidatedFeedRow } from './validateFeedPushBody';

export type FeedPushOutcome =
  | { kind: 'ok'; results: FeedPushResult[]; written: number; conflicts: number; rejected: number }
  | { kind: 'forbidden'; documents: DocumentProblem[] };

type Group = { collection: CollectionName; rows: ValidatedFeedRow[]; stored: Map<string, StoredDoc> };

/** Partners first, then the other collections in their usual order. */
function groupRows(rows: readonly ValidatedFeedRow[]): Omit<Group, 'stored'>[] {
  return COLLECTION_NAMES.map((collection) => ({ collection, rows: rows.filter((row) => row.collection === collection) })).filter((group) => group.rows.length > 0);
}

async function existingPartnerIds(w: FeedWriter, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await w.query<{ id: string }>(`SELECT id FROM docs WHERE collection = 'partners' AND id = ANY($1::text[])`, [ids]);
  return new Set(rows.map((row) => row.id));
}

/** The seqs the written documents ended with (a new partner's own row is re-numbered by `refreshPartnerAccess`). */
async function finalSeqs(w: FeedWriter, keys: readonly { collection: CollectionName; id: string }[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await w.query<{ collection: string; id: string; seq: number }>(
    `SELECT d.collection, d.id, d.seq FROM docs d
       JOIN unnest($1::text[], $2::text[]) AS k(collection, id) ON d.collection = k.collection AND d.id = k.id`,
    [keys.map((key) => key.collection), keys.map((key) => key.id)],
  );
  return new Map(rows.map((row) => [`${row.collection}\u0000${row.id}`, row.seq]));
}

export async function applyFeedPush(db: Db, now: () => Date, viewer: PushViewer, rows: readonly ValidatedFeedRow[], hooks: PushHooks = {}): Promise<FeedPushOutcome> {
  if (rows.length === 0) return { kind: 'ok', results: [], written: 0, conflicts: 0, rejected: 0 };
  return runFeedWrite(db, async (w): Promise<FeedPushOutcome> => {
    const groups: Group[] = [];
    for (const group of groupRows(rows)) {
      groups.push({ ...group, stored: await loadDocs(w, group.collection, group.rows.map((row) => row.id), true) });
    }
    if (viewer.role !== 'admin') {
      const forbidden: DocumentProblem[] = [];
      for (const group of groups) forbidden.push(...(await findForbidden(w, viewer, group.collection, group.rows, group.stored)));
      if (forbidden.length > 0) return { kind: 'forbidden', documents: forbidden.sort((a, b) => a.index - b.index) };
    }

    // Partners a child may point at: stored ones, and every partner this push writes or keeps.
    const childTargets = new Set<string>();
    for (const group of groups) {
      if (group.collection === 'partners' || group.collection === 'templates' || group.collection === 'resources') continue;
      for (const row of group.rows) {
        const target = targetPartnerId(group.collection, row);
        if (target !== null) childTargets.add(target);
      }
    }
    const knownPartners = await existingPartnerIds(w, [...childTargets]);
    for (const row of groups.find((group) => group.collection === 'partners')?.rows ?? []) knownPartners.add(row.id);

    const results = new Map<number, FeedPushResult>();
    const written: { index: number; collection: CollectionName; id: string; pushed: SyncDocument; stored: SyncDocument }[] = [];
    let conflicts = 0;
    let rejected = 0;
    for (const group of groups) {
      const { collection } = group;
      const writes: DocWrite[] = [];
      const newPartners: string[] = [];
      const accessChanged: string[] = [];
      for (const row of group.rows) {
        const doc = group.stored.get(row.id);
        const data = withServerOwnedFields(collection, row, doc, viewer);
        const pushed: SyncDocument = toSyncDocument(row.data, row.deleted);
        const next: SyncDocument = toSyncDocument(data, row.deleted);
        if (doc) {
          const master = toSyncDocument(doc.data, doc.deleted);
          if (isSameDocument(master, next)) {
            results.set(row.index, { status: 'accepted', seq: doc.seq, ...(isSameDocument(master, pushed) ? {} : { document: master }) });
            continue;
          }
          if (doc.seq !== row.baseSeq) {
            results.set(row.index, { status: 'conflict', seq: doc.seq, document: master });
            conflicts += 1;
            continue;
          }
        }
        const target = targetPartnerId(collection, row);
        if (collection !== 'partners' && collection !== 'templates' && collection !== 'resources' && (target === null || !knownPartners.has(target))) {
          results.set(row.index, {
            status: 'rejected',
            error: 'unknown_partner',
            message: `document ${row.index} (id ${JSON.stringify(row.id)}): partner ${JSON.stringify(target)} does not exist on the server; push the partner first or in the same request`,
          });
          rejected += 1;
          continue;
        }
        writes.push({ id: row.id, partnerId: target, ownerId: doc?.ownerId ?? viewer.id, deleted: row.deleted, data });
        written.push({ index: row.index, collection, id: row.id, pushed, stored: next });
        if (collection === 'partners') {
          if (!doc) newPartners.push(row.id);
          else if (partnerTeamEmails(doc.data.team).join('\n') !== partnerTeamEmails(data.team).join('\n')) accessChanged.push(row.id);
        }
      }
      await upsertDocs(w, collection, writes, now());
      await shareNewPartners(w, newPartners, viewer.id);
      // Revocation tombstones carry the state the users losing access saw: the one before this write.
      if (newPartners.length + accessChanged.length > 0) await refreshPartnerAccess(w, [...newPartners, ...accessChanged], { bump: true, before: { collection, docs: group.stored } });
    }

    const seqs = await finalSeqs(w, written);
    for (const entry of written) {
      const seq = seqs.get(`${entry.collection}\u0000${entry.id}`);
      if (seq === undefined) throw new Error(`written document ${entry.collection}/${entry.id} not found`);
      results.set(entry.index, { status: 'accepted', seq, ...(isSameDocument(entry.stored, entry.pushed) ? {} : { document: entry.stored }) });
    }
    const ordered = rows.map((row) => results.get(row.index) as FeedPushResult);
    if (hooks.beforeCommit) {
      const before = new Map<string, StoredDoc>();
      for (const group of groups) for (const [id, doc] of group.stored) before.set(`${group.collection}\u0000${id}`, doc);
      await hooks.beforeCommit(w, ordered, before);
    }
    return {
      kind: 'ok',
      results: ordered,
      written: written.length,
      conflicts,
      rejected,
    };
  });
}
