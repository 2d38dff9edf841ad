/**
 * `npm run bench`: the Partner Desk performance benchmark. Builds nothing of the app itself (the
 * npm script runs `build:web` first), serves out/web, fills a real on-disk IndexedDB store in
 * headless Chromium with the benchmark portfolio (500 partners, 20,000 tasks, 5,000 meetings,
 * 5,000 deals) and measures what a user waits for. Prints one JSON object on stdout; progress
 * goes to stderr. docs/performance.md explains the method and the figures.
 */
import { loadavg } from 'node:os';
import { BENCH_SIZE, DEMO_SIZE, generateDemoPortfolio, type DemoSize } from '../src-shared/demo/demoPortfolio';
import { todayIso } from '../src-shared/domain/ids';
import { serveRenderer } from '../test/e2e/support/browser';
import { cachedPortfolioOpen, coldPortfolioOpen, interactions, QUIET_MS, seedPortfolio, type InteractionResults, type PortfolioOpenRun } from './bench/appBench';
import { buildBenchAssets, firstPage, launchPersistent, serveDir, tempDir } from './bench/browser';
import { machineInfo } from './bench/machine';
import { pdfBench } from './bench/pdfBench';
import type { StoreRun } from './bench/page/main';
import { medianOf, round, summarize } from './bench/stats';
import { storeBench } from './bench/storeBench';
import { dashboardBench } from './bench/dashboardBench';
import { LARGE_SIZE, syncBench, type SyncBenchResult } from './bench/syncBench';
import { shownByDefault } from './bench/search';

const RUNS = {
  coldOpen: 5,
  cachedOpen: 3,
  searchWords: 5,
  navigationCycles: 7,
  tasksTicked: 5,
  store: 5,
  storeDiagnostic: 3,
  overview: 5,
  demoGenerate: 3,
};

const TARGETS = {
  portfolioOpenMs: 1000,
  workspaceOpenMs: 100,
  todayMs: 100,
  searchKeystrokeMs: 50,
  insertRatio: 2,
  dashboardMs: 300,
  initialSyncMs: 8_000,
  /** Initial sync ÷ the app's own bulk insert of the same documents (issue 10). */
  initialSyncToInsertRatio: 1.5,
  propagationP95Ms: 500,
  demoGenerateMs: 2000,
};

/** Sync scenario: stream clients held open, partner edits made while they listen. */
const SYNC = { streamClients: 200, edits: 30 };

/** The signed-out profile the app uses (src-renderer/app/useProfile.ts LOCAL_PROFILE). */
const OWNER = { email: 'me@partnerdesk.local', name: 'Partner manager' };
const INSERT_TASKS = 10_000;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function openBreakdown(runs: PortfolioOpenRun[]) {
  return {
    responseEnd: medianOf(runs, (r) => r.responseEnd),
    domContentLoaded: medianOf(runs, (r) => r.domContentLoaded),
    storeOpen: medianOf(runs, (r) => r.storeOpen),
    dataReady: medianOf(runs, (r) => r.renderTask?.start ?? null),
    rowsInDom: medianOf(runs, (r) => r.rowsInDom),
    rowsPainted: medianOf(runs, (r) => r.rowsPainted),
    interactive: medianOf(runs, (r) => r.interactive),
    longestTaskMs: medianOf(runs, (r) => Math.max(0, ...r.longTasks.map((t) => t.end - t.start))),
    renderTaskMs: medianOf(runs, (r) => (r.renderTask ? r.renderTask.end - r.renderTask.start : null)),
  };
}

function openRun(run: PortfolioOpenRun) {
  return {
    domContentLoaded: round(run.domContentLoaded),
    storeOpen: run.storeOpen === null ? null : round(run.storeOpen),
    dataReady: run.renderTask ? round(run.renderTask.start) : null,
    rowsInDom: round(run.rowsInDom),
    rowsPainted: round(run.rowsPainted),
    interactive: round(run.interactive),
    longTasks: run.longTasks.length,
    longestTaskMs: round(Math.max(0, ...run.longTasks.map((t) => t.end - t.start))),
    renderTaskMs: run.renderTask ? round(run.renderTask.end - run.renderTask.start) : null,
  };
}

