/**
 * The store bench page: RxDB (configured exactly as the app configures it) against raw Dexie on
 * the same task objects, in the same Chromium, on real IndexedDB; plus the portfolio overview
 * computation the app runs on every data change. Driven by scripts/bench.ts through
 * `window.storeBench`; every figure is `performance.now()` in this page.
 */
import { Dexie } from 'dexie';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { BENCH_SIZE, generateDemoPortfolio, type DemoPortfolio, type DemoSize } from '../../../src-shared/demo/demoPortfolio';
import { partnerOverview, todayAgenda } from '../../../src-shared/domain/partnerOverview';
import { type CollectionName, type Deal, type Meeting, type Plan, type Task } from '../../../src-shared/domain/types';
import type { SyncUser } from '../../../src-shared/sync/protocol';
import { COLLECTION_SCHEMAS } from '../../../src-shared/schemas/collectionSchemas';
import { groupByPartner } from '../../../src-shared/util/groupByPartner';
import { createAppDatabase } from '../../../src-renderer/db/appDatabase';
import { appStorage } from '../../../src-renderer/db/appStorage';
import { insertAll } from '../../../src-renderer/db/insertAll';
import { startSync } from '../../../src-renderer/sync/startSync';


/**
 * - rxdb-app: the app's database and storage as they are (createAppDatabase, appStorage: Dexie +
 *   the precompiled ajv standalone validators of src-shared/schemas/generated);
 * - rxdb-stock-validation: the same with RxDB's stock z-schema plugin, which compiles and checks
 *   the whole schema again for every document (what the app used first; docs/performance.md);
 * - rxdb-no-validation: Dexie storage without validation, to show what validation costs;
 * - dexie: raw Dexie, the baseline.
 */
export type StoreVariant = 'rxdb-app' | 'rxdb-no-validation' | 'rxdb-stock-validation' | 'dexie';

export type StoreRun = {
  variant: StoreVariant;
  /** bulkInsert / bulkPut of the task objects, until the transaction committed. */
  insertMs: number;
  /** Reading them all back after closing and reopening the database (what a cold app start does). */
  readAllMs: number;
  count: number;
  /** A task with an invalid status, inserted after the measurement: refused (null without validation). */
  rejectsInvalid: boolean | null;
};

export type OverviewRun = { groupMs: number; overviewMs: number; agendaMs: number; totalMs: number };

export type StoreBench = {
  prepare: (options: { today: string; ownerEmail: string; ownerName: string; taskCount: number }) => { tasks: number; partners: number; generateMs: number };
  run: (variant: StoreVariant, runId: number) => Promise<StoreRun>;
  overview: (runs: number) => OverviewRun[];
};

let portfolio: DemoPortfolio | null = null;
let benchTasks: Task[] = [];
let today = '';

function storageFor(variant: StoreVariant): RxStorage<unknown, unknown> {
  if (variant === 'rxdb-app') return appStorage();
  const dexie = getRxStorageDexie();
  if (variant === 'rxdb-stock-validation') return wrappedValidateZSchemaStorage({ storage: dexie }) as RxStorage<unknown, unknown>;
  return dexie as RxStorage<unknown, unknown>;
}

/** Same fields indexed as the tasks collection declares (primary key plus its `indexes`). */
function dexieStores(): Record<string, string> {
  const schema = COLLECTION_SCHEMAS.tasks as unknown as { primaryKey: string; indexes?: (string | string[])[] };
  const indexes = (schema.indexes ?? []).map((index) => (Array.isArray(index) ? `[${index.join('+')}]` : index));
  return { tasks: [schema.primaryKey, ...indexes].join(', ') };
}

async function runRxdb(variant: StoreVariant, name: string, docs: Task[]): Promise<StoreRun> {
  const open = () => createAppDatabase({ name, storage: storageFor(variant) });
  let db = await open();
  const t0 = performance.now();
  const result = await db.tasks.bulkInsert(docs);
  const insertMs = performance.now() - t0;
  if (result.error.length > 0) throw new Error(`RxDB refused ${result.error.length} tasks: ${JSON.stringify(result.error[0]).slice(0, 300)}`);
  let rejectsInvalid: boolean | null = null;
  if (variant !== 'rxdb-no-validation') {
    const invalid = { ...(docs[0] as Task), id: `invalid-${name}`, status: 'finished' } as unknown as Task;
    rejectsInvalid = await db.tasks.insert(invalid).then(
      () => false,
      () => true,
    );
  }
  await db.close();
  db = await open();
  const t1 = performance.now();
  // What the app's liveCollection does on start: every document, as plain objects.
  const all = (await db.tasks.find().exec()).map((doc) => doc.toJSON());
  const readAllMs = performance.now() - t1;
  await db.remove();
  const count = rejectsInvalid === false ? all.length - 1 : all.length;
  return { variant, insertMs, readAllMs, count, rejectsInvalid };
}

