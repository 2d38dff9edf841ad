/**
 * Simulated laptops for the sync tests, each in its own worker thread (see laptopWorker.ts),
 * with helpers that read like the story they test:
 *
 *   const a = await laptop('a', ann, server);
 *   await a.goOffline();
 *   await a.edit('planitems', 'g1', { title: 'Win 10 deals' });
 *   await a.restart();
 */
import { Worker } from 'node:worker_threads';
import { afterEach } from 'vitest';
import type { SyncServer } from '../../../../src-server/createServer';
import type { SyncTiming } from '../../../../src-renderer/sync/syncConnection';
import type { SyncStatus } from '../../../../src-renderer/sync/syncTypes';
import type { CollectionName } from '../../../../src-shared/domain/types';
import type { SyncUser } from '../../../../src-shared/sync/protocol';
import type { BarrierKind, Counters, EditResult, LaptopConfig, LaptopRequest, LaptopResponse, NetworkConditions, RemoveResult } from './laptopProtocol';

type Doc = Record<string, unknown>;

/** Fast retries: the test server's heartbeat is 200 ms. */
export const TEST_TIMING: Partial<SyncTiming> = {
  initialRetryMs: 100,
  maxRetryMs: 1500,
  streamIdleTimeoutMs: 3000,
  staleAfterWakeMs: 1000,
  requestTimeoutMs: 15_000,
};

const WAIT_MS = 20_000;

export type Account = { email: string; token: string; user: SyncUser };

/** A user of the test server (created once, teams created as needed) with a fresh session. */
export async function account(server: SyncServer, email: string, teams: string[] = ['north']): Promise<Account> {
  const existingTeams = new Set((await server.admin.listTeams()).map((team) => team.name));
  for (const team of teams) if (!existingTeams.has(team)) await server.admin.addTeam(team);
  const users = await server.admin.listUsers();
  if (!users.some((user) => user.email === email)) {
    await server.admin.addUser({ email, name: email.split('@')[0] ?? email, role: 'manager', teams });
  }
  const session = await server.admin.issueToken(email);
  return { email, token: session.token, user: session.user };
}

export type Laptop = {
  name: string;
  insert: (collection: CollectionName, doc: Doc) => Promise<Doc>;
  /** Changes fields the way the app does (stamping updatedAt); returns the state it replaced. */
  edit: (collection: CollectionName, id: string, changes: Doc) => Promise<EditResult>;
  remove: (collection: CollectionName, id: string) => Promise<RemoveResult>;
  docs: (collection: CollectionName) => Promise<Doc[]>;
  doc: (collection: CollectionName, id: string) => Promise<Doc | null>;
  /** Resolves when the document (pushed by the change stream, never polled) matches `expected`. */
  waitForDoc: (collection: CollectionName, id: string, expected: Doc | 'deleted', timeoutMs?: number) => Promise<Doc | null>;
  status: () => Promise<SyncStatus>;
  waitForStatus: (expected: Partial<SyncStatus>, timeoutMs?: number) => Promise<SyncStatus>;
  /** Everything pushed and pulled: idle with nothing pending. */
  waitUntilSynced: (timeoutMs?: number) => Promise<SyncStatus>;
  goOffline: () => Promise<void>;
  goOnline: () => Promise<void>;
  /** Quits and relaunches the app: same IndexedDB, new database and sync engine. */
  restart: () => Promise<void>;
  signIn: (account: Account) => Promise<void>;
  counters: () => Promise<Counters>;
  /** Diagnostics: the stored document (deleted or not) and its last acknowledged server state. */
  inspect: (collection: CollectionName, id: string) => Promise<unknown>;
  /** Cuts the change stream alone, or delays pushes on their way to the server. */
  network: (conditions: Partial<NetworkConditions>) => Promise<void>;
  /** Starts recording every state one document takes in the store; `watched` returns them. */
  watch: (collection: CollectionName, id: string) => Promise<void>;
  watched: () => Promise<Doc[]>;
  /** Arms a one-shot barrier: the next request (or answer) of this kind waits until `release`. */
  hold: (kind: BarrierKind) => Promise<void>;
  /** Resolves once a request has reached the armed barrier (proof that the interleaving happens). */
  held: (kind: BarrierKind, timeoutMs?: number) => Promise<void>;
  release: (kind: BarrierKind) => Promise<void>;
  close: () => Promise<void>;
};

