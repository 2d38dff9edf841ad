/**
 * Field-level three-way merge of a replication conflict, so no edit made on any laptop is
 * silently lost. Pure: it returns the merged document and the losing values; the caller stores
 * the losing values as `ConflictRecord`s (collection `conflicts`).
 *
 * Rules, comparing each field of the local (`newDocumentState`) and server (`realMasterState`)
 * documents with their common ancestor (`assumedMasterState`):
 * - a field changed on one side only keeps that side's value;
 * - a field changed on both sides to different values takes the side with the later `updatedAt`
 *   (a tie goes to the server) and the losing value becomes a conflict;
 * - arrays whose items are all objects with a unique string `id` merge by id: an item added on
 *   one side is kept, an item edited on both sides merges recursively by field, an item deleted
 *   on one side and untouched on the other is removed (deleted on one side and edited on the
 *   other: the later document wins and the loser is a conflict);
 * - nested plain objects merge recursively by field; other values (strings, numbers, arrays of
 *   scalars) are atomic;
 * - deletes (`_deleted: true`): a delete against an untouched document wins; a delete against an
 *   edited document is decided by `updatedAt` and the loser is a conflict on field `_deleted`
 *   (when the delete wins, `lostValue` is the whole edited document so it can be restored);
 * - `updatedAt` of the merged document is the later of the two, and `updatedBy` (who made the
 *   last edit) comes from that same side; neither is ever a conflict of its own.
 * Who made each side (`keptBy` / `lostBy` of the conflicts) is that side's `updatedBy`, falling
 * back to the context's labels for documents written before `updatedBy` existed.
 * Without an ancestor (both sides created the same id) every differing field is a both-sides
 * change. RxDB's local fields (`_meta`, `_rev`, `_attachments`) are dropped.
 */
import type { ConflictRecord } from '../domain/types';
import { deepEqual, isPlainObject, stripLocalFields } from './documentEquality';

type JsonObject = Record<string, unknown>;

/** A ConflictRecord without the fields the storing client assigns. */
export type ConflictDraft = Pick<
  ConflictRecord,
  'partnerId' | 'collectionName' | 'documentId' | 'field' | 'keptValue' | 'lostValue' | 'keptBy' | 'lostBy' | 'keptAt' | 'lostAt'
>;

export type MergeInput<T extends JsonObject> = {
  newDocumentState: T;
  assumedMasterState?: T | null;
  realMasterState: T;
};

export type MergeContext = {
  /** Collection of the document, copied into the conflict drafts. */
  collection: string;
  /** Who made the local edit when the local document has no `updatedBy`; default `local`. */
  localLabel?: string;
  /** Who made the server edit when the server document has no `updatedBy`; default `server`. */
  remoteLabel?: string;
};

export type MergeResult<T> = { merged: T; conflicts: ConflictDraft[] };

type Side = 'local' | 'remote';

type MergeState = {
  winnerOnClash: Side;
  localAt: string;
  remoteAt: string;
  clashes: { path: string; kept: unknown; lost: unknown }[];
};

const MAX_DEPTH = 64;

function timeOf(doc: JsonObject): string {
  return typeof doc.updatedAt === 'string' ? doc.updatedAt : '';
}

function laterTime(a: string, b: string): string {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a > b ? a : b;
  return ta > tb ? a : b;
}

/** 'local' when the local document's `updatedAt` is strictly later, else 'remote'. */
function laterSide(localAt: string, remoteAt: string): Side {
  if (localAt === remoteAt) return 'remote';
  return laterTime(localAt, remoteAt) === localAt ? 'local' : 'remote';
}

function isIdArray(value: unknown): value is JsonObject[] {
  if (!Array.isArray(value)) return false;
  const ids = new Set<string>();
  for (const item of value) {
    if (!isPlainObject(item) || typeof item.id !== 'string' || ids.has(item.id)) return false;
    ids.add(item.id);
  }
  return true;
}

function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function mergeValue(base: unknown, local: unknown, remote: unknown, path: string, state: MergeState, depth: number): unknown {
  if (deepEqual(local, remote)) return local;
  if (deepEqual(local, base)) return remote;
  if (deepEqual(remote, base)) return local;
  if (depth < MAX_DEPTH) {
    if (isIdArray(local) && isIdArray(remote) && (base === undefined || isIdArray(base))) {
      return mergeIdArrays(base ?? [], local, remote, path, state, depth + 1);
    }
    if (isPlainObject(local) && isPlainObject(remote) && (base === undefined || isPlainObject(base))) {
      return mergeObjects(base ?? {}, local, remote, path, state, depth + 1);
    }
  }
  const kept = state.winnerOnClash === 'local' ? local : remote;
  const lost = state.winnerOnClash === 'local' ? remote : local;
  state.clashes.push({ path, kept: kept ?? null, lost: lost ?? null });
  return kept;
}

