/**
 * The sync benchmark (protocol 2, docs/sync-protocol.md), against a real sync server in its own
 * process:
 *
 * 1. push throughput — the benchmark portfolio (500 partners, 20,000 tasks, 5,000 meetings,
 *    5,000 deals and the trainings and surveys derived from them) pushed as new documents by one
 *    writer to `POST /api/sync/push`, in 100-row batches (the engine's push batch);
 * 2. initial sync, side by side in one Chromium page on an empty on-disk profile (the bench page,
 *    scripts/bench/page/main.ts): the app's own bulk insert of the same documents (what "Load demo
 *    portfolio" does), a raw Dexie bulkPut of them (the floor), and the app's real engine
 *    (`createAppDatabase` + `startSync`) syncing the account into an empty database until
 *    `status$` reports idle with nothing pending; also at 3× the size (~100,000 documents);
 * 3. propagation — `streamClients` users of the team hold the protocol-2 change stream open while
 *    one writer edits a partner `edits` times: push sent → `changes` event parsed by each client.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BENCH_SIZE, generateDemoPortfolio, type DemoPortfolio, type DemoSize } from '../../src-shared/demo/demoPortfolio';
import type { CollectionName, IsoDate } from '../../src-shared/domain/types';
import { createSseParser, parseFeedStreamEvent } from '../../src-shared/sync/sseParser';
import {
  FEED_PUSH_PATH,
  FEED_STREAM_PATH,
  type FeedPushRequest,
  type FeedPushResponse,
  type LoginResponse,
  type SyncDocument,
} from '../../src-shared/sync/protocol';
import { firstPage, launchPersistent, tempDir } from './browser';
import type { EngineRun, InsertRun, SyncPageBench, SyncPagePrepared } from './page/main';
import { round, summarize, type Summary } from './stats';
import type { SyncServerMessage, SyncServerReady, SyncServerSetup } from './syncServerProcess';

export type SyncBenchOptions = {
  appUrl: string;
  /** The bench page (scripts/bench/page), served. */
  pageUrl: string;
  today: IsoDate;
  streamClients: number;
  edits: number;
  /** The second, larger account (~100,000 documents); null to skip it. */
  largeSize: DemoSize | null;
  /** PostgreSQL instead of embedded PGlite (a fresh schema is created in it). */
  databaseUrl?: string;
  log: (message: string) => void;
};

/** ~100,000 documents: the benchmark account three times over (same shape per partner). */
export const LARGE_SIZE: DemoSize = { partners: 1_500, totalTasks: 60_000, meetings: 15_000, deals: 15_000 };

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

async function postJson(url: string, token: string | null, body: unknown): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** A partner as the server holds it after the seed, with its server version (the base of the next edit). */
type Versioned = { document: SyncDocument; seq: number };

/** Pushes the portfolio as new documents (`baseSeq: null`); returns the per-request times. */
export async function seedServer(server: SyncServerReady, portfolio: DemoPortfolio, log: SyncBenchOptions['log']) {
  const requestMs: number[] = [];
  let documents = 0;
  let firstPartner: Versioned | null = null;
  const started = performance.now();
  for (const collection of SEED_ORDER) {
    const docs = portfolio[collection] as unknown as SyncDocument[];
    for (let i = 0; i < docs.length; i += PUSH_BATCH) {
      const request: FeedPushRequest = { rows: docs.slice(i, i + PUSH_BATCH).map((doc) => ({ collection, baseSeq: null, document: { ...doc, _deleted: false } })) };
      const t0 = performance.now();
      const result = await postJson(server.url + FEED_PUSH_PATH, server.ownerToken, request);
      requestMs.push(performance.now() - t0);
      const results = (result.body as FeedPushResponse | null)?.results;
      if (result.status !== 200 || !Array.isArray(results) || results.length !== request.rows.length || results.some((row) => row.status !== 'accepted')) {
        throw new Error(`seeding ${collection} failed: ${result.status} ${JSON.stringify(result.body).slice(0, 500)}`);
      }
      const first = results[0];
      const firstRow = request.rows[0];
      if (!firstPartner && collection === 'partners' && first?.status === 'accepted' && firstRow) firstPartner = { document: first.document ?? firstRow.document, seq: first.seq };
      documents += request.rows.length;
    }
    log(`pushed ${docs.length} ${collection}`);
  }
  const totalMs = performance.now() - started;
  if (!firstPartner) throw new Error('the portfolio has no partner');
  return {
    result: { documents, requests: requestMs.length, totalMs: round(totalMs), docsPerSecond: Math.round(documents / (totalMs / 1000)), requestMs: summarize(requestMs) },
    firstPartner,
  };
}

type PageHost = { syncPageBench?: SyncPageBench };

