/**
 * One simulated laptop, run inside its own worker thread (RxDB allows ~13 open collections per
 * JS context and a laptop has 10): its own fake IndexedDB, the app's store (createAppDatabase)
 * and the app's sync engine (startSync), driven by the messages of `laptop.ts`.
 *
 * The laptop's network is a fetch wrapper: "offline" makes every request fail as a real
 * disconnected fetch does and breaks the open change stream; going online again sends the
 * engine the same wake-up signal a browser's `online` event does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { RxCollection, RxDocument, RxStorage } from 'rxdb';
import { createAppDatabase, type AppDatabase } from '../../../../src-renderer/db/appDatabase';
import { appStorage } from '../../../../src-renderer/db/appStorage';
import { startSync } from '../../../../src-renderer/sync/startSync';
import type { SyncWakeSignals, WakeReason } from '../../../../src-renderer/sync/syncConnection';
import type { SyncEngine, SyncStatus } from '../../../../src-renderer/sync/syncTypes';
import type { CollectionName } from '../../../../src-shared/domain/types';
import { stripLocalFields } from '../../../../src-shared/sync/documentEquality';
import type { BarrierKind, LaptopConfig, LaptopRequest, LaptopResponse, NetworkConditions, RequestCounts } from './laptopProtocol';

type Doc = Record<string, unknown>;

const config = workerData as LaptopConfig;
const port = parentPort;
if (!port) throw new Error('laptopWorker must run in a worker thread');

// ---- the laptop's disk and network --------------------------------------------------------

/** The laptop's IndexedDB: survives restarts of the app, like the disk does. */
const idb = { indexedDB: new IDBFactory(), IDBKeyRange };
let storage: RxStorage<unknown, unknown> = appStorage(idb);

let offline = false;
const openStreams = new Set<AbortController>();
const counts: RequestCounts = { pull: 0, push: 0, stream: 0 };

const network: NetworkConditions = { streamBlocked: false };

type Barrier = { reached: Promise<void>; markReached: () => void; released: Promise<void>; release: () => void };
const barriers = new Map<BarrierKind, Barrier>();
const reachedBarriers = new Map<BarrierKind, Barrier>();