async function runDexie(name: string, docs: Task[]): Promise<StoreRun> {
  const open = async () => {
    const db = new Dexie(name);
    db.version(1).stores(dexieStores());
    await db.open();
    return db;
  };
  let db = await open();
  const t0 = performance.now();
  // An explicit transaction resolves once IndexedDB reports it committed, like RxDB's write.
  await db.transaction('rw', db.table('tasks'), () => db.table('tasks').bulkPut(docs));
  const insertMs = performance.now() - t0;
  db.close();
  db = await open();
  const t1 = performance.now();
  const all = await db.table('tasks').toArray();
  const readAllMs = performance.now() - t1;
  db.close();
  await Dexie.delete(name);
  return { variant: 'dexie', insertMs, readAllMs, count: all.length, rejectsInvalid: null };
}

const bench: StoreBench = {
  prepare: (options) => {
    const t0 = performance.now();
    today = options.today;
    portfolio = generateDemoPortfolio({ today, ownerEmail: options.ownerEmail, ownerName: options.ownerName, size: BENCH_SIZE });
    benchTasks = portfolio.tasks.slice(0, options.taskCount);
    return { tasks: benchTasks.length, partners: portfolio.partners.length, generateMs: performance.now() - t0 };
  },

  run: async (variant, runId) => {
    if (benchTasks.length === 0) throw new Error('call prepare() first');
    // Each run gets its own copy (RxDB adds _meta/_rev to what it stores; nothing may leak between runs).
    const docs = structuredClone(benchTasks);
    const name = `bench-${variant}-${runId}`;
    const run = variant === 'dexie' ? await runDexie(name, docs) : await runRxdb(variant, name, docs);
    if (run.count !== docs.length) throw new Error(`${variant}: read back ${run.count} of ${docs.length} tasks`);
    return run;
  },

  // Mirrors useComputedPortfolioOverview + AppDataProvider's grouping (src-renderer/app, db).
  overview: (runs) => {
    if (!portfolio) throw new Error('call prepare() first');
    const { partners, tasks, meetings, deals } = portfolio;
    const plans: Plan[] = [];
    const out: OverviewRun[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      const tasksBy = groupByPartner<Task>(tasks);
      const meetingsBy = groupByPartner<Meeting>(meetings);
      const dealsBy = groupByPartner<Deal>(deals);
      const plansBy = groupByPartner<Plan>(plans);
      const t1 = performance.now();
      const rows = partners.map((partner) => ({
        partner,
        ...partnerOverview({
          partner,
          tasks: tasksBy.get(partner.id) ?? [],
          meetings: meetingsBy.get(partner.id) ?? [],
          deals: dealsBy.get(partner.id) ?? [],
          plans: plansBy.get(partner.id) ?? [],
          today,
        }),
      }));
      const t2 = performance.now();
      todayAgenda(
        rows.map((row) => ({ partnerId: row.partner.id, churned: row.partner.status === 'churned', tasks: tasksBy.get(row.partner.id) ?? [], healthScore: row.health.score })),
        today,
      );
      const t3 = performance.now();
      out.push({ groupMs: t1 - t0, overviewMs: t2 - t1, agendaMs: t3 - t2, totalMs: t3 - t0 });
    }
    return out;
  },
};

(globalThis as unknown as { storeBench?: StoreBench }).storeBench = bench;

// ---- initial sync (protocol 2) beside the app's bulk insert and raw Dexie ----------------------

/** The collections of the benchmark account, in the order loadDemoPortfolio inserts them. */
const SYNC_COLLECTIONS = ['tasks', 'meetings', 'deals', 'trainings', 'surveys', 'partners'] as const satisfies readonly (CollectionName & keyof DemoPortfolio)[];

export type SyncPagePrepared = { documents: number; counts: Record<string, number>; generateMs: number };
export type InsertRun = { ms: number; documents: number };
export type EngineRun = {
  /** startSync() → status$ idle with nothing pending and no initial-sync progress left. */
  idleMs: number;
  /** startSync() → the first partner in the local store / every partner of the account there. */
  firstPartnerMs: number | null;
  allPartnersMs: number | null;
  counts: Record<string, number>;
  /** Distinct status$ texts seen (state, records received, percent), with their times. */
  statusSeen: { atMs: number; state: string; received: number | null; percent: number | null }[];
};
export type SyncPageBench = {
  prepare: (options: { today: string; ownerEmail: string; ownerName: string; size: DemoSize }) => SyncPagePrepared;
  appInsert: (runId: number) => Promise<InsertRun>;
  dexiePut: (runId: number) => Promise<InsertRun>;
  engineSync: (options: { runId: number; serverUrl: string; token: string; user: SyncUser; timeoutMs: number }) => Promise<EngineRun>;
};

let syncDocs: DemoPortfolio | null = null;

const docCount = (p: DemoPortfolio) => SYNC_COLLECTIONS.reduce((sum, name) => sum + p[name].length, 0);

