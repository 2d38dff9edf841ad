/**
 * The sync engine (protocol 2, docs/sync-protocol.md): keeps the local store and the server's
 * feed in step, with correctness in data, not timing.
 * - The outbox is the store itself: every local write marks its document pending with the
 *   server state it was made from (`sync`, written by the store's hooks in the same write).
 * - Push: pending documents go out partners first, each with the server version it was edited
 *   from (`baseSeq`). An accepted row is settled only as far as the document has not changed since
 *   (the rest stays pending); a conflict is merged three-way onto the server's state and pushed
 *   again. Rows the server refuses are never retried until they change: 403 (the user lost the
 *   partner) resolves like the revocation tombstone the server will send, 400 and unknown partners
 *   are reported.
 * - Pull and stream: ONE feed for all collections, every change with its server version. A newer
 *   state with nothing pending is written; a pending change is merged onto it (never skipped);
 *   older or equal states are ignored. Pages are written with one bulk write per collection, and
 *   the checkpoint is stored only after the page is; a stream event moves the checkpoint only when
 *   it continues from it (`from`).
 * - Every write names the state it replaces, so a local edit that lands in between makes the
 *   storage refuse the row and the engine decide again (syncStore.ts). All server data is applied
 *   one batch at a time, in arrival order.
 * Nothing here throws into the UI: every failure becomes `status$`.
 */
