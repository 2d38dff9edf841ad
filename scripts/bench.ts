/**
 * `npm run bench`: the Partner Desk performance benchmark. Builds nothing of the app itself (the
 * npm script runs `build:web` first), serves out/web, fills a real on-disk IndexedDB store in
 * headless Chromium with the benchmark portfolio (500 partners, 20,000 tasks, 5,000 meetings,
 * 5,000 deals), then the large one (2,000 partners, ~130k documents), and measures what a user
 * waits for, every figure beside a floor measured in the same run (raw IndexedDB reads, a click the
 * app ignores, raw Dexie, the app's bulk insert) so a loaded machine shows in the floor too. Prints
 * one JSON object on stdout; progress and a figure/floor/ratio/target table go to stderr, with the
 * load average before and after. docs/performance.md explains the method and the figures.
 */
import { loadavg } from 'node:os';
import { BENCH_SIZE, DEMO_SIZE, generateDemoPortfolio, LARGE_BENCH_SIZE, QUICK_BENCH_SIZE, type DemoSize } from '../src-shared/demo/demoPortfolio';
import { todayIso } from '../src-shared/domain/ids';
import { serveRenderer } from '../test/e2e/support/browser';
import { QUIET_MS } from './bench/appBench';
import { appFigures, appResults, appSuite, growth, logFigures, logGrowth, ratioOf, type AppRuns, type AppSuiteResult, type AppTargets, type Figure } from './bench/appSuite';
import { buildBenchAssets, firstPage, launchPersistent, serveDir, tempDir } from './bench/browser';
import { machineInfo } from './bench/machine';
import { pdfBench } from './bench/pdfBench';
import type { StoreRun } from './bench/page/main';
import { round, summarize } from './bench/stats';
import { storeBench } from './bench/storeBench';
import { LARGE_SIZE, syncBench, type SyncBenchResult } from './bench/syncBench';

const RUNS = {
  coldOpen: 5,
  cachedOpen: 3,
  searchWords: 5,
  navigationCycles: 7,
  tasksTicked: 5,
  dashboard: 5,
  store: 5,
  storeDiagnostic: 3,
  overview: 5,
  demoGenerate: 3,
};

/** The app scenarios at 500 partners, and at 2,000 (fewer runs: every cold open there takes seconds). */
const APP_RUNS: AppRuns = { coldOpen: RUNS.coldOpen, cachedOpen: RUNS.cachedOpen, searchWords: RUNS.searchWords, navigationCycles: RUNS.navigationCycles, tasksTicked: RUNS.tasksTicked, dashboard: RUNS.dashboard };
const LARGE_APP_RUNS: AppRuns = { coldOpen: 3, cachedOpen: 2, searchWords: 3, navigationCycles: 5, tasksTicked: 3, dashboard: 3 };
/** `--quick`: few runs of everything at 100 partners, about two minutes. */
const QUICK_APP_RUNS: AppRuns = { coldOpen: 3, cachedOpen: 1, searchWords: 1, navigationCycles: 3, tasksTicked: 2, dashboard: 2 };
const QUICK_STORE = { taskCount: 2_000, runs: 3, diagnosticRuns: 1 };

const TARGETS = {
  portfolioOpenMs: 1000,
  /** Cold open ÷ a raw IndexedDB read of every document (issue 13): the first screen must not wait for all the data. */
  portfolioOpenToRawAllRatio: 0.5,
  /** At 2,000 partners / ~130k documents. */
  largePortfolioOpenMs: 1500,
  workspaceOpenMs: 100,
  todayMs: 100,
  searchKeystrokeMs: 50,
  insertRatio: 2,
  dashboardMs: 300,
  rendererMemoryMiB: 600,
  initialSyncMs: 8_000,
  /** Initial sync ÷ the app's own bulk insert of the same documents (issue 10). */
  initialSyncToInsertRatio: 1.5,
  propagationP95Ms: 500,
  demoGenerateMs: 2000,
};

const appTargets = (size: DemoSize): AppTargets => ({
  portfolioOpenMs: size.partners > BENCH_SIZE.partners ? TARGETS.largePortfolioOpenMs : TARGETS.portfolioOpenMs,
  portfolioOpenToRawAllRatio: TARGETS.portfolioOpenToRawAllRatio,
  workspaceOpenMs: TARGETS.workspaceOpenMs,
  todayMs: TARGETS.todayMs,
  searchKeystrokeMs: TARGETS.searchKeystrokeMs,
  dashboardMs: TARGETS.dashboardMs,
  rendererMemoryMiB: TARGETS.rendererMemoryMiB,
});

