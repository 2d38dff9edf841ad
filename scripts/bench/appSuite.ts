/**
 * The in-app figures at one portfolio size, each beside its floor measured in the same run:
 * seed a fresh on-disk profile through the app's `loadDemo(size)`, then, interleaved so the
 * machine's noise hits both alike, cold opens of the Portfolio and raw IndexedDB reads of the
 * same stores (the partners store; every store); cached opens; the interactions (beside a click
 * the app does nothing with); renderer memory; the dashboard.
 */
import type { DemoSize } from '../../src-shared/demo/demoPortfolio';
import { cachedPortfolioOpen, coldPortfolioOpen, interactions, rawReadFloor, seedPortfolio, type InteractionResults, type PortfolioOpenRun } from './appBench';
import { tempDir } from './browser';
import { dashboardBench, type DashboardBench } from './dashboardBench';
import type { RawReadReport } from './probe';
import { shownByDefault } from './search';
import { medianOf, round, summarize, type Summary } from './stats';

export type AppRuns = { coldOpen: number; cachedOpen: number; searchWords: number; navigationCycles: number; tasksTicked: number; dashboard: number };

export type AppSuiteResult = {
  size: DemoSize;
  seed: { loadDemoMs: number; counts: Record<string, number>; documents: number; shownPartners: number };
  firstOpen: PortfolioOpenRun;
  cold: PortfolioOpenRun[];
  cached: PortfolioOpenRun[];
  floors: { partners: RawReadReport[]; all: RawReadReport[] };
  ui: InteractionResults;
  dashboard: DashboardBench;
  seconds: number;
};

export async function appSuite(options: {
  size: DemoSize;
  runs: AppRuns;
  appUrl: string;
  probeScript: string;
  today: string;
  owner: { email: string; name: string };
  log: (message: string) => void;
}): Promise<AppSuiteResult> {
  const { size, runs, appUrl, probeScript, log } = options;
  const started = Date.now();
  const profile = await tempDir('partner-desk-bench-profile-');
  try {
    log(`[${size.partners}] seeding the store: ${JSON.stringify(size)}`);
    const seed = await seedPortfolio(profile.path, appUrl, size);
    const counts = seed.counts;
    if (counts.partners !== size.partners || counts.tasks !== size.totalTasks || counts.meetings !== size.meetings || counts.deals !== size.deals) {
      throw new Error(`store does not hold the ${size.partners}-partner portfolio: ${JSON.stringify(counts)}`);
    }
    const documents = Object.values(counts).reduce((n, c) => n + c, 0);
    // What the portfolio lists with no filter: churned partners are hidden by default.
    const shown = shownByDefault(seed.partners);
    log(`[${size.partners}] seeded ${documents} documents in ${seed.loadDemoMs} ms: ${JSON.stringify(counts)}`);

    const firstOpen = await coldPortfolioOpen(profile.path, appUrl, probeScript, shown.length);
    const cold: PortfolioOpenRun[] = [];
    const floors: AppSuiteResult['floors'] = { partners: [], all: [] };
    for (let i = 0; i < runs.coldOpen; i += 1) {
      floors.partners.push(await rawReadFloor(profile.path, appUrl, probeScript, 'partners'));
      const run = await coldPortfolioOpen(profile.path, appUrl, probeScript, shown.length);
      cold.push(run);
      floors.all.push(await rawReadFloor(profile.path, appUrl, probeScript, 'all'));
      log(
        `[${size.partners}] cold open ${i + 1}: interactive ${round(run.interactive)} ms | raw read: partners ${round(floors.partners[i]?.totalMs ?? 0)} ms, ` +
          `all ${floors.all[i]?.documents ?? 0} documents ${round(floors.all[i]?.totalMs ?? 0)} ms`,
      );
    }
    const readAll = floors.all[0]?.documents ?? 0;
    if (readAll < documents) throw new Error(`the raw read saw ${readAll} documents, the store holds ${documents}`);

    await cachedPortfolioOpen(profile.path, appUrl, probeScript, shown.length); // fills the HTTP and code caches
    const cached: PortfolioOpenRun[] = [];
    for (let i = 0; i < runs.cachedOpen; i += 1) cached.push(await cachedPortfolioOpen(profile.path, appUrl, probeScript, shown.length));

    log(`[${size.partners}] interactions`);
    const ui = await interactions(profile.path, appUrl, probeScript, shown, { searchRuns: runs.searchWords, navigationRuns: runs.navigationCycles, taskRuns: runs.tasksTicked });
    log(`[${size.partners}] dashboard`);
    const dashboard = await dashboardBench(profile.path, appUrl, { today: options.today, runs: runs.dashboard, owner: options.owner, size });
    return { size, seed: { loadDemoMs: seed.loadDemoMs, counts, documents, shownPartners: shown.length }, firstOpen, cold, cached, floors, ui, dashboard, seconds: Math.round((Date.now() - started) / 1000) };
  } finally {
    await profile.remove();
  }
}