async function login(serverUrl: string): Promise<LoginResponse> {
  const result = await postJson(`${serverUrl}/api/auth/login`, null, { email: OWNER.email, password: OWNER.password });
  if (result.status !== 200) throw new Error(`login failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body as LoginResponse;
}

const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

/**
 * In one fresh Chromium on an empty on-disk profile, one page: the app's bulk insert of the
 * account's documents, a raw Dexie bulkPut of them, then the engine's initial sync of the same
 * account from the server. Each writes into its own new database, removed afterwards.
 */
async function initialSync(options: SyncBenchOptions, serverUrl: string, size: DemoSize, expected: Record<string, number>) {
  const profile = await tempDir('partner-desk-bench-sync-profile-');
  const context = await launchPersistent(profile.path);
  try {
    const page = await firstPage(context);
    page.setDefaultTimeout(600_000);
    await page.goto(options.pageUrl);
    await page.waitForFunction(() => (globalThis as unknown as PageHost).syncPageBench !== undefined);
    const prepared = (await page.evaluate((o) => (globalThis as unknown as PageHost).syncPageBench?.prepare(o), {
      today: options.today,
      ownerEmail: OWNER.email,
      ownerName: OWNER.name,
      size,
    })) as SyncPagePrepared;
    for (const [name, count] of Object.entries(expected)) if (prepared.counts[name] !== count) throw new Error(`the page generated ${prepared.counts[name]} ${name}, the server holds ${count}`);
    const session = await login(serverUrl);
    const appInsert = (await page.evaluate(() => (globalThis as unknown as PageHost).syncPageBench?.appInsert(1))) as InsertRun;
    options.log(`  app bulk insert: ${appInsert.documents} documents in ${round(appInsert.ms)} ms`);
    const dexie = (await page.evaluate(() => (globalThis as unknown as PageHost).syncPageBench?.dexiePut(1))) as InsertRun;
    options.log(`  raw Dexie bulkPut: ${round(dexie.ms)} ms`);
    // BENCH_SYNC_CPU_PROFILE=<file>: save a V8 CPU profile of the page during the engine's sync.
    const profileFile = process.env.BENCH_SYNC_CPU_PROFILE;
    const cdp = profileFile ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    const engine = (await page.evaluate(
      (o) => (globalThis as unknown as PageHost).syncPageBench?.engineSync(o),
      { runId: 1, serverUrl, token: session.token, user: session.user, timeoutMs: 540_000 },
    )) as EngineRun;
    if (cdp && profileFile) {
      const { profile: cpuProfile } = await cdp.send('Profiler.stop');
      await writeFile(profileFile, JSON.stringify(cpuProfile));
      options.log(`CPU profile of the initial sync written to ${profileFile}`);
    }
    for (const [name, count] of Object.entries(expected)) if (engine.counts[name] !== count) throw new Error(`after the sync the store holds ${engine.counts[name]} ${name} of ${count}`);
    const documents = prepared.documents;
    const perDocUs = (ms: number) => Math.round((ms * 1000) / documents);
    return {
      documents,
      order: 'app bulk insert, raw Dexie bulkPut, engine sync (one page, each into a new database)',
      engine: {
        seconds: round(engine.idleMs / 1000),
        docsPerSecond: Math.round(documents / (engine.idleMs / 1000)),
        microsecondsPerDocument: perDocUs(engine.idleMs),
        firstPartnerMs: engine.firstPartnerMs === null ? null : round(engine.firstPartnerMs),
        allPartnersMs: engine.allPartnersMs === null ? null : round(engine.allPartnersMs),
        statusSeen: engine.statusSeen,
      },
      appBulkInsert: { seconds: round(appInsert.ms / 1000), microsecondsPerDocument: perDocUs(appInsert.ms) },
      dexieBulkPut: { seconds: round(dexie.ms / 1000), microsecondsPerDocument: perDocUs(dexie.ms) },
      ratios: { engineToAppInsert: ratio(engine.idleMs, appInsert.ms), engineToDexie: ratio(engine.idleMs, dexie.ms), appInsertToDexie: ratio(appInsert.ms, dexie.ms) },
    };
  } finally {
    await context.close();
    await profile.remove();
  }
}

type StreamReader = { arrivals: Map<string, number>; resynced: Promise<void>; close: () => void };

/** A protocol-2 stream client: records when each partner state (`id@updatedAt`) arrives. */
async function openStream(serverUrl: string, token: string): Promise<StreamReader> {
  const controller = new AbortController();
  const response = await fetch(serverUrl + FEED_STREAM_PATH, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`stream refused: ${response.status}`);
  const arrivals = new Map<string, number>();
  let markResynced: () => void = () => undefined;
  const resynced = new Promise<void>((done) => (markResynced = done));
  const parser = createSseParser((message) => {
    const event = parseFeedStreamEvent(message);
    if (event?.type === 'resync') markResynced();
    if (event?.type !== 'changes') return;
    const at = performance.now();
    for (const change of event.changes) if (change.collection === 'partners') arrivals.set(`${change.document.id}@${String(change.document.updatedAt)}`, at);
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

async function propagation(options: SyncBenchOptions, server: SyncServerReady, partner: Versioned) {
  const opened = performance.now();
  const readers = await Promise.all(server.streamTokens.map((token) => openStream(server.url, token)));
  await Promise.all(readers.map((reader) => reader.resynced));
  const connectMs = performance.now() - opened;
  options.log(`${readers.length} protocol-2 streams open in ${round(connectMs)} ms`);
  const perClient: number[] = [];
  const untilAll: number[] = [];
  const pushMs: number[] = [];
  let missed = 0;
  let current = partner;
  try {
    for (let edit = 0; edit < options.edits; edit += 1) {
      const next: SyncDocument = { ...current.document, updatedAt: new Date(Date.now() + edit).toISOString() };
      const key = `${next.id}@${String(next.updatedAt)}`;
      const request: FeedPushRequest = { rows: [{ collection: 'partners', baseSeq: current.seq, document: next }] };
      const sent = performance.now();
      const result = await postJson(server.url + FEED_PUSH_PATH, server.ownerToken, request);
      pushMs.push(performance.now() - sent);
      const row = (result.body as FeedPushResponse | null)?.results?.[0];
      if (result.status !== 200 || row?.status !== 'accepted') throw new Error(`edit ${edit} was not accepted: ${result.status} ${JSON.stringify(result.body).slice(0, 300)}`);
      current = { document: row.document ?? next, seq: row.seq };
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

type InitialSyncResult = Awaited<ReturnType<typeof initialSync>>;

export type SyncBenchResult = {
  backend: string;
  pushThroughput: Awaited<ReturnType<typeof seedServer>>['result'];
  initialSync: InitialSyncResult;
  propagation: Awaited<ReturnType<typeof propagation>>;
  /** The same at ~100,000 documents, and how it grows per document. */
  large: {
    pushThroughput: Awaited<ReturnType<typeof seedServer>>['result'];
    initialSync: InitialSyncResult;
    growth: { documents: number; engineMicrosecondsPerDocument: number; appInsertMicrosecondsPerDocument: number; dexieMicrosecondsPerDocument: number };
  } | null;
};

function logSync(options: SyncBenchOptions, sync: InitialSyncResult) {
  options.log(
    `initial sync of ${sync.documents} documents: engine ${sync.engine.seconds} s (first partner ${sync.engine.firstPartnerMs} ms, all partners ${sync.engine.allPartnersMs} ms) | ` +
      `app bulk insert ${sync.appBulkInsert.seconds} s | raw Dexie ${sync.dexieBulkPut.seconds} s | engine/insert ${sync.ratios.engineToAppInsert}, engine/Dexie ${sync.ratios.engineToDexie}`,
  );
}

/** One account on a fresh server process: seed it, then the side-by-side initial sync. */
async function account(options: SyncBenchOptions, size: DemoSize, streamUsers: number) {
  const dataDir = await tempDir('partner-desk-bench-server-');
  const server = await startServerProcess(streamUsers, dataDir.path, options.databaseUrl);
  const stop = async () => {
    await server.stop();
    await dataDir.remove();
  };
  try {
    options.log(`sync server (${server.ready.backend}) at ${server.ready.url} with ${server.ready.streamTokens.length + 1} users; account ${JSON.stringify(size)}`);
    const portfolio = generateDemoPortfolio({ today: options.today, size, ownerEmail: OWNER.email, ownerName: OWNER.name });
    const seeded = await seedServer(server.ready, portfolio, options.log);
    options.log(`push: ${seeded.result.documents} documents in ${seeded.result.totalMs} ms (${seeded.result.docsPerSecond}/s)`);
    const expected = Object.fromEntries(SEED_ORDER.map((name) => [name, portfolio[name].length]));
    const sync = await initialSync(options, server.ready.url, size, expected);
    logSync(options, sync);
    return { server, stop, seeded, sync };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function syncBench(options: SyncBenchOptions): Promise<SyncBenchResult> {
  const main = await account(options, BENCH_SIZE, options.streamClients);
  let spread: Awaited<ReturnType<typeof propagation>>;
  try {
    spread = await propagation(options, main.server.ready, main.seeded.firstPartner);
    options.log(`propagation to ${spread.streamClients} clients: every client p50 ${spread.editToEveryClientMs.median} ms, p95 ${spread.editToEveryClientMs.p95} ms`);
  } finally {
    await main.stop();
  }
  let large: SyncBenchResult['large'] = null;
  if (options.largeSize) {
    const big = await account(options, options.largeSize, 0);
    await big.stop();
    const s = big.sync;
    large = {
      pushThroughput: big.seeded.result,
      initialSync: s,
      growth: {
        documents: ratio(s.documents, main.sync.documents),
        engineMicrosecondsPerDocument: ratio(s.engine.microsecondsPerDocument, main.sync.engine.microsecondsPerDocument),
        appInsertMicrosecondsPerDocument: ratio(s.appBulkInsert.microsecondsPerDocument, main.sync.appBulkInsert.microsecondsPerDocument),
        dexieMicrosecondsPerDocument: ratio(s.dexieBulkPut.microsecondsPerDocument, main.sync.dexieBulkPut.microsecondsPerDocument),
      },
    };
  }
  return { backend: main.server.ready.backend, pushThroughput: main.seeded.result, initialSync: main.sync, propagation: spread, large };
}

export type { Summary };
