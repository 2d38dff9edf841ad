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
import { BENCH_SIZE, generateDemoPortfolio, type DemoPortfolio } from '../../../src-shared/demo/demoPortfolio';
import { partnerOverview, todayAgenda } from '../../../src-shared/domain/partnerOverview';
import { type Deal, type Meeting, type Plan, type Task } from '../../../src-shared/domain/types';
import { COLLECTION_SCHEMAS } from '../../../src-shared/schemas/collectionSchemas';
import { groupByPartner } from '../../../src-shared/util/groupByPartner';
import { createAppDatabase } from '../../../src-renderer/db/appDatabase';
import { appStorage } from '../../../src-renderer/db/appStorage';


/**
 * - rxdb-app: the app's database and storage as they are (createAppDatabase, appStorage: Dexie +
 *   z-schema validation with each schema compiled once);
 * - rxdb-stock-validation: the same with RxDB's stock z-schema plugin, which compiles and checks
 *   the whole schema again for every document (what the app used before; docs/performance.md);
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
