import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncCheckpoint } from '../../../src-shared/sync/checkpoint';
import { PULL_LIMIT_MAX, type PullResponse, type SyncDocument } from '../../../src-shared/sync/protocol';
import type { ValidatedPushRow } from '../../../src-server/sync/validatePushBody';
import { insertRow, partnerDoc, taskDoc, updateRow } from './support/docFactories';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { apiFor, openStream, seedUser, streamedDocuments, type HttpResult } from './support/syncClient';

function validatedRow(index: number, doc: SyncDocument): ValidatedPushRow {
  const { _deleted, ...data } = doc;
  return { index, id: doc.id, data, deleted: _deleted, assumed: null };
}

describe.each(BACKENDS)('sync: pull, push, checkpoints (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('pages through a pull with server-assigned, strictly increasing checkpoints; limit is capped', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    expect((await ann.api.push('partners', [insertRow(partnerDoc('p1'))])).body).toEqual([]);
    const tasks = Array.from({ length: 25 }, (_, i) => taskDoc(`t${String(i).padStart(2, '0')}`, 'p1'));
    expect((await ann.api.push('tasks', tasks.map(insertRow))).status).toBe(200);

    const seen: string[] = [];
    const checkpoints: number[] = [];
    let checkpoint: SyncCheckpoint | null = null;
    const sizes: number[] = [];
    for (let page = 0; page < 10; page += 1) {
      const result: HttpResult<PullResponse> = await ann.api.pull('tasks', checkpoint, 10);
      expect(result.status).toBe(200);
      sizes.push(result.body.documents.length);
      seen.push(...result.body.documents.map((doc) => doc.id));
      checkpoint = result.body.checkpoint;
      checkpoints.push(checkpoint.seq);
      if (result.body.documents.length === 0) break;
    }
    expect(sizes).toEqual([10, 10, 5, 0]);
    expect(seen.sort()).toEqual(tasks.map((task) => task.id).sort());
    expect(checkpoints.slice(0, 3)).toEqual([...checkpoints.slice(0, 3)].sort((a, b) => a - b));
    expect(new Set(checkpoints.slice(0, 3)).size).toBe(3);
    expect(checkpoints[3]).toBe(checkpoints[2]);
    expect(checkpoint?.epoch).toBe(server.epoch);

    // The client's clock plays no part: a doc with an ancient updatedAt still lands after the checkpoint.
    await ann.api.push('tasks', [insertRow(taskDoc('t-old', 'p1', { createdAt: '1999-01-01T00:00:00.000Z', updatedAt: '1999-01-01T00:00:00.000Z' }))]);
    const after = await ann.api.pull('tasks', checkpoint, 10);
    expect(after.body.documents.map((doc) => doc.id)).toEqual(['t-old']);
    expect(after.body.checkpoint.seq).toBeGreaterThan(checkpoint?.seq ?? 0);

    const capped = await ann.api.pull('tasks', null, 100_000);
    expect(capped.status).toBe(200);
    expect(capped.body.documents.length).toBeLessThanOrEqual(PULL_LIMIT_MAX);
    expect(capped.body.documents).toHaveLength(26);

    // A checkpoint of another epoch (recreated server database) restarts from the beginning.
    const foreign = await ann.api.pull('tasks', { epoch: 'otherepoch', seq: 999_999 }, 500);
    expect(foreign.body.documents).toHaveLength(26);
  });

  it('replayed push changes nothing; stale assumedMasterState returns the master as conflict', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const bob = await seedUser(server, 'bob@north.example', { teams: ['north'] });
    const partner = partnerDoc('p1', { ownerEmail: 'ann@north.example' });
    await ann.api.push('partners', [insertRow(partner)]);
    const task = taskDoc('t1', 'p1');
    const batch = [insertRow(task), insertRow(taskDoc('t2', 'p1'))];
    expect((await ann.api.push('tasks', batch)).body).toEqual([]);
    const first = await ann.api.pullAll('tasks');

    // Same batch again: no conflict, no new row, no new checkpoint.
    expect((await ann.api.push('tasks', batch)).body).toEqual([]);
    const again = await ann.api.pull('tasks', first.checkpoint);
    expect(again.body.documents).toEqual([]);
    expect(again.body.checkpoint).toEqual(first.checkpoint);
    expect((await server.db.query('SELECT id FROM docs WHERE collection = $1', ['tasks'])).length).toBe(2);

    // Bob edits t1 (assumed master matches, even with other key order and RxDB local fields).
    const reordered = Object.fromEntries(Object.entries(task).reverse());
    const bobEdit = { ...task, title: 'Bob title', updatedAt: '2026-11-21T10:00:00.000Z' };
    const bobResult = await bob.api.push('tasks', [
      { newDocumentState: { ...bobEdit, _meta: { lwt: 1 }, _rev: '2-abc', _attachments: {} }, assumedMasterState: { ...reordered, _meta: { lwt: 0 }, _rev: '1-x' } as unknown as SyncDocument },
    ]);
    expect(bobResult.body).toEqual([]);

    // Ann still assumes the original: conflict, master returned, nothing written.
    const annEdit = updateRow(task, { title: 'Ann title' });
    const conflict = await ann.api.push('tasks', [annEdit]);
    expect(conflict.status).toBe(200);
    expect(conflict.body).toEqual([{ ...bobEdit, _deleted: false }]);
    const stored = await server.db.query<{ data: { title: string } }>(`SELECT data FROM docs WHERE collection = 'tasks' AND id = 't1'`);
    expect(stored[0]?.data.title).toBe('Bob title');
    expect(JSON.stringify(stored[0]?.data)).not.toContain('_rev');

    // Resolving against the returned master succeeds; a delete travels as a tombstone.
    const resolved = { ...bobEdit, title: 'Ann title', updatedAt: '2026-11-21T11:00:00.000Z', _deleted: false };
    expect((await ann.api.push('tasks', [{ newDocumentState: resolved, assumedMasterState: conflict.body[0] }])).body).toEqual([]);
    expect((await ann.api.push('tasks', [{ newDocumentState: { ...resolved, _deleted: true }, assumedMasterState: resolved }])).body).toEqual([]);
    const bobView = await bob.api.pullAll('tasks');
    expect(bobView.documents.find((doc) => doc.id === 't1')).toMatchObject({ _deleted: true, title: 'Ann title' });
  });

  it('never skips a row that commits after a row with a larger checkpoint', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    await ann.api.push('partners', [insertRow(partnerDoc('p1'))]);
    const start = await ann.api.pullAll('tasks');

    // Transaction A writes t-slow and holds before COMMIT.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const inside = new Promise<void>((resolve) => (reached = resolve));
    const viewer = { id: ann.id, email: ann.email, role: 'manager' as const };
    const slow = server.push(viewer, 'tasks', [validatedRow(0, taskDoc('t-slow', 'p1'))], {
      beforeCommit: async () => {
        reached();
        await gate;
      },
    });
    await inside;

    // Another writer commits t-fast; a pull runs meanwhile.
    const fast = ann.api.push('tasks', [insertRow(taskDoc('t-fast', 'p1'))]);
    const pullDuring = ann.api.pull('tasks', start.checkpoint);
    if (backend === 'postgres') {
      // Real concurrency: the pull answers while A still holds its transaction (nothing is
      // released until it has), and t-fast waits for A's commit. A pull that waited for the
      // commit would never answer here: the deadline names that instead of a bare timeout.
      const deadline = new Promise<never>((_, reject) => {
        const timer = setTimeout(() => reject(new Error('the pull did not answer while a push transaction was held open')), 30_000);
        void pullDuring.finally(() => clearTimeout(timer));
      });
      expect((await Promise.race([pullDuring, deadline])).body.documents).toEqual([]);
    }
    release();
    expect((await slow).kind).toBe('ok');
    expect((await fast).status).toBe(200);
    const during = await pullDuring;
    const duringIds = during.body.documents.map((doc) => doc.id);
    // Whatever the pull saw is a prefix of the commit order: never t-fast without t-slow.
    if (duringIds.includes('t-fast')) expect(duringIds).toContain('t-slow');

    const next = await ann.api.pullAll('tasks', during.body.checkpoint);
    const all = new Set([...duringIds, ...next.documents.map((doc) => doc.id)]);
    expect(all).toEqual(new Set(['t-slow', 't-fast']));

    const seqs = await server.db.query<{ id: string; seq: number }>(`SELECT id, seq FROM docs WHERE collection = 'tasks' ORDER BY seq`);
    expect(seqs.map((row) => row.id)).toEqual(['t-slow', 't-fast']);
    expect(typeof seqs[0]?.seq).toBe('number');
  });

  it('loses nothing when the server restarts during sync', async () => {
    const dataDir = backend === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'pd-restart-')) : undefined;
    const schema = env.schema();
    const options = dataDir ? { dataDir } : { schema };
    try {
      let server = await env.start(options);
      const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
      await ann.api.push('partners', [insertRow(partnerDoc('p1'))]);
      const batch = Array.from({ length: 30 }, (_, i) => insertRow(taskDoc(`a${i}`, 'p1')));
      await ann.api.push('tasks', batch);
      const firstPage = await ann.api.pull('tasks', null, 12);
      expect(firstPage.body.documents).toHaveLength(12);
      const epoch = server.epoch;

      await server.close();
      server = await env.start(options);
      expect(server.epoch).toBe(epoch);
      const api = apiFor(server, ann.token);
      expect((await api.request('GET', '/api/me')).status).toBe(200);
      await api.push('tasks', Array.from({ length: 5 }, (_, i) => insertRow(taskDoc(`b${i}`, 'p1'))));
      const rest = await api.pullAll('tasks', firstPage.body.checkpoint);
      const ids = new Set([...firstPage.body.documents.map((doc) => doc.id), ...rest.documents.map((doc) => doc.id)]);
      expect(ids.size).toBe(35);
      expect(rest.checkpoint?.seq).toBeGreaterThan(firstPage.body.checkpoint.seq);
      // Replaying the pre-restart batch after the restart is still a no-op.
      expect((await api.push('tasks', batch)).body).toEqual([]);
      expect((await api.pull('tasks', rest.checkpoint)).body.documents).toEqual([]);
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  });

  // Needs PostgreSQL: PGlite is embedded in one process, so there is no other process to reach.
  if (backend === 'postgres') it('delivers changes to stream clients of another server process (LISTEN/NOTIFY)', async () => {
    const schema = env.schema();
    const serverA = await env.start({ schema });
    const serverB = await env.start({ schema });
    const ann = await seedUser(serverA, 'ann@north.example', { teams: ['north'] });
    const bob = await seedUser(serverA, 'bob@north.example', { teams: ['north'] });
    await ann.api.push('partners', [insertRow(partnerDoc('p1'))]);
    const stream = await openStream(serverA, bob.token);
    await stream.waitFor((event) => event.type === 'resync');
    const annOnB = apiFor(serverB, ann.token);
    expect((await annOnB.push('tasks', [insertRow(taskDoc('t-via-b', 'p1'))])).status).toBe(200);
    await stream.waitFor((event) => event.type === 'change' && event.documents.some((doc) => doc.id === 't-via-b'));
    expect(streamedDocuments(stream, 'tasks').map((doc) => doc.id)).toEqual(['t-via-b']);
    stream.close();
  });
});
