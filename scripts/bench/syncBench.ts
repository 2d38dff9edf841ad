/**
 * The sync benchmark (issue #3 §7), against a real sync server in its own process:
 *
 * 1. push throughput — the benchmark portfolio (500 partners, 20,000 tasks, 5,000 meetings,
 *    5,000 deals and the trainings and surveys derived from them) pushed by one writer in
 *    100-row batches, the batch size the app uses;
 * 2. initial sync — a fresh Chromium profile opens the app, signs in through Settings and
 *    replicates the whole account into its empty IndexedDB store: click "Sign in" → every
 *    document stored locally and the indicator reading "Up to date";
 * 3. propagation — `streamClients` users of the team hold the change stream open while one
 *    writer edits a partner `edits` times: push sent → change event parsed by each client.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { BENCH_SIZE, generateDemoPortfolio, type DemoPortfolio } from '../../src-shared/demo/demoPortfolio';
import type { CollectionName, IsoDate, Partner } from '../../src-shared/domain/types';
import { createSseParser, parseSyncStreamEvent } from '../../src-shared/sync/sseParser';
import { pushPath, STREAM_PATH, type PushRow, type SyncDocument } from '../../src-shared/sync/protocol';
import { firstPage, launchPersistent, tempDir } from './browser';
import { round, summarize, type Summary } from './stats';
import type { SyncServerMessage, SyncServerReady, SyncServerSetup } from './syncServerProcess';

export type SyncBenchOptions = {
  appUrl: string;
  today: IsoDate;
  streamClients: number;
  edits: number;
  /** PostgreSQL instead of embedded PGlite (a fresh schema is created in it). */
  databaseUrl?: string;
  log: (message: string) => void;
};

const OWNER = { email: 'owner@bench.example', name: 'Bench Owner', password: 'bench-correct-horse-battery' };
const PUSH_BATCH = 100;
const SEED_ORDER = ['partners', 'tasks', 'meetings', 'deals', 'trainings', 'surveys'] as const satisfies readonly (CollectionName & keyof DemoPortfolio)[];

type ServerProcess = { child: ChildProcess; ready: SyncServerReady; stop: () => Promise<void> };