function dexieStoresFor(names: readonly CollectionName[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      const schema = COLLECTION_SCHEMAS[name] as unknown as { primaryKey: string; indexes?: (string | string[])[] };
      const indexes = (schema.indexes ?? []).map((index) => (Array.isArray(index) ? `[${index.join('+')}]` : index));
      return [name, [schema.primaryKey, ...indexes].join(', ')];
    }),
  );
}

const syncPage: SyncPageBench = {
  prepare: (options) => {
    const t0 = performance.now();
    syncDocs = generateDemoPortfolio({ today: options.today, ownerEmail: options.ownerEmail, ownerName: options.ownerName, size: options.size });
    const counts = Object.fromEntries(SYNC_COLLECTIONS.map((name) => [name, syncDocs?.[name].length ?? 0]));
    return { documents: docCount(syncDocs), counts, generateMs: performance.now() - t0 };
  },

  // What loadDemoPortfolio does: one bulkInsert per collection (insertAll), through the app's database.
  appInsert: async (runId) => {
    if (!syncDocs) throw new Error('call prepare() first');
    const docs = structuredClone(syncDocs);
    const db = await createAppDatabase({ name: `bench-sync-insert-${runId}`, storage: appStorage() });
    const t0 = performance.now();
    for (const name of SYNC_COLLECTIONS) await insertAll(db[name] as never, docs[name] as never[]);
    const ms = performance.now() - t0;
    let stored = 0;
    for (const name of SYNC_COLLECTIONS) stored += await db[name].count().exec();
    await db.remove();
    if (stored !== docCount(docs)) throw new Error(`app insert stored ${stored} of ${docCount(docs)}`);
    return { ms, documents: stored };
  },

  // The floor: raw Dexie, one bulkPut per collection in one transaction each, same indexes as the schemas.
  dexiePut: async (runId) => {
    if (!syncDocs) throw new Error('call prepare() first');
    const docs = structuredClone(syncDocs);
    const name = `bench-sync-dexie-${runId}`;
    const db = new Dexie(name);
    db.version(1).stores(dexieStoresFor(SYNC_COLLECTIONS));
    await db.open();
    const t0 = performance.now();
    for (const collection of SYNC_COLLECTIONS) await db.transaction('rw', db.table(collection), () => db.table(collection).bulkPut(docs[collection]));
    const ms = performance.now() - t0;
    let stored = 0;
    for (const collection of SYNC_COLLECTIONS) stored += await db.table(collection).count();
    db.close();
    await Dexie.delete(name);
    return { ms, documents: stored };
  },

  // The app's real engine into an empty database: createAppDatabase + startSync, as useSync does.
  engineSync: async (options) => {
    if (!syncDocs) throw new Error('call prepare() first');
    const expectedPartners = syncDocs.partners.length;
    const db = await createAppDatabase({ name: `bench-sync-engine-${options.runId}`, storage: appStorage(), currentUser: () => options.user.email });
    const statusSeen: EngineRun['statusSeen'] = [];
    let firstPartnerMs: number | null = null;
    let allPartnersMs: number | null = null;
    const t0 = performance.now();
    const partnersSub = db.partners.count().$.subscribe((n) => {
      const at = performance.now() - t0;
      if (n > 0 && firstPartnerMs === null) firstPartnerMs = at;
      if (n >= expectedPartners && allPartnersMs === null) allPartnersMs = at;
    });
    const engine = startSync({ db, serverUrl: options.serverUrl, token: options.token, user: options.user, wakeSignals: null });
    let idleMs: number;
    try {
      idleMs = await new Promise<number>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`engine not idle after ${options.timeoutMs} ms: ${JSON.stringify(statusSeen.at(-1))}`)), options.timeoutMs);
        const sub = engine.status$.subscribe((status) => {
          const at = performance.now() - t0;
          const received = status.initial?.received ?? null;
          const percent = status.initial?.percent ?? null;
          const last = statusSeen.at(-1);
          if (!last || last.state !== status.state || (received !== null && (last.received === null || received - last.received >= 2000)) || (received === null) !== (last.received === null)) {
            statusSeen.push({ atMs: Math.round(at), state: status.state, received, percent });
          }
          if (status.state === 'error' || status.state === 'unauthorized') {
            clearTimeout(timer);
            queueMicrotask(() => sub.unsubscribe());
            fail(new Error(`engine ${status.state}: ${status.error ?? ''}`));
          }
          if (status.state === 'idle' && status.pending === 0 && status.initial === null) {
            clearTimeout(timer);
            queueMicrotask(() => sub.unsubscribe());
            done(at);
          }
        });
      });
    } finally {
      partnersSub.unsubscribe();
      await engine.stop();
    }
    const counts: Record<string, number> = {};
    for (const name of SYNC_COLLECTIONS) counts[name] = await db[name].count().exec();
    await db.remove();
    return { idleMs, firstPartnerMs, allPartnersMs, counts, statusSeen };
  },
};

(globalThis as unknown as { syncPageBench?: SyncPageBench }).syncPageBench = syncPage;
