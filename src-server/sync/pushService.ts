/**
 * Applies validated push rows in one change-feed transaction:
 * - access: a row whose stored document, or whose target partner, the user may not see makes the
 *   whole push 403 and nothing is stored (no master state of a foreign document is ever returned);
 *   so does a stored program document (template) the user may see but not change (an admin's);
 * - ownership: the server owns `ownerEmail` of partners — a new partner is owned by the pusher,
 *   an existing one keeps its stored owner — so a forged value never reaches storage;
 * - idempotence: a row equal to the stored document changes nothing (no new seq);
 * - conflicts: a stored document that differs from `assumedMasterState` (deep equality ignoring
 *   key order and RxDB local fields) is not written and its master state is returned.
 */
import type { CollectionName } from '../../src-shared/domain/types';
import { isAdminWrittenCollection, isProgramCollection, partnerTeamEmails } from '../../src-shared/sync/accessRules';
import { isSameDocument } from '../../src-shared/sync/documentEquality';
import type { DocumentProblem, FeedPushResult, SyncDocument } from '../../src-shared/sync/protocol';
import type { Db, Queryable } from '../storage/db';
import { runFeedWrite, type FeedWriter } from '../storage/changeFeed';
import { loadDocs, toSyncDocument, upsertDocs, type DocWrite, type StoredDoc } from '../storage/docStore';
import { refreshPartnerAccess } from '../storage/partnerAccess';
import { programDocEditableSql, programDocVisibleSql } from '../storage/visibilitySql';
import { enqueuePushEvents, type PushedWrite } from '../webhooks/pushEvents';
import type { ValidatedPushRow } from './validatePushBody';

export type PushViewer = { id: string; email: string; role: 'manager' | 'admin' };

export type PushOutcome = { kind: 'ok'; conflicts: SyncDocument[]; written: number } | { kind: 'forbidden'; documents: DocumentProblem[] };

export type PushHooks = {
  /**
   * Runs inside the transaction after all writes, before COMMIT (tests hold it open; the
   * webhook outbox is written here, atomically with the change). Protocol 2 passes the
   * transaction, the per-row results and the stored documents as they were before the push
   * (keyed `${collection}\u0000${id}`).
   */
  beforeCommit?: (tx: FeedWriter, results: readonly FeedPushResult[], before: ReadonlyMap<string, StoredDoc>) => Promise<void>;
};

const FORBIDDEN_MESSAGE = 'not allowed: the document or its partner belongs to partners you cannot access';
const READ_ONLY_MESSAGE = 'not allowed: a program lead (admin) published this for everyone to read; only admins and their teammates change it';

export function targetPartnerId(collection: CollectionName, row: ValidatedPushRow): string | null {
  if (collection === 'partners') return row.id;
  if (isProgramCollection(collection)) return null;
  return typeof row.data.partnerId === 'string' ? row.data.partnerId : null;
}

export async function findForbidden(
  q: Queryable,
  viewer: PushViewer,
  collection: CollectionName,
  rows: readonly ValidatedPushRow[],
  stored: Map<string, StoredDoc>,
): Promise<DocumentProblem[]> {
  const forbidden = (row: ValidatedPushRow): DocumentProblem => ({ index: row.index, id: row.id, message: FORBIDDEN_MESSAGE });
  // The resource library is the program's: only admins write it (findForbidden runs for managers only).
  if (isAdminWrittenCollection(collection)) return rows.map(forbidden);
  if (isProgramCollection(collection)) {
    // Everyone may create one; a stored one only whoever may change it (seeing it is not enough:
    // an admin's template is everyone's to read, not to rewrite).
    const storedIds = [...stored.keys()];
    const access = new Map(
      (storedIds.length === 0
        ? []
        : await q.query<{ id: string; editable: boolean; visible: boolean }>(
            `SELECT d.id, ${programDocEditableSql('$1')} AS editable, ${programDocVisibleSql('$1')} AS visible
               FROM docs d WHERE d.collection = $2 AND d.id = ANY($3::text[])`,
            [viewer.id, collection, storedIds],
          )
      ).map((row) => [row.id, row]),
    );
    return rows.flatMap((row) => {
      const rights = access.get(row.id);
      if (!stored.has(row.id) || rights?.editable) return [];
      return [rights?.visible ? { index: row.index, id: row.id, message: READ_ONLY_MESSAGE } : forbidden(row)];
    });
  }
  const partnerIds = new Set<string>();
  for (const row of rows) {
    const target = targetPartnerId(collection, row);
    if (target !== null) partnerIds.add(target);
    const doc = stored.get(row.id);
    if (doc?.partnerId) partnerIds.add(doc.partnerId);
  }
  const ids = [...partnerIds];
  const accessible = new Set(
    (await q.query<{ partner_id: string }>(`SELECT partner_id FROM partner_access WHERE user_id = $1 AND partner_id = ANY($2::text[])`, [viewer.id, ids])).map(
      (row) => row.partner_id,
    ),
  );
  const existingPartners = new Set(
    (await q.query<{ id: string }>(`SELECT id FROM docs WHERE collection = 'partners' AND id = ANY($1::text[])`, [ids])).map((row) => row.id),
  );
  const problems: DocumentProblem[] = [];
  for (const row of rows) {
    const doc = stored.get(row.id);
    const storedVisible =
      !doc ||
      (doc.partnerId !== null && accessible.has(doc.partnerId)) ||
      (doc.partnerId !== null && !existingPartners.has(doc.partnerId) && doc.ownerId === viewer.id);
    const target = targetPartnerId(collection, row);
    // A new partner may be created by anyone; a child may point at a partner not pushed yet.
    const targetAllowed = target === null || accessible.has(target) || !existingPartners.has(target) || (collection === 'partners' && !doc);
    if (!storedVisible || !targetAllowed) problems.push(forbidden(row));
  }
  return problems;
}