function interactionStats(results: { toPaintMs: number; toDomMs: number; longTasks: { start: number; end: number }[] }[]) {
  return {
    toPaint: summarize(results.map((r) => r.toPaintMs)),
    toDom: summarize(results.map((r) => r.toDomMs)),
    longestTaskMs: summarize(results.map((r) => Math.max(0, ...r.longTasks.map((t) => t.end - t.start)))),
  };
}

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

async function main(): Promise<void> {
  const started = Date.now();
  const work = await tempDir('partner-desk-bench-');
  const profile = await tempDir('partner-desk-bench-profile-');
  const storeProfile = await tempDir('partner-desk-bench-store-');
  const app = await serveRenderer();
  let page: Awaited<ReturnType<typeof serveDir>> | null = null;
  try {
    log('building the bench page and probe');
    const assets = await buildBenchAssets(work.path);
    page = await serveDir(assets.pageDir);

    const chromium = await chromiumVersion(storeProfile.path);
    const loadBefore = loadavg()[0] ?? 0;

    log('demo generator (Node)');
    const demoGenerate = { bench: demoGenerateMs(BENCH_SIZE, RUNS.demoGenerate), demo: demoGenerateMs(DEMO_SIZE, RUNS.demoGenerate) };

    log(`seeding the store: ${JSON.stringify(BENCH_SIZE)}`);
    const seed = await seedPortfolio(profile.path, app.url, BENCH_SIZE);
    // What the portfolio lists with no filter: churned partners are hidden by default.
    const shownPartners = shownByDefault(seed.partners);
    const partnerCount = shownPartners.length;
    log(`seeded in ${seed.loadDemoMs} ms: ${JSON.stringify(seed.counts)}`);
    if (seed.counts.partners !== 500 || seed.counts.tasks !== 20_000 || seed.counts.meetings !== 5_000 || seed.counts.deals !== 5_000) {
      throw new Error(`store does not hold the benchmark portfolio: ${JSON.stringify(seed.counts)}`);
    }

    log('first open after the import (reported apart)');
    const firstOpen = await coldPortfolioOpen(profile.path, app.url, assets.probeScript, partnerCount);
    const cold: PortfolioOpenRun[] = [];
    for (let i = 0; i < RUNS.coldOpen; i += 1) {
      cold.push(await coldPortfolioOpen(profile.path, app.url, assets.probeScript, partnerCount));
      log(`cold open ${i + 1}: rows painted ${round(cold[i]?.rowsPainted ?? 0)} ms, interactive ${round(cold[i]?.interactive ?? 0)} ms`);
    }
    await cachedPortfolioOpen(profile.path, app.url, assets.probeScript, partnerCount); // fills the HTTP and code caches
    const cached: PortfolioOpenRun[] = [];
    for (let i = 0; i < RUNS.cachedOpen; i += 1) cached.push(await cachedPortfolioOpen(profile.path, app.url, assets.probeScript, partnerCount));
    log(`cached open: interactive ${summarize(cached.map((r) => r.interactive)).median} ms (median)`);

    log('interactions');
    const ui: InteractionResults = await interactions(profile.path, app.url, assets.probeScript, shownPartners, {
      searchRuns: RUNS.searchWords,
      navigationRuns: RUNS.navigationCycles,
      taskRuns: RUNS.tasksTicked,
    });

    log('store: RxDB vs raw Dexie');
    const store = await storeBench(storeProfile.path, page.url, {
      today: todayIso(),
      ownerEmail: OWNER.email,
      ownerName: OWNER.name,
      taskCount: INSERT_TASKS,
      runs: RUNS.store,
      diagnosticRuns: RUNS.storeDiagnostic,
      overviewRuns: RUNS.overview,
    });
    const storeSummary = storeStats(store.runs);

    log('PDF export of a business plan');
    const pdfExport = await pdfBench(app.url);

    log('program dashboard: KPIs, charts and the at-risk model');
    const dashboard = await dashboardBench(profile.path, app.url, { today: todayIso(), runs: 5, owner: OWNER });

    const sync = await runSyncBench(app.url, page.url);
    logSyncSummary(sync, [loadBefore], loadNow());

    const portfolioOpen = summarize(cold.map((r) => r.interactive));
    const workspace = interactionStats(ui.workspace);
    const today = interactionStats(ui.today);
    const todayAfterTaskDone = interactionStats(ui.taskDoneOnToday);
    const keystrokes = interactionStats(ui.keystrokes);
    const insertRatio = ratio(storeSummary.insert.rxdbApp.median, storeSummary.insert.dexie.median);
    const machine = { ...machineInfo(chromium), loadAverage1mBefore: Math.round(loadBefore * 100) / 100 };

    const output = {
      benchmark: 'partner-desk',
      machine,
      durationSeconds: Math.round((Date.now() - started) / 1000),
      dataset: { size: BENCH_SIZE, stored: seed.counts, loadDemoMs: seed.loadDemoMs },
      method: {
        browser: 'headless Chromium (playwright-core), persistent on-disk profile, viewport 1440x900',
        timing: 'performance.now() in the page; interactions from the input event timeStamp to just after the next frame showing the result',
        interactiveQuietWindowMs: QUIET_MS,
        runs: RUNS,
      },
      targets: TARGETS,
      verdict: {
        portfolioOpen: verdict(portfolioOpen.median, TARGETS.portfolioOpenMs, '<', 'median of cold starts, navigation start -> interactive'),
        workspaceOpen: verdict(workspace.toPaint.median, TARGETS.workspaceOpenMs, '<', 'median, click -> painted'),
        today: verdict(today.toPaint.median, TARGETS.todayMs, '<', 'median, click -> painted'),
        searchKeystroke: verdict(
          keystrokes.toPaint.p95,
          TARGETS.searchKeystrokeMs,
          '<',
          'p95 over all keystrokes, keydown -> painted (every search starts on the full table; the median alone would hide that)',
        ),
        insertRatio: verdict(insertRatio, TARGETS.insertRatio, '<=', 'median RxDB bulkInsert / median raw Dexie bulkPut'),
        pdfExport: pdfExport.verdict,
        dashboard: verdict(dashboard.renderMs.median, TARGETS.dashboardMs, '<', 'median, click Dashboard -> KPI tiles and 7 charts painted (all KPIs computed); the model card follows, see results.dashboard.modelReadyMs'),
        demoGenerate: verdict(demoGenerate.bench.median, TARGETS.demoGenerateMs, '<', 'median, generateDemoPortfolio of the benchmark size (500 partners, 20k tasks, 5k meetings, 5k deals) in Node'),
        ...syncVerdicts(sync),
      },
      results: {
        sync,
        demoGenerate: { what: 'generateDemoPortfolio in Node, no store: the benchmark size and the default demo portfolio', ...demoGenerate },
        pdfExport,
        dashboard: { what: '500-partner program dashboard: pure KPI + chart + risk-model computation (Node), and click -> rendered in Chromium', ...dashboard },
        portfolioOpen: {
          what: 'cold start (new browser process, HTTP cache off) of #/portfolio: navigation start -> rows painted and no long task for the quiet window',
          interactiveMs: portfolioOpen,
          rowsPaintedMs: summarize(cold.map((r) => r.rowsPainted)),
          breakdownMedianMs: openBreakdown(cold),
          runs: cold.map(openRun),
          firstOpenAfterImport: openRun(firstOpen),
          cachedStart: {
            what: 'new browser process with HTTP and V8 code cache on (the desktop app caches code for app://), IndexedDB cold',
            interactiveMs: summarize(cached.map((r) => r.interactive)),
            breakdownMedianMs: openBreakdown(cached),
          },
        },
        workspaceOpen: { what: 'click a portfolio row -> partner workspace with its next steps painted', ...workspace, partners: ui.workspace.map((r) => r.partner) },
        today: {
          what: 'click Today in the navigation (from a partner workspace) -> agenda painted',
          ...today,
          afterTaskDone: { what: 'tick off the most overdue task on Today -> agenda recomputed and painted', ...todayAfterTaskDone },
          overviewComputeMs: {
            what: 'pure computation the app runs on every data change: group 20k tasks/5k meetings/5k deals by partner, 500 partner overviews, Today agenda',
            total: summarize(store.overview.map((r) => r.totalMs)),
            group: summarize(store.overview.map((r) => r.groupMs)),
            overviews: summarize(store.overview.map((r) => r.overviewMs)),
            agenda: summarize(store.overview.map((r) => r.agendaMs)),
          },
        },
        searchKeystroke: {
          what: `type "${ui.searchQuery}" letter by letter in "Search partners", then delete it: keydown -> filtered table painted`,
          ...keystrokes,
          typing: summarize(ui.keystrokes.filter((k) => k.kind === 'type').map((k) => k.toPaintMs)),
          deleting: summarize(ui.keystrokes.filter((k) => k.kind === 'delete').map((k) => k.toPaintMs)),
          perPrefixMedianMs: Object.fromEntries(
            [...new Set(ui.keystrokes.map((k) => `${k.kind}:${k.query || '(empty)'}`))].map((key) => {
              const matching = ui.keystrokes.filter((k) => `${k.kind}:${k.query || '(empty)'}` === key);
              return [`${key} (${matching[0]?.rows ?? 0} rows)`, summarize(matching.map((k) => k.toPaintMs)).median];
            }),
          ),
        },
        portfolioInApp: { what: 'click Portfolio in the navigation (from Today) -> 500 rows painted', ...interactionStats(ui.portfolioInApp) },
        insert: {
          what: `${INSERT_TASKS} task objects from generateDemoPortfolio: RxDB bulkInsert (the app's createAppDatabase and appStorage: Dexie storage + precompiled ajv standalone validation, all collections) vs raw Dexie bulkPut in one transaction (same indexes), fresh database per run`,
          ratio: insertRatio,
          ratioWithStockValidation: ratio(storeSummary.insert.rxdbStockValidation.median, storeSummary.insert.dexie.median),
          ratioWithoutValidation: ratio(storeSummary.insert.rxdbNoValidation.median, storeSummary.insert.dexie.median),
          ...storeSummary,
          generateMs: round(store.generateMs),
        },
      },
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    await page?.close();
    await app.close();
    await Promise.all([work.remove(), profile.remove(), storeProfile.remove()]);
  }
}

/**
 * `npm run bench -- --only=app`: the in-app scenarios alone (seed, cold opens, interactions,
 * dashboard), about three minutes: what a change to the renderer's read path is checked with.
 */
async function mainAppOnly(): Promise<void> {
  const started = Date.now();
  const work = await tempDir('partner-desk-bench-');
  const profile = await tempDir('partner-desk-bench-profile-');
  const app = await serveRenderer();
  try {
    const assets = await buildBenchAssets(work.path);
    const loadBefore = loadNow();
    log(`seeding the store: ${JSON.stringify(BENCH_SIZE)}`);
    const seed = await seedPortfolio(profile.path, app.url, BENCH_SIZE);
    const shownPartners = shownByDefault(seed.partners);
    await coldPortfolioOpen(profile.path, app.url, assets.probeScript, shownPartners.length);
    const cold: PortfolioOpenRun[] = [];
    for (let i = 0; i < RUNS.coldOpen; i += 1) {
      cold.push(await coldPortfolioOpen(profile.path, app.url, assets.probeScript, shownPartners.length));
      log(`cold open ${i + 1}: rows painted ${round(cold[i]?.rowsPainted ?? 0)} ms, interactive ${round(cold[i]?.interactive ?? 0)} ms`);
    }
    const ui: InteractionResults = await interactions(profile.path, app.url, assets.probeScript, shownPartners, {
      searchRuns: RUNS.searchWords,
      navigationRuns: RUNS.navigationCycles,
      taskRuns: RUNS.tasksTicked,
    });
    const dashboard = await dashboardBench(profile.path, app.url, { today: todayIso(), runs: 5, owner: OWNER });
    const keystrokes = interactionStats(ui.keystrokes);
    const output = {
      benchmark: 'partner-desk-app',
      machine: { loadAverageBefore: loadBefore, loadAverageAfter: loadNow() },
      durationSeconds: Math.round((Date.now() - started) / 1000),
      results: {
        portfolioOpen: { interactiveMs: summarize(cold.map((r) => r.interactive)), breakdownMedianMs: openBreakdown(cold) },
        workspaceOpen: interactionStats(ui.workspace).toPaint,
        today: interactionStats(ui.today).toPaint,
        todayAfterTaskDone: interactionStats(ui.taskDoneOnToday).toPaint,
        searchKeystroke: keystrokes.toPaint,
        dashboardMs: dashboard.renderMs,
      },
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    await app.close();
    await Promise.all([work.remove(), profile.remove()]);
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

const runs = { app: mainAppOnly, sync: mainSyncOnly, store: () => mainStoreOnly(storeTasks), deals: mainDealsOnly, templates: mainTemplatesOnly, resources: mainResourcesOnly } as const;
(only === undefined ? main() : runs[only as keyof typeof runs]()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
