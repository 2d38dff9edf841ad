/**
 * RxDB (the app's configuration) against raw Dexie, 10,000 identical task objects, same Chromium,
 * real on-disk IndexedDB; plus the overview computation. Drives page/main.ts.
 */
import type { Page } from 'playwright-core';
import { firstPage, launchPersistent } from './browser';
import type { OverviewRun, StoreBench, StoreRun, StoreVariant } from './page/main';

type Host = { storeBench?: StoreBench };

export type StoreResults = { generateMs: number; taskCount: number; runs: StoreRun[]; overview: OverviewRun[] };

/** The measured pair first; the two diagnostic variants get fewer runs. */
const VARIANTS: StoreVariant[] = ['rxdb-app', 'dexie', 'rxdb-stock-validation', 'rxdb-no-validation'];
const DIAGNOSTIC: StoreVariant[] = ['rxdb-stock-validation', 'rxdb-no-validation'];

async function run(page: Page, variant: StoreVariant, runId: number): Promise<StoreRun> {
  return page.evaluate(({ variant, runId }) => {
    const bench = (globalThis as unknown as Host).storeBench;
    if (!bench) throw new Error('store bench page not loaded');
    return bench.run(variant, runId);
  }, { variant, runId });
}

export async function storeBench(
  profileDir: string,
  pageUrl: string,
  options: { today: string; ownerEmail: string; ownerName: string; taskCount: number; runs: number; diagnosticRuns: number; overviewRuns: number },
): Promise<StoreResults> {
  const context = await launchPersistent(profileDir);
  try {
    const page = await firstPage(context);
    page.setDefaultTimeout(120_000);
    await page.goto(pageUrl);
    await page.waitForFunction(() => (globalThis as unknown as Host).storeBench !== undefined);
    const prepared = await page.evaluate((o) => (globalThis as unknown as Host).storeBench?.prepare(o), {
      today: options.today,
      ownerEmail: options.ownerEmail,
      ownerName: options.ownerName,
      taskCount: options.taskCount,
    });
    if (!prepared || prepared.tasks !== options.taskCount) throw new Error(`store bench prepared ${prepared?.tasks} tasks`);
    // One unmeasured round first (JIT warm-up of RxDB, Dexie, the validators).
    await run(page, 'rxdb-app', 0);
    await run(page, 'dexie', 0);
    const runs: StoreRun[] = [];
    for (let i = 1; i <= options.runs; i += 1) {
      // Rotate the order so no variant always runs first (or right after a big delete).
      for (let v = 0; v < VARIANTS.length; v += 1) {
        const variant = VARIANTS[(i + v) % VARIANTS.length] ?? 'dexie';
        if (DIAGNOSTIC.includes(variant) && i > options.diagnosticRuns) continue;
        runs.push(await run(page, variant, i));
      }
    }
    const overview = await page.evaluate((n) => (globalThis as unknown as Host).storeBench?.overview(n) ?? [], options.overviewRuns + 1);
    return { generateMs: prepared.generateMs, taskCount: prepared.tasks, runs, overview: overview.slice(1) };
  } finally {
    await context.close();
  }
}