function armBarrier(kind: BarrierKind): void {
  let markReached: () => void = () => undefined;
  let release: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => {
    markReached = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const barrier = { reached, markReached, released, release };
  barriers.set(kind, barrier);
  reachedBarriers.set(kind, barrier);
}

/** Waits at the armed barrier of this kind, if any (one request passes it, then it is gone). */
async function passBarrier(kind: BarrierKind): Promise<void> {
  const barrier = barriers.get(kind);
  if (!barrier) return;
  barriers.delete(kind);
  traceLine(`BARRIER ${kind} reached`);
  barrier.markReached();
  await barrier.released;
  traceLine(`BARRIER ${kind} released`);
}

const laptopFetch: typeof fetch = async (input, init) => {
  if (offline) throw new TypeError('fetch failed: this laptop is offline');
  const url = String(input instanceof Request ? input.url : input);
  const kind = url.includes('/api/sync/stream') ? null : url.includes('/push') ? 'push' : url.includes('/pull') ? 'pull' : null;
  if (kind) await passBarrier(`${kind}-request`);
  if (network.streamBlocked && url.includes('/api/sync/stream')) throw new TypeError('fetch failed: the change stream is blocked');
  if (url.includes('/api/sync/stream')) counts.stream += 1;
  else if (url.includes('/pull')) counts.pull += 1;
  else if (url.includes('/push')) counts.push += 1;
  const controller = new AbortController();
  const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
  const isStream = url.includes('/api/sync/stream');
  if (isStream) openStreams.add(controller);
  try {
    const response = await fetch(input, { ...init, signal });
    if (!kind || !barriers.has(`${kind}-response`)) return response;
    // Hold the server's answer (already given: the server has done its part) until released.
    const body = await response.text();
    await passBarrier(`${kind}-response`);
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } finally {
    if (!isStream) openStreams.delete(controller);
  }
};

const wakeListeners = new Set<(reason: WakeReason) => void>();
const wakeSignals: SyncWakeSignals = {
  subscribe(onSignal) {
    wakeListeners.add(onSignal);
    return () => wakeListeners.delete(onSignal);
  },
};
const wake = (reason: WakeReason) => {
  for (const listener of [...wakeListeners]) listener(reason);
};

// ---- the app ------------------------------------------------------------------------------

let db: AppDatabase | null = null;
let engine: SyncEngine | null = null;
let status: SyncStatus | null = null;
let session = { token: config.token, user: config.user };
let unauthorizedCalls = 0;
const traceLines: string[] = [];
/** The engine's diagnostic lines (printed by the convergence test when laptops diverge). */
const traceLine = (line: string) => {
  traceLines.push(`${new Date().toISOString().slice(17, 23)} ${line}`);
  if (traceLines.length > 50_000) traceLines.splice(0, 10_000);
};
const errorsSeen = new Set<string>();
/** `initial.received` of every status emitted during a first sync. */
const firstSyncProgress: number[] = [];
const statusWaiters = new Set<() => void>();
/** The state each removed document had when the delete applied (for the convergence ledger). */
const removedStates = new Map<string, Doc>();
/** States recorded by `watch` (diagnostics and tests of what the screen would have shown). */
const watched: Doc[] = [];
const watchers: { unsubscribe: () => void }[] = [];

function requireDb(): AppDatabase {
  if (!db) throw new Error(`laptop ${config.name} is not running`);
  return db;
}

function collection(name: CollectionName): RxCollection<Doc> {
  return requireDb()[name] as unknown as RxCollection<Doc>;
}

async function openApp(): Promise<void> {
  db = await createAppDatabase({ name: 'partnerdesk-laptop', storage, multiInstance: false, currentUser: () => session.user.email });
  for (const name of ['planitems', 'tasks', 'partners'] as const) {
    (db[name] as unknown as RxCollection<Doc>).preRemove((data) => {
      removedStates.set(`${name}/${String(data.id)}`, stripLocalFields(data));
    }, false);
  }
  startEngine();
}

function startEngine(): void {
  const current = startSync({
    db: requireDb(),
    serverUrl: config.serverUrl,
    token: session.token,
    user: session.user,
    fetch: laptopFetch,
    wakeSignals,
    timing: config.timing,
    onUnauthorized: () => {
      unauthorizedCalls += 1;
    },
    trace: traceLine,
  });
  traceLine('ENGINE START');
  engine = current;
  current.status$.subscribe((next) => {
    if (engine !== current) return;
    status = next;
    for (const c of Object.values(next.collections)) if (c.error) errorsSeen.add(c.error);
    if (next.initial) firstSyncProgress.push(next.initial.received);
    for (const waiter of [...statusWaiters]) waiter();
  });
}

async function closeApp(): Promise<void> {
  for (const watcher of watchers.splice(0)) watcher.unsubscribe();
  const running = engine;
  engine = null;
  status = null;
  await running?.stop();
  await db?.close();
  db = null;
}

function matches(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected !== 'object') return actual === expected;
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => matches(actual[i], item));
  if (actual === null || typeof actual !== 'object') return false;
  return Object.entries(expected as Doc).every(([key, value]) => matches((actual as Doc)[key], value));
}

