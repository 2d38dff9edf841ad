/**
 * Guards against a race in RxDB's upstream that would revert the server.
 *
 * On (re)start and after every resync, RxDB's upstream reads the documents changed since its
 * checkpoint, then compares each with its acknowledged server state to decide what to push. If
 * the downstream applies a newer server state to a document in between, the upstream compares
 * the stale copy it read with the new acknowledged state, finds them different, and pushes the
 * stale copy with the new state as `assumedMasterState` — which the server accepts, silently
 * undoing someone else's change (the randomized convergence test found this).
 *
 * A second way to push a server state back: the downstream writes a pulled state into the
 * store and then records it as acknowledged; if the app quits in between, the next start sees a
 * stored state that differs from the acknowledged one and takes it for a local edit. When that
 * pulled state was older than the acknowledged one (an echo of our own previous write that
 * arrived late), pushing it would undo our newer write on the server. RxDB marks documents it
 * wrote from the server (`_meta.o`); such a document is never a local change.
 *
 * So before pushing, each row is compared with the document as it is stored now. A row whose
 * document has changed since RxDB read it, or whose stored state came from the server, is not
 * sent. It is answered as a conflict whose resolution (by the conflict handler, which recognises
 * the mark) is the stored state unchanged: no merge, no record. RxDB then either fails to write
 * that resolution (the document changed meanwhile; the next round pushes the new state, as for
 * any local write that races a resolution) or writes it and records the answered "server state"
 * as acknowledged. That answer is the stored state with `updatedBy` blanked, deliberately not
 * equal to it, so RxDB pushes the stored state once more with the answer as
 * `assumedMasterState`: the server cannot hold that state, so it answers with what it has —
 * unchanged, nothing happens; changed (e.g. a newer state whose delivery the resolution's write
 * made RxDB drop), its state comes back as a conflict and wins the merge, since nothing was
 * edited here.
 */
import { getHeightOfRevision, type RxReplicationWriteToMasterRow, type RxStorageInstanceReplicationState } from 'rxdb';
import { isSameDocument, stripLocalFields } from '../../src-shared/sync/documentEquality';

type AnyDoc = Record<string, unknown>;

/** Marks a synthetic conflict made by this guard and carries the stored state (a symbol: never serialised). */
export const STALE_PUSH_ROW: unique symbol = Symbol('partner-desk.stalePushRow');

/** The stored state to keep when `doc` is an answer made by this guard, else undefined. */
export function staleRowResolution(doc: unknown): AnyDoc | undefined {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const kept = (doc as Record<symbol, unknown>)[STALE_PUSH_ROW];
  return typeof kept === 'object' && kept !== null ? (kept as AnyDoc) : undefined;
}

/** True when the stored document is exactly as the replication's downstream wrote it. */
function writtenFromServer(doc: AnyDoc, identifierHash: string): boolean {
  const meta = doc._meta as { o?: { hash?: string; _rev?: number } } | undefined;
  return !!meta?.o && meta.o.hash === identifierHash && typeof doc._rev === 'string' && meta.o._rev === getHeightOfRevision(doc._rev);
}

/** Splits rows into those still current and answers (marked conflicts) for the stale ones. */
export async function separateStaleRows(
  internal: RxStorageInstanceReplicationState<AnyDoc> | undefined,
  rows: RxReplicationWriteToMasterRow<AnyDoc>[],
): Promise<{ current: RxReplicationWriteToMasterRow<AnyDoc>[]; staleAnswers: AnyDoc[] }> {
  if (!internal || rows.length === 0) return { current: rows, staleAnswers: [] };
  const primary = String(internal.primaryPath);
  const ids = rows.map((row) => String(row.newDocumentState[primary]));
  const stored = await internal.input.forkInstance.findDocumentsById(ids, true);
  const byId = new Map(stored.map((doc) => [String(doc[primary]), doc as AnyDoc]));
  const identifierHash = await internal.input.hashFunction(internal.input.identifier);
  const current: RxReplicationWriteToMasterRow<AnyDoc>[] = [];
  const staleAnswers: AnyDoc[] = [];
  for (const row of rows) {
    const now = byId.get(String(row.newDocumentState[primary]));
    if (!now || (isSameDocument(now, row.newDocumentState as AnyDoc) && !writtenFromServer(now, identifierHash))) {
      current.push(row);
      continue;
    }
    const stored = stripLocalFields(now);
    staleAnswers.push(Object.assign({ ...stored, updatedBy: '' }, { [STALE_PUSH_ROW]: stored }));
  }
  return { current, staleAnswers };
}