function mergeObjects(base: JsonObject, local: JsonObject, remote: JsonObject, path: string, state: MergeState, depth: number, skip?: ReadonlySet<string>): JsonObject {
  const result: JsonObject = {};
  const keys = [...Object.keys(remote), ...Object.keys(local).filter((key) => !Object.prototype.hasOwnProperty.call(remote, key))];
  for (const key of keys) {
    if (skip?.has(key)) continue;
    const value = mergeValue(base[key], local[key], remote[key], childPath(path, key), state, depth);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

function mergeIdArrays(base: JsonObject[], local: JsonObject[], remote: JsonObject[], path: string, state: MergeState, depth: number): JsonObject[] {
  const byId = (items: JsonObject[]) => new Map(items.map((item) => [item.id as string, item]));
  const baseById = byId(base);
  const localById = byId(local);
  const remoteById = byId(remote);
  const order = [...remote.map((item) => item.id as string), ...local.map((item) => item.id as string).filter((id) => !remoteById.has(id))];
  const result: JsonObject[] = [];
  for (const id of order) {
    const itemPath = `${path}[${id}]`;
    const b = baseById.get(id);
    const l = localById.get(id);
    const r = remoteById.get(id);
    if (l && r) {
      result.push(deepEqual(l, r) ? l : mergeObjects(b ?? {}, l, r, itemPath, state, depth));
      continue;
    }
    const present = (l ?? r) as JsonObject;
    if (!b) {
      // Added on one side only.
      result.push(present);
      continue;
    }
    // Deleted on the other side: removed when untouched here, else the later document decides.
    if (deepEqual(present, b)) continue;
    const presentSide: Side = l ? 'local' : 'remote';
    if (state.winnerOnClash === presentSide) {
      state.clashes.push({ path: itemPath, kept: present, lost: null });
      result.push(present);
    } else {
      state.clashes.push({ path: itemPath, kept: null, lost: present });
    }
  }
  return result;
}

/** Bookkeeping of the whole document, set after the merge rather than merged field by field. */
const DOC_SKIP: ReadonlySet<string> = new Set(['updatedAt', 'updatedBy', '_deleted']);

function authorOf(doc: JsonObject): string | undefined {
  return typeof doc.updatedBy === 'string' && doc.updatedBy !== '' ? doc.updatedBy : undefined;
}

function withoutBookkeeping(doc: JsonObject): JsonObject {
  const copy: JsonObject = {};
  for (const key of Object.keys(doc)) if (!DOC_SKIP.has(key) && doc[key] !== undefined) copy[key] = doc[key];
  return copy;
}

/** Resolves one RxDB conflict by three-way merge; see the file comment for the rules. */
export function mergeConflict<T extends JsonObject>(input: MergeInput<T>, context: MergeContext): MergeResult<T> {
  const local = stripLocalFields(input.newDocumentState) as JsonObject;
  const remote = stripLocalFields(input.realMasterState) as JsonObject;
  const base = input.assumedMasterState ? (stripLocalFields(input.assumedMasterState) as JsonObject) : undefined;
  const localAt = timeOf(local);
  const remoteAt = timeOf(remote);
  const state: MergeState = { winnerOnClash: laterSide(localAt, remoteAt), localAt, remoteAt, clashes: [] };
  const updatedAt = laterTime(localAt, remoteAt);
  const localDeleted = local._deleted === true;
  const remoteDeleted = remote._deleted === true;

  let merged: JsonObject;
  if (localDeleted && remoteDeleted) {
    merged = { ...remote };
  } else if (localDeleted !== remoteDeleted && !(base && base._deleted === true)) {
    const deleter = localDeleted ? local : remote;
    const survivor = localDeleted ? remote : local;
    const survivorSide: Side = localDeleted ? 'remote' : 'local';
    const survivorEdited = !base || !deepEqual(withoutBookkeeping(survivor), withoutBookkeeping(base));
    if (!survivorEdited) {
      merged = { ...deleter };
    } else if (state.winnerOnClash === survivorSide) {
      merged = { ...mergeObjects(base ?? {}, local, remote, '', state, 0, DOC_SKIP), _deleted: false };
      state.clashes.push({ path: '_deleted', kept: false, lost: true });
    } else {
      merged = { ...deleter };
      state.clashes.push({ path: '_deleted', kept: true, lost: survivor });
    }
  } else {
    // Both alive, or the ancestor was deleted and one side revived it (only that side changed).
    merged = { ...mergeObjects(base ?? {}, local, remote, '', state, 0, DOC_SKIP), _deleted: localDeleted && remoteDeleted };
  }
  if (updatedAt !== '') merged.updatedAt = updatedAt;
  // The last edit is the later side's (the tie goes to the server, as for clashes).
  const lastAuthor = state.winnerOnClash === 'local' ? authorOf(local) : authorOf(remote);
  if (lastAuthor !== undefined) merged.updatedBy = lastAuthor;
  else delete merged.updatedBy;

  const documentId = String(remote.id ?? local.id ?? '');
  const partnerId = context.collection === 'partners' ? documentId : String(merged.partnerId ?? remote.partnerId ?? local.partnerId ?? '');
  const localLabel = authorOf(local) ?? context.localLabel ?? 'local';
  const remoteLabel = authorOf(remote) ?? context.remoteLabel ?? 'server';
  const localWins = state.winnerOnClash === 'local';
  const conflicts: ConflictDraft[] = state.clashes.map((clash) => ({
    partnerId,
    collectionName: context.collection,
    documentId,
    field: clash.path,
    keptValue: clash.kept,
    lostValue: clash.lost,
    keptBy: localWins ? localLabel : remoteLabel,
    lostBy: localWins ? remoteLabel : localLabel,
    keptAt: localWins ? localAt : remoteAt,
    lostAt: localWins ? remoteAt : localAt,
  }));
  return { merged: merged as T, conflicts };
}

/**
 * A deterministic id for the ConflictRecord of a draft, so resolving the same conflict twice
 * (RxDB may retry) upserts one record instead of adding a duplicate.
 */
export function conflictRecordId(draft: ConflictDraft): string {
  const text = [draft.collectionName, draft.documentId, draft.field, draft.keptAt, draft.lostAt, JSON.stringify(draft.lostValue ?? null)].join('\u0001');
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ code, 0x5bd1e995) >>> 0;
  }
  return `conflict-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}