/** Sync scenario: stream clients held open, partner edits made while they listen. */
const SYNC = { streamClients: 200, edits: 30 };

/** The signed-out profile the app uses (src-renderer/app/useProfile.ts LOCAL_PROFILE). */
const OWNER = { email: 'me@partnerdesk.local', name: 'Partner manager' };
const INSERT_TASKS = 10_000;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function storeStats(runs: StoreRun[]) {
  const of = (variant: StoreRun['variant']) => runs.filter((r) => r.variant === variant);
  const insert = (variant: StoreRun['variant']) => summarize(of(variant).map((r) => r.insertMs));
  const read = (variant: StoreRun['variant']) => summarize(of(variant).map((r) => r.readAllMs));
  for (const run of runs) {
    if (run.rejectsInvalid === false) throw new Error(`${run.variant} accepted an invalid task: its validation is off`);
  }
  return {
    insert: { rxdbApp: insert('rxdb-app'), dexie: insert('dexie'), rxdbStockValidation: insert('rxdb-stock-validation'), rxdbNoValidation: insert('rxdb-no-validation') },
    readAllAfterReopen: { rxdbApp: read('rxdb-app'), dexie: read('dexie'), rxdbStockValidation: read('rxdb-stock-validation'), rxdbNoValidation: read('rxdb-no-validation') },
  };
}

/** The demo generator alone, in Node: what "Load demo portfolio" and the bench seed wait for before writing. */
function demoGenerateMs(size: DemoSize, runs: number) {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    generateDemoPortfolio({ seed: 5, today: todayIso(), size, ownerEmail: OWNER.email, ownerName: OWNER.name });
    times.push(performance.now() - started);
  }
  return summarize(times);
}

const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

function verdict(value: number, target: number, comparison: '<' | '<=', criterion: string) {
  return { target, value, pass: comparison === '<' ? value < target : value <= target, criterion };
}

