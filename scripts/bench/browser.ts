import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_PATH } from '../../test/e2e/support/browser';
import type { Probe } from './probe';

/** Same flags as test/e2e/support/browser.ts. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

export const VIEWPORT = { width: 1440, height: 900 };

/**
 * Headless Chromium on a persistent profile directory. Unlike `browser.newContext()` (an
 * off-the-record profile whose IndexedDB lives in memory), this keeps IndexedDB on disk as the
 * desktop app does, and lets a later launch reopen the same store cold.
 */
export function launchPersistent(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, viewport: VIEWPORT });
}

export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

const here = import.meta.dirname;

/**
 * Builds the bench's own browser code with Vite: the store bench page (scripts/bench/page) into
 * `outDir`, and the probe (scripts/bench/probe.ts) as one classic script to inject into the app.
 */
export async function buildBenchAssets(outDir: string): Promise<{ pageDir: string; probeScript: string }> {
  const pageDir = join(outDir, 'page');
  await build({
    configFile: false,
    root: resolve(here, 'page'),
    base: './',
    logLevel: 'warn',
    // Unminified when a CPU profile of the sync is asked for, so the profile names functions.
    build: { outDir: pageDir, emptyOutDir: true, chunkSizeWarningLimit: 5000, reportCompressedSize: false, minify: !process.env.BENCH_SYNC_CPU_PROFILE },
  });
  const probe = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: false, reportCompressedSize: false, lib: { entry: resolve(here, 'probe.ts'), formats: ['iife'], name: 'partnerDeskBenchProbe' } },
  });
  const outputs = Array.isArray(probe) ? probe : [probe];
  for (const result of outputs) {
    if ('output' in result) {
      const chunk = result.output.find((item) => item.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return { pageDir, probeScript: chunk.code };
    }
  }
  throw new Error('the probe build produced no script');
}

/** Serves a built directory on 127.0.0.1 (random port). */
export async function serveDir(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    configFile: false,
    root: dirname(dir),
    build: { outDir: basename(dir) },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise<void>((done) => server.httpServer.close(() => done())) };
}

type ProbeMethod = keyof Probe;

/** Calls the in-page probe (see probe.ts). */
export function callProbe<M extends ProbeMethod>(page: Page, method: M, ...args: Parameters<Probe[M]>): Promise<Awaited<ReturnType<Probe[M]>>> {
  return page.evaluate(
    ({ method, args }) => {
      const probe = (globalThis as unknown as { __benchProbe?: Record<string, (...a: unknown[]) => unknown> }).__benchProbe;
      if (!probe) throw new Error('bench probe not installed');
      return probe[method]?.(...args);
    },
    { method, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<Probe[M]>>>;
}