// ---------------------------------------------------------------------------------------------
// Figures: value, floor, ratio, target

export type AppTargets = {
  portfolioOpenMs: number;
  /** Cold open ÷ the raw read of every document. */
  portfolioOpenToRawAllRatio: number;
  workspaceOpenMs: number;
  todayMs: number;
  searchKeystrokeMs: number;
  dashboardMs: number;
  rendererMemoryMiB: number;
};

/** One line of the summary table; `floor`/`ratio` null where the figure has none. */
export type Figure = {
  figure: string;
  value: number;
  unit: 'ms' | 'MiB' | 'x';
  floor: number | null;
  floorWhat: string | null;
  ratio: number | null;
  target: string;
  pass: boolean | null;
};

export const ratioOf = (a: number, b: number): number => (b > 0 ? Math.round((a / b) * 100) / 100 : Number.NaN);

function interactionStats(results: { toPaintMs: number; toDomMs: number; longTasks: { start: number; end: number }[] }[]) {
  return {
    toPaint: summarize(results.map((r) => r.toPaintMs)),
    toDom: summarize(results.map((r) => r.toDomMs)),
    longestTaskMs: summarize(results.map((r) => Math.max(0, ...r.longTasks.map((t) => t.end - t.start)))),
  };
}

function openBreakdown(runs: PortfolioOpenRun[]) {
  return {
    responseEnd: medianOf(runs, (r) => r.responseEnd),
    domContentLoaded: medianOf(runs, (r) => r.domContentLoaded),
    storeOpen: medianOf(runs, (r) => r.storeOpen),
    dataReady: medianOf(runs, (r) => r.renderTask?.start ?? null),
    rowsInDom: medianOf(runs, (r) => r.rowsInDom),
    rowsPainted: medianOf(runs, (r) => r.rowsPainted),
    recordsIn: medianOf(runs, (r) => r.recordsIn),
    interactive: medianOf(runs, (r) => r.interactive),
    longestTaskMs: medianOf(runs, (r) => Math.max(0, ...r.longTasks.map((t) => t.end - t.start))),
    longestTaskAfterPaintMs: medianOf(runs, (r) => r.longestTaskAfterPaint),
    blockingAfterPaintMs: medianOf(runs, (r) => r.blockingAfterPaint),
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
    recordsIn: round(run.recordsIn),
    interactive: round(run.interactive),
    longTasks: run.longTasks.length,
    longestTaskMs: round(Math.max(0, ...run.longTasks.map((t) => t.end - t.start))),
    longestTaskAfterPaintMs: round(run.longestTaskAfterPaint),
    blockingAfterPaintMs: round(run.blockingAfterPaint),
    renderTaskMs: run.renderTask ? round(run.renderTask.end - run.renderTask.start) : null,
  };
}

const floorSummary = (reports: RawReadReport[]) => ({
  totalMs: summarize(reports.map((r) => r.totalMs)),
  openMs: summarize(reports.map((r) => r.openMs)),
  documents: reports[0]?.documents ?? 0,
  databases: reports[0]?.databases ?? [],
});