/** Chromium's version from the browser itself (the user agent is reduced to 156.0.0.0). */
async function chromiumVersion(profileDir: string): Promise<string> {
  const context = await launchPersistent(profileDir);
  const cdp = await context.newCDPSession(await firstPage(context));
  const { product } = await cdp.send('Browser.getVersion');
  await context.close();
  return product.replace(/^(Headless)?Chrome\//, '');
}

async function runSyncBench(appUrl: string, pageUrl: string): Promise<SyncBenchResult> {
  log(`sync: server in its own process${process.env.BENCH_DATABASE_URL ? ' on PostgreSQL (BENCH_DATABASE_URL)' : ' on embedded PGlite'}`);
  // BENCH_SYNC_LARGE=0 skips the ~100,000-document account.
  const largeSize = process.env.BENCH_SYNC_LARGE === '0' ? null : LARGE_SIZE;
  return syncBench({ appUrl, pageUrl, today: todayIso(), ...SYNC, largeSize, log, ...(process.env.BENCH_DATABASE_URL ? { databaseUrl: process.env.BENCH_DATABASE_URL } : {}) });
}

function syncVerdicts(sync: SyncBenchResult) {
  return {
    initialSync: verdict(
      round(sync.initialSync.engine.seconds * 1000),
      TARGETS.initialSyncMs,
      '<',
      'startSync() into an empty database (createAppDatabase, on-disk profile) -> status$ idle with nothing pending',
    ),
    initialSyncToInsert: verdict(sync.initialSync.ratios.engineToAppInsert, TARGETS.initialSyncToInsertRatio, '<=', "initial sync / the app's own bulkInsert of the same documents (loadDemo path), same page, same run"),
    propagation: verdict(
      sync.propagation.editToEveryClientMs.p95,
      TARGETS.propagationP95Ms,
      '<',
      `p95 over ${SYNC.edits} edits of the time from sending the push until all ${SYNC.streamClients} protocol-2 stream clients have parsed the change`,
    ),
  };
}

/** The sync figures beside their floors, for the terminal (the JSON on stdout has them all). */
function logSyncSummary(sync: SyncBenchResult, loadBefore: number[], loadAfter: number[]) {
  const line = (label: string, s: SyncBenchResult['initialSync']) =>
    log(
      `${label} (${s.documents} documents): engine ${s.engine.seconds} s [first partner ${s.engine.firstPartnerMs} ms, all partners ${s.engine.allPartnersMs} ms] | ` +
        `floors: app bulkInsert ${s.appBulkInsert.seconds} s, raw Dexie bulkPut ${s.dexieBulkPut.seconds} s | ` +
        `engine/insert ${s.ratios.engineToAppInsert} (target <= ${TARGETS.initialSyncToInsertRatio}), engine/Dexie ${s.ratios.engineToDexie}, insert/Dexie ${s.ratios.appInsertToDexie}`,
    );
  line(`initial sync (target < ${TARGETS.initialSyncMs / 1000} s)`, sync.initialSync);
  if (sync.large) {
    line('initial sync, large account', sync.large.initialSync);
    log(`growth per document (large / benchmark account): ${JSON.stringify(sync.large.growth)}`);
  }
  log(`push ${sync.pushThroughput.docsPerSecond} documents/s; propagation to ${sync.propagation.streamClients}: p50 ${sync.propagation.editToEveryClientMs.median} ms, p95 ${sync.propagation.editToEveryClientMs.p95} ms (target < ${TARGETS.propagationP95Ms})`);
  log(`load average before ${loadBefore.map((n) => n.toFixed(2)).join(' ')}, after ${loadAfter.map((n) => n.toFixed(2)).join(' ')}`);
}

const loadNow = (): number[] => loadavg().map((n) => Math.round(n * 100) / 100);

/** `npm run bench -- --only=sync`: the sync scenarios alone (about two minutes). */
async function mainSyncOnly(): Promise<void> {
  const started = Date.now();
  const work = await tempDir('partner-desk-bench-');
  const app = await serveRenderer();
  const profile = await tempDir('partner-desk-bench-version-');
  let page: Awaited<ReturnType<typeof serveDir>> | null = null;
  try {
    log('building the bench page');
    const assets = await buildBenchAssets(work.path);
    page = await serveDir(assets.pageDir);
    const chromium = await chromiumVersion(profile.path);
    const loadBefore = loadNow();
    const sync = await runSyncBench(app.url, page.url);
    const loadAfter = loadNow();
    logSyncSummary(sync, loadBefore, loadAfter);
    const output = {
      benchmark: 'partner-desk-sync',
      machine: { ...machineInfo(chromium), loadAverageBefore: loadBefore, loadAverageAfter: loadAfter },
      durationSeconds: Math.round((Date.now() - started) / 1000),
      targets: { initialSyncMs: TARGETS.initialSyncMs, initialSyncToInsertRatio: TARGETS.initialSyncToInsertRatio, propagationP95Ms: TARGETS.propagationP95Ms },
      verdict: syncVerdicts(sync),
      results: { sync },
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    await page?.close();
    await app.close();
    await profile.remove();
    await work.remove();
  }
}

/**
 * `npm run bench -- --only=store [--tasks=N]`: the store insert scenario alone (RxDB as the app
 * configures it, the diagnostic variants and the raw-Dexie floor), N task objects (default
 * 10,000) on real IndexedDB; a minute or two with a small N.
 */
async function mainStoreOnly(taskCount: number): Promise<void> {
  const started = Date.now();
  const work = await tempDir('partner-desk-bench-');
  const storeProfile = await tempDir('partner-desk-bench-store-');
  let page: Awaited<ReturnType<typeof serveDir>> | null = null;
  try {
    log('building the bench page');
    const assets = await buildBenchAssets(work.path);
    page = await serveDir(assets.pageDir);
    const chromium = await chromiumVersion(storeProfile.path);
    const loadBefore = loadNow();
    log(`store: RxDB vs raw Dexie, ${taskCount} tasks`);
    const store = await storeBench(storeProfile.path, page.url, {
      today: todayIso(),
      ownerEmail: OWNER.email,
      ownerName: OWNER.name,
      taskCount,
      runs: RUNS.store,
      diagnosticRuns: RUNS.storeDiagnostic,
      overviewRuns: 0,
    });
    const storeSummary = storeStats(store.runs);
    const output = {
      benchmark: 'partner-desk-store',
      machine: { ...machineInfo(chromium), loadAverageBefore: loadBefore, loadAverageAfter: loadNow() },
      durationSeconds: Math.round((Date.now() - started) / 1000),
      results: {
        insert: {
          what: `${taskCount} task objects: RxDB bulkInsert (createAppDatabase + appStorage) vs raw Dexie bulkPut in one transaction (same indexes), fresh database per run`,
          ratio: ratio(storeSummary.insert.rxdbApp.median, storeSummary.insert.dexie.median),
          ratioWithStockValidation: ratio(storeSummary.insert.rxdbStockValidation.median, storeSummary.insert.dexie.median),
          ratioWithoutValidation: ratio(storeSummary.insert.rxdbNoValidation.median, storeSummary.insert.dexie.median),
          ...storeSummary,
        },
      },
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    await page?.close();
    await Promise.all([work.remove(), storeProfile.remove()]);
  }
}

/** The verdicts of one app size (the targets of issue 13). */
function appVerdicts(run: AppSuiteResult) {
  const r = appResults(run);
  const t = appTargets(run.size);
  const heap = r.rendererMemory.afterInteractions.jsHeapUsedMiB;
  return {
    portfolioOpen: verdict(r.portfolioOpen.interactiveMs.median, t.portfolioOpenMs, '<', 'median of cold starts, navigation start -> interactive'),
    portfolioOpenToRawReadAll: verdict(r.portfolioOpen.toRawReadAll, t.portfolioOpenToRawAllRatio, '<=', 'median cold open / median raw IndexedDB getAll of every store (fresh browser process, same profile, same run)'),
    workspaceOpen: verdict(r.workspaceOpen.toPaint.median, t.workspaceOpenMs, '<', 'median, click -> painted'),
    today: verdict(r.today.toPaint.median, t.todayMs, '<', 'median, click -> painted'),
    searchKeystroke: verdict(
      r.searchKeystroke.toPaint.p95,
      t.searchKeystrokeMs,
      '<',
      'p95 over all keystrokes, keydown -> painted (every search starts on the full table; the median alone would hide that)',
    ),
    dashboard: verdict(r.dashboard.renderMs.median, t.dashboardMs, '<', 'median, click Dashboard -> KPI tiles and 7 charts painted (all KPIs computed); the model card follows, see dashboard.modelReadyMs'),
    rendererMemory: verdict(heap, t.rendererMemoryMiB, '<', 'MiB, JSHeapUsedSize (CDP Performance.getMetrics) of the app page after every interaction, no forced GC'),
  };
}

const loadLine = (before: number[], after: number[]) => `load average (1, 5, 15 min) before ${before.map((n) => n.toFixed(2)).join(' ')}, after ${after.map((n) => n.toFixed(2)).join(' ')}`;

function insertFigure(summary: ReturnType<typeof storeStats>, tasks: number): Figure {
  const value = summary.insert.rxdbApp.median;
  const floor = summary.insert.dexie.median;
  const r = ratioOf(value, floor);
  return { figure: `insert ${tasks} tasks (median)`, value, unit: 'ms', floor, floorWhat: 'raw Dexie bulkPut', ratio: r, target: `ratio <= ${TARGETS.insertRatio}`, pass: r <= TARGETS.insertRatio };
}

function syncFigures(sync: SyncBenchResult): Figure[] {
  const s = sync.initialSync;
  const value = round(s.engine.seconds * 1000);
  return [
    {
      figure: `initial sync ${s.documents} docs`,
      value,
      unit: 'ms',
      floor: round(s.appBulkInsert.seconds * 1000),
      floorWhat: "the app's bulk insert of the same docs",
      ratio: s.ratios.engineToAppInsert,
      target: `< ${TARGETS.initialSyncMs} ms, ratio <= ${TARGETS.initialSyncToInsertRatio}`,
      pass: value < TARGETS.initialSyncMs && s.ratios.engineToAppInsert <= TARGETS.initialSyncToInsertRatio,
    },
    {
      figure: `propagation to ${sync.propagation.streamClients} clients (p95)`,
      value: sync.propagation.editToEveryClientMs.p95,
      unit: 'ms',
      floor: null,
      floorWhat: null,
      ratio: null,
      target: `< ${TARGETS.propagationP95Ms} ms`,
      pass: sync.propagation.editToEveryClientMs.p95 < TARGETS.propagationP95Ms,
    },
  ];
}

function logSummary(title: string, figures: Figure[], loadBefore: number[], loadAfter: number[], grown: ReturnType<typeof growth> | null) {
  log(`=== ${title} ===`);
  logFigures(figures, log);
  if (grown) logGrowth(grown, log);
  log(loadLine(loadBefore, loadAfter));
}

/** The store bench for the insert figure (RxDB as the app configures it beside raw Dexie). */
async function runStore(storeProfile: string, pageUrl: string, o: { taskCount: number; runs: number; diagnosticRuns: number; overviewRuns: number }) {
  log(`store: RxDB vs raw Dexie, ${o.taskCount} tasks`);
  const store = await storeBench(storeProfile, pageUrl, { today: todayIso(), ownerEmail: OWNER.email, ownerName: OWNER.name, ...o });
  return { store, summary: storeStats(store.runs) };
}

function insertResults(store: Awaited<ReturnType<typeof runStore>>, tasks: number) {
  const { summary } = store;
  return {
    what: `${tasks} task objects from generateDemoPortfolio: RxDB bulkInsert (the app's createAppDatabase and appStorage: Dexie storage + precompiled ajv standalone validation, all collections) vs raw Dexie bulkPut in one transaction (same indexes), fresh database per run`,
    ratio: ratioOf(summary.insert.rxdbApp.median, summary.insert.dexie.median),
    ratioWithStockValidation: ratioOf(summary.insert.rxdbStockValidation.median, summary.insert.dexie.median),
    ratioWithoutValidation: ratioOf(summary.insert.rxdbNoValidation.median, summary.insert.dexie.median),
    ...summary,
    generateMs: round(store.store.generateMs),
  };
}

const appMethod = {
  browser: 'headless Chromium (playwright-core), persistent on-disk profile, viewport 1440x900',
  timing: 'performance.now() in the page; interactions from the input event timeStamp to just after the next frame showing the result',
  floors:
    'measured in the same run, interleaved with the figures: the cold open beside raw IndexedDB getAll() of the partners store and of every store (fresh browser process, same profile and origin, no app code); interactions beside a click the app ignores (input -> next frame); insert beside raw Dexie; initial sync beside the app bulk insert',
  interactiveQuietWindowMs: QUIET_MS,
};

async function main(): Promise<void> {
  const started = Date.now();
  const work = await tempDir('partner-desk-bench-');
  const storeProfile = await tempDir('partner-desk-bench-store-');
  const app = await serveRenderer();
  let page: Awaited<ReturnType<typeof serveDir>> | null = null;
  try {
    log('building the bench page and probe');
    const assets = await buildBenchAssets(work.path);
    page = await serveDir(assets.pageDir);

    const chromium = await chromiumVersion(storeProfile.path);
    const loadBefore = loadNow();

    log('demo generator (Node)');
    const demoGenerate = { bench: demoGenerateMs(BENCH_SIZE, RUNS.demoGenerate), demo: demoGenerateMs(DEMO_SIZE, RUNS.demoGenerate) };

    const suite = (size: DemoSize, runs: AppRuns) => appSuite({ size, runs, appUrl: app.url, probeScript: assets.probeScript, today: todayIso(), owner: OWNER, log });
    const bench = await suite(BENCH_SIZE, APP_RUNS);
    // BENCH_LARGE=0 skips the 2,000-partner / ~130k-document portfolio (about five minutes).
    const large = process.env.BENCH_LARGE === '0' ? null : await suite(LARGE_BENCH_SIZE, LARGE_APP_RUNS);

    const store = await runStore(storeProfile.path, page.url, { taskCount: INSERT_TASKS, runs: RUNS.store, diagnosticRuns: RUNS.storeDiagnostic, overviewRuns: RUNS.overview });

    log('PDF export of a business plan');
    const pdfExport = await pdfBench(app.url);

    const sync = await runSyncBench(app.url, page.url);
    const loadAfter = loadNow();
    logSyncSummary(sync, loadBefore, loadAfter);

    const results500 = appResults(bench);
    const grown = large ? growth(bench, large) : null;
    const insert = insertResults(store, INSERT_TASKS);
    const figures = [...appFigures(bench, appTargets(BENCH_SIZE)), ...(large ? appFigures(large, appTargets(LARGE_BENCH_SIZE)) : []), insertFigure(store.summary, INSERT_TASKS), ...syncFigures(sync)];
    logSummary('npm run bench', figures, loadBefore, loadAfter, grown);

    const output = {
      benchmark: 'partner-desk',
      machine: { ...machineInfo(chromium), loadAverageBefore: loadBefore, loadAverageAfter: loadAfter },
      durationSeconds: Math.round((Date.now() - started) / 1000),
      dataset: { ...results500.dataset, large: large ? appResults(large).dataset : null },
      method: { ...appMethod, runs: RUNS, largeRuns: LARGE_APP_RUNS },
      targets: TARGETS,
      verdict: {
        ...appVerdicts(bench),
        insertRatio: verdict(insert.ratio, TARGETS.insertRatio, '<=', 'median RxDB bulkInsert / median raw Dexie bulkPut'),
        pdfExport: pdfExport.verdict,
        demoGenerate: verdict(demoGenerate.bench.median, TARGETS.demoGenerateMs, '<', 'median, generateDemoPortfolio of the benchmark size (500 partners, 20k tasks, 5k meetings, 5k deals) in Node'),
        ...syncVerdicts(sync),
        large: large ? appVerdicts(large) : null,
      },
      summary: figures,
      results: {
        ...results500,
        today: {
          ...results500.today,
          overviewComputeMs: {
            what: 'pure computation the app runs on every data change: group 20k tasks/5k meetings/5k deals by partner, 500 partner overviews, Today agenda',
            total: summarize(store.store.overview.map((r) => r.totalMs)),
            group: summarize(store.store.overview.map((r) => r.groupMs)),
            overviews: summarize(store.store.overview.map((r) => r.overviewMs)),
            agenda: summarize(store.store.overview.map((r) => r.agendaMs)),
          },
        },
        large: large ? appResults(large) : null,
        growth: grown,
        sync,
        demoGenerate: { what: 'generateDemoPortfolio in Node, no store: the benchmark size and the default demo portfolio', ...demoGenerate },
        pdfExport,
        insert,
      },
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    await page?.close();
    await app.close();
    await Promise.all([work.remove(), storeProfile.remove()]);
  }
}

/**
 * `npm run bench -- --only=app [--size=100|500|2000]`: the in-app scenarios alone (seed, cold
 * opens beside raw IndexedDB reads, interactions, memory, dashboard), about three minutes at 500:
 * what a change to the renderer's read path is checked with. `--size=2000` measures the 500-partner
 * portfolio first, in the same run, so each figure's growth from 500 to 2,000 is printed.
 */
async function mainAppOnly(sizes: DemoSize[], title: string, runsFor: (size: DemoSize) => AppRuns, store: typeof QUICK_STORE | null): Promise<void> {
  const started = Date.now();
  const work = await tempDir('partner-desk-bench-');
  const storeProfile = await tempDir('partner-desk-bench-store-');
  const app = await serveRenderer();
  let page: Awaited<ReturnType<typeof serveDir>> | null = null;
  try {
    const assets = await buildBenchAssets(work.path);
    const chromium = await chromiumVersion(storeProfile.path);
    const loadBefore = loadNow();
    const runs: AppSuiteResult[] = [];
    for (const size of sizes) runs.push(await appSuite({ size, runs: runsFor(size), appUrl: app.url, probeScript: assets.probeScript, today: todayIso(), owner: OWNER, log }));
    let insert: { figure: Figure; results: ReturnType<typeof insertResults> } | null = null;
    if (store) {
      page = await serveDir(assets.pageDir);
      const measured = await runStore(storeProfile.path, page.url, { ...store, overviewRuns: 0 });
      insert = { figure: insertFigure(measured.summary, store.taskCount), results: insertResults(measured, store.taskCount) };
    }
    const loadAfter = loadNow();
    const first = runs[0];
    const last = runs[runs.length - 1];
    const grown = first && last && first !== last ? growth(first, last) : null;
    const figures = [...runs.flatMap((run) => appFigures(run, appTargets(run.size))), ...(insert ? [insert.figure] : [])];
    logSummary(title, figures, loadBefore, loadAfter, grown);
    const output = {
      benchmark: 'partner-desk-app',
      machine: { ...machineInfo(chromium), loadAverageBefore: loadBefore, loadAverageAfter: loadAfter },
      durationSeconds: Math.round((Date.now() - started) / 1000),
      method: { ...appMethod, runs: Object.fromEntries(sizes.map((size) => [size.partners, runsFor(size)])) },
      targets: TARGETS,
      verdict: Object.fromEntries(runs.map((run) => [run.size.partners, appVerdicts(run)])),
      summary: figures,
      results: { sizes: runs.map(appResults), growth: grown, insert: insert?.results ?? null },
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    await page?.close();
    await app.close();
    await Promise.all([work.remove(), storeProfile.remove()]);
  }
}

const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const ONLY = ['app', 'sync', 'store', 'deals', 'templates', 'resources'] as const;
if (only !== undefined && !(ONLY as readonly string[]).includes(only)) throw new Error(`unknown --only=${only} (known: ${ONLY.join(', ')})`);
const tasksArg = process.argv.find((arg) => arg.startsWith('--tasks='))?.slice('--tasks='.length);
const storeTasks = tasksArg === undefined ? INSERT_TASKS : Number(tasksArg);
if (!Number.isInteger(storeTasks) || storeTasks < 1) throw new Error(`--tasks must be a positive whole number (got ${tasksArg})`);

/** `npm run bench -- --only=deals`: the deal-registration duplicate pre-check against 5,000 deals, in Node, beside a plain-loop floor. */
const mainDealsOnly = async () => {
  await import('./bench/dealPrecheckBench');
};

/** `npm run bench -- --only=templates`: publishing a template change to 200 partners (preview, apply, store writes) in Node, beside floors. */
const mainTemplatesOnly = async () => {
  const { templatePublishBench } = await import('./bench/templatePublishBench');
  process.stdout.write(`${JSON.stringify(await templatePublishBench(), null, 2)}\n`);
};

/** `npm run bench -- --only=resources`: portfolio open with 200 MB in the laptop's file cache vs an empty cache (the floor). */
const mainResourcesOnly = async () => {
  const { resourceCacheBench } = await import('./bench/resourceCacheBench');
  process.stdout.write(`${JSON.stringify(await resourceCacheBench(), null, 2)}\n`);
};

const SIZES: Record<string, DemoSize[]> = { '100': [QUICK_BENCH_SIZE], '500': [BENCH_SIZE], '2000': [BENCH_SIZE, LARGE_BENCH_SIZE] };
const sizeArg = process.argv.find((arg) => arg.startsWith('--size='))?.slice('--size='.length);
if (sizeArg !== undefined && !(sizeArg in SIZES)) throw new Error(`unknown --size=${sizeArg} (known: ${Object.keys(SIZES).join(', ')})`);
if (sizeArg !== undefined && only !== undefined && only !== 'app') throw new Error('--size applies to the app scenarios (--only=app) and --quick');
const quick = process.argv.includes('--quick');
const appSizes = SIZES[sizeArg ?? '500'] ?? [BENCH_SIZE];
const appRunsFor = (size: DemoSize): AppRuns => (size.partners > BENCH_SIZE.partners ? LARGE_APP_RUNS : APP_RUNS);

/**
 * `npm run bench -- --quick`: about two minutes at 100 partners: every app figure beside its
 * floor with few runs each, and a 2,000-task insert beside raw Dexie. For developers, often.
 */
const mainQuick = () => mainAppOnly(sizeArg === undefined ? [QUICK_BENCH_SIZE] : appSizes, 'npm run bench -- --quick', () => QUICK_APP_RUNS, QUICK_STORE);

const runs = {
  app: () => mainAppOnly(appSizes, `npm run bench -- --only=app${sizeArg ? ` --size=${sizeArg}` : ''}`, appRunsFor, null),
  sync: mainSyncOnly,
  store: () => mainStoreOnly(storeTasks),
  deals: mainDealsOnly,
  templates: mainTemplatesOnly,
  resources: mainResourcesOnly,
} as const;
if (sizeArg !== undefined && only === undefined && !quick) throw new Error('--size goes with --only=app or --quick (the full run measures 500 and 2,000)');
(quick ? mainQuick() : only === undefined ? main() : runs[only as keyof typeof runs]()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
