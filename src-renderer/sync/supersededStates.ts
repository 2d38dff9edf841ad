/**
 * Keeps server data that is older than this laptop's own accepted pushes from reverting them.
 *
 * When the server accepts a pushed row, it moved the document from the row's
 * `assumedMasterState` to the pushed state; RxDB then records the pushed state as acknowledged.
 * Server data fetched before that moment can still reach RxDB's downstream afterwards: a pull
 * sent while the push was on its way (held back by the delivery gate until the acknowledgement),
 * the stream's echo of an earlier push arriving late, or a page RxDB's downstream had queued.
 * The downstream then finds the local state equal to the acknowledged one ("nothing to push")
 * and writes the older server state over the edit: the edit disappears from the screen until the
 * newer state arrives, and an edit made in between is made on the old values (the randomized
 * convergence test found this).
 *
 * So the state a push replaced is remembered as superseded, and the downstream's writes of a
 * superseded state are refused as write conflicts, which RxDB's downstream skips by design (the
 * pushed state, or a newer one, follows with a higher checkpoint). A superseded state cannot come
 * back legitimately: a later write carries a new `updatedAt`.
 */
import type { BulkWriteRow, RxStorageBulkWriteResponse, RxStorageInstance, RxStorageInstanceReplicationState, RxStorageWriteError } from 'rxdb';
import { isSameDocument } from '../../src-shared/sync/documentEquality';

type AnyDoc = Record<string, unknown>;

/** How long a replaced state is remembered: far longer than any request or queued page lives. */
const REMEMBER_MS = 10 * 60_000;
/** Bound on remembered states per collection (oldest forgotten first). */
const MAX_STATES = 5000;

export type SupersededStates = {
  /** The server accepted these rows: the states they replaced are history now. */
  noteAccepted: (rows: readonly { assumedMasterState?: AnyDoc | null }[]) => void;
  /** True when `doc` is a state an accepted push of this laptop replaced. */
  isSuperseded: (doc: AnyDoc) => boolean;
};

export function createSupersededStates(now: () => number = Date.now): SupersededStates {
  /** In insertion order, so the oldest are first to go. */
  const entries = new Map<string, { states: AnyDoc[]; at: number }>();
  const prune = () => {
    const cutoff = now() - REMEMBER_MS;
    for (const [id, entry] of entries) {
      if (entry.at >= cutoff && entries.size <= MAX_STATES) break;
      entries.delete(id);
    }
  };
  return {
    noteAccepted(rows) {
      for (const row of rows) {
        const state = row.assumedMasterState;
        if (!state) continue;
        const id = String(state.id);
        const entry = entries.get(id);
        entries.delete(id);
        entries.set(id, { states: [...(entry?.states ?? []), state].slice(-20), at: now() });
      }
      prune();
    },
    isSuperseded(doc) {
      const entry = entries.get(String(doc.id));
      if (!entry) return false;
      if (entry.at < now() - REMEMBER_MS) {
        entries.delete(String(doc.id));
        return false;
      }
      return entry.states.some((state) => isSameDocument(state, doc));
    },
  };
}

/**
 * Makes the replication's downstream skip writes of superseded states. Only the replication's
 * own view of the collection's storage is wrapped (`internal.input` belongs to this replication),
 * so the app's writes and other replications are untouched.
 */
export async function guardDownstreamWrites(internal: RxStorageInstanceReplicationState<AnyDoc>, superseded: SupersededStates): Promise<void> {
  const downstreamFlag = await internal.downstreamBulkWriteFlag;
  const fork = internal.input.forkInstance;
  const primary = String(internal.primaryPath);
  const bulkWrite = async (rows: BulkWriteRow<AnyDoc>[], context: string): Promise<RxStorageBulkWriteResponse<AnyDoc>> => {
    if (context !== downstreamFlag) return fork.bulkWrite(rows, context);
    const keep: BulkWriteRow<AnyDoc>[] = [];
    const skipped: RxStorageWriteError<AnyDoc>[] = [];
    for (const row of rows) {
      if (row.previous && superseded.isSuperseded(row.document)) {
        skipped.push({ isError: true, status: 409, documentId: String(row.document[primary]), writeRow: row, documentInDb: row.previous, context });
      } else {
        keep.push(row);
      }
    }
    if (skipped.length === 0) return fork.bulkWrite(rows, context);
    const result = keep.length > 0 ? await fork.bulkWrite(keep, context) : { error: [] };
    return { error: [...result.error, ...skipped] };
  };
  internal.input.forkInstance = new Proxy(fork, {
    get(target, property, receiver) {
      if (property === 'bulkWrite') return bulkWrite;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as RxStorageInstance<AnyDoc, unknown, unknown>;
}
