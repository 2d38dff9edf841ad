/**
 * Scenarios in the real app (the `npm run build:web` renderer) with the benchmark portfolio in
 * its real IndexedDB store: cold open of the Portfolio, then in-app interactions. Every figure is
 * taken in the page by the probe (probe.ts): from the user's input event (or navigation start)
 * to just after the frame that shows the result.
 */
import { writeFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import type { DemoSize } from '../../src-shared/demo/demoPortfolio';
import type { Partner } from '../../src-shared/domain/types';
import { callProbe, firstPage, launchPersistent } from './browser';
import { sampleMemory, type MemorySample } from './memory';
import type { Condition, InteractionResult, LoadReport, RawReadReport } from './probe';
import { expectedMatches } from './search';

/** Quiet window after the rows are painted for the page to count as interactive (TTI-style). */
export const QUIET_MS = 1000;
const LOAD_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 15_000;
/** Pause between measured steps, like a person between keystrokes/clicks; lets effects settle. */
const THINK_MS = 120;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

type AutomationHost = {
  partnerDeskAutomation?: {
    loadDemo: (size?: DemoSize) => Promise<number>;
    db: {
      collections: Record<string, { count: () => { exec: () => Promise<number> }; find: () => { exec: () => Promise<{ toJSON: () => unknown }[]> } }>;
    };
  };
};

export type SeedResult = { loadDemoMs: number; counts: Record<string, number>; partners: Partner[] };

/** Fills the real store through the app's own automation hook (`?automation`, loadDemo). */
export async function seedPortfolio(profileDir: string, appUrl: string, size: DemoSize): Promise<SeedResult> {
  const context = await launchPersistent(profileDir);
  try {
    const page = await firstPage(context);
    await page.goto(`${appUrl}?automation#/portfolio`);
    await page.waitForFunction(() => (globalThis as unknown as AutomationHost).partnerDeskAutomation !== undefined, undefined, { timeout: LOAD_TIMEOUT_MS });
    const t0 = Date.now();
    await page.evaluate((s) => (globalThis as unknown as AutomationHost).partnerDeskAutomation?.loadDemo(s), size);
    const loadDemoMs = Date.now() - t0;
    const counts = await page.evaluate(async () => {
      const collections = (globalThis as unknown as AutomationHost).partnerDeskAutomation?.db.collections ?? {};
      const entries = await Promise.all(Object.entries(collections).map(async ([name, collection]) => [name, await collection.count().exec()] as const));
      return Object.fromEntries(entries);
    });
    const partners = (await page.evaluate(async () => {
      const docs = await (globalThis as unknown as AutomationHost).partnerDeskAutomation?.db.collections.partners?.find().exec();
      return (docs ?? []).map((doc) => doc.toJSON());
    })) as Partner[];
    return { loadDemoMs, counts, partners };
  } finally {
    await context.close();
  }
}

export type PortfolioOpenRun = LoadReport & { cold: boolean };

/** Opens a new page on the profile, with the probe, optionally with the HTTP cache disabled. */
async function openWithProbe(profileDir: string, probeScript: string, disableCache: boolean) {
  const context = await launchPersistent(profileDir);
  const page = await firstPage(context);
  await page.addInitScript({ content: probeScript });
  if (disableCache) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }
  return { context, page };
}

async function loadReport(page: Page, expectedRows: number): Promise<LoadReport> {
  const report = await callProbe(page, 'loadReport', QUIET_MS, LOAD_TIMEOUT_MS);
  if (report.rowCount !== expectedRows) throw new Error(`portfolio showed ${report.rowCount} rows, expected ${expectedRows}`);
  return report;
}

/**
 * Store open to Portfolio interactive, cold: a fresh browser process on the stored profile, HTTP
 * cache disabled (no cached script, no V8 code cache), IndexedDB opened from disk.
 */
export async function coldPortfolioOpen(profileDir: string, appUrl: string, probeScript: string, expectedRows: number): Promise<PortfolioOpenRun> {
  const { context, page } = await openWithProbe(profileDir, probeScript, true);
  try {
    const profiled = await phaseProfiler(context, page);
    return await profiled('cold-open', async () => {
      await page.goto(`${appUrl}#/portfolio`, { waitUntil: 'commit' });
      return { ...(await loadReport(page, expectedRows)), cold: true };
    });
  } finally {
    await context.close();
  }
}

/**
 * A new browser process with the HTTP cache (and so V8's code cache) on: the everyday start of
 * the desktop app, whose app:// scheme has code caching enabled. IndexedDB is still opened cold.
 */
