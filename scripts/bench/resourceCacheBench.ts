/**
 * `npm run bench -- --only=resources`: does a full resource-library file cache slow the
 * portfolio open? The benchmark portfolio (500 partners, 20,000 tasks…) is seeded into a real
 * on-disk profile in headless Chromium; the Portfolio is opened cold (fresh browser process, HTTP
 * cache off) with the laptop's file cache (`partner-desk-files`) empty — the floor — then with
 * 200 MB of files in it (40 × 5 MB, as src-renderer/files/fileCache.ts stores them: Blob bytes
 * keyed by their SHA-256), then empty again. The library screen's "N files · X MB" line is read
 * with the full cache, to show the app reads those records. No duration is asserted.
 */
import { loadavg } from 'node:os';
import { BENCH_SIZE } from '../../src-shared/demo/demoPortfolio';
import { serveRenderer } from '../../test/e2e/support/browser';
import { coldPortfolioOpen, seedPortfolio, type PortfolioOpenRun } from './appBench';
import { buildBenchAssets, firstPage, launchPersistent, tempDir } from './browser';
import { machineInfo } from './machine';
import { round, summarize } from './stats';
import { shownByDefault } from './search';

const RUNS_PER_BLOCK = 3;
const FILES = 40;
const FILE_MB = 5;
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const loadNow = (): number[] => loadavg().map((n) => Math.round(n * 100) / 100);

/**
 * Runs in the page, as source text: tsx would wrap a function passed to page.evaluate in
 * helpers (`__name`) the page does not have. Dexie's version(1) is IndexedDB version 10; the
 * same stores and index as fileCache.ts.
 */
const FILL_CACHE = `async (files, fileBytes) => {
  const done = (r) => new Promise((resolve, reject) => {
    if (r instanceof IDBTransaction) { r.oncomplete = () => resolve(); r.onerror = () => reject(r.error); }
    else { r.onsuccess = () => resolve(); r.onerror = () => reject(r.error); }
  });
  const open = indexedDB.open('partner-desk-files', 10);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('files')) db.createObjectStore('files', { keyPath: 'sha256' }).createIndex('cachedAt', 'cachedAt');
    if (!db.objectStoreNames.contains('uploads')) db.createObjectStore('uploads', { keyPath: 'sha256' });
  };
  await done(open);
  const db = open.result;
  const clear = db.transaction('files', 'readwrite');
  clear.objectStore('files').clear();
  await done(clear);
  let bytes = 0;
  for (let i = 0; i < files; i += 1) {
    const data = new Uint8Array(fileBytes);
    for (let at = 0; at < data.length; at += 65536) crypto.getRandomValues(data.subarray(at, Math.min(data.length, at + 65536)));
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
    const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    const tx = db.transaction('files', 'readwrite');
    tx.objectStore('files').put({ sha256, name: 'datasheet-' + (i + 1) + '.pdf', mime: 'application/pdf', size: data.byteLength, bytes: new Blob([data], { type: 'application/pdf' }), cachedAt: new Date().toISOString() });
    await done(tx);
    bytes += data.byteLength;
  }
  db.close();
  return { files, bytes };
}`;

/** Fills (or with `files: 0` empties) the file cache in the profile's IndexedDB; returns the bytes stored. */
async function setFileCache(profileDir: string, appUrl: string, files: number, fileBytes: number): Promise<{ files: number; bytes: number }> {
  const context = await launchPersistent(profileDir);
  try {
    const page = await firstPage(context);
    await page.goto(`${appUrl}#/portfolio`);
    return (await page.evaluate(`(${FILL_CACHE})(${files}, ${fileBytes})`)) as { files: number; bytes: number };
  } finally {
    await context.close();
  }
}

/** The library screen's cache line ("40 files · 200 MB"), as the app reads the cache. */
async function libraryCacheLine(profileDir: string, appUrl: string): Promise<string> {
  const context = await launchPersistent(profileDir);
  try {
    const page = await firstPage(context);
    await page.goto(`${appUrl}#/resources`);
    const line = page.getByText(/^(Nothing cached yet|\d+ files? · .+)$/);
    await line.first().waitFor({ timeout: 60_000 });
    return (await line.first().innerText()).trim();
  } finally {
    await context.close();
  }
}

/** Chromium's version from the browser itself (the user agent is reduced). */
async function chromiumVersion(profileDir: string): Promise<string> {
  const context = await launchPersistent(profileDir);
  try {
    const cdp = await context.newCDPSession(await firstPage(context));
    const { product } = await cdp.send('Browser.getVersion');
    return product.replace(/^(Headless)?Chrome\//, '');
  } finally {
    await context.close();
  }
}

async function opens(profileDir: string, appUrl: string, probeScript: string, rows: number, label: string): Promise<PortfolioOpenRun[]> {
  const runs: PortfolioOpenRun[] = [];
  for (let i = 0; i < RUNS_PER_BLOCK; i += 1) {
    const run = await coldPortfolioOpen(profileDir, appUrl, probeScript, rows);
    runs.push(run);
    log(`${label} cold open ${i + 1}: interactive ${round(run.interactive)} ms`);
  }
  return runs;
}

export async function resourceCacheBench() {
  const work = await tempDir('partner-desk-bench-');
  const profile = await tempDir('partner-desk-bench-files-');
  const app = await serveRenderer();
  try {
    const assets = await buildBenchAssets(work.path);
    const chromium = await chromiumVersion(profile.path);
    const loadAverageBefore = loadNow();
    log(`seeding the store: ${JSON.stringify(BENCH_SIZE)}`);
    const seed = await seedPortfolio(profile.path, app.url, BENCH_SIZE);
    // The Portfolio hides churned partners by default.
    const rows = shownByDefault(seed.partners).length;
    await coldPortfolioOpen(profile.path, app.url, assets.probeScript, rows); // the first open after the import, not counted
    const emptyBefore = await opens(profile.path, app.url, assets.probeScript, rows, 'empty cache');
    log(`filling the file cache: ${FILES} × ${FILE_MB} MB`);
    const filled = await setFileCache(profile.path, app.url, FILES, FILE_MB * 1024 * 1024);
    const libraryLine = await libraryCacheLine(profile.path, app.url);
    log(`library screen says: ${libraryLine}`);
    const full = await opens(profile.path, app.url, assets.probeScript, rows, '200 MB cache');
    await setFileCache(profile.path, app.url, 0, 0);
    const emptyAfter = await opens(profile.path, app.url, assets.probeScript, rows, 'empty cache again');
    const floor = summarize([...emptyBefore, ...emptyAfter].map((r) => r.interactive));
    const withCache = summarize(full.map((r) => r.interactive));
    return {
      benchmark: 'partner-desk-resource-cache',
      what: 'Portfolio cold open (fresh browser, HTTP cache off) to interactive, 500 partners; floor = the same open with the file cache empty (runs before and after the full-cache runs)',
      machine: { ...machineInfo(chromium), loadAverageBefore, loadAverageAfter: loadNow() },
      fileCache: { ...filled, megabytes: round(filled.bytes / 1024 / 1024), libraryScreenLine: libraryLine },
      portfolioOpenInteractiveMs: { emptyCacheFloor: floor, with200MbCache: withCache, ratio: round(withCache.median / floor.median) },
      rowsPaintedMs: { emptyCacheFloor: summarize([...emptyBefore, ...emptyAfter].map((r) => r.rowsPainted)), with200MbCache: summarize(full.map((r) => r.rowsPainted)) },
    };
  } finally {
    await app.close();
    await Promise.all([work.remove(), profile.remove()]);
  }
}