/** The JSON of one size: every figure with its floor, the breakdowns, and the per-run detail. */
export function appResults(run: AppSuiteResult) {
  const { ui } = run;
  const frame = interactionStats(ui.frameFloor);
  const keystrokes = interactionStats(ui.keystrokes);
  const portfolioOpen = summarize(run.cold.map((r) => r.interactive));
  const rawAll = floorSummary(run.floors.all);
  const rawPartners = floorSummary(run.floors.partners);
  return {
    dataset: { size: run.size, stored: run.seed.counts, documents: run.seed.documents, shownPartners: run.seed.shownPartners, loadDemoMs: run.seed.loadDemoMs },
    seconds: run.seconds,
    floors: {
      rawReadPartners: {
        what: "fresh browser process on the same profile and origin, a blank page (no app code): indexedDB.open of the RxDB Dexie partners database + getAll() of its docs store (what the first screen needs)",
        ...rawPartners,
      },
      rawReadAll: { what: 'the same, every RxDB Dexie database of the app and getAll() of every store in it (all documents), in parallel', ...rawAll },
      frame: { what: 'click on the Portfolio heading, which the app does nothing with: input event -> just after the next frame (the probe and the frame alone)', ...frame },
    },
    portfolioOpen: {
      what: 'cold start (new browser process, HTTP cache off) of #/portfolio: navigation start -> rows painted, then the end of the last long task before the first quiet window (TTI-style; later long tasks are in longestTaskAfterPaint)',
      interactiveMs: portfolioOpen,
      rowsPaintedMs: summarize(run.cold.map((r) => r.rowsPainted)),
      recordsInMs: summarize(run.cold.map((r) => r.recordsIn)),
      longestTaskAfterPaintMs: summarize(run.cold.map((r) => r.longestTaskAfterPaint)),
      toRawReadAll: ratioOf(portfolioOpen.median, rawAll.totalMs.median),
      toRawReadPartners: ratioOf(portfolioOpen.median, rawPartners.totalMs.median),
      breakdownMedianMs: openBreakdown(run.cold),
      runs: run.cold.map(openRun),
      firstOpenAfterImport: openRun(run.firstOpen),
      cachedStart: {
        what: 'new browser process with HTTP and V8 code cache on (the desktop app caches code for app://), IndexedDB cold',
        interactiveMs: summarize(run.cached.map((r) => r.interactive)),
        breakdownMedianMs: openBreakdown(run.cached),
      },
    },
    workspaceOpen: { what: 'click a portfolio row -> partner workspace with its next steps painted', ...interactionStats(ui.workspace), partners: ui.workspace.map((r) => r.partner) },
    today: {
      what: 'click Today in the navigation (from a partner workspace) -> agenda painted',
      ...interactionStats(ui.today),
      afterTaskDone: { what: 'tick off the most overdue task on Today -> agenda recomputed and painted', ...interactionStats(ui.taskDoneOnToday) },
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
    portfolioInApp: { what: `click Portfolio in the navigation (from Today) -> ${run.seed.shownPartners} rows painted`, ...interactionStats(ui.portfolioInApp) },
    dashboard: { what: `${run.size.partners}-partner program dashboard: pure KPI + chart + risk-model computation (Node), and click -> rendered in Chromium`, ...run.dashboard },
    rendererMemory: {
      what: 'V8 heap of the app page from CDP Performance.getMetrics (JSHeapUsedSize; measureUserAgentSpecificMemory needs cross-origin isolation, which the page has not), beside the RSS of its renderer process from /proc (the largest renderer of that browser)',
      ...ui.memory,
    },
  };
}

const median = (s: Summary) => s.median;

/** The summary table's lines for one size. */
export function appFigures(run: AppSuiteResult, targets: AppTargets): Figure[] {
  const r = appResults(run);
  const frame = median(r.floors.frame.toPaint);
  const rawAll = median(r.floors.rawReadAll.totalMs);
  const rawPartners = median(r.floors.rawReadPartners.totalMs);
  const open = median(r.portfolioOpen.interactiveMs);
  const tag = `[${run.size.partners}] `;
  const onFrame = (figure: string, value: number, target: number | null): Figure => ({
    figure: tag + figure,
    value,
    unit: 'ms',
    floor: frame,
    floorWhat: 'click -> next frame',
    ratio: ratioOf(value, frame),
    target: target === null ? '-' : `< ${target} ms`,
    pass: target === null ? null : value < target,
  });
  const heap = r.rendererMemory.afterInteractions.jsHeapUsedMiB;
  return [
    {
      figure: `${tag}cold open -> interactive (median)`,
      value: open,
      unit: 'ms',
      floor: rawAll,
      floorWhat: `raw IndexedDB read, all ${r.floors.rawReadAll.documents} docs`,
      ratio: r.portfolioOpen.toRawReadAll,
      target: `< ${targets.portfolioOpenMs} ms, ratio <= ${targets.portfolioOpenToRawAllRatio}`,
      pass: open < targets.portfolioOpenMs && r.portfolioOpen.toRawReadAll <= targets.portfolioOpenToRawAllRatio,
    },
    {
      figure: `${tag}cold open -> rows painted (median)`,
      value: median(r.portfolioOpen.rowsPaintedMs),
      unit: 'ms',
      floor: rawPartners,
      floorWhat: `raw IndexedDB read, ${r.floors.rawReadPartners.documents} partners`,
      ratio: ratioOf(median(r.portfolioOpen.rowsPaintedMs), rawPartners),
      target: '-',
      pass: null,
    },
    {
      figure: `${tag}cold open -> every record shown (median)`,
      value: median(r.portfolioOpen.recordsInMs),
      unit: 'ms',
      floor: rawAll,
      floorWhat: `raw IndexedDB read, all ${r.floors.rawReadAll.documents} docs`,
      ratio: ratioOf(median(r.portfolioOpen.recordsInMs), rawAll),
      target: '-',
      pass: null,
    },
    {
      // How long a click could wait while the records stream in behind the painted rows.
      figure: `${tag}cold open: longest task after rows painted (median)`,
      value: median(r.portfolioOpen.longestTaskAfterPaintMs),
      unit: 'ms',
      floor: frame,
      floorWhat: 'click -> next frame',
      ratio: ratioOf(median(r.portfolioOpen.longestTaskAfterPaintMs), frame),
      target: '-',
      pass: null,
    },
    {
      figure: `${tag}cold open, beside the partners read`,
      value: open,
      unit: 'ms',
      floor: rawPartners,
      floorWhat: `raw IndexedDB read, ${r.floors.rawReadPartners.documents} partners`,
      ratio: r.portfolioOpen.toRawReadPartners,
      target: '-',
      pass: null,
    },
    { ...onFrame('cached open -> interactive (median)', median(r.portfolioOpen.cachedStart.interactiveMs), null), floor: rawAll, floorWhat: 'raw IndexedDB read, all docs', ratio: ratioOf(median(r.portfolioOpen.cachedStart.interactiveMs), rawAll) },
    onFrame('workspace open (median)', median(r.workspaceOpen.toPaint), targets.workspaceOpenMs),
    onFrame('Today (median)', median(r.today.toPaint), targets.todayMs),
    onFrame('Today after a task ticked (median)', median(r.today.afterTaskDone.toPaint), null),
    onFrame('search keystroke (p95)', r.searchKeystroke.toPaint.p95, targets.searchKeystrokeMs),
    onFrame('Portfolio in app (median)', median(r.portfolioInApp.toPaint), null),
    onFrame('dashboard (median)', median(r.dashboard.renderMs), targets.dashboardMs),
    {
      figure: `${tag}renderer JS heap used after interactions`,
      value: heap,
      unit: 'MiB',
      floor: null,
      floorWhat: `renderer RSS ${r.rendererMemory.afterInteractions.rendererRssMiB ?? 'n/a'} MiB, after GC heap ${r.rendererMemory.retainedAfterGc.jsHeapUsedMiB} MiB`,
      ratio: null,
      target: `< ${targets.rendererMemoryMiB} MiB`,
      pass: heap < targets.rendererMemoryMiB,
    },
  ];
}

/** How each figure grows from the smaller size to the larger (value ratio), beside how the data grew. */
export function growth(small: AppSuiteResult, large: AppSuiteResult) {
  const a = appResults(small);
  const b = appResults(large);
  const pair = (pick: (r: typeof a) => number, onePartner = false) => {
    const from = pick(a);
    const to = pick(b);
    const ratio = ratioOf(to, from);
    return { from, to, ratio, ...(onePartner ? { onePartnerScreen: true, sublinear: ratio < 2 } : {}) };
  };
  return {
    what: `value at ${large.size.partners} partners / value at ${small.size.partners} (medians; search p95); the data grew ${ratioOf(large.seed.documents, small.seed.documents)}x. A screen that shows one partner must not grow linearly with tasks: sublinear = grew less than 2x`,
    documents: { from: small.seed.documents, to: large.seed.documents, ratio: ratioOf(large.seed.documents, small.seed.documents) },
    portfolioOpenMs: pair((r) => r.portfolioOpen.interactiveMs.median),
    rawReadAllMs: pair((r) => r.floors.rawReadAll.totalMs.median),
    rawReadPartnersMs: pair((r) => r.floors.rawReadPartners.totalMs.median),
    cachedOpenMs: pair((r) => r.portfolioOpen.cachedStart.interactiveMs.median),
    workspaceOpenMs: pair((r) => r.workspaceOpen.toPaint.median, true),
    todayMs: pair((r) => r.today.toPaint.median),
    todayAfterTaskDoneMs: pair((r) => r.today.afterTaskDone.toPaint.median),
    searchKeystrokeP95Ms: pair((r) => r.searchKeystroke.toPaint.p95),
    portfolioInAppMs: pair((r) => r.portfolioInApp.toPaint.median),
    dashboardMs: pair((r) => r.dashboard.renderMs.median),
    rendererJsHeapUsedMiB: pair((r) => r.rendererMemory.afterInteractions.jsHeapUsedMiB),
    frameFloorMs: pair((r) => r.floors.frame.toPaint.median),
  };
}

/** The readable summary on stderr: figure, value, floor, ratio, target, pass/miss. */
export function logFigures(figures: Figure[], write: (line: string) => void): void {
  const cell = (n: number | null, unit = '') => (n === null || Number.isNaN(n) ? '-' : `${Math.round(n * 10) / 10}${unit}`);
  const rows = [
    ['figure', 'value', 'floor', 'ratio', 'target', 'result', 'floor is'],
    ...figures.map((f) => [
      f.figure,
      cell(f.value, f.unit === 'x' ? 'x' : ` ${f.unit}`),
      cell(f.floor, f.floor === null ? '' : f.unit === 'MiB' ? ' MiB' : ' ms'),
      f.ratio === null ? '-' : `${f.ratio}x`,
      f.target,
      f.pass === null ? '-' : f.pass ? 'pass' : 'MISS',
      f.floorWhat ?? '-',
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  for (const [index, row] of rows.entries()) {
    write(row.map((text, i) => (i === 0 || i >= 4 ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0))).join('  ').trimEnd());
    if (index === 0) write(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/** The growth lines, readable. */
export function logGrowth(g: ReturnType<typeof growth>, write: (line: string) => void): void {
  write(`growth (${g.what})`);
  for (const [name, entry] of Object.entries(g)) {
    if (typeof entry !== 'object' || entry === null || !('ratio' in entry)) continue;
    const note = 'onePartnerScreen' in entry ? (entry.sublinear ? '  (one partner: sublinear, ok)' : '  (one partner: grows ~linearly, MISS)') : '';
    write(`  ${name.padEnd(24)} ${String(entry.from).padStart(9)} -> ${String(entry.to).padStart(9)}  ${entry.ratio}x${note}`);
  }
}
