/**
 * PDF export benchmark: the desktop app's export path, reproduced in headless Chromium. A click
 * on Export PDF makes main open a hidden window on the print route, wait for "ready to print",
 * print with the shared PDF options and write the file. Here: a new page in the same on-disk
 * profile (while the app's page stays open, as the main window does), the same print route and
 * ready signal, `page.pdf()` with the same options, and the file written to disk. Timed in Node
 * from the "click" (the new page is requested) to the file being on disk. The save dialog (user
 * time, in parallel with rendering in the app) is not counted.
 *
 * `npm run bench` runs it as part of the whole benchmark; alone (after `npm run build:web`):
 * `node --import tsx scripts/bench/pdfBench.ts`.
 */
import { rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { planPdfOptions, printRoute, toChromiumPdfOptions } from '../../src-shared/plan/pdfOptions';
import { buildPlanDocs, insertPlanDocs, storedPartners, waitForPrintReady, type PlanSize } from '../../test/e2e/pages/planPage';
import { serveRenderer } from '../../test/e2e/support/browser';
import { firstPage, launchPersistent, tempDir } from './browser';
import { summarize, type Summary } from './stats';

export const PDF_PLANS: Record<'typical' | 'large', PlanSize> = {
  typical: { goals: 10, accounts: 10, initiatives: 5 },
  large: { goals: 40, accounts: 10, initiatives: 5 },
};
export const PDF_TARGET_MS = 2000;
const RUNS = 5;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

type Run = { clickToFileMs: number; renderMs: number; printMs: number; writeMs: number; pages: number; bytes: number };

async function exportOnce(context: BrowserContext, appUrl: string, planId: string, file: string): Promise<Run> {
  const t0 = performance.now();
  const page: Page = await context.newPage();
  try {
    await page.goto(`${appUrl}#${printRoute(planId, 'a4')}`);
    const header = await waitForPrintReady(page);
    const t1 = performance.now();
    const pdf = await page.pdf(toChromiumPdfOptions(planPdfOptions('a4', header)));
    const t2 = performance.now();
    await writeFile(file, pdf);
    const t3 = performance.now();
    const pages = Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
    return { clickToFileMs: t3 - t0, renderMs: t1 - t0, printMs: t2 - t1, writeMs: t3 - t2, pages, bytes: (await stat(file)).size };
  } finally {
    await page.close();
  }
}

export type PdfBenchResult = {
  what: string;
  targetMs: number;
  verdict: { target: number; value: number; pass: boolean; criterion: string };
  plans: Record<string, { size: PlanSize; pages: number; firstExportMs: number; clickToFileMs: Summary; renderMs: Summary; printMs: Summary; writeMs: Summary }>;
};

/** Seeds the demo portfolio and two plans in a fresh on-disk profile, then times the exports. */
export async function pdfBench(appUrl: string): Promise<PdfBenchResult> {
  const profile = await tempDir('partner-desk-bench-pdf-');
  const out = await tempDir('partner-desk-bench-pdf-out-');
  const context = await launchPersistent(profile.path);
  try {
    const app = await firstPage(context);
    await app.goto(`${appUrl}?automation#/portfolio`);
    await app.waitForFunction(() => (globalThis as unknown as { partnerDeskAutomation?: unknown }).partnerDeskAutomation !== undefined, undefined, { timeout: 60_000 });
    await app.evaluate(() => (globalThis as unknown as { partnerDeskAutomation: { loadDemo: () => Promise<number> } }).partnerDeskAutomation.loadDemo());
    const partners = await storedPartners(app);
    const plans: PdfBenchResult['plans'] = {};
    let index = 0;
    for (const [name, size] of Object.entries(PDF_PLANS)) {
      const partner = partners[index++ % partners.length]!;
      const docs = buildPlanDocs(partner, size);
      await insertPlanDocs(app, docs);
      const runs: Run[] = [];
      const first = await exportOnce(context, `${appUrl}?automation`, docs.plan.id, join(out.path, `${name}-first.pdf`));
      for (let i = 0; i < RUNS; i += 1) runs.push(await exportOnce(context, `${appUrl}?automation`, docs.plan.id, join(out.path, `${name}-${i}.pdf`)));
      const clickToFile = summarize(runs.map((run) => run.clickToFileMs));
      log(`PDF ${name} (${size.goals} goals): ${runs[0]?.pages} pages, click -> file ${clickToFile.median} ms median (first ${Math.round(first.clickToFileMs)} ms)`);
      plans[name] = {
        size,
        pages: runs[0]?.pages ?? 0,
        firstExportMs: Math.round(first.clickToFileMs),
        clickToFileMs: clickToFile,
        renderMs: summarize(runs.map((run) => run.renderMs)),
        printMs: summarize(runs.map((run) => run.printMs)),
        writeMs: summarize(runs.map((run) => run.writeMs)),
      };
    }
    const typical = plans.typical?.clickToFileMs.median ?? Number.NaN;
    return {
      what: 'Export PDF: new page on the print route in the same on-disk profile (the app keeps its page open) -> ready to print -> page.pdf() with the app’s printToPDF options -> file written. Median of 5 after one first export.',
      targetMs: PDF_TARGET_MS,
      verdict: { target: PDF_TARGET_MS, value: typical, pass: typical < PDF_TARGET_MS, criterion: 'median click -> file for the typical plan (10 goals, 10 accounts, 5 initiatives)' },
      plans,
    };
  } finally {
    await context.close();
    await profile.remove();
    await rm(out.path, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const app = await serveRenderer();
  try {
    process.stdout.write(`${JSON.stringify(await pdfBench(app.url), null, 2)}\n`);
  } finally {
    await app.close();
  }
  process.exit(0);
}
