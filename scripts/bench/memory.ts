/**
 * Renderer memory of the app page. `performance.measureUserAgentSpecificMemory` is not available
 * here (it needs a cross-origin-isolated page, which the app is not), so the figure is the V8 heap
 * from CDP `Performance.getMetrics` (JSHeapUsedSize / JSHeapTotalSize), beside the resident set
 * of the page's renderer process read from /proc (Linux only; null elsewhere).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

export type MemorySample = { jsHeapUsedMiB: number; jsHeapTotalMiB: number; rendererRssMiB: number | null };

const mib = (bytes: number): number => Math.round((bytes / 1024 ** 2) * 10) / 10;

function procText(pid: string, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/**
 * RSS (MiB) of the largest renderer process of the browser running on `profileDir`: the app page's
 * (the others are a spare renderer and Chromium's own WebUI, a few tens of MiB each).
 */
export function rendererRssMiB(profileDir: string): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const parentOf = (pid: string): string | null => {
    const stat = procText(pid, 'stat');
    // pid (comm) state ppid ...: comm may hold spaces, so split after its closing parenthesis.
    const after = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    return after?.[1] ?? null;
  };
  // Zygote-forked processes rewrite their title: the arguments are then one space-separated string.
  const args = (pid: string): string[] => (procText(pid, 'cmdline') ?? '').split(/[\0 ]/);
  const underProfile = (pid: string): boolean => {
    for (let p: string | null = pid, hops = 0; p && p !== '0' && hops < 6; p = parentOf(p), hops += 1) {
      if (args(p).some((arg) => arg === `--user-data-dir=${profileDir}`)) return true;
    }
    return false;
  };
  let kib: number | null = null;
  for (const pid of pids) {
    const list = args(pid);
    if (!list.includes('--type=renderer') || list.includes('--top-chrome-webui') || !underProfile(pid)) continue;
    const rss = /VmRSS:\s+(\d+)\s+kB/.exec(procText(pid, 'status') ?? '');
    if (rss) kib = Math.max(kib ?? 0, Number(rss[1]));
  }
  return kib === null ? null : mib(kib * 1024);
}

/** One sample of the page's memory; `collectGarbage` first for what the page retains. */
export async function sampleMemory(context: BrowserContext, page: Page, profileDir: string, collectGarbage: boolean): Promise<MemorySample> {
  const cdp = await context.newCDPSession(page);
  try {
    if (collectGarbage) await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return { jsHeapUsedMiB: mib(metric('JSHeapUsedSize')), jsHeapTotalMiB: mib(metric('JSHeapTotalSize')), rendererRssMiB: rendererRssMiB(profileDir) };
  } finally {
    await cdp.detach();
  }
}