/** The document as it will be stored: server-owned fields set by the server. */
export function withServerOwnedFields(collection: CollectionName, row: ValidatedPushRow, stored: StoredDoc | undefined, viewer: PushViewer): Record<string, unknown> {
  if (collection !== 'partners') return row.data;
  const ownerEmail = stored ? stored.data.ownerEmail : viewer.email;
  return { ...row.data, ownerEmail };
}

export async function applyPush(
  db: Db,
  now: () => Date,
  viewer: PushViewer,
  collection: CollectionName,
  rows: readonly ValidatedPushRow[],
  hooks: PushHooks = {},
): Promise<PushOutcome> {
  if (rows.length === 0) return { kind: 'ok', conflicts: [], written: 0 };
  return runFeedWrite(db, async (w) => {
    const stored = await loadDocs(
      w,
      collection,
      rows.map((row) => row.id),
      true,
    );
    if (viewer.role !== 'admin') {
      const forbidden = await findForbidden(w, viewer, collection, rows, stored);
      if (forbidden.length > 0) return { kind: 'forbidden', documents: forbidden } satisfies PushOutcome;
    }
    const conflicts: SyncDocument[] = [];
    const writes: DocWrite[] = [];
    const pushed: PushedWrite[] = [];
    const newPartners: string[] = [];
    const accessChanged: string[] = [];
    for (const row of rows) {
      const doc = stored.get(row.id);
      const data = withServerOwnedFields(collection, row, doc, viewer);
      if (doc) {
        const master = toSyncDocument(doc.data, doc.deleted);
        if (isSameDocument(master, { ...data, _deleted: row.deleted })) continue;
        if (!row.assumed || !isSameDocument(master, row.assumed)) {
          conflicts.push(master);
          continue;
        }
      }
      writes.push({ id: row.id, partnerId: targetPartnerId(collection, row), ownerId: doc?.ownerId ?? viewer.id, deleted: row.deleted, data });
      pushed.push({ collection, before: doc, data, deleted: row.deleted });
      if (collection === 'partners') {
        if (!doc) newPartners.push(row.id);
        else if (partnerTeamEmails(doc.data.team).join('\n') !== partnerTeamEmails(data.team).join('\n')) accessChanged.push(row.id);
      }
    }
    await upsertDocs(w, collection, writes, now());
    await shareNewPartners(w, newPartners, viewer.id);
    if (newPartners.length + accessChanged.length > 0) await refreshPartnerAccess(w, [...newPartners, ...accessChanged], { bump: true, before: { collection, docs: stored } });
    // The same webhook events as a protocol-2 push, in this transaction.
    await enqueuePushEvents(w, pushed, now());
    if (hooks.beforeCommit) await hooks.beforeCommit(w, [], new Map());
    return { kind: 'ok', conflicts, written: writes.length } satisfies PushOutcome;
  });
}

/** New partners are shared with their owner's first team (kept server-side; admins change it with reassign-partner). */
export async function shareNewPartners(w: Queryable, partnerIds: readonly string[], ownerId: string): Promise<void> {
  if (partnerIds.length === 0) return;
  await w.query(
    `INSERT INTO partner_teams (partner_id, team_id)
     SELECT p.id, (SELECT team_id FROM team_members WHERE user_id = $2 ORDER BY position LIMIT 1)
       FROM unnest($1::text[]) AS p(id)
      WHERE EXISTS (SELECT 1 FROM team_members WHERE user_id = $2)
     ON CONFLICT (partner_id) DO NOTHING`,
    [partnerIds, ownerId],
  );
}