import { BehaviorSubject, type Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { COLLECTION_NAMES, type CollectionName } from '../../src-shared/domain/types';
import type { SyncCheckpoint } from '../../src-shared/sync/checkpoint';
import type { ConflictDraft } from '../../src-shared/sync/mergeConflict';
import {
  FEED_PULL_LIMIT_MAX,
  FEED_PUSH_PATH,
  feedPullPath,
  type FeedChange,
  type FeedPullResponse,
  type FeedPushResponse,
  type FeedPushResult,
  type FeedPushRow,
  type SyncDocument,
} from '../../src-shared/sync/protocol';
import { isFeedChangeList } from '../../src-shared/sync/sseParser';
import { applyServerState, isPendingChange, readSyncMeta, revokedResolution, syncedContent, type ApplyOptions } from '../../src-shared/sync/syncMeta';
import { storeConflictRecords } from '../db/appDatabase';
import { settleLegacyDocuments } from '../db/legacySyncState';
import { browserWakeSignals, createSyncConnection, DEFAULT_SYNC_TIMING, type SyncConnection } from './syncConnection';
import { createSyncHttp, type HttpOutcome } from './syncHttp';
import { createSyncStore, PUSH_ORDER, type EngineWrite, type FeedPosition, type StoredDoc } from './syncStore';
import type { CollectionSyncStatus, StartSyncOptions, SyncEngine, SyncState, SyncStatus } from './syncTypes';

/** Rows per push request (the server takes up to 200). */
export const PUSH_BATCH_SIZE = 100;
/** Changes per pull page (the server's maximum: the initial sync is a sequence of large pages). */
export const PULL_BATCH_SIZE = FEED_PULL_LIMIT_MAX;
/** A batch refused by the storage this often in a row (local edits racing it) is left to the next round. */
const MAX_WRITE_ATTEMPTS = 20;

type AnyDoc = Record<string, unknown>;

type Track = {
  pulled: number;
  pushed: number;
  lastSyncedAt: string | null;
  /** Rows the server refused (sticky until a later push of this collection goes through cleanly). */
  problem: string | null;
  state: SyncState;
};

/** The identifier of this laptop's sync position for one account on one server. */
export function replicationIdentifier(serverUrl: string, userId: string): string {
  let host = serverUrl;
  try {
    host = new URL(serverUrl).host;
  } catch {
    // keep the string as given
  }
  return `partner-desk-sync|${host}|${userId}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function isFeedPullResponse(body: unknown): body is FeedPullResponse {
  if (typeof body !== 'object' || body === null) return false;
  const page = body as Record<string, unknown>;
  return isFeedChangeList(page.changes) && typeof page.more === 'boolean' && typeof page.head === 'number' && typeof page.reset === 'boolean' && typeof page.checkpoint === 'object';
}

export function startSync(options: StartSyncOptions): SyncEngine {
  const trace = (line: () => string) => options.trace?.(line());
  const timing = { ...DEFAULT_SYNC_TIMING, ...options.timing };
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  const abort = new AbortController();
  const http = createSyncHttp({ serverUrl, token: options.token, fetch: fetchImpl, signal: abort.signal, timeoutMs: timing.requestTimeoutMs });
  const { db } = options;
  const identifier = replicationIdentifier(serverUrl, options.user.id);
  const store = createSyncStore(db, identifier);

  let engineState: 'running' | 'unauthorized' | 'stopped' = 'running';
  const running = () => engineState === 'running';
  let signalStop: () => void = () => undefined;
  /** Resolves when stop() is called: ends waits that might otherwise never end (leadership). */
  const stopRequested = new Promise<void>((resolve) => {
    signalStop = resolve;
  });
  const subscriptions: Subscription[] = [];

  const tracks = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, { pulled: 0, pushed: 0, lastSyncedAt: null, problem: null, state: 'syncing' } satisfies Track]),
  ) as Record<CollectionName, Track>;
  /** Ids of the documents holding an unacknowledged change, per collection (the outbox's index). */
  const pending = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Set<string>()])) as Record<CollectionName, Set<string>>;
  /** Rows the server refused for good, by `collection/id` → the revision refused: skipped until the document changes. */
  const refused = new Map<string, string>();
  /** The last request failed and is being retried; cleared by the next success. */
  let transient: { message: string; offline: boolean } | null = null;
  let position: FeedPosition = { checkpoint: null, rebase: false, partnersFirstDone: false };
  let ready = false;
  /** A pull to the end of the feed finished since the stream last (re)connected. */
  let caughtUp = false;
  let pulling = false;
  let pullAgain = false;
  let pushing = false;
  let pushAgain = false;
  /** First sync of this account into this laptop: progress for the status. */
  let initial: { received: number; head: number } | null = null;
  let lastSyncedAt: string | null = options.lastSyncedAt ?? null;
  let previousState: SyncState = 'syncing';
  /** Another window of this profile holds the leadership and syncs; this one only watches. */
  let otherWindowSyncs = false;

  // ---- status -------------------------------------------------------------------------------

  /** Changes waiting to be sent: pending documents, less those the server refused as they are. */
  const waiting = (name: CollectionName) => {
    let count = pending[name].size;
    for (const key of refused.keys()) if (key.startsWith(`${name}/`) && pending[name].has(key.slice(name.length + 1))) count -= 1;
    return count;
  };

  const buildStatus = (): SyncStatus => {
    const now = new Date().toISOString();
    const connectionState = connection.state;
    const busy = !ready || pulling || pushing || !caughtUp;
    const collections = {} as Record<CollectionName, CollectionSyncStatus>;
    for (const name of COLLECTION_NAMES) {
      const track = tracks[name];
      let state: SyncState;
      if (engineState === 'unauthorized') state = 'unauthorized';
      else if (otherWindowSyncs) state = 'idle';
      else if (connectionState === 'offline' || transient?.offline) state = 'offline';
      else if (track.problem || transient) state = 'error';
      else if (connectionState !== 'connected' || busy || waiting(name) > 0) state = 'syncing';
      else state = 'idle';
      if (state === 'idle' && track.state !== 'idle' && running()) track.lastSyncedAt = now;
      track.state = state;
      collections[name] = {
        state,
        pending: waiting(name),
        lastSyncedAt: track.lastSyncedAt,
        error: track.problem ?? transient?.message ?? null,
        pulled: track.pulled,
        pushed: track.pushed,
      };
    }
    const all = Object.values(collections);
    const order: SyncState[] = ['unauthorized', 'offline', 'error', 'syncing', 'idle'];
    let state: SyncState = engineState === 'unauthorized' ? 'unauthorized' : (order.find((candidate) => all.some((c) => c.state === candidate)) ?? 'idle');
    if (running() && !otherWindowSyncs && connectionState === 'offline') state = 'offline';
    if (state === 'idle' && previousState !== 'idle') lastSyncedAt = now;
    previousState = state;
    const error =
      state === 'unauthorized'
        ? 'Your session ended: sign in again. Changes made on this laptop are kept.'
        : state === 'offline'
          ? (connection.lastError ?? transient?.message ?? null)
          : (all.find((c) => c.error)?.error ?? null);
    const received = all.reduce((sum, c) => sum + c.pulled, 0);
    const percent = initial && initial.head > 0 && position.checkpoint ? Math.min(99, Math.floor((100 * position.checkpoint.seq) / initial.head)) : null;
    return {
      state,
      pending: all.reduce((sum, c) => sum + c.pending, 0),
      lastSyncedAt,
      error,
      initial: initial && running() ? { received, percent } : null,
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

  // ---- session ------------------------------------------------------------------------------

  let unauthorizedNotified = false;
  const endSession = () => {
    if (!running()) return;
    engineState = 'unauthorized';
    connection.stop();
    abort.abort();
    emitNow();
    if (!unauthorizedNotified) {
      unauthorizedNotified = true;
      try {
        options.onUnauthorized?.();
      } catch (error) {
        console.error('Partner Desk sync: onUnauthorized failed', error);
      }
    }
  };

  const noteSuccess = () => {
    if (transient) {
      transient = null;
      emitSoon();
    }
  };

  /** Handles a failed request; resolves true when the caller should try again. */
  const retryAfter = async (outcome: Exclude<HttpOutcome<unknown>, { kind: 'ok' }> | { kind: 'malformed'; message: string }, attempt: number): Promise<boolean> => {
    if (outcome.kind === 'unauthorized') {
      endSession();
      return false;
    }
    if (outcome.kind === 'stopped' || !running()) return false;
    if (outcome.kind === 'malformed') transient = { message: outcome.message, offline: false };
    else if (outcome.kind === 'retry') {
      transient = { message: outcome.message, offline: outcome.offline };
      if (outcome.offline) connection.reportNetworkFailure();
    } else transient = { message: `the sync server refused the request: ${outcome.error.message}`, offline: false };
    emitSoon();
    return connection.waitBeforeRetry(attempt, outcome.kind === 'retry' ? outcome.retryAfterMs : undefined);
  };

  // ---- applying server states ---------------------------------------------------------------

  /** Server data is applied one batch at a time, in the order it arrived. */
  let applying: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = applying.then(work);
    applying = run.catch(() => undefined);
    return run;
  };

  type Incoming = { id: string; seq: number; document: AnyDoc; options?: Partial<ApplyOptions> };

  /**
   * Decides and writes server states of one collection. A row the storage refuses (the document
   * changed meanwhile) is decided again on the newer state. Losing values are stored first, so a
   * crash between the two writes can cost a duplicate history entry, never a lost value.
   */
  const applyStates = async (collection: CollectionName, incoming: readonly Incoming[], base: Omit<ApplyOptions, 'collection'>, assumeNew = false): Promise<number> => {
    let todo = [...incoming];
    let written = 0;
    for (let attempt = 0; todo.length > 0 && attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
      // Written without `previous`, a row over an existing document is refused (409): safe.
      const current = assumeNew && attempt === 0 ? new Map<string, StoredDoc>() : await store.read(collection, todo.map((item) => item.id));
      const writes: EngineWrite[] = [];
      const drafts: ConflictDraft[] = [];
      for (const item of todo) {
        const local = current.get(item.id);
        const decision = applyServerState(local ?? null, { seq: item.seq, document: item.document }, { collection, ...base, ...item.options });
        if (decision.kind === 'ignore') continue;
        writes.push({ previous: local, content: decision.content, meta: decision.meta });
        // Two versions of a ConflictRecord are merged but not recorded again: history about
        // history would only add noise (and a record of a record nests without end).
        if (collection !== 'conflicts') drafts.push(...decision.conflicts);
      }
      if (drafts.length > 0) await storeConflictRecords(db, drafts);
      const again = await store.write(collection, writes);
      written += writes.length - again.size;
      todo = todo.filter((item) => again.has(item.id));
      if (todo.length > 0) trace(() => `apply ${collection}: ${todo.length} changed meanwhile, deciding again`);
    }
    if (todo.length > 0) {
      // Local edits kept landing on these documents: they stay as they are (pending, so pushed),
      // and the next pull brings the server state again.
      pullAgain = true;
    }
    return written;
  };

  const applyChanges = async (changes: readonly FeedChange[], rebase: boolean, assumeNew = false): Promise<void> => {
    const byCollection = new Map<CollectionName, Map<string, Incoming>>();
    for (const change of changes) {
      const group = byCollection.get(change.collection) ?? new Map<string, Incoming>();
      byCollection.set(change.collection, group);
      const id = String(change.document.id);
      const seen = group.get(id);
      if (!seen || seen.seq < change.seq) group.set(id, { id, seq: change.seq, document: change.document });
    }
    const order = PUSH_ORDER.filter((name) => byCollection.has(name));
    for (const collection of order) {
      const group = [...(byCollection.get(collection)?.values() ?? [])];
      const written = await applyStates(collection, group, { rebase }, assumeNew);
      tracks[collection].pulled += written;
    }
    if (changes.length > 0) emitSoon();
  };

  // ---- pull ---------------------------------------------------------------------------------

  const savePosition = async (next: FeedPosition) => {
    position = next;
    await store.writePosition(next);
  };

  /** Pulls pages until the feed's end, and again while something asked for another round. */
  const pullToEnd = async (): Promise<void> => {
    if (pulling) {
      pullAgain = true;
      return;
    }
    pulling = true;
    emitSoon();
    try {
      do {
        pullAgain = false;
        if (!position.checkpoint && !position.partnersFirstDone && !(await pullPartnersFirst())) return;
        let attempt = 0;
        const fetchPage = (from: SyncCheckpoint | null) => http.getJson<FeedPullResponse>(feedPullPath(from, PULL_BATCH_SIZE));
        // The next page is asked for while the current one is written (its checkpoint is known
        // from the answer); a checkpoint is still stored only once its page is.
        let from = position.checkpoint;
        let request = fetchPage(from);
        for (;;) {
          if (!running()) return;
          const outcome: HttpOutcome<FeedPullResponse> = await request;
          if (outcome.kind !== 'ok' || !isFeedPullResponse(outcome.body)) {
            const failure = outcome.kind === 'ok' ? ({ kind: 'malformed', message: 'the sync server sent an unexpected pull answer' } as const) : outcome;
            if (!(await retryAfter(failure, attempt++))) return;
            from = position.checkpoint;
            request = fetchPage(from);
            continue;
          }
          const page: FeedPullResponse = outcome.body;
          trace(() => `pull from=${from?.seq ?? '-'} to=${page.checkpoint.seq} n=${page.changes.length} more=${page.more} reset=${page.reset}`);
          const rebase = page.reset || position.rebase;
          if (page.reset) trace(() => 'pull: the server does not know our checkpoint; taking its feed from the start');
          if (initial) initial.head = Math.max(initial.head, page.head);
          if (page.more) {
            from = page.checkpoint;
            request = fetchPage(from);
          }
          // On an account's first sync the documents are new here: written as inserts without
          // reading first; one that exists after all is refused by the storage and decided on.
          const assumeNew = initial !== null && !rebase;
          try {
            await exclusive(async () => {
              if (!running()) return;
              await applyChanges(page.changes, rebase, assumeNew);
              await savePosition({ ...position, checkpoint: page.checkpoint, rebase: rebase && page.more, partnersFirstDone: true });
            });
          } catch (error) {
            // The page could not be stored (e.g. a document the local schema refuses): nothing of
            // it counts as received; say so and try the page again after a backoff.
            const message = `could not store changes from the server: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
            if (!(await retryAfter({ kind: 'malformed', message }, attempt++))) return;
            from = position.checkpoint;
            request = fetchPage(from);
            continue;
          }
          attempt = 0;
          noteSuccess();
          emitSoon();
          if (!page.more) break;
        }
      } while (pullAgain && running());
      caughtUp = true;
      if (initial) initial = null;
    } finally {
      pulling = false;
      emitSoon();
      if (running()) void pushPending();
    }
  };

  /** On an account's first sync: the partners alone first, so the portfolio fills in at once. */
  const pullPartnersFirst = async (): Promise<boolean> => {
    let from: SyncCheckpoint | null = null;
    let attempt = 0;
    for (;;) {
      if (!running()) return false;
      const outcome: HttpOutcome<FeedPullResponse> = await http.getJson<FeedPullResponse>(feedPullPath(from, PULL_BATCH_SIZE, ['partners']));
      if (outcome.kind !== 'ok' || !isFeedPullResponse(outcome.body)) {
        const failure = outcome.kind === 'ok' ? ({ kind: 'malformed', message: 'the sync server sent an unexpected pull answer' } as const) : outcome;
        if (!(await retryAfter(failure, attempt++))) return false;
        continue;
      }
      attempt = 0;
      noteSuccess();
      const page: FeedPullResponse = outcome.body;
      if (initial) initial.head = Math.max(initial.head, page.head);
      await exclusive(() => applyChanges(page.changes, position.rebase));
      from = page.checkpoint;
      if (!page.more) break;
    }
    await exclusive(() => savePosition({ ...position, partnersFirstDone: true }));
    return true;
  };

  // ---- push ---------------------------------------------------------------------------------

  type SentRow = FeedPushRow & { id: string; rev: string; local: StoredDoc };

  const nextBatch = async (): Promise<SentRow[]> => {
    const rows: SentRow[] = [];
    for (const collection of PUSH_ORDER) {
      if (rows.length >= PUSH_BATCH_SIZE) break;
      const ids = [...pending[collection]].slice(0, PUSH_BATCH_SIZE * 2);
      if (ids.length === 0) continue;
      const docs = await store.read(collection, ids);
      for (const id of ids) {
        if (rows.length >= PUSH_BATCH_SIZE) break;
        const doc = docs.get(id);
        if (!doc || !isPendingChange(doc)) {
          pending[collection].delete(id);
          continue;
        }
        const meta = readSyncMeta(doc);
        if (meta.legacy) continue;
        if (refused.get(`${collection}/${id}`) === doc._rev) continue;
        rows.push({ collection, baseSeq: meta.seq ?? null, document: syncedContent(doc) as SyncDocument, id, rev: doc._rev, local: doc });
      }
    }
    return rows;
  };

  const describeRefusal = (row: SentRow, message: string, field?: string) => `${row.collection}: document ${JSON.stringify(row.id)}${field ? `, field ${field}` : ''}: ${message}`;

  /** Settles the answers of one push (in row order) in the store. */
  const settle = async (rows: readonly SentRow[], results: readonly FeedPushResult[]): Promise<void> => {
    const byCollection = new Map<CollectionName, Incoming[]>();
    const add = (collection: CollectionName, item: Incoming) => {
      const list = byCollection.get(collection) ?? [];
      list.push(item);
      byCollection.set(collection, list);
    };
    const problems = new Map<CollectionName, string[]>();
    rows.forEach((row, index) => {
      const result = results[index];
      if (!result) return;
      if (result.status === 'accepted') {
        add(row.collection, { id: row.id, seq: result.seq, document: result.document ?? row.document, options: { answersPush: true, pushed: row.document } });
        tracks[row.collection].pushed += 1;
      } else if (result.status === 'conflict') {
        add(row.collection, { id: row.id, seq: result.seq, document: result.document, options: { answersPush: true } });
      } else {
        refused.set(`${row.collection}/${row.id}`, row.rev);
        const list = problems.get(row.collection) ?? [];
        list.push(describeRefusal(row, result.message));
        problems.set(row.collection, list);
      }
    });
    for (const [collection, items] of byCollection) await applyStates(collection, items, {});
    for (const collection of new Set(rows.map((row) => row.collection))) {
      const list = problems.get(collection) ?? [];
      tracks[collection].problem = list.length > 0 ? `${list.slice(0, 3).join('; ')}${list.length > 3 ? ` (and ${list.length - 3} more)` : ''}` : null;
    }
    emitSoon();
  };

  /** Rows the server refused with 403: the user lost the partner; resolved like its revocation tombstone. */
  const settleForbidden = async (rows: readonly SentRow[]): Promise<void> => {
    const byCollection = new Map<CollectionName, string[]>();
    for (const row of rows) byCollection.set(row.collection, [...(byCollection.get(row.collection) ?? []), row.id]);
    for (const [collection, ids] of byCollection) {
      for (let attempt = 0, todo = ids; todo.length > 0 && attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
        const current = await store.read(collection, todo);
        const writes: EngineWrite[] = [];
        const drafts: ConflictDraft[] = [];
        for (const id of todo) {
          const local = current.get(id);
          if (!local) continue;
          const decision = revokedResolution(local, collection);
          if (decision.kind === 'ignore') continue;
          writes.push({ previous: local, content: decision.content, meta: decision.meta });
          if (collection !== 'conflicts') drafts.push(...decision.conflicts);
        }
        if (drafts.length > 0) await storeConflictRecords(db, drafts);
        const again = await store.write(collection, writes);
        todo = todo.filter((id) => again.has(id));
      }
      tracks[collection].problem = `${collection}: ${plural(ids.length, 'change')} refused because you no longer have access to the partner; removed from this laptop`;
    }
    emitSoon();
  };

  const pushPending = async (): Promise<void> => {
    if (!ready || !running()) return;
    if (pushing) {
      pushAgain = true;
      return;
    }
    pushing = true;
    emitSoon();
    try {
      let attempt = 0;
      let batchLimit = PUSH_BATCH_SIZE;
      for (;;) {
        pushAgain = false;
        if (!running() || position.rebase) return;
        const rows = (await nextBatch()).slice(0, batchLimit);
        if (rows.length === 0) {
          if (pushAgain) continue;
          return;
        }
        trace(() => `push ${rows.map((row) => `${row.collection}/${row.id}@${row.baseSeq ?? '-'}`).join(',')}`);
        const outcome = await http.postJson<FeedPushResponse>(FEED_PUSH_PATH, { rows: rows.map(({ collection, baseSeq, document }) => ({ collection, baseSeq, document })) });
        if (outcome.kind === 'ok') {
          const results = outcome.body?.results;
          if (!Array.isArray(results) || results.length !== rows.length) {
            if (!(await retryAfter({ kind: 'malformed', message: 'the sync server sent an unexpected push answer' }, attempt++))) return;
            continue;
          }
          attempt = 0;
          batchLimit = PUSH_BATCH_SIZE;
          noteSuccess();
          trace(() => `pushed ${results.map((r, i) => `${rows[i]?.collection}/${rows[i]?.id}:${r.status}${r.status === 'rejected' ? '' : `@${r.seq}`}`).join(',')}`);
          await exclusive(() => settle(rows, results));
          continue;
        }
        if (outcome.kind === 'rejected' && outcome.status === 413) {
          if (rows.length > 1) {
            batchLimit = Math.max(1, Math.floor(rows.length / 2));
          } else if (rows[0]) {
            const row = rows[0];
            refused.set(`${row.collection}/${row.id}`, row.rev);
            tracks[row.collection].problem = describeRefusal(row, 'too large to sync');
            emitSoon();
          }
          continue;
        }
        if (outcome.kind === 'rejected' && (outcome.status === 400 || outcome.status === 403)) {
          const named = (outcome.error.documents ?? []).filter((problem) => Number.isInteger(problem.index) && problem.index >= 0 && problem.index < rows.length);
          trace(() => `push refused ${outcome.status} ${(named.length > 0 ? named.map((problem) => rows[problem.index] as SentRow) : rows).map((row) => `${row.collection}/${row.id}`).join(',')}`);
          if (named.length === 0) {
            // Nothing to single out: the whole batch is refused as it is.
            for (const row of rows) refused.set(`${row.collection}/${row.id}`, row.rev);
            const first = rows[0];
            if (first) tracks[first.collection].problem = `the server refused ${plural(rows.length, 'change')} (${outcome.error.message})`;
            emitSoon();
            continue;
          }
          if (outcome.status === 403) {
            await exclusive(() => settleForbidden(named.map((problem) => rows[problem.index] as SentRow)));
          } else {
            for (const problem of named) {
              const row = rows[problem.index] as SentRow;
              refused.set(`${row.collection}/${row.id}`, row.rev);
              tracks[row.collection].problem = describeRefusal(row, problem.message, problem.field);
            }
            emitSoon();
          }
          continue;
        }
        if (!(await retryAfter(outcome, attempt++))) return;
      }
    } finally {
      pushing = false;
      emitSoon();
    }
  };

  // ---- connection ---------------------------------------------------------------------------

  const connection: SyncConnection = createSyncConnection({
    serverUrl,
    token: options.token,
    fetch: fetchImpl,
    timing,
    wakeSignals: options.wakeSignals === undefined ? browserWakeSignals() : options.wakeSignals,
    onResync: () => {
      trace(() => 'stream resync');
      caughtUp = false;
      emitSoon();
      if (ready) void pullToEnd();
      void pushPending();
    },
    onChanges: (event) => {
      trace(() => `stream from=${event.from} to=${event.checkpoint.seq} n=${event.changes.length}`);
      if (!ready || position.rebase) {
        // Not yet able to apply (starting, or rebuilding after a reset): a pull covers them.
        pullAgain = true;
        return;
      }
      void exclusive(async () => {
        if (!running()) return;
        await applyChanges(event.changes, false);
        const at = position.checkpoint;
        if (at && at.epoch === event.checkpoint.epoch && event.from <= at.seq && event.checkpoint.seq > at.seq) {
          await savePosition({ ...position, checkpoint: event.checkpoint });
        }
      }).catch((error: unknown) => {
        console.error('Partner Desk sync: applying streamed changes failed', error);
        pullAgain = true;
      });
    },
    onUnauthorized: endSession,
  });
  subscriptions.push(connection.state$.subscribe(() => emitSoon()));

  // ---- start --------------------------------------------------------------------------------

  const watchOutbox = () => {
    for (const name of COLLECTION_NAMES) {
      const collection = db[name] as unknown as RxCollection<AnyDoc>;
      subscriptions.push(
        collection.$.subscribe((event) => {
          const id = String(event.documentId);
          const key = `${name}/${id}`;
          // A refused row is offered again once the document changes.
          if (refused.has(key) && refused.get(key) !== (event.documentData as { _rev?: string })._rev) refused.delete(key);
          const isPending = isPendingChange(event.documentData as AnyDoc);
          if (isPending === pending[name].has(id)) return;
          if (isPending) pending[name].add(id);
          else pending[name].delete(id);
          emitSoon();
          if (isPending) void pushPending();
        }),
      );
    }
  };

  const start = async () => {
    try {
      if (db.multiInstance) {
        const elector = db.leaderElector();
        if (!elector.isLeader && (await elector.hasLeader())) {
          otherWindowSyncs = true;
          emitSoon();
        }
        await Promise.race([db.waitForLeadership(), stopRequested]);
        otherWindowSyncs = false;
      }
      if (!running()) return;
      watchOutbox();
      await settleLegacyDocuments(db, identifier);
      for (const name of COLLECTION_NAMES) for (const id of await store.scanPending(name)) pending[name].add(id);
      position = await store.readPosition();
      if (!position.checkpoint) initial = { received: 0, head: 0 };
      ready = true;
      emitSoon();
      trace(() => `start checkpoint=${position.checkpoint?.seq ?? '-'} pending=${COLLECTION_NAMES.reduce((n, c) => n + pending[c].size, 0)}`);
      connection.start();
      void pushPending();
    } catch (error) {
      if (!running()) return;
      console.error('Partner Desk sync: could not start', error);
      transient = { message: `sync could not start: ${error instanceof Error ? error.message : String(error)}`, offline: false };
      emitNow();
    }
  };

  status$ = new BehaviorSubject<SyncStatus>(buildStatus());
  lastEmitted = JSON.stringify(status$.value);
  const started = start();

  // ---- lifecycle ----------------------------------------------------------------------------

  let stopping: Promise<void> | null = null;
  function stop(): Promise<void> {
    stopping ??= (async () => {
      if (running()) engineState = 'stopped';
      signalStop();
      connection.stop();
      abort.abort();
      await started;
      // Let the batch being written finish: the database may close right after.
      await applying;
      for (const subscription of subscriptions) subscription.unsubscribe();
      if (emitTimer) clearTimeout(emitTimer);
      emitTimer = null;
    })().catch((error: unknown) => console.error('Partner Desk sync: stop failed', error));
    return stopping;
  }

  return {
    status$: status$.asObservable(),
    reconnect: () => {
      if (running()) connection.reconnectNow();
    },
    stop,
  };
}
