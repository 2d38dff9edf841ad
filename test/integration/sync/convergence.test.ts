/**
 * A seeded randomized run: three laptops (three users of one team) create, edit and delete goals
 * and tasks of shared partners, go offline and come back, and restart the app, concurrently.
 * Then they reconnect and must converge to the server's state, and every write a laptop accepted
 * must be accounted for: still present, knowingly replaced (the writer of a later value had it
 * on screen), or recorded as the losing side of a conflict. `SYNC_SEED=<n>` replays a run.
 */
import { describe, expect, it } from 'vitest';
import type { CollectionName } from '../../../src-shared/domain/types';
import { isSameDocument } from '../../../src-shared/sync/documentEquality';
import { apiFor } from '../server/support/syncClient';
import { BACKENDS, useTestEnv } from '../server/support/testBackends';
import { goal, partner, task } from './support/appDocs';
import { account, eventually, laptop, type Account, type Laptop } from './support/laptop';

type Doc = Record<string, unknown>;

const OPS_PER_LAPTOP = Number(process.env.SYNC_OPS ?? 200);
/**
 * A fresh seed every run (printed with the result, and in every failure), so CI explores a new
 * interleaving each time; `SYNC_SEED=<n>` replays one. `npm run soak:sync` runs many seeds.
 */
const SEED = process.env.SYNC_SEED ? Number(process.env.SYNC_SEED) : Math.floor(Math.random() * 2 ** 31);
console.log(`convergence seed ${SEED} (replay with SYNC_SEED=${SEED})`);
const PARTNERS = ['p1', 'p2'];

/** Fields the run writes, with values unique per write so each one can be traced. */
const TRACKED: Record<'planitems' | 'tasks', readonly string[]> = {
  planitems: ['title', 'metric', 'nextStep'],
  tasks: ['title', 'ownerName', 'guidance'],
};
type Kind = keyof typeof TRACKED;

type Write =
  | { laptop: string; kind: 'field'; collection: Kind; id: string; field: string; value: string; before?: unknown; at: number }
  | { laptop: string; kind: 'delete'; collection: Kind; id: string; before?: unknown; at: number };

