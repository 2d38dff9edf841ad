/**
 * Background replication of every collection with the Partner Desk sync server
 * (docs/sync-protocol.md), built on RxDB's `replicateRxCollection`:
 * - pull: `GET /api/sync/:c/pull`; live changes arrive on ONE shared change stream (see
 *   syncConnection.ts) whose `change` events feed each collection's `pull.stream$`; on every
 *   (re)connection (`resync` event) each collection catches up by pulling from its stored
 *   checkpoint (see `catchUp` for why this is not RxDB's 'RESYNC');
 * - server data reaches RxDB only while no push of its collection is open (deliveryGate.ts),
 *   push rows whose document changed or came from the server meanwhile are not sent
 *   (staleRows.ts), and server states an accepted push replaced are never written back
 *   (supersededStates.ts): three races in RxDB 17 that lose or revert changes otherwise;
 * - push: `POST /api/sync/:c/push` in batches of ≤ 100; conflicts come back as the server's
 *   master state and are merged by the collection's conflict handler (db/appDatabase.ts);
 *   rows the server refuses are never retried forever: 403 rows (partners the user lost access
 *   to) are resolved like the revocation tombstone the server would send, 400 rows are dropped,
 *   both reported in the status; an oversized batch (413) is split;
 * - requests that cannot reach the server wait for the next (re)connection or a backoff, so
 *   local changes go out as soon as the server is back, and nothing is acknowledged that the
 *   server did not answer;
 * - 401 anywhere ends the session: every replication stops, the state is `unauthorized` and
 *   `onUnauthorized` is called once; unpushed changes stay in the local store.
 * Nothing here throws into the UI: every failure becomes `status$`.
 */
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import {
  getComposedPrimaryKeyOfDocumentData,
  type RxCollection,
  type RxReplicationPullStreamItem,
  type RxReplicationWriteToMasterRow,
  type RxStorageInstanceReplicationState,
  type WithDeleted,
} from 'rxdb';
import { BehaviorSubject, filter, firstValueFrom, Subject, type Subscription } from 'rxjs';
import { COLLECTION_NAMES, type CollectionName } from '../../src-shared/domain/types';
import { isSyncCheckpoint, type SyncCheckpoint } from '../../src-shared/sync/checkpoint';
import { stripLocalFields } from '../../src-shared/sync/documentEquality';
import { PULL_LIMIT_MAX, pullPath, pushPath, type PullResponse, type PushRow, type SyncDocument } from '../../src-shared/sync/protocol';
import { countUnacknowledgedChanges } from './pendingChanges';
import { createDeliveryGate, type DeliveryGate } from './deliveryGate';
import { separateStaleRows } from './staleRows';
import { createSupersededStates, guardDownstreamWrites, type SupersededStates } from './supersededStates';
import { browserWakeSignals, createSyncConnection, DEFAULT_SYNC_TIMING, type SyncConnection } from './syncConnection';
import { createSyncHttp, type HttpOutcome } from './syncHttp';
import type { CollectionSyncStatus, StartSyncOptions, SyncEngine, SyncState, SyncStatus } from './syncTypes';

/** Rows per push request (the server takes up to 200 and recommends ≤ 100). */
export const PUSH_BATCH_SIZE = 100;
/** Documents per pull request (the server caps at 500). */
export const PULL_BATCH_SIZE = 200;

type AnyDoc = Record<string, unknown>;
type PullItem = RxReplicationPullStreamItem<AnyDoc, SyncCheckpoint>;
type PullResult = { documents: WithDeleted<AnyDoc>[]; checkpoint: SyncCheckpoint | undefined };

type Track = {
  active: boolean;
  pending: number;
  pulled: number;
  pushed: number;
  lastSyncedAt: string | null;
  /** Rows the server refused (sticky until a later push of this collection goes through cleanly). */
  problem: string | null;
  /** The last request failed and is being retried; cleared by the next success. */
  transient: { message: string; offline: boolean } | null;
  firstSyncDone: boolean;
  state: SyncState;
  countRunning: boolean;
  countAgain: boolean;
  countTimer: ReturnType<typeof setTimeout> | null;
};