function waitForStatus(expected: Partial<SyncStatus>, timeoutMs: number): Promise<SyncStatus> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (status && matches(status, expected)) {
        cleanup();
        resolve(status);
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`laptop ${config.name}: status never matched ${JSON.stringify(expected)}; last ${JSON.stringify(status)}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      statusWaiters.delete(check);
    };
    statusWaiters.add(check);
    check();
  });
}

async function waitForDoc(name: CollectionName, id: string, expected: Doc | 'deleted', timeoutMs: number): Promise<Doc | null> {
  const query = collection(name).findOne(id);
  return new Promise((resolve, reject) => {
    let subscription: { unsubscribe: () => void } | null = null;
    const timer = setTimeout(() => {
      subscription?.unsubscribe();
      void query.exec().then((doc) => {
        reject(new Error(`laptop ${config.name}: ${name}/${id} never matched ${JSON.stringify(expected)}; it is ${JSON.stringify(doc ? stripLocalFields(doc.toJSON() as Doc) : null)}`));
      });
    }, timeoutMs);
    subscription = query.$.subscribe((doc: RxDocument<Doc> | null) => {
      const data = doc ? stripLocalFields(doc.toJSON() as Doc) : null;
      const ok = expected === 'deleted' ? data === null : data !== null && matches(data, expected);
      if (ok) {
        clearTimeout(timer);
        queueMicrotask(() => subscription?.unsubscribe());
        resolve(data);
      }
    });
  });
}

async function handle(request: LaptopRequest): Promise<unknown> {
  switch (request.op) {
    case 'open':
      await openApp();
      return null;
    case 'insert': {
      const doc = await collection(request.collection).insert(request.doc);
      return stripLocalFields(doc.toJSON() as Doc);
    }
    case 'edit': {
      const doc = await collection(request.collection).findOne(request.id).exec();
      if (!doc) return { found: false };
      let before: Doc = {};
      const written = await doc.incrementalModify((data) => {
        // Runs again on the newer state if a replicated write landed meanwhile: keep the last.
        before = stripLocalFields(data);
        // The app stamps the time of the edit; a test may name it (to order two edits without waiting).
        Object.assign(data, { updatedAt: new Date().toISOString() }, request.changes);
        return data;
      });
      return { found: true, before, after: stripLocalFields(written.toJSON() as Doc) };
    }
    case 'remove': {
      const doc = await collection(request.collection).findOne(request.id).exec();
      if (!doc) return { found: false };
      await doc.incrementalRemove();
      return { found: true, before: removedStates.get(`${request.collection}/${request.id}`) ?? null };
    }
    case 'docs': {
      const docs = await collection(request.collection).find().exec();
      return docs.map((doc) => stripLocalFields(doc.toJSON() as Doc)).sort((a, b) => String(a.id).localeCompare(String(b.id)));
    }
    case 'doc': {
      const doc = await collection(request.collection).findOne(request.id).exec();
      return doc ? stripLocalFields(doc.toJSON() as Doc) : null;
    }
    case 'waitForDoc':
      return waitForDoc(request.collection, request.id, request.expected, request.timeoutMs);
    case 'status':
      return status;
    case 'waitForStatus':
      return waitForStatus(request.expected, request.timeoutMs);
    case 'goOffline':
      traceLine('OFFLINE');
      offline = true;
      for (const controller of openStreams) controller.abort(new TypeError('network down'));
      openStreams.clear();
      wake('offline');
      return null;
    case 'goOnline':
      traceLine('ONLINE');
      offline = false;
      wake('online');
      return null;
    case 'restart':
      traceLine('RESTART');
      await closeApp();
      // A fresh app process: new storage wrapper over the same IndexedDB.
      storage = appStorage(idb);
      await openApp();
      return null;
    case 'signIn':
      await engine?.stop();
      session = { token: request.token, user: request.user };
      startEngine();
      return null;
    case 'counters':
      return { requests: { ...counts }, unauthorizedCalls, firstSyncProgress: [...firstSyncProgress] };
    case 'inspect': {
      // What the store holds for one document, its sync bookkeeping included (diagnostics).
      const [stored] = await collection(request.collection).storageInstance.findDocumentsById([request.id], true);
      return { stored: stored ?? null, offline, counts, errors: [...errorsSeen], trace: traceLines.filter((l) => l.includes(request.id) || l.includes('RESTART') || l.includes('ONLINE') || l.includes('OFFLINE') || l.includes('resync') || l.includes('ENGINE') || l.includes('start')) };
    }
    case 'network':
      Object.assign(network, request.conditions);
      if (network.streamBlocked) {
        for (const controller of openStreams) controller.abort(new TypeError('stream blocked'));
        openStreams.clear();
      }
      wake('online');
      return null;
    case 'watch': {
      // Every state the store takes for one document, including replicated writes.
      const subscription = collection(request.collection).$.subscribe((event) => {
        if (event.documentId === request.id) watched.push(stripLocalFields(event.documentData as Doc));
      });
      watchers.push(subscription);
      return null;
    }
    case 'watched':
      return [...watched];
    case 'hold':
      armBarrier(request.kind);
      return null;
    case 'held': {
      const barrier = reachedBarriers.get(request.kind);
      if (!barrier) throw new Error(`laptop ${config.name}: no ${request.kind} barrier was armed`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        barrier.reached,
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`laptop ${config.name}: no request reached the ${request.kind} barrier`)), request.timeoutMs);
        }),
      ]).finally(() => clearTimeout(timer));
      return null;
    }
    case 'release': {
      const barrier = reachedBarriers.get(request.kind);
      reachedBarriers.delete(request.kind);
      barriers.delete(request.kind);
      barrier?.release();
      return null;
    }
    case 'close':
      await closeApp();
      return null;
  }
}

port.on('message', (request: LaptopRequest & { seq: number }) => {
  handle(request).then(
    (value) => port.postMessage({ seq: request.seq, ok: true, value } satisfies LaptopResponse),
    (error: unknown) => port.postMessage({ seq: request.seq, ok: false, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) } satisfies LaptopResponse),
  );
});
