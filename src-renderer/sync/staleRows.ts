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
 * So before pushing, each row is compared with the document as it is stored now. A row whose
 * document has changed since RxDB read it is not sent: it is answered as a conflict carrying
 * the current state, marked so the conflict handler leaves it alone (no merge, no record).
 * RxDB's attempt to write the resolution then fails on the document's revision, as it does for
 * any local write that races a resolution, and the current state is pushed (or not) by the
 * next round, as for any other change.
 */
import type { RxReplicationWriteToMasterRow, RxStorageInstanceReplicationState } from 'rxdb';
import { isSameDocument, stripLocalFields } from '../../src-shared/sync/documentEquality';

type AnyDoc = Record<string, unknown>;

/** Marks a synthetic conflict made by this guard (a symbol: never serialised or stored). */
export const STALE_PUSH_ROW: unique symbol = Symbol('partner-desk.stalePushRow');

export function isStalePushAnswer(doc: unknown): boolean {
  return typeof doc === 'object' && doc !== null && (doc as Record<symbol, unknown>)[STALE_PUSH_ROW] === true;
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
  const current: RxReplicationWriteToMasterRow<AnyDoc>[] = [];
  const staleAnswers: AnyDoc[] = [];
  for (const row of rows) {
    const now = byId.get(String(row.newDocumentState[primary]));
    if (!now || isSameDocument(now, row.newDocumentState as AnyDoc)) {
      current.push(row);
      continue;
    }
    staleAnswers.push(Object.assign(stripLocalFields(now), { [STALE_PUSH_ROW]: true }));
  }
  return { current, staleAnswers };
}