/** mulberry32: small, seedable, good enough to pick operations. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

describe.each(BACKENDS)('randomized convergence (%s)', (backend) => {
  const env = useTestEnv(backend);

  it(`3 laptops × ${OPS_PER_LAPTOP} random operations converge and lose no write`, { timeout: 180_000 * Math.max(1, OPS_PER_LAPTOP / 200) }, async () => {
    const startedAt = Date.now();
    const server = await env.start();
    const accounts: Account[] = [];
    for (const name of ['ann', 'bob', 'cat']) accounts.push(await account(server, `${name}@north.example`));
    const laptops = await Promise.all(['a', 'b', 'c'].map((name, i) => laptop(name, accounts[i] as Account, server)));
    const [a] = laptops as [Laptop, Laptop, Laptop];
    for (const id of PARTNERS) await a.insert('partners', partner(id, accounts[0]?.email ?? ''));
    for (const l of laptops) for (const id of PARTNERS) await l.waitForDoc('partners', id, { id });

    const ledger: Write[] = [];
    /** Values a later write replaced while its writer had them (not lost: overwritten on purpose). */
    const superseded = new Set<string>();
    const stats = { creates: 0, edits: 0, deletes: 0, offline: 0, restarts: 0, idle: 0 };

    const step = async (l: Laptop, rand: () => number, state: { online: boolean; n: number }) => {
      state.n += 1;
      const token = () => `${l.name}:${state.n}:${Math.floor(rand() * 1e6)}`;
      const kind: Kind = rand() < 0.65 ? 'planitems' : 'tasks';
      const r = rand();
      if (r < 0.16) {
        const id = `${l.name}-${kind}-${state.n}`;
        const values = Object.fromEntries(TRACKED[kind].map((field) => [field, token()]));
        const partnerId = pick(rand, PARTNERS);
        await l.insert(kind, kind === 'planitems' ? goal(id, partnerId, values) : task(id, partnerId, values));
        for (const [field, value] of Object.entries(values)) ledger.push({ laptop: l.name, kind: 'field', collection: kind, id, field, value: value as string, at: Date.now() });
        stats.creates += 1;
      } else if (r < 0.64) {
        const docs = await l.docs(kind);
        if (docs.length === 0) return;
        const doc = pick(rand, docs);
        const fields = TRACKED[kind].filter(() => rand() < 0.45);
        if (fields.length === 0) fields.push(pick(rand, TRACKED[kind]));
        const changes = Object.fromEntries(fields.map((field) => [field, token()]));
        const result = await l.edit(kind, String(doc.id), changes);
        if (!result.found) return;
        for (const field of fields) {
          const before = result.before?.[field];
          if (typeof before === 'string') superseded.add(before);
          ledger.push({ laptop: l.name, kind: 'field', collection: kind, id: String(doc.id), field, value: changes[field] as string, before, at: Date.now() });
        }
        stats.edits += 1;
      } else if (r < 0.69) {
        const docs = await l.docs(kind);
        if (docs.length < 4) return;
        const doc = pick(rand, docs);
        const result = await l.remove(kind, String(doc.id));
        if (!result.found) return;
        for (const field of TRACKED[kind]) {
          const before = result.before?.[field];
          if (typeof before === 'string') superseded.add(before);
        }
        ledger.push({ laptop: l.name, kind: 'delete', collection: kind, id: String(doc.id), before: result.before, at: Date.now() });
        stats.deletes += 1;
      } else if (r < 0.77) {
        if (state.online && rand() < 0.45) {
          await l.goOffline();
          state.online = false;
          stats.offline += 1;
        } else if (!state.online) {
          await l.goOnline();
          state.online = true;
        }
      } else if (r < 0.79) {
        await l.restart();
        stats.restarts += 1;
      } else {
        stats.idle += 1;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(rand() * 25)));
      }
    };

    await Promise.all(
      laptops.map(async (l, i) => {
        const rand = random(SEED + i * 7919);
        const state = { online: true, n: 0 };
        while (state.n < OPS_PER_LAPTOP) await step(l, rand, state);
        if (!state.online) await l.goOnline();
      }),
    );
    const opsDoneAt = Date.now();

    // Converge: every laptop idle with nothing pending, all holding the server's documents.
    const collections: CollectionName[] = ['planitems', 'tasks', 'conflicts', 'partners'];
    const api = apiFor(server, accounts[0]?.token ?? '');
    const serverState = async () => Object.fromEntries(await Promise.all(collections.map(async (c) => [c, (await api.pullAll(c)).documents] as const)));
    let onServer: Record<string, Doc[]> = {};
    const traced = new Set<string>();
    /** The laptop's sync trace around one document: what a CI log needs to explain a failure. */
    const traceAround = async (l: Laptop, c: CollectionName, id: string) => {
      const { trace } = (await l.inspect(c, id)) as { trace: string[] };
      return trace.filter((line) => line.includes(id) || /RESTART|ONLINE|OFFLINE|ENGINE|resync|gate /.test(line)).slice(-60);
    };
    /** Reported in the failure itself (CI shows the failure, not every log line). */
    const report: string[] = [];
    const explainDivergence = async () => {
      for (const c of collections) {
        const rows = await server.db.query<{ id: string; seq: number | string }>(`SELECT id, seq FROM docs WHERE collection = $1 ORDER BY seq`, [c]);
        console.log(`SEQ ${c}: ${rows.map((row) => `${row.id}@${row.seq}`).join(' ')}`);
      }
      for (const c of collections) {
        const byId = new Map((onServer[c] ?? []).map((doc) => [String(doc.id), doc]));
        for (const l of laptops) {
          const local = new Map((await l.docs(c)).map((doc) => [String(doc.id), doc]));
          const ids = new Set([...local.keys(), ...[...byId.values()].filter((doc) => doc._deleted !== true).map((doc) => String(doc.id))]);
          for (const id of ids) {
            const server = byId.get(id);
            const mine = local.get(id);
            const same = server && server._deleted !== true ? !!mine && isSameDocument(mine, server) : !mine;
            if (same) continue;
            if (process.env.SYNC_TRACE && !traced.has(l.name)) { traced.add(l.name); const info = (await l.inspect(c, id)) as { trace: string[] }; console.log(`TRACE ${l.name}\n${info.trace.join('\n')}`); }
            const { trace: _trace, ...inspected } = (await l.inspect(c, id)) as { trace: string[] };
            const line = `DIVERGED ${l.name} ${c}/${id}\n server: ${JSON.stringify(server)}\n laptop: ${JSON.stringify(inspected)}\n history: ${JSON.stringify(ledger.filter((w) => w.id === id))}`;
            console.log(line);
            if (report.length < 3) report.push(`${line}\n trace of ${l.name}:\n${(await traceAround(l, c, id)).join('\n')}`);
          }
        }
      }
    };
    await eventually(async () => {
      for (const l of laptops) expect(await l.status(), l.name).toMatchObject({ state: 'idle', pending: 0 });
      onServer = await serverState();
      for (const c of collections) {
        const alive = onServer[c]?.filter((doc) => doc._deleted !== true) ?? [];
        const byId = new Map(alive.map((doc) => [String(doc.id), doc]));
        for (const l of laptops) {
          const local = await l.docs(c);
          expect(local.map((doc) => doc.id).sort(), `${l.name} ${c} ids`).toEqual([...byId.keys()].sort());
          for (const doc of local) expect(isSameDocument(doc, byId.get(String(doc.id))), `${l.name} ${c}/${String(doc.id)} equals the server's`).toBe(true);
        }
      }
    }, 90_000, 250).catch(async (error: unknown) => {
      await explainDivergence();
      throw new Error(`${error instanceof Error ? error.message : String(error)} (seed ${SEED}, ${backend})\n${report.join('\n\n')}`, { cause: error });
    });

    // Account for every write.
    const finalDocs = new Map<string, Doc>();
    for (const c of ['planitems', 'tasks'] as const) for (const doc of onServer[c] ?? []) finalDocs.set(`${c}/${String(doc.id)}`, doc);
    const records = (onServer.conflicts ?? []).filter((doc) => doc._deleted !== true);
    const lostValues = new Set<string>();
    const lostDeletes = new Set<string>();
    for (const record of records) {
      const lost = record.lostValue;
      if (typeof lost === 'string') lostValues.add(lost);
      else if (lost && typeof lost === 'object') for (const value of Object.values(lost as Doc)) if (typeof value === 'string') lostValues.add(value);
      if (record.field === '_deleted' && lost === true) lostDeletes.add(`${String(record.collectionName)}/${String(record.documentId)}`);
    }
    let present = 0;
    let replaced = 0;
    let recorded = 0;
    const lost: Write[] = [];
    for (const write of ledger) {
      const key = `${write.collection}/${write.id}`;
      const doc = finalDocs.get(key);
      if (write.kind === 'delete') {
        if (doc?._deleted === true) present += 1;
        else if (lostDeletes.has(key)) recorded += 1;
        else lost.push(write);
        continue;
      }
      if (doc && doc._deleted !== true && doc[write.field] === write.value) present += 1;
      else if (superseded.has(write.value)) replaced += 1;
      else if (lostValues.has(write.value)) recorded += 1;
      else lost.push(write);
    }
    const total = ledger.length;
    const accounted = present + replaced + recorded;
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    console.log(
      `converged ${accounted}/${total}, lost ${total - accounted} — seed ${SEED}, ${backend}, 3 laptops × ${OPS_PER_LAPTOP} ops ` +
        `(${stats.creates} creates, ${stats.edits} edits, ${stats.deletes} deletes, ${stats.offline} offline spells, ${stats.restarts} restarts); ` +
        `writes: ${present} present, ${replaced} knowingly replaced, ${recorded} recorded as conflict losers; ${records.length} conflict records; ` +
        `ops ${seconds(opsDoneAt - startedAt)} s, convergence ${seconds(Date.now() - opsDoneAt)} s`,
    );
    const lostReport: string[] = [];
    for (const write of lost) {
      const key = `${write.collection}/${write.id}`;
      const laptopOfWrite = laptops.find((l) => l.name === write.laptop) as Laptop;
      lostReport.push(
        `LOST ${JSON.stringify(write)}\nserver: ${JSON.stringify(finalDocs.get(key))}\nrecords: ${JSON.stringify(records.filter((r) => r.documentId === write.id))}\n` +
          `history: ${JSON.stringify(ledger.filter((w) => w.id === write.id))}\ntrace of ${write.laptop}:\n${(await traceAround(laptopOfWrite, write.collection, write.id)).join('\n')}`,
      );
    }
    expect(lostReport.slice(0, 3), `${lost.length} writes neither present, replaced on purpose, nor recorded as a conflict (seed ${SEED}, ${backend})`).toEqual([]);
    expect(total).toBeGreaterThan(300);
    expect(stats.restarts).toBeGreaterThan(0);
    expect(stats.offline).toBeGreaterThan(0);
  });
});