/** The identifier of the replication state RxDB keeps per collection (checkpoints, acknowledged states). */
export function replicationIdentifier(serverUrl: string, userId: string): string {
  let host = serverUrl;
  try {
    host = new URL(serverUrl).host;
  } catch {
    // keep the string as given
  }
  return `partner-desk-sync|${host}|${userId}`;
}

/** What the server would have sent if it could: the last state this user saw, deleted. */
function revocationTombstone(row: PushRow): SyncDocument {
  const seen = row.assumedMasterState ?? row.newDocumentState;
  const { updatedBy: _author, ...rest } = seen;
  // Same updatedAt as the local edit: a tie, which the merge gives to the server (the delete).
  return { ...rest, updatedAt: row.newDocumentState.updatedAt ?? rest.updatedAt, _deleted: true } as SyncDocument;
}

function toWireRow(row: RxReplicationWriteToMasterRow<AnyDoc>): PushRow {
  return {
    newDocumentState: stripLocalFields(row.newDocumentState as AnyDoc) as SyncDocument,
    assumedMasterState: row.assumedMasterState ? (stripLocalFields(row.assumedMasterState as AnyDoc) as SyncDocument) : null,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function startSync(options: StartSyncOptions): SyncEngine {
  const trace = (line: () => string) => options.trace?.(line());
  const timing = { ...DEFAULT_SYNC_TIMING, ...options.timing };
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  const abort = new AbortController();
  const http = createSyncHttp({ serverUrl, token: options.token, fetch: fetchImpl, signal: abort.signal, timeoutMs: timing.requestTimeoutMs });

  let engineState: 'running' | 'unauthorized' | 'stopped' = 'running';
  let resolveHalted: () => void = () => undefined;
  /** Resolves once every replication is canceled: only then may a handler return without data. */
  const halted = new Promise<void>((resolve) => {
    resolveHalted = resolve;
  });
  const subscriptions: Subscription[] = [];
  const timers = new Set<ReturnType<typeof setInterval>>();

  const tracks = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [
      name,
      {
        active: false,
        pending: 0,
        pulled: 0,
        pushed: 0,
        lastSyncedAt: null,
        problem: null,
        transient: null,
        firstSyncDone: false,
        state: 'syncing',
        countRunning: false,
        countAgain: false,
        countTimer: null,
      } satisfies Track,
    ]),
  ) as Record<CollectionName, Track>;
  /** First sync of this account into this laptop: no collection had received anything before. */
  let initialMode = false;
  const firstSyncChecks = new Map<CollectionName, boolean>();
  let lastSyncedAt: string | null = options.lastSyncedAt ?? null;
  let previousState: SyncState = 'syncing';
  /** Another window of this profile is the leader and replicates; this one only watches. */
  let otherWindowSyncs = false;

  const streams = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Subject<PullItem>()])) as Record<CollectionName, Subject<PullItem>>;
  const gates = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, createDeliveryGate({ internal: () => internalOf(name), trace: (line) => trace(() => `gate ${name}: ${line}`) })])) as Record<
    CollectionName,
    DeliveryGate
  >;
  /** States this laptop's accepted pushes replaced: never written back by the downstream. */
  const superseded = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, createSupersededStates()])) as Record<CollectionName, SupersededStates>;

  // ---- status -------------------------------------------------------------------------------

  const buildStatus = (): SyncStatus => {
    const now = new Date().toISOString();
    const connectionState = connection.state;
    const collections = {} as Record<CollectionName, CollectionSyncStatus>;
    let anyRoundEnded = false;
    for (const name of COLLECTION_NAMES) {
      const track = tracks[name];
      let state: SyncState;
      if (engineState === 'unauthorized') state = 'unauthorized';
      else if (connectionState === 'offline' || track.transient?.offline) state = 'offline';
      else if (track.problem || track.transient) state = 'error';
      // Not up to date before the collection's first round since the start finished (unless
      // another window of this profile holds the replication: only the leader replicates).
      else if (connectionState !== 'connected' || track.active || track.pending > 0 || (!track.firstSyncDone && !otherWindowSyncs)) state = 'syncing';
      else state = 'idle';
      if (state === 'idle' && track.state !== 'idle' && engineState === 'running') {
        track.lastSyncedAt = now;
        anyRoundEnded = true;
      }
      track.state = state;
      collections[name] = {
        state,
        pending: track.pending,
        lastSyncedAt: track.lastSyncedAt,
        error: track.problem ?? track.transient?.message ?? null,
        pulled: track.pulled,
        pushed: track.pushed,
      };
    }
    const all = Object.values(collections);
    const order: SyncState[] = ['unauthorized', 'offline', 'error', 'syncing', 'idle'];
    let state: SyncState = engineState === 'unauthorized' ? 'unauthorized' : (order.find((candidate) => all.some((c) => c.state === candidate)) ?? 'idle');
    if (engineState === 'running' && state !== 'unauthorized' && connectionState === 'offline') state = 'offline';
    if (state === 'idle' && (previousState !== 'idle' || anyRoundEnded)) lastSyncedAt = now;
    previousState = state;
    const error =
      state === 'unauthorized'
        ? 'Your session ended: sign in again. Changes made on this laptop are kept.'
        : state === 'offline'
          ? (connection.lastError ?? all.find((c) => c.state === 'offline')?.error ?? null)
          : (all.find((c) => c.error)?.error ?? null);
    const received = all.reduce((sum, c) => sum + c.pulled, 0);
    const initialDone = COLLECTION_NAMES.every((name) => tracks[name].firstSyncDone);
    return {
      state,
      pending: all.reduce((sum, c) => sum + c.pending, 0),
      lastSyncedAt,
      error,
      initial: initialMode && !initialDone && engineState === 'running' ? { received } : null,
      collections,
    };
  };

  let status$: BehaviorSubject<SyncStatus> | null = null;
  let emitTimer: ReturnType<typeof setTimeout> | null = null;
  let lastEmitted = '';
  const emitNow = () => {
    if (emitTimer) clearTimeout(emitTimer);
    emitTimer = null;
    if (!status$) return;
    try {
      const status = buildStatus();
      const key = JSON.stringify(status);
      if (key !== lastEmitted) {
        lastEmitted = key;
        status$.next(status);
      }
    } catch (error) {
      console.error('Partner Desk sync: status update failed', error);
    }
  };
  const emitSoon = () => {
    if (!emitTimer && engineState !== 'stopped') emitTimer = setTimeout(emitNow, 25);
  };

  // ---- connection ---------------------------------------------------------------------------

  let unauthorizedNotified = false;
  const endSession = () => {
    if (engineState !== 'running') return;
    engineState = 'unauthorized';
    // Paused, not canceled: the replication state stays readable, so `pending` keeps counting
    // the changes waiting for the next sign-in until the UI calls stop().
    void haltReplications('pause').then(() => {
      emitNow();
      if (!unauthorizedNotified) {
        unauthorizedNotified = true;
        try {
          options.onUnauthorized?.();
        } catch (error) {
          console.error('Partner Desk sync: onUnauthorized failed', error);
        }
      }
    });
    emitNow();
  };

  const connection: SyncConnection = createSyncConnection({
    serverUrl,
    token: options.token,
    fetch: fetchImpl,
    timing,
    wakeSignals: options.wakeSignals === undefined ? browserWakeSignals() : options.wakeSignals,
    // Server data reaches RxDB only while no push of its collection is open (see deliveryGate.ts).
    onResync: () => {
      trace(() => 'stream resync');
      for (const name of COLLECTION_NAMES) void catchUp(name);
    },
    onChange: (event) => {
      trace(() => `stream ${event.collection} cp=${event.checkpoint.seq} ids=${event.documents.map((d) => d.id).join(',')}`);
      const item: PullItem = { documents: event.documents as WithDeleted<AnyDoc>[], checkpoint: event.checkpoint };
      gates[event.collection].whenIdle(() => {
        trace(() => `deliver ${event.collection} cp=${event.checkpoint.seq}`);
        if (engineState === 'running') streams[event.collection].next(item);
      });
    },
    onUnauthorized: endSession,
  });
  subscriptions.push(connection.state$.subscribe(() => emitSoon()));

  const unauthorizedFromRequest = () => {
    // Ends the stream as well (idempotent), which calls endSession.
    if (engineState === 'running') {
      connection.stop();
      endSession();
    }
  };

  // ---- handlers -----------------------------------------------------------------------------

  const noteSuccess = (name: CollectionName) => {
    if (tracks[name].transient) {
      tracks[name].transient = null;
      emitSoon();
    }
  };

  const noteRetry = (name: CollectionName, outcome: Extract<HttpOutcome<unknown>, { kind: 'retry' | 'rejected' }>, what: string) => {
    const message = outcome.kind === 'retry' ? outcome.message : `the server refused to ${what} ${name}: ${outcome.error.message}`;
    tracks[name].transient = { message, offline: outcome.kind === 'retry' && outcome.offline };
    if (outcome.kind === 'retry' && outcome.offline) connection.reportNetworkFailure();
    emitSoon();
  };

  const pullHandler = (name: CollectionName) => async (checkpoint: SyncCheckpoint | undefined, batchSize: number): Promise<PullResult> => {
    const from = isSyncCheckpoint(checkpoint) ? checkpoint : undefined;
    const nothing = async (): Promise<PullResult> => {
      await halted;
      return { documents: [], checkpoint: from };
    };
    for (let attempt = 0; ; attempt += 1) {
      if (engineState !== 'running') return nothing();
      const outcome = await http.getJson<PullResponse>(pullPath(name, from, batchSize));
      if (outcome.kind === 'ok') {
        const body = outcome.body;
        if (Array.isArray(body?.documents) && isSyncCheckpoint(body.checkpoint)) {
          trace(() => `pull ${name} from=${from?.seq} to=${body.checkpoint.seq} ids=${body.documents.map((d) => d.id).join(',')}`);
          noteSuccess(name);
          await gates[name].idle();
          if (engineState !== 'running') return nothing();
          return { documents: body.documents as WithDeleted<AnyDoc>[], checkpoint: body.checkpoint };
        }
        noteRetry(name, { kind: 'retry', offline: false, message: `the server sent an unexpected pull answer for ${name}` }, 'pull');
      } else if (outcome.kind === 'unauthorized') {
        unauthorizedFromRequest();
        return nothing();
      } else if (outcome.kind === 'stopped') {
        return nothing();
      } else {
        noteRetry(name, outcome, 'pull');
      }
      const retryAfter = outcome.kind === 'retry' ? outcome.retryAfterMs : undefined;
      if (!(await connection.waitBeforeRetry(attempt, retryAfter))) return nothing();
    }
  };

  /**
   * After every (re)connection (`resync` event): pull each collection from the checkpoint RxDB
   * has stored to the end and hand the pages to the replication as stream events.
   *
   * Not RxDB's own 'RESYNC': RxDB 17's downstream drops a 'RESYNC' task that lands in its queue
   * behind other stream events (it takes it out of the queue and then stops), and the next
   * stream event then moves the checkpoint past everything that happened while this laptop was
   * offline (the randomized convergence test found this). Each page's place in the delivery order
   * is taken when its request is sent, so stream events that arrive meanwhile follow it.
   */
  const catchingUp = new Map<CollectionName, { again: boolean }>();
  const catchUp = async (name: CollectionName): Promise<void> => {
    const running = catchingUp.get(name);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false };
    catchingUp.set(name, state);
    try {
      do {
        state.again = false;
        await catchUpOnce(name);
      } while (state.again && engineState === 'running');
    } finally {
      catchingUp.delete(name);
    }
  };

  const storedDownCheckpoint = async (name: CollectionName): Promise<SyncCheckpoint | undefined> => {
    const internal = internalOf(name);
    if (!internal) return undefined;
    try {
      const checkpoint = await readDownCheckpoint(internal);
      return isSyncCheckpoint(checkpoint) ? checkpoint : undefined;
    } catch {
      return undefined;
    }
  };

  const catchUpOnce = async (name: CollectionName): Promise<void> => {
    // Before the replication has started, its own first pull covers everything. While that
    // first pull runs, wait for it (catching up from an unsaved checkpoint would download the
    // whole account twice), then fetch whatever it may have missed.
    const internal = internalOf(name);
    if (!internal) return;
    if (!internal.firstSyncDone.down.getValue()) {
      const done = await Promise.race([firstValueFrom(internal.firstSyncDone.down.pipe(filter(Boolean))).then(() => true, () => false), halted.then(() => false)]);
      if (!done) return;
    }
    let from = await storedDownCheckpoint(name);
    let attempt = 0;
    for (;;) {
      if (engineState !== 'running') return;
      const slot = gates[name].reserve();
      const outcome = await http.getJson<PullResponse>(pullPath(name, from, PULL_LIMIT_MAX));
      if (outcome.kind === 'ok' && Array.isArray(outcome.body?.documents) && isSyncCheckpoint(outcome.body.checkpoint)) {
        const { documents, checkpoint } = outcome.body;
        trace(() => `catchup ${name} from=${from?.seq} to=${checkpoint.seq} ids=${documents.map((d) => d.id).join(',')}`);
        noteSuccess(name);
        if (documents.length === 0) {
          slot(null);
          return;
        }
        const item: PullItem = { documents: documents as WithDeleted<AnyDoc>[], checkpoint };
        slot(() => {
          if (engineState === 'running') streams[name].next(item);
        });
        from = checkpoint;
        attempt = 0;
        continue;
      }
      slot(null);
      if (outcome.kind === 'unauthorized') {
        unauthorizedFromRequest();
        return;
      }
      if (outcome.kind === 'stopped') return;
      noteRetry(name, outcome.kind === 'ok' ? { kind: 'retry', offline: false, message: `the server sent an unexpected pull answer for ${name}` } : outcome, 'pull');
      if (!(await connection.waitBeforeRetry(attempt++, outcome.kind === 'retry' ? outcome.retryAfterMs : undefined))) return;
    }
  };

  const pushHandler = (name: CollectionName) => async (rows: RxReplicationWriteToMasterRow<AnyDoc>[]): Promise<WithDeleted<AnyDoc>[]> => {
    const close = gates[name].openPush(rows);
    let result: WithDeleted<AnyDoc>[] = [];
    let answered = false;
    try {
      const { current, staleAnswers } = await separateStaleRows(internalOf(name), rows);
      trace(() => `push ${name} ids=${current.map((r) => r.newDocumentState.id).join(',')} stale=${staleAnswers.map((d) => d.id).join(',')}`);
      result = [...staleAnswers, ...(await pushRows(name, current))] as WithDeleted<AnyDoc>[];
      trace(() => `pushed ${name} conflicts=${result.map((d) => d.id).join(',')} state=${engineState}`);
      answered = engineState === 'running';
      return result;
    } finally {
      close(new Set(result.map((doc) => String(doc.id))), answered);
    }
  };

  const pushRows = async (name: CollectionName, rows: RxReplicationWriteToMasterRow<AnyDoc>[]): Promise<WithDeleted<AnyDoc>[]> => {
    const conflicts: SyncDocument[] = [];
    const refused: string[] = [];
    let refusedForbidden = 0;
    const queue: PushRow[][] = [rows.map(toWireRow)];
    let attempt = 0;
    const stopped = async (): Promise<WithDeleted<AnyDoc>[]> => {
      await halted;
      return [];
    };
    while (queue.length > 0) {
      const batch = queue.shift() as PushRow[];
      if (batch.length === 0) continue;
      if (engineState !== 'running') return stopped();
      const outcome = await http.postJson<SyncDocument[]>(pushPath(name), batch);
      if (outcome.kind === 'ok') {
        if (!Array.isArray(outcome.body)) {
          noteRetry(name, { kind: 'retry', offline: false, message: `the server sent an unexpected push answer for ${name}` }, 'push');
          queue.unshift(batch);
          if (!(await connection.waitBeforeRetry(attempt++))) return stopped();
          continue;
        }
        conflicts.push(...outcome.body);
        const conflicting = new Set(outcome.body.map((doc) => String(doc.id)));
        superseded[name].noteAccepted(batch.filter((row) => !conflicting.has(String(row.newDocumentState.id))));
        attempt = 0;
        noteSuccess(name);
        continue;
      }
      if (outcome.kind === 'unauthorized') {
        unauthorizedFromRequest();
        return stopped();
      }
      if (outcome.kind === 'stopped') return stopped();
      if (outcome.kind === 'retry') {
        noteRetry(name, outcome, 'push');
        queue.unshift(batch);
        if (!(await connection.waitBeforeRetry(attempt++, outcome.retryAfterMs))) return stopped();
        continue;
      }
      // Refused: retrying the same rows would fail forever. Take out the rows named, push the rest.
      const { status, error } = outcome;
      if (status === 413) {
        if (batch.length > 1) {
          const half = Math.ceil(batch.length / 2);
          queue.unshift(batch.slice(0, half), batch.slice(half));
        } else {
          refused.push(`${name}: document ${JSON.stringify(batch[0]?.newDocumentState.id)} is too large to sync`);
        }
        continue;
      }
      const named = new Set((error.documents ?? []).map((problem) => problem.index).filter((index) => Number.isInteger(index) && index >= 0 && index < batch.length));
      if (named.size === 0) {
        refused.push(`${name}: the server refused ${plural(batch.length, 'change')} (${error.message})`);
        continue;
      }
      if (status === 403) {
        for (const index of named) {
          const row = batch[index] as PushRow;
          // Alive: resolve it like the revocation tombstone the server would send (the local copy
          // is removed, the edit kept as a ConflictRecord). Already deleted here: acknowledge it.
          if (row.newDocumentState._deleted !== true) {
            conflicts.push(revocationTombstone(row));
            refusedForbidden += 1;
          }
        }
      } else {
        for (const problem of error.documents ?? []) {
          if (!named.has(problem.index)) continue;
          const id = problem.id ?? batch[problem.index]?.newDocumentState.id;
          refused.push(`${name}: document ${JSON.stringify(id)}${problem.field ? `, field ${problem.field}` : ''}: ${problem.message}`);
        }
      }
      queue.unshift(batch.filter((_row, index) => !named.has(index)));
    }
    if (refusedForbidden > 0) {
      refused.unshift(`${name}: ${plural(refusedForbidden, 'change')} refused because you no longer have access to the partner; removed from this laptop`);
    }
    tracks[name].problem = refused.length > 0 ? `${refused.slice(0, 3).join('; ')}${refused.length > 3 ? ` (and ${refused.length - 3} more)` : ''}` : null;
    emitSoon();
    return conflicts as WithDeleted<AnyDoc>[];
  };

  // ---- replications -------------------------------------------------------------------------

  const identifier = replicationIdentifier(serverUrl, options.user.id);
  const replications = new Map<CollectionName, RxReplicationState<AnyDoc, SyncCheckpoint>>();

  const internalOf = (name: CollectionName): RxStorageInstanceReplicationState<AnyDoc> | undefined => {
    const replication = replications.get(name);
    return replication && !replication.isStopped() ? replication.internalReplicationState : undefined;
  };

  const countPending = (name: CollectionName) => {
    const track = tracks[name];
    if (track.countTimer || engineState === 'stopped') return;
    if (track.countRunning) {
      track.countAgain = true;
      return;
    }
    track.countTimer = setTimeout(() => {
      track.countTimer = null;
      const internal = internalOf(name);
      if (!internal) return;
      track.countRunning = true;
      countUnacknowledgedChanges(internal)
        .then((pending) => {
          if (track.pending !== pending) {
            track.pending = pending;
            emitSoon();
          }
        })
        .catch(() => undefined) // the replication closed while counting
        .finally(() => {
          track.countRunning = false;
          if (track.countAgain) {
            track.countAgain = false;
            countPending(name);
          }
        });
    }, 50);
  };

  for (const name of COLLECTION_NAMES) {
    const collection = options.db[name] as unknown as RxCollection<AnyDoc>;
    const replication = replicateRxCollection<AnyDoc, SyncCheckpoint>({
      replicationIdentifier: identifier,
      collection,
      live: true,
      autoStart: true,
      waitForLeadership: true,
      toggleOnDocumentVisible: false,
      retryTime: 5000,
      pull: { batchSize: PULL_BATCH_SIZE, handler: pullHandler(name), stream$: streams[name].asObservable() },
      push: { batchSize: PUSH_BATCH_SIZE, handler: pushHandler(name) },
    });
    replications.set(name, replication);
    const track = tracks[name];
    subscriptions.push(
      replication.active$.subscribe((active) => {
        track.active = active;
        countPending(name);
        emitSoon();
      }),
      replication.received$.subscribe(() => {
        track.pulled += 1;
        countPending(name);
        emitSoon();
      }),
      replication.sent$.subscribe(() => {
        track.pushed += 1;
        countPending(name);
        emitSoon();
      }),
      replication.error$.subscribe((error) => {
        // Handler failures are handled (and reported) above; what reaches here is e.g. a pulled
        // document the local store refused. RxDB retries on the next round.
        const message = error instanceof Error ? error.message : String(error);
        track.transient = { message: `${name}: ${message.split('\n')[0]?.slice(0, 300) ?? message}`, offline: false };
        emitSoon();
      }),
      replication.canceled$.subscribe((canceled) => {
        // The database was closed under us: stop everything else too.
        if (canceled && engineState !== 'stopped' && !stopping) void stop();
      }),
      collection.$.subscribe(() => countPending(name)),
    );
    void replication.startPromise.then(async () => {
      const guarded = internalOf(name);
      if (guarded) await guardDownstreamWrites(guarded, superseded[name]);
      countPending(name);
      if (options.trace) traceBookkeeping(name);
      const internal = internalOf(name);
      firstSyncChecks.set(name, internal ? await isFirstSync(internal) : false);
      if (firstSyncChecks.size === COLLECTION_NAMES.length && [...firstSyncChecks.values()].every(Boolean)) {
        initialMode = true;
        emitSoon();
      }
      await replication.awaitInitialReplication();
      track.firstSyncDone = true;
      countPending(name);
      emitSoon();
    }).catch(() => undefined);
  }

  /** Diagnostics: what RxDB records (checkpoints, acknowledged states) and receives. */
  function traceBookkeeping(name: CollectionName) {
    const subscription = internalOf(name)
      ?.input.metaInstance.changeStream()
      .subscribe((bulk) => {
        for (const event of bulk.events) {
          const meta = event.documentData as unknown as { isCheckpoint: string; itemId: string; checkpointData?: unknown; docData?: AnyDoc };
          if (meta.isCheckpoint === '1') trace(() => `checkpoint ${name} ${meta.itemId} ${JSON.stringify(meta.checkpointData)}`);
          else trace(() => `ack ${name} ${meta.itemId} ${JSON.stringify(meta.docData).slice(0, 160)}`);
        }
      });
    if (subscription) subscriptions.push(subscription);
    const replication = replications.get(name);
    if (replication) subscriptions.push(replication.received$.subscribe((doc) => trace(() => `received ${name} ${String(doc.id)}`)));
  }

  // Pending counts can lag the replication's own bookkeeping (acknowledged states are written
  // after `sent$`); recount while something is outstanding.
  const checkLeadership = async () => {
    if (!options.db.multiInstance) return;
    try {
      const elector = (options.db as unknown as { leaderElector: () => { isLeader: boolean; hasLeader: () => Promise<boolean> } }).leaderElector();
      const other = !elector.isLeader && (await elector.hasLeader());
      if (other !== otherWindowSyncs) {
        otherWindowSyncs = other;
        emitSoon();
      }
    } catch {
      // the database closed
    }
  };
  const recount = setInterval(() => {
    for (const name of COLLECTION_NAMES) if (tracks[name].pending > 0 || tracks[name].active) countPending(name);
    if (COLLECTION_NAMES.some((name) => !tracks[name].firstSyncDone)) void checkLeadership();
  }, 1000);
  timers.add(recount);

  status$ = new BehaviorSubject<SyncStatus>(buildStatus());
  lastEmitted = JSON.stringify(status$.value);
  connection.start();

  // ---- lifecycle ----------------------------------------------------------------------------

  /**
   * Stops every replication (paused: no more requests, local bookkeeping still readable;
   * canceled: closed for good), and only then lets waiting handlers return empty-handed, so
   * RxDB never takes an unanswered push for an acknowledged one.
   */
  let halting: Promise<void> | null = null;
  function haltReplications(mode: 'pause' | 'cancel'): Promise<void> {
    const halt = (replication: RxReplicationState<AnyDoc, SyncCheckpoint>) => (mode === 'pause' ? replication.pause() : replication.cancel());
    const run = async () => {
      await Promise.all([...replications.values()].map((replication) => halt(replication).catch(() => undefined)));
      resolveHalted();
      abort.abort();
      for (const gate of Object.values(gates)) gate.close();
    };
    if (mode === 'cancel') {
      halting = (halting ?? Promise.resolve()).then(run);
    } else {
      halting ??= run();
    }
    return halting;
  }

  let stopping: Promise<void> | null = null;
  function stop(): Promise<void> {
    stopping ??= (async () => {
      if (engineState === 'running') engineState = 'stopped';
      connection.stop();
      await haltReplications('cancel');
      for (const timer of timers) clearInterval(timer);
      timers.clear();
      for (const track of Object.values(tracks)) if (track.countTimer) clearTimeout(track.countTimer);
      for (const subscription of subscriptions) subscription.unsubscribe();
      if (emitTimer) clearTimeout(emitTimer);
      emitTimer = null;
    })().catch((error: unknown) => console.error('Partner Desk sync: stop failed', error));
    return stopping;
  }

  const engine: SyncEngine = {
    status$: status$.asObservable(),
    reconnect: () => {
      if (engineState !== 'running') return;
      connection.reconnectNow();
    },
    stop,
  };
  return engine;
}

/** True when this laptop has never received anything of this account for the collection. */
async function isFirstSync(internal: RxStorageInstanceReplicationState<AnyDoc>): Promise<boolean> {
  try {
    return (await readDownCheckpoint(internal)) === undefined;
  } catch {
    return false;
  }
}

/** The pull checkpoint RxDB has stored for the collection (undefined: never received anything). */
async function readDownCheckpoint(internal: RxStorageInstanceReplicationState<AnyDoc>): Promise<unknown> {
  const { metaInstance } = internal.input;
  const id = getComposedPrimaryKeyOfDocumentData(metaInstance.schema, { isCheckpoint: '1', itemId: 'down' } as never);
  const [doc] = await metaInstance.findDocumentsById([id], false);
  return doc?.checkpointData;
}