function nextMessage(child: ChildProcess, type: SyncServerMessage['type']): Promise<SyncServerMessage> {
  return new Promise((done, fail) => {
    const onMessage = (message: SyncServerMessage) => {
      if (message.type === 'failed') fail(new Error(`sync server: ${message.message}`));
      else if (message.type === type) done(message);
      else return;
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onExit = (code: number | null) => fail(new Error(`sync server exited (${code}) before "${type}"`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startServerProcess(streamUsers: number, dataDir: string, databaseUrl: string | undefined): Promise<ServerProcess> {
  const schema = `bench_${Date.now().toString(36)}`;
  const child = fork(resolve(import.meta.dirname, 'syncServerProcess.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_SYNC_DATA_DIR: dataDir, ...(databaseUrl ? { BENCH_SYNC_DATABASE_URL: databaseUrl, BENCH_SYNC_SCHEMA: schema } : {}) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await nextMessage(child, 'listening');
  const setup: SyncServerSetup = { type: 'setup', streamUsers, owner: OWNER };
  child.send(setup);
  const ready = (await nextMessage(child, 'ready')) as SyncServerReady;
  return {
    child,
    ready,
    stop: async () => {
      if (child.exitCode !== null) return;
      const stopped = nextMessage(child, 'stopped').catch(() => undefined);
      child.send({ type: 'stop' });
      await stopped;
    },
  };
}

async function postJson(url: string, token: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** Pushes the portfolio as new documents; returns the per-request times. */
export async function seedServer(server: SyncServerReady, portfolio: DemoPortfolio, log: SyncBenchOptions['log']) {
  const requestMs: number[] = [];
  let documents = 0;
  const started = performance.now();
  for (const collection of SEED_ORDER) {
    const docs = portfolio[collection] as unknown as SyncDocument[];
    for (let i = 0; i < docs.length; i += PUSH_BATCH) {
      const rows: PushRow[] = docs.slice(i, i + PUSH_BATCH).map((doc) => ({ newDocumentState: { ...doc, _deleted: false }, assumedMasterState: null }));
      const t0 = performance.now();
      const result = await postJson(server.url + pushPath(collection), server.ownerToken, rows);
      requestMs.push(performance.now() - t0);
      if (result.status !== 200 || !Array.isArray(result.body) || result.body.length > 0) {
        throw new Error(`seeding ${collection} failed: ${result.status} ${JSON.stringify(result.body).slice(0, 500)}`);
      }
      documents += rows.length;
    }
    log(`pushed ${docs.length} ${collection}`);
  }
  const totalMs = performance.now() - started;
  return { documents, requests: requestMs.length, totalMs: round(totalMs), docsPerSecond: Math.round(documents / (totalMs / 1000)), requestMs: summarize(requestMs) };
}

type Counts = Record<string, number>;

const countLocal = (page: Page): Promise<Counts | null> =>
  page.evaluate(async () => {
    const automation = (window as unknown as { partnerDeskAutomation?: { db: Record<string, { count: () => { exec: () => Promise<number> } }> } }).partnerDeskAutomation;
    if (!automation) return null;
    const names = ['partners', 'tasks', 'meetings', 'deals', 'trainings', 'surveys'];
    const values = await Promise.all(names.map((name) => automation.db[name]?.count().exec() ?? Promise.resolve(0)));
    return Object.fromEntries(names.map((name, i) => [name, values[i] ?? 0]));
  });

/** Signs a fresh app in and waits until the whole account is in its local store. */
async function initialSync(options: SyncBenchOptions, serverUrl: string, expected: Counts) {
  const profile = await tempDir('partner-desk-bench-sync-profile-');
  const context = await launchPersistent(profile.path);
  try {
    const page = await firstPage(context);
    await page.goto(`${options.appUrl}?automation#/settings`);
    await page.getByText('Opening your portfolio…').waitFor({ state: 'detached', timeout: 60_000 });
    const card = page.getByTestId('sync-card');
    await card.getByRole('textbox', { name: 'Server address' }).fill(serverUrl);
    await card.getByRole('textbox', { name: 'Email' }).fill(OWNER.email);
    await card.getByRole('textbox', { name: 'Password' }).fill(OWNER.password);
    const indicator = page.getByTestId('sync-indicator');
    // BENCH_SYNC_CPU_PROFILE=<file>: save a V8 CPU profile of the page during the initial sync.
    const profileFile = process.env.BENCH_SYNC_CPU_PROFILE;
    const cdp = profileFile ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    const started = performance.now();
    await card.getByRole('button', { name: 'Sign in' }).click();
    const progress: { atMs: number; text: string }[] = [];
    let complete: number | null = null;
    let last: Counts | null = null;
    const collectionDoneMs: Record<string, number> = {};
    while (complete === null) {
      const elapsed = performance.now() - started;
      if (elapsed > 300_000) throw new Error(`initial sync did not finish in 5 minutes; local store holds ${JSON.stringify(last)}`);
      const text = (await indicator.innerText()).trim();
      if (progress.at(-1)?.text !== text) progress.push({ atMs: round(elapsed), text });
      last = await countLocal(page);
      for (const [name, count] of Object.entries(expected)) if (last?.[name] === count && !(name in collectionDoneMs)) collectionDoneMs[name] = round(elapsed);
      const allThere = last !== null && Object.entries(expected).every(([name, count]) => last?.[name] === count);
      if (allThere && text.startsWith('Up to date')) complete = performance.now() - started;
      else await page.waitForTimeout(100);
    }
    if (cdp && profileFile) {
      const { profile: cpuProfile } = await cdp.send('Profiler.stop');
      await writeFile(profileFile, JSON.stringify(cpuProfile));
      options.log(`CPU profile of the initial sync written to ${profileFile}`);
    }
    const documents = Object.values(expected).reduce((sum, n) => sum + n, 0);
    return {
      seconds: round(complete / 1000),
      documents,
      docsPerSecond: Math.round(documents / (complete / 1000)),
      localCounts: last,
      collectionCompleteMs: collectionDoneMs,
      indicatorSeen: progress.filter((entry, i) => i === 0 || entry.text.replace(/[\d,]+/g, '#') !== progress[i - 1]?.text.replace(/[\d,]+/g, '#') || i === progress.length - 1),
    };
  } finally {
    await context.close();
    await profile.remove();
  }
}

type StreamReader = { arrivals: Map<string, number>; resynced: Promise<void>; close: () => void };

/** A change-stream client: records when each partner state (`id@updatedAt`) arrives. */
async function openStream(serverUrl: string, token: string): Promise<StreamReader> {
  const controller = new AbortController();
  const response = await fetch(serverUrl + STREAM_PATH, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`stream refused: ${response.status}`);
  const arrivals = new Map<string, number>();
  let markResynced: () => void = () => undefined;
  const resynced = new Promise<void>((done) => (markResynced = done));
  const parser = createSseParser((message) => {
    const event = parseSyncStreamEvent(message);
    if (event?.type === 'resync') markResynced();
    if (event?.type !== 'change' || event.collection !== 'partners') return;
    const at = performance.now();
    for (const doc of event.documents) arrivals.set(`${doc.id}@${String(doc.updatedAt)}`, at);
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.push(decoder.decode(value, { stream: true }));
      }
    } catch {
      // closed by the bench
    }
  })();
  return { arrivals, resynced, close: () => controller.abort() };
}

async function propagation(options: SyncBenchOptions, server: SyncServerReady, partner: Partner) {
  const opened = performance.now();
  const readers = await Promise.all(server.streamTokens.map((token) => openStream(server.url, token)));
  await Promise.all(readers.map((reader) => reader.resynced));
  const connectMs = performance.now() - opened;
  options.log(`${readers.length} streams open in ${round(connectMs)} ms`);
  const perClient: number[] = [];
  const untilAll: number[] = [];
  const pushMs: number[] = [];
  let missed = 0;
  let current: SyncDocument = { ...partner, _deleted: false } as unknown as SyncDocument;
  try {
    for (let edit = 0; edit < options.edits; edit += 1) {
      const next: SyncDocument = { ...current, updatedAt: new Date(Date.now() + edit).toISOString() };
      const key = `${next.id}@${String(next.updatedAt)}`;
      const sent = performance.now();
      const result = await postJson(server.url + pushPath('partners'), server.ownerToken, [{ newDocumentState: next, assumedMasterState: current }]);
      pushMs.push(performance.now() - sent);
      if (result.status !== 200 || !Array.isArray(result.body) || result.body.length > 0) throw new Error(`edit ${edit} was not accepted: ${result.status} ${JSON.stringify(result.body).slice(0, 300)}`);
      current = next;
      const deadline = sent + 10_000;
      while (readers.some((reader) => !reader.arrivals.has(key)) && performance.now() < deadline) await new Promise((done) => setTimeout(done, 5));
      const times = readers.map((reader) => reader.arrivals.get(key));
      const received = times.filter((t): t is number => t !== undefined).map((t) => t - sent);
      missed += times.length - received.length;
      perClient.push(...received);
      untilAll.push(received.length === readers.length ? Math.max(...received) : Number.POSITIVE_INFINITY);
      await new Promise((done) => setTimeout(done, 200));
    }
  } finally {
    for (const reader of readers) reader.close();
  }
  return {
    streamClients: readers.length,
    edits: options.edits,
    connectAllMs: round(connectMs),
    editToEveryClientMs: summarize(untilAll.filter(Number.isFinite)),
    editToEachClientMs: summarize(perClient),
    pushResponseMs: summarize(pushMs),
    missedDeliveries: missed,
  };
}

export type SyncBenchResult = {
  backend: string;
  pushThroughput: Awaited<ReturnType<typeof seedServer>>;
  initialSync: Awaited<ReturnType<typeof initialSync>>;
  propagation: Awaited<ReturnType<typeof propagation>>;
};

export async function syncBench(options: SyncBenchOptions): Promise<SyncBenchResult> {
  const dataDir = await tempDir('partner-desk-bench-server-');
  const server = await startServerProcess(options.streamClients, dataDir.path, options.databaseUrl);
  try {
    options.log(`sync server (${server.ready.backend}) at ${server.ready.url} with ${server.ready.streamTokens.length + 1} users`);
    const portfolio = generateDemoPortfolio({ today: options.today, size: BENCH_SIZE, ownerEmail: OWNER.email, ownerName: OWNER.name });
    const pushThroughput = await seedServer(server.ready, portfolio, options.log);
    options.log(`push: ${pushThroughput.documents} documents in ${pushThroughput.totalMs} ms (${pushThroughput.docsPerSecond}/s)`);
    const expected = Object.fromEntries(SEED_ORDER.map((name) => [name, portfolio[name].length]));
    const sync = await initialSync(options, server.ready.url, expected);
    options.log(`initial sync: ${sync.documents} documents in ${sync.seconds} s (${sync.docsPerSecond}/s)`);
    const partner = portfolio.partners[0];
    if (!partner) throw new Error('the portfolio has no partner');
    const spread = await propagation(options, server.ready, partner);
    options.log(`propagation to ${spread.streamClients} clients: every client p50 ${spread.editToEveryClientMs.median} ms, p95 ${spread.editToEveryClientMs.p95} ms`);
    return { backend: server.ready.backend, pushThroughput, initialSync: sync, propagation: spread };
  } finally {
    await server.stop();
    await dataDir.remove();
  }
}

export type { Summary };