const running = new Set<Laptop>();

afterEach(async () => {
  await Promise.all([...running].map((laptop) => laptop.close()));
});

const workerSource = (url: string) => `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); })`;

export async function laptop(name: string, who: Account, server: Pick<SyncServer, 'url'>, timing: Partial<SyncTiming> = TEST_TIMING): Promise<Laptop> {
  const config: LaptopConfig = { name, serverUrl: server.url, token: who.token, user: who.user, timing };
  const worker = new Worker(workerSource(new URL('./laptopWorker.ts', import.meta.url).href), { eval: true, workerData: config });
  let seq = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; op: string }>();
  let dead: Error | null = null;
  const fail = (error: Error) => {
    dead = error;
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };
  worker.on('message', (response: LaptopResponse) => {
    const entry = pending.get(response.seq);
    if (!entry) return;
    pending.delete(response.seq);
    if (response.ok) entry.resolve(response.value);
    else entry.reject(new Error(`laptop ${name} (${entry.op}): ${response.error}`));
  });
  worker.on('error', (error) => fail(error instanceof Error ? error : new Error(String(error))));
  worker.on('exit', (code) => fail(new Error(`laptop ${name} exited (${code})`)));

  const call = <T>(request: LaptopRequest): Promise<T> => {
    if (dead) return Promise.reject(dead);
    seq += 1;
    const id = seq;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, op: request.op });
      worker.postMessage({ ...request, seq: id });
    });
  };

  let closed: Promise<void> | null = null;
  const self: Laptop = {
    name,
    insert: (collection, doc) => call({ op: 'insert', collection, doc }),
    edit: (collection, id, changes) => call({ op: 'edit', collection, id, changes }),
    remove: (collection, id) => call({ op: 'remove', collection, id }),
    docs: (collection) => call({ op: 'docs', collection }),
    doc: (collection, id) => call({ op: 'doc', collection, id }),
    waitForDoc: (collection, id, expected, timeoutMs = WAIT_MS) => call({ op: 'waitForDoc', collection, id, expected, timeoutMs }),
    status: () => call({ op: 'status' }),
    waitForStatus: (expected, timeoutMs = WAIT_MS) => call({ op: 'waitForStatus', expected, timeoutMs }),
    waitUntilSynced: (timeoutMs = WAIT_MS) => call({ op: 'waitForStatus', expected: { state: 'idle', pending: 0 }, timeoutMs }),
    goOffline: () => call({ op: 'goOffline' }),
    goOnline: () => call({ op: 'goOnline' }),
    restart: () => call({ op: 'restart' }),
    signIn: (next) => call({ op: 'signIn', token: next.token, user: next.user }),
    counters: () => call({ op: 'counters' }),
    inspect: (collection, id) => call({ op: 'inspect', collection, id }),
    network: (conditions) => call({ op: 'network', conditions }),
    watch: (collection, id) => call({ op: 'watch', collection, id }),
    watched: () => call({ op: 'watched' }),
    hold: (kind) => call({ op: 'hold', kind }),
    held: (kind, timeoutMs = WAIT_MS) => call({ op: 'held', kind, timeoutMs }),
    release: (kind) => call({ op: 'release', kind }),
    close: () => {
      closed ??= (async () => {
        running.delete(self);
        if (!dead) await call({ op: 'close' }).catch(() => undefined);
        await worker.terminate();
      })();
      return closed;
    },
  };
  running.add(self);
  await call({ op: 'open' });
  return self;
}

/** Polls (test-side only) until `check` passes or the time is up; returns the last failure. */
export async function eventually(check: () => Promise<void>, timeoutMs = WAIT_MS, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