export async function cachedPortfolioOpen(profileDir: string, appUrl: string, probeScript: string, expectedRows: number): Promise<PortfolioOpenRun> {
  const { context, page } = await openWithProbe(profileDir, probeScript, false);
  try {
    await page.goto(`${appUrl}#/portfolio`, { waitUntil: 'commit' });
    return { ...(await loadReport(page, expectedRows)), cold: false };
  } finally {
    await context.close();
  }
}

/**
 * The cold open's floor: a fresh browser process on the same profile and origin (HTTP cache off,
 * as the cold open), a blank page that loads no app code, reading the app's RxDB Dexie databases
 * with the plain IndexedDB API: the partners store alone (what the first screen needs), or every
 * store of every collection (all documents).
 */
export async function rawReadFloor(profileDir: string, appUrl: string, probeScript: string, scope: 'partners' | 'all'): Promise<RawReadReport> {
  const { context, page } = await openWithProbe(profileDir, probeScript, true);
  try {
    const blank = new URL('__bench-floor.html', appUrl).href;
    await page.route(blank, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>floor</title>' }));
    await page.goto(blank);
    return await callProbe(page, 'rawRead', scope);
  } finally {
    await context.close();
  }
}

async function measure(page: Page, condition: Condition, act: () => Promise<void>): Promise<InteractionResult> {
  await callProbe(page, 'arm', condition);
  await act();
  const result = await callProbe(page, 'result', STEP_TIMEOUT_MS);
  await page.waitForTimeout(THINK_MS);
  return result;
}

export type Keystroke = InteractionResult & { query: string; key: string; rows: number; kind: 'type' | 'delete' };

export type InteractionResults = {
  searchQuery: string;
  /** Click on the Portfolio heading, which does nothing: input -> next frame, the interactions' floor. */
  frameFloor: InteractionResult[];
  /** Renderer memory: after the Portfolio opened, after every interaction, and after a forced GC. */
  memory: { afterOpen: MemorySample; afterInteractions: MemorySample; retainedAfterGc: MemorySample };
  keystrokes: Keystroke[];
  workspace: (InteractionResult & { partner: string })[];
  today: InteractionResult[];
  portfolioInApp: InteractionResult[];
  taskDoneOnToday: (InteractionResult & { overdueBefore: number })[];
};

/** Picks a partner-name word to type: the stem of a real partner name with a handful of namesakes. */
export function searchQueryFor(partners: Partner[]): string {
  const preferred = 'kestrel';
  if (expectedMatches(partners, preferred) > 0) return preferred;
  const word = partners[0]?.name.split(/\s+/)[0]?.toLowerCase();
  if (!word) throw new Error('no partner to search for');
  return word;
}

/**
 * `BENCH_APP_CPU_PROFILE=<prefix>`: a V8 CPU profile of each interaction phase, written to
 * `<prefix>-<phase>.cpuprofile` (`cold-open`, from navigation to interactive, the last cold open
 * overwriting the others; `search`, `navigation`, `today-tick`). Build the renderer
 * unminified for readable names: `npx vite build --config vite.web.config.ts --minify false &&
 * BENCH_APP_CPU_PROFILE=/tmp/app node --import tsx scripts/bench.ts --only=app`.
 */
async function phaseProfiler(context: BrowserContext, page: Page) {
  const prefix = process.env.BENCH_APP_CPU_PROFILE;
  if (!prefix) return async <T>(_phase: string, run: () => Promise<T>) => run();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  return async <T>(phase: string, run: () => Promise<T>): Promise<T> => {
    await cdp.send('Profiler.start');
    try {
      return await run();
    } finally {
      const { profile } = await cdp.send('Profiler.stop');
      await writeFile(`${prefix}-${phase}.cpuprofile`, JSON.stringify(profile));
      log(`CPU profile of ${phase} written to ${prefix}-${phase}.cpuprofile`);
    }
  };
}

/**
 * One browser session on the stored portfolio: search keystrokes on the Portfolio, then cycles
 * of Portfolio → partner workspace → Today → Portfolio, then ticking off overdue tasks on Today.
 */
export async function interactions(
  profileDir: string,
  appUrl: string,
  probeScript: string,
  partners: Partner[],
  options: { searchRuns: number; navigationRuns: number; taskRuns: number },
): Promise<InteractionResults> {
  const { context, page } = await openWithProbe(profileDir, probeScript, false);
  try {
    await page.goto(`${appUrl}#/portfolio`, { waitUntil: 'commit' });
    await loadReport(page, partners.length);
    const afterOpen = await sampleMemory(context, page, profileDir, false);
    const profiled = await phaseProfiler(context, page);

    // --- Floor: a click the app does nothing with, input -> next frame.
    const heading = page.getByRole('heading', { level: 2 }).first();
    const frameFloor: InteractionResult[] = [];
    for (let run = 0; run < Math.max(3, options.navigationRuns); run += 1) frameFloor.push(await measure(page, { kind: 'frame' }, () => heading.click()));

    // --- Search: type a partner name letter by letter, then delete it letter by letter.
    const query = searchQueryFor(partners);
    const search = page.getByRole('textbox', { name: 'Search partners' });
    await search.click();
    const keystrokes: Keystroke[] = [];
    await profiled('search', async () => {
      for (let run = 0; run < options.searchRuns; run += 1) {
        for (let i = 1; i <= query.length; i += 1) {
          const prefix = query.slice(0, i);
          const key = query[i - 1] ?? '';
          const rows = expectedMatches(partners, prefix);
          const result = await measure(page, { kind: 'rows', query: prefix, count: rows }, () => page.keyboard.press(key));
          keystrokes.push({ ...result, query: prefix, key, rows, kind: 'type' });
        }
        for (let i = query.length - 1; i >= 0; i -= 1) {
          const prefix = query.slice(0, i);
          const rows = expectedMatches(partners, prefix);
          const result = await measure(page, { kind: 'rows', query: prefix, count: rows }, () => page.keyboard.press('Backspace'));
          keystrokes.push({ ...result, query: prefix, key: 'Backspace', rows, kind: 'delete' });
        }
      }
    });
    log(`search: ${keystrokes.length} keystrokes measured ("${query}")`);

    // --- Navigation cycles: Portfolio → workspace → Today → Portfolio.
    const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name: new RegExp(`^${name}`) });
    const rows = page.getByTestId('portfolio-row');
    const workspace: InteractionResults['workspace'] = [];
    const today: InteractionResult[] = [];
    const portfolioInApp: InteractionResult[] = [];
    // The table is virtualised: pick among the rows on screen (a different one each cycle).
    await profiled('navigation', async () => {
      for (let run = 0; run < options.navigationRuns; run += 1) {
        const row = rows.nth(run % Math.max(1, Math.min(10, await rows.count())));
        // The second cell: the first holds the row's selection checkbox.
        const nameCell = row.locator('td').nth(1).locator('p').first();
        await nameCell.scrollIntoViewIfNeeded();
        const name = (await nameCell.innerText()).trim();
        workspace.push({ ...(await measure(page, { kind: 'workspace', name }, () => nameCell.click())), partner: name });
        today.push(await measure(page, { kind: 'today' }, () => nav('Today').click()));
        portfolioInApp.push(await measure(page, { kind: 'rows', query: '', count: partners.length }, () => nav('Portfolio').click()));
      }
    });
    log(`navigation: ${options.navigationRuns} cycles measured`);

    // --- Today after a change: tick off the most overdue task; the agenda recomputes.
    await nav('Today').click();
    await page.getByTestId('attention-row').first().waitFor();
    const overdueBadge = page.locator('section[aria-labelledby="overdue-title"] :has(> #overdue-title) [class*="Badge-label"]');
    const taskDoneOnToday: InteractionResults['taskDoneOnToday'] = [];
    await profiled('today-tick', async () => {
      for (let run = 0; run < options.taskRuns; run += 1) {
        const before = Number((await overdueBadge.innerText()).trim());
        if (!Number.isInteger(before) || before < 1) break;
        const checkbox = page.locator('section[aria-labelledby="overdue-title"]').getByRole('checkbox').first();
        const result = await measure(page, { kind: 'overdue', count: before - 1 }, () => checkbox.click());
        taskDoneOnToday.push({ ...result, overdueBefore: before });
      }
    });
    log(`today: ${taskDoneOnToday.length} tasks ticked off`);

    const afterInteractions = await sampleMemory(context, page, profileDir, false);
    const retainedAfterGc = await sampleMemory(context, page, profileDir, true);
    return { searchQuery: query, frameFloor, memory: { afterOpen, afterInteractions, retainedAfterGc }, keystrokes, workspace, today, portfolioInApp, taskDoneOnToday };
  } finally {
    await context.close();
  }
}
