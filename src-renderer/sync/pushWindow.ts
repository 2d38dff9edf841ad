/**
 * Closes a gap in RxDB's replication protocol that loses server changes.
 *
 * RxDB's downstream skips a pulled (or streamed) server state of a document whose local state
 * differs from the last acknowledged one: it counts on the upstream pushing the local state,
 * getting a conflict and merging. But while a push is in flight, the server may already have
 * accepted it and another laptop may have changed the document again on top of it. If that
 * newer state reaches RxDB before RxDB has recorded our push as acknowledged, it is skipped; our
 * push then succeeds without a conflict, the pull checkpoint has moved past the newer state, and
 * this laptop never applies it (the randomized convergence test found this).
 *
 * So a collection's server data is handed to RxDB only while none of its pushes is open: a push
 * is open from the request until RxDB has written the acknowledgement of the rows the server
 * accepted (in the replication's meta instance) — or, for rows that conflicted, until the handler
 * returns (the conflict is merged against the server's state, so a later state is detected as a
 * conflict again). Data that arrives meanwhile waits, in arrival order. Anything that depends on
 * our push can only arrive after the push was sent, so it is never processed before RxDB knows
 * the push succeeded.
 */
import type { RxReplicationWriteToMasterRow, RxStorageInstanceReplicationState } from 'rxdb';
import { isSameDocument } from '../../src-shared/sync/documentEquality';

type AnyDoc = Record<string, unknown>;

export type PushWindow = {
  /**
   * A push of `rows` starts. Call the returned function when the push handler returns, with the
   * ids the server reported as conflicts and whether the answer is real (false when the engine
   * stopped: RxDB will acknowledge nothing).
   */
  open: (rows: readonly RxReplicationWriteToMasterRow<AnyDoc>[]) => (conflictIds: ReadonlySet<string>, answered: boolean) => void;
  /** Resolves when no push of the collection is open. */
  idle: () => Promise<void>;
  /** Runs `deliver` when no push is open, after everything queued before it. */
  whenIdle: (deliver: () => void) => void;
  /**
   * Holds a place in the delivery order now (e.g. when a pull request is sent) for data that
   * arrives later: call the returned function with the delivery, or null to give the place up.
   */
  reserve: () => (deliver: (() => void) | null) => void;
  /** Releases every waiter (the engine stops). */
  close: () => void;
  debug: () => unknown;
};

export type PushWindowOptions = {
  internal: () => RxStorageInstanceReplicationState<AnyDoc> | undefined;
  /** Stop waiting for an acknowledgement after this long (e.g. the replication closed meanwhile). */
  ackTimeoutMs?: number;
};

export function createPushWindow(options: PushWindowOptions): PushWindow {
  let openPushes = 0;
  let closed = false;
  type Slot = { run: (() => void) | null; ready: boolean };
  const queue: Slot[] = [];

  const settle = () => {
    // Deliver in order; a reserved place not filled yet holds back everything behind it.
    while (queue.length > 0 && (queue[0] as Slot).ready && (openPushes === 0 || closed)) (queue.shift() as Slot).run?.();
  };
  const enqueue = (run: () => void) => {
    queue.push({ run, ready: true });
    settle();
  };

  /** Resolves when the meta instance holds each pushed state as acknowledged (or on timeout). */
  const watchAcknowledgements = (pushed: Map<string, AnyDoc>) => {
    const internal = options.internal();
    const waiting = new Map(pushed);
    let wake: (() => void) | null = null;
    const subscription = internal?.input.metaInstance.changeStream().subscribe((bulk) => {
      for (const event of bulk.events) {
        const meta = event.documentData as unknown as { isCheckpoint?: string; itemId?: string; docData?: AnyDoc };
        if (meta.isCheckpoint !== '0' || !meta.itemId) continue;
        const expected = waiting.get(meta.itemId);
        if (expected && meta.docData && isSameDocument(meta.docData, expected)) waiting.delete(meta.itemId);
      }
      wake?.();
    });
    const stop = () => subscription?.unsubscribe();
    const until = (ids: readonly string[]) =>
      new Promise<void>((resolve) => {
        if (!subscription) {
          resolve();
          return;
        }
        const timer = setTimeout(() => { console.warn('ACK-TIMEOUT', ids, [...waiting.keys()], closed); finish(); }, options.ackTimeoutMs ?? 10_000);
        const finish = () => {
          clearTimeout(timer);
          wake = null;
          stop();
          resolve();
        };
        wake = () => {
          if (closed || ids.every((id) => !waiting.has(id))) finish();
        };
        wake();
      });
    return { until, stop };
  };

  return {
    open(rows) {
      openPushes += 1;
      const pushed = new Map<string, AnyDoc>();
      for (const row of rows) pushed.set(String(row.newDocumentState.id), row.newDocumentState as AnyDoc);
      // Subscribe before RxDB can write the acknowledgement.
      const acks = watchAcknowledgements(pushed);
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        openPushes -= 1;
        settle();
      };
      return (conflictIds, answered) => {
        const accepted = [...pushed.keys()].filter((id) => !conflictIds.has(id));
        if (!answered || accepted.length === 0 || closed) {
          acks.stop();
          finish();
          return;
        }
        void acks.until(accepted).then(finish);
      };
    },
    idle: () => new Promise<void>((resolve) => enqueue(resolve)),
    whenIdle: enqueue,
    reserve() {
      const slot: Slot = { run: null, ready: false };
      queue.push(slot);
      return (deliver) => {
        if (slot.ready) return;
        slot.run = deliver;
        slot.ready = true;
        settle();
      };
    },
    close() {
      closed = true;
      for (const slot of queue) slot.ready = true;
      settle();
    },
    debug: () => ({ openPushes, waiting: queue.length, closed }),
  };
}
