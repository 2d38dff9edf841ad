/**
 * Decides when server data of one collection may be handed to RxDB's replication, closing a
 * gap in RxDB's protocol that loses server changes.
 *
 * RxDB's downstream skips a pulled (or streamed) server state of a document whose local state
 * differs from the last acknowledged one: it counts on the upstream pushing the local state,
 * getting a conflict and merging. But while a push is in flight, the server may already have
 * accepted it and another laptop may have changed the document again on top of it. If that
 * newer state reaches RxDB before RxDB has recorded our push as acknowledged, it is skipped; our
 * push then succeeds without a conflict, the pull checkpoint moves past the newer state, and
 * this laptop never applies it (the randomized convergence test found this).
 *
 * So server data is handed over only while none of the collection's pushes is open. A push is
 * open from the request until RxDB has written the acknowledgement of the rows the server
 * accepted (in the replication's meta instance) — for rows that conflicted, until the handler
 * returns (they are merged against the server's state, and a later state shows up as a conflict
 * again). Anything that depends on our push can only arrive after the push was sent, so it is
 * never processed before RxDB knows the push succeeded. The wait ends with the acknowledgement
 * or when RxDB's upstream has finished the round that ran the push (had it written nothing, a
 * timer would only guess when it is safe).
 *
 * Deliveries keep their order: a pull takes its place when its request is sent
 * (`reserve`), stream events when they arrive (`whenIdle`).
 */
import type { RxReplicationWriteToMasterRow, RxStorageInstanceReplicationState } from 'rxdb';
import { isSameDocument } from '../../src-shared/sync/documentEquality';

type AnyDoc = Record<string, unknown>;

export type DeliveryGate = {
  /**
   * A push of `rows` starts. Call the returned function when the push handler returns, with the
   * ids answered as conflicts and whether the answer is real (false when the engine stopped:
   * RxDB acknowledges nothing then).
   */
  openPush: (rows: readonly RxReplicationWriteToMasterRow<AnyDoc>[]) => (conflictIds: ReadonlySet<string>, answered: boolean) => void;
  /** Resolves when no push is open and everything queued before has been delivered. */
  idle: () => Promise<void>;
  /** Runs `deliver` when no push is open, after everything queued before it. */
  whenIdle: (deliver: () => void) => void;
  /**
   * Takes a place in the delivery order now (when a pull request is sent) for data that arrives
   * later: call the returned function with the delivery, or with null to give the place up.
   */
  reserve: () => (deliver: (() => void) | null) => void;
  /** The engine stops: release everything, deliver nothing more in order. */
  close: () => void;
};

export type DeliveryGateOptions = {
  internal: () => RxStorageInstanceReplicationState<AnyDoc> | undefined;
  /** A backstop: stop waiting for an acknowledgement after this long, and say so in the trace. */
  ackTimeoutMs?: number;
  /** Diagnostics (the sync engine's trace). */
  trace?: (line: string) => void;
};

type Slot = { run: (() => void) | null; ready: boolean };

export function createDeliveryGate(options: DeliveryGateOptions): DeliveryGate {
  let openPushes = 0;
  let closed = false;
  const queue: Slot[] = [];
  const ackWaits = new Set<() => void>();

  const settle = () => {
    // In order; a place whose data has not arrived yet holds back everything behind it.
    while (queue.length > 0 && (queue[0] as Slot).ready && (openPushes === 0 || closed)) (queue.shift() as Slot).run?.();
  };
  const enqueue = (run: () => void) => {
    queue.push({ run, ready: true });
    settle();
  };

  /** Watches the meta instance for the acknowledgement of each pushed state. */
  const watchAcknowledgements = (pushed: Map<string, AnyDoc>) => {
    const waiting = new Map(pushed);
    let wake: (() => void) | null = null;
    const internal = options.internal();
    // The push handler runs inside RxDB's current upstream round, which ends after the
    // acknowledgements are written (or given up on).
    const upstreamRound: Promise<unknown> | undefined = internal?.streamQueue.up;
    const subscription = internal?.input.metaInstance
      .changeStream()
      .subscribe((bulk) => {
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
        if (!subscription || closed) {
          stop();
          resolve();
          return;
        }
        const finish = () => {
          clearTimeout(timer);
          ackWaits.delete(finish);
          wake = null;
          stop();
          resolve();
        };
        const timer = setTimeout(() => {
          options.trace?.(`gave up waiting for the acknowledgement of ${ids.filter((id) => waiting.has(id)).join(',')}`);
          finish();
        }, options.ackTimeoutMs ?? 5 * 60_000);
        ackWaits.add(finish);
        wake = () => {
          if (ids.every((id) => !waiting.has(id))) finish();
        };
        wake();
        // The upstream round that ran this push is over: whatever RxDB acknowledges, it has.
        void upstreamRound?.then(() => {
          if (ids.some((id) => waiting.has(id))) options.trace?.(`upstream round ended without acknowledging ${ids.filter((id) => waiting.has(id)).join(',')}`);
          finish();
        }, finish);
      });
    return { until, stop };
  };

  return {
    openPush(rows) {
      const pushed = new Map<string, AnyDoc>();
      for (const row of rows) pushed.set(String(row.newDocumentState.id), row.newDocumentState as AnyDoc);
      // Watch before RxDB can write the acknowledgement.
      const acks = watchAcknowledgements(pushed);
      openPushes += 1;
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
      for (const finish of [...ackWaits]) finish();
      for (const slot of queue) slot.ready = true;
      settle();
    },
  };
}
