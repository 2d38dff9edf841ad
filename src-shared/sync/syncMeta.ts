/**
 * The laptop's sync bookkeeping, kept on each document in the field `sync` and never sent (see
 * docs/sync-protocol.md, "The client algorithm"). It is the outbox: a document whose `sync.pending`
 * is true holds a local change the server has not acknowledged, and `sync.base` is the server
 * state the change was made from (for the three-way merge). The store's write hooks set it in the
 * same write as the change itself, so a crash can never leave a change the engine does not know.
 *
 * Pure rules, shared by the client's store hooks, its sync engine and the tests:
 * - `localChangeMeta`: what a local write (insert, edit, delete) does to the bookkeeping;
 * - `applyServerState`: what a server state (pulled, streamed, or the answer to a push) does to
 *   the local document: newer and nothing pending → taken; pending → merged onto it (never
 *   skipped, never reverting an accepted edit); older or equal → ignored.
 */
import { isSameDocument, stripLocalFields } from './documentEquality';
import { mergeConflict, type ConflictDraft } from './mergeConflict';
import { SYNC_META_FIELD } from './protocol';

type JsonObject = Record<string, unknown>;

export type SyncMeta = {
  /** Server version of the state this document is based on; absent: the server never sent it. */
  seq?: number;
  /** A local change the server has not acknowledged yet. */
  pending?: boolean;
  /** While pending: the server state (at `seq`) the change was made from; null when there is none. */
  base?: JsonObject | null;
  /**
   * Set by the schema migration that introduced this bookkeeping: whether the document holds an
   * unpushed change is read once from the previous engine's records (db/legacySyncState.ts).
   */
  legacy?: boolean;
};

/** A document's synced content: no local-only fields, `_deleted` as a boolean. */
export function syncedContent(doc: JsonObject): JsonObject & { _deleted: boolean } {
  return stripLocalFields(doc);
}

export function readSyncMeta(doc: JsonObject | null | undefined): SyncMeta {
  const meta = doc?.[SYNC_META_FIELD];
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta) ? (meta as SyncMeta) : {};
}

/** True when the document holds a change the server has not acknowledged (or may hold one). */
export function isPendingChange(doc: JsonObject | null | undefined): boolean {
  const meta = readSyncMeta(doc);
  return meta.pending === true || meta.legacy === true;
}

/**
 * The bookkeeping after a local write whose previous state was `previous` (undefined for an
 * insert). A change on top of a pending one keeps the first change's base: the server still holds
 * that state.
 */
export function localChangeMeta(previous: JsonObject | null | undefined): SyncMeta {
  if (!previous) return { pending: true, base: null };
  const meta = readSyncMeta(previous);
  if (meta.legacy) return meta;
  if (meta.pending) return { ...meta, pending: true };
  const base = meta.seq === undefined ? null : syncedContent(previous);
  return { ...(meta.seq === undefined ? {} : { seq: meta.seq }), pending: true, base };
}

export type ServerState = { seq: number; document: JsonObject };

export type ApplyOptions = {
  /** Collection name, copied into conflict drafts. */
  collection: string;
  /**
   * The versions held locally are not comparable with the server's (a reset after a server
   * restore or a new epoch): take the state as newer than the local one.
   */
  rebase?: boolean;
  /**
   * The state answers this laptop's own push (accepted or conflict): a state at the version the
   * local document already has is taken too (it acknowledges or refuses the pending change).
   */
  answersPush?: boolean;
  /** For an accepted push: the content that was pushed, i.e. what the server now holds unless `document` says otherwise. */
  pushed?: JsonObject;
};

export type ApplyDecision =
  | { kind: 'ignore' }
  | {
      kind: 'write';
      /** The synced content to store (with `_deleted`). */
      content: JsonObject & { _deleted: boolean };
      meta: SyncMeta;
      /** Values the merge overrode, to be kept as ConflictRecords. */
      conflicts: ConflictDraft[];
    };

/**
 * What a server state does to the local document (`local`: the stored document with its `sync`
 * field, deleted or not; null when the laptop has none).
 */
export function applyServerState(local: JsonObject | null | undefined, incoming: ServerState, options: ApplyOptions): ApplyDecision {
  const remote = syncedContent(incoming.document);
  if (!local) return { kind: 'write', content: remote, meta: { seq: incoming.seq }, conflicts: [] };
  const meta = readSyncMeta(local);
  const newer =
    options.rebase === true ||
    meta.seq === undefined ||
    incoming.seq > meta.seq ||
    (options.answersPush === true && incoming.seq === meta.seq);
  if (!newer) return { kind: 'ignore' };
  if (!meta.pending && !meta.legacy) {
    if (meta.seq === incoming.seq && isSameDocument(local, remote)) return { kind: 'ignore' };
    return { kind: 'write', content: remote, meta: { seq: incoming.seq }, conflicts: [] };
  }
  // A pending change: merged onto the server state, never skipped. For an accepted push the
  // common ancestor is what was pushed (the server holds it now); otherwise the change's base.
  const base = options.pushed ? syncedContent(options.pushed) : (meta.base ?? null);
  const mine = syncedContent(local);
  const { merged, conflicts } = mergeConflict(
    { newDocumentState: mine, assumedMasterState: base, realMasterState: remote },
    { collection: options.collection },
  );
  const content = syncedContent(merged);
  // Deleted on both sides (or the server's delete won): the server's tombstone is the state; a
  // tombstone differing only in who or when has nothing left to push.
  const bothDeleted = content._deleted && remote._deleted;
  if (bothDeleted || isSameDocument(content, remote)) return { kind: 'write', content: remote, meta: { seq: incoming.seq }, conflicts };
  return { kind: 'write', content, meta: { seq: incoming.seq, pending: true, base: remote }, conflicts };
}

/**
 * A pushed change the server refused with 403: the user lost access to the partner. The document
 * is removed as the server's revocation tombstone will remove it — the last state this laptop saw
 * of it, deleted — whatever came in meanwhile, and the refused edit is kept as a ConflictRecord
 * (field `_deleted`, the whole edited document as the lost value) so it can still be read.
 */
export function revokedResolution(local: JsonObject, collection: string): ApplyDecision {
  const meta = readSyncMeta(local);
  const mine = syncedContent(local);
  const seen = meta.base && meta.base._deleted !== true ? syncedContent(meta.base) : mine;
  const { updatedBy: _author, ...rest } = seen;
  const content = { ...rest, _deleted: true };
  const lost = typeof mine.updatedAt === 'string' ? mine.updatedAt : '';
  const partnerId = collection === 'partners' ? String(mine.id) : String(mine.partnerId ?? '');
  const conflicts: ConflictDraft[] = mine._deleted
    ? []
    : [
        {
          partnerId,
          collectionName: collection,
          documentId: String(mine.id),
          field: '_deleted',
          keptValue: true,
          lostValue: mine,
          keptBy: 'server: access removed',
          lostBy: typeof mine.updatedBy === 'string' ? mine.updatedBy : 'local',
          keptAt: lost,
          lostAt: lost,
        },
      ];
  return { kind: 'write', content, meta: meta.seq === undefined ? {} : { seq: meta.seq }, conflicts };
}
