/** Protocol 2: one feed across collections (`GET /api/sync/pull`) and pushes with a base version (`POST /api/sync/push`). */
import { describe, expect, it } from 'vitest';
import type { SyncCheckpoint } from '../../../src-shared/sync/checkpoint';
import { FEED_PULL_LIMIT_MAX, FEED_PUSH_ROWS_MAX, type ApiError, type FeedPullResponse, type FeedPushResult, type SyncDocument } from '../../../src-shared/sync/protocol';
import type { ValidatedFeedRow } from '../../../src-server/sync/validateFeedPushBody';
import { feedRow, nextTimestamp, partnerDoc, taskDoc, templateDoc } from './support/docFactories';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { feedKey, seedUser } from './support/syncClient';

const accepted = (result: FeedPushResult | undefined): number => {
  if (result?.status !== 'accepted') throw new Error(`expected accepted, got ${JSON.stringify(result)}`);
  return result.seq;
};

function validatedFeedRow(index: number, collection: ValidatedFeedRow['collection'], doc: SyncDocument, baseSeq: number | null): ValidatedFeedRow {
  const { _deleted, ...data } = doc;
  return { index, id: doc.id, data, deleted: _deleted, assumed: null, collection, baseSeq };
}

describe.each(BACKENDS)('protocol 2 push (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('accepts new rows with new seqs, replays without writing, and answers a stale baseSeq with the stored state', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const bob = await seedUser(server, 'bob@north.example', { teams: ['north'] });
    const partner = partnerDoc('p1', { ownerEmail: 'ann@north.example' });
    const task = taskDoc('t1', 'p1');
    const first = await ann.api.feedPush([feedRow('partners', partner), feedRow('tasks', task)]);
    expect(first.status).toBe(200);
    expect(first.body.results.map((result) => result.status)).toEqual(['accepted', 'accepted']);
    const taskSeq = accepted(first.body.results[1]);
    expect(first.body.results[1]).toEqual({ status: 'accepted', seq: taskSeq });
    const stored = await server.db.query<{ seq: number }>(`SELECT seq FROM docs WHERE collection = 'tasks' AND id = 't1'`);
    expect(stored[0]?.seq).toBe(taskSeq);

    // The same push again: accepted at the stored versions, nothing written.
    const headBefore = await server.db.query(`SELECT seq FROM feed_counter`);
    const replay = await ann.api.feedPush([feedRow('partners', partner), feedRow('tasks', task)]);
    expect(replay.status).toBe(200);
    expect(replay.body.results).toEqual(first.body.results);
    expect(await server.db.query(`SELECT seq FROM feed_counter`)).toEqual(headBefore);

    // Bob edits from the current version: accepted with a newer seq.
    const bobEdit = { ...task, title: 'Bob title', updatedAt: nextTimestamp() };
    const bobResult = await bob.api.feedPush([feedRow('tasks', bobEdit, taskSeq)]);
    const bobSeq = accepted(bobResult.body.results[0]);
    expect(bobSeq).toBeGreaterThan(taskSeq);

    // Ann edits from the old version: conflict, the stored state and version, nothing written.
    const annEdit = { ...task, title: 'Ann title', updatedAt: nextTimestamp() };
    const conflict = await ann.api.feedPush([feedRow('tasks', annEdit, taskSeq)]);
    expect(conflict.status).toBe(200);
    expect(conflict.body.results).toEqual([{ status: 'conflict', seq: bobSeq, document: bobEdit }]);
    // A never-seen baseSeq (null) against a stored document is a conflict too.
    expect((await ann.api.feedPush([feedRow('tasks', annEdit, null)])).body.results[0]).toMatchObject({ status: 'conflict', seq: bobSeq });
    const after = await server.db.query<{ data: { title: string } }>(`SELECT data FROM docs WHERE collection = 'tasks' AND id = 't1'`);
    expect(after[0]?.data.title).toBe('Bob title');

    // Merged onto the stored state and pushed from its version: accepted; a delete is a tombstone.
    const merged = { ...bobEdit, title: 'Ann title', updatedAt: nextTimestamp() };
    const mergedSeq = accepted((await ann.api.feedPush([feedRow('tasks', merged, bobSeq)])).body.results[0]);
    const deleted = accepted((await ann.api.feedPush([feedRow('tasks', { ...merged, _deleted: true }, mergedSeq)])).body.results[0]);
    // A delete replayed is a replay (`_deleted` is part of the state); an undelete from an old version conflicts.
    expect((await ann.api.feedPush([feedRow('tasks', { ...merged, _deleted: true }, mergedSeq)])).body.results[0]).toEqual({ status: 'accepted', seq: deleted });
    expect((await ann.api.feedPush([feedRow('tasks', merged, mergedSeq)])).body.results[0]).toEqual({
      status: 'conflict',
      seq: deleted,
      document: { ...merged, _deleted: true },
    });
  });

  it('rejects a child of a partner the server does not have, unless the same push creates it', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const bob = await seedUser(server, 'bob@south.example', { teams: ['south'] });
    const orphan = await ann.api.feedPush([feedRow('tasks', taskDoc('t-orphan', 'p-missing')), feedRow('templates', templateDoc('tpl1'))]);
    expect(orphan.status).toBe(200);
    expect(orphan.body.results[0]).toMatchObject({ status: 'rejected', error: 'unknown_partner' });
    const rejection = orphan.body.results[0];
    if (rejection?.status !== 'rejected') throw new Error('not rejected');
    expect(rejection.message).toContain('"p-missing"');
    expect(rejection.message).toContain('document 0 (id "t-orphan")');
    expect(orphan.body.results[1]?.status).toBe('accepted');
    expect(await server.db.query(`SELECT id FROM docs WHERE collection = 'tasks'`)).toEqual([]);

    // Bob later creating p-missing receives nothing of Ann's (the defect protocol 1 had).
    accepted((await bob.api.feedPush([feedRow('partners', partnerDoc('p-missing'))])).body.results[0]);
    const bobFeed = await bob.api.feedPullAll();
    expect([...bobFeed.documents.keys()]).toEqual([feedKey('partners', 'p-missing')]);

    // A partner created by the same push: its children are accepted, whatever the row order
    // (partners are applied first).
    const together = await ann.api.feedPush([
      feedRow('tasks', taskDoc('t-before', 'p-new')),
      feedRow('partners', partnerDoc('p-new')),
      feedRow('tasks', taskDoc('t-after', 'p-new')),
    ]);
    expect(together.body.results.map((result) => result.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const seqs = together.body.results.map(accepted);
    // The partner is written first: its children follow it in the feed.
    expect(seqs[1]).toBeLessThan(seqs[0] ?? 0);
    const annFeed = await ann.api.feedPullAll();
    expect(annFeed.documents.get(feedKey('tasks', 't-before'))?.seq).toBe(seqs[0]);
    expect(annFeed.documents.get(feedKey('partners', 'p-new'))?.seq).toBe(seqs[1]);
  });

  it('sets a partner ownerEmail on the server and returns the stored state when it differs from the pushed one', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const forged = partnerDoc('p1', { ownerEmail: 'mallory@evil.example' });
    const result = await ann.api.feedPush([feedRow('partners', forged)]);
    expect(result.body.results[0]).toEqual({ status: 'accepted', seq: expect.any(Number), document: { ...forged, ownerEmail: 'ann@north.example' } });
    const seq = accepted(result.body.results[0]);
    // A replay of the forged row changes nothing and again tells the stored state.
    expect((await ann.api.feedPush([feedRow('partners', forged)])).body.results[0]).toEqual({ status: 'accepted', seq, document: { ...forged, ownerEmail: 'ann@north.example' } });
    // A row equal to the stored state gets no `document`.
    const edit = { ...forged, ownerEmail: 'ann@north.example', name: 'Renamed', updatedAt: nextTimestamp() };
    const editResult = await ann.api.feedPush([feedRow('partners', edit, seq)]);
    expect(editResult.body.results[0]).toEqual({ status: 'accepted', seq: expect.any(Number) });
    // The seq returned is the one the feed carries.
    const feed = await ann.api.feedPullAll();
    expect(feed.documents.get(feedKey('partners', 'p1'))).toEqual({ collection: 'partners', seq: accepted(editResult.body.results[0]), document: edit });
  });

  it('refuses the whole push with 403 when one row touches what the user may not see, leaking no stored state', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const sam = await seedUser(server, 'sam@south.example', { teams: ['south'] });
    const secret = taskDoc('t-secret', 'p1', { title: 'SECRET-TITLE' });
    const annPush = await ann.api.feedPush([feedRow('partners', partnerDoc('p1', { name: 'SECRET-PARTNER' })), feedRow('tasks', secret)]);
    const secretSeq = accepted(annPush.body.results[1]);
    const headBefore = await server.db.query(`SELECT seq FROM feed_counter`);

    const attempts = [
      // A stale edit of Ann's task: with access it would be a conflict carrying the stored state.
      [feedRow('partners', partnerDoc('p-sam')), feedRow('tasks', { ...secret, title: 'x' }, secretSeq - 1)],
      // A new task under Ann's partner.
      [feedRow('partners', partnerDoc('p-sam')), feedRow('tasks', taskDoc('t-new', 'p1'))],
      // Ann's partner itself.
      [feedRow('partners', partnerDoc('p1'))],
    ];
    for (const rows of attempts) {
      const result = await sam.api.feedPush(rows);
      expect(result.status).toBe(403);
      expect((result.body as unknown as ApiError).error).toBe('forbidden');
      const forbiddenIndex = rows.length - 1;
      expect((result.body as unknown as ApiError).documents).toEqual([{ index: forbiddenIndex, id: rows[forbiddenIndex]?.document.id, message: expect.any(String) }]);
      expect(result.text).not.toContain('SECRET');
    }
    // Nothing stored, not even Sam's own partner.
    expect(await server.db.query(`SELECT seq FROM feed_counter`)).toEqual(headBefore);
    expect(await server.db.query(`SELECT id FROM docs WHERE id = 'p-sam'`)).toEqual([]);
  });

  it('names the row, id and field of an invalid document, and the member of a malformed row', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const task = taskDoc('t1', 'p1');
    const badRequests: { name: string; body: unknown; message: string }[] = [
      { name: 'array body', body: [feedRow('tasks', task)], message: 'rows' },
      { name: 'no rows', body: {}, message: 'rows' },
      { name: 'row not an object', body: { rows: [5] }, message: 'rows[0]' },
      { name: 'missing collection', body: { rows: [{ baseSeq: null, document: task }] }, message: 'rows[0].collection' },
      { name: 'unknown collection', body: { rows: [feedRow('tasks', task), { collection: 'users', baseSeq: null, document: task }] }, message: 'rows[1].collection' },
      { name: 'negative baseSeq', body: { rows: [feedRow('tasks', task, -1)] }, message: 'rows[0].baseSeq' },
      { name: 'fractional baseSeq', body: { rows: [feedRow('tasks', task, 1.5)] }, message: 'rows[0].baseSeq' },
      { name: 'string baseSeq', body: { rows: [{ collection: 'tasks', baseSeq: '3', document: task }] }, message: 'rows[0].baseSeq' },
      { name: 'missing baseSeq', body: { rows: [{ collection: 'tasks', document: task }] }, message: 'rows[0].baseSeq' },
      { name: 'unsafe baseSeq', body: { rows: [feedRow('tasks', task, 2 ** 60)] }, message: 'rows[0].baseSeq' },
      { name: 'document not an object', body: { rows: [{ collection: 'tasks', baseSeq: null, document: [task] }] }, message: 'rows[0].document' },
      { name: 'too many rows', body: { rows: Array.from({ length: FEED_PUSH_ROWS_MAX + 1 }, (_, i) => feedRow('tasks', { ...task, id: `t${i}` })) }, message: `${FEED_PUSH_ROWS_MAX}` },
    ];
    for (const testCase of badRequests) {
      const result = await ann.api.request<ApiError>('POST', '/api/sync/push', testCase.body);
      expect(result.status, testCase.name).toBe(400);
      expect(result.body.error, testCase.name).toBe('bad_request');
      expect(result.body.message, testCase.name).toContain(testCase.message);
    }

    const invalid = await ann.api.feedPush([
      feedRow('partners', partnerDoc('p1')),
      feedRow('tasks', { ...task, dueDate: 'tomorrow' }),
      feedRow('tasks', { ...taskDoc('t2', 'p1'), title: 'a\u0000b' }),
      feedRow('tasks', taskDoc('t3', 'p1')),
      feedRow('tasks', taskDoc('t3', 'p1')),
      feedRow('partners', taskDoc('t1', 'p1')),
    ]);
    expect(invalid.status).toBe(400);
    const error = invalid.body as unknown as ApiError;
    expect(error.error).toBe('invalid_document');
    expect(error.message).toMatch(/^document 1 \(id "t1"\), field \/dueDate: /);
    expect(error.documents).toEqual([
      { index: 1, id: 't1', field: '/dueDate', message: expect.any(String) },
      { index: 2, id: 't2', field: '/title', message: expect.any(String) },
      { index: 4, id: 't3', field: '/id', message: 'the same tasks id appears twice in one push' },
      { index: 5, id: 't1', field: expect.any(String), message: expect.any(String) },
    ]);
    // The same id in two collections is two documents.
    const twoCollections = await ann.api.feedPush([feedRow('partners', partnerDoc('same')), feedRow('tasks', taskDoc('same', 'same'))]);
    expect(twoCollections.body.results.map((result) => result.status)).toEqual(['accepted', 'accepted']);
    expect(await server.db.query(`SELECT id FROM docs WHERE id <> 'same'`)).toEqual([]);
  });

  it('serialises two pushes from the same base version: the one that commits second gets a conflict', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const bob = await seedUser(server, 'bob@north.example', { teams: ['north'] });
    const task = taskDoc('t1', 'p1');
    const base = accepted((await ann.api.feedPush([feedRow('partners', partnerDoc('p1')), feedRow('tasks', task)])).body.results[1]);

    // Ann's push holds its transaction open before COMMIT.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const inside = new Promise<void>((resolve) => (reached = resolve));
    const annEdit = { ...task, title: 'Ann', updatedAt: nextTimestamp() };
    const held = server.feedPush({ id: ann.id, email: ann.email, role: 'manager' }, [validatedFeedRow(0, 'tasks', annEdit, base)], {
      beforeCommit: async () => {
        reached();
        await gate;
      },
    });
    await inside;
    // Bob's push from the same version starts while Ann's is open, and waits for it.
    const bobEdit = { ...task, title: 'Bob', updatedAt: nextTimestamp() };
    const bobPush = bob.api.feedPush([feedRow('tasks', bobEdit, base)]);
    release();
    const annOutcome = await held;
    if (annOutcome.kind !== 'ok') throw new Error('ann forbidden');
    const annSeq = accepted(annOutcome.results[0]);
    const bobResult = await bobPush;
    expect(bobResult.status).toBe(200);
    expect(bobResult.body.results).toEqual([{ status: 'conflict', seq: annSeq, document: annEdit }]);
  });
});

describe.each(BACKENDS)('protocol 2 pull (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('pages through one feed of every collection in seq order, with more and head', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const rows = [
      feedRow('partners', partnerDoc('p1')),
      ...Array.from({ length: 20 }, (_, i) => feedRow('tasks', taskDoc(`t${String(i).padStart(2, '0')}`, 'p1'))),
      feedRow('templates', templateDoc('tpl1')),
      feedRow('partners', partnerDoc('p2')),
    ];
    const pushed = await ann.api.feedPush(rows);
    const seqByKey = new Map(rows.map((row, index) => [feedKey(row.collection, row.document.id), accepted(pushed.body.results[index])]));
    const head = (await server.db.query<{ seq: number }>(`SELECT seq FROM feed_counter`))[0]?.seq;

    const pages: FeedPullResponse[] = [];
    let checkpoint: SyncCheckpoint | null = null;
    for (let i = 0; i < 10; i += 1) {
      const page = await ann.api.feedPull(checkpoint, 10);
      expect(page.status).toBe(200);
      pages.push(page.body);
      checkpoint = page.body.checkpoint;
      if (!page.body.more) break;
    }
    expect(pages.map((page) => [page.changes.length, page.more, page.head, page.reset])).toEqual([
      [10, true, head, false],
      [10, true, head, false],
      [3, false, head, false],
    ]);
    const changes = pages.flatMap((page) => page.changes);
    expect(changes.map((change) => change.seq)).toEqual([...changes.map((change) => change.seq)].sort((a, b) => a - b));
    for (const change of changes) expect(change.seq, change.document.id).toBe(seqByKey.get(feedKey(change.collection, change.document.id)));
    expect(new Set(changes.map((change) => change.collection))).toEqual(new Set(['partners', 'tasks', 'templates']));
    expect(pages.map((page) => page.checkpoint.seq)).toEqual(pages.map((page) => page.changes.at(-1)?.seq));
    expect(checkpoint?.epoch).toBe(server.epoch);

    // Nothing after the end: the request's checkpoint comes back.
    const end = await ann.api.feedPull(checkpoint, 10);
    expect(end.body).toEqual({ changes: [], checkpoint, more: false, head, reset: false });
    // Limit defaults to 500 and is capped at 2000.
    const capped = await ann.api.request<{ changes: unknown[] }>('GET', '/api/sync/pull?limit=100000');
    expect(capped.status).toBe(200);
    expect(capped.body.changes.length).toBeLessThanOrEqual(FEED_PULL_LIMIT_MAX);
    expect((await ann.api.request<{ changes: unknown[] }>('GET', '/api/sync/pull')).body.changes).toHaveLength(23);
  });

  it('filters by collections; an unknown one is a 404 and a malformed query a 400', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    await ann.api.feedPush([feedRow('partners', partnerDoc('p1')), feedRow('tasks', taskDoc('t1', 'p1')), feedRow('templates', templateDoc('tpl1')), feedRow('partners', partnerDoc('p2'))]);
    const partners = await ann.api.feedPull(null, 500, ['partners']);
    expect(partners.body.changes.map((change) => change.document.id)).toEqual(['p1', 'p2']);
    expect(partners.body.more).toBe(false);
    const two = await ann.api.feedPull(null, 500, ['templates', 'tasks']);
    expect(two.body.changes.map((change) => change.document.id)).toEqual(['t1', 'tpl1']);

    const unknown = await ann.api.request<ApiError>('GET', '/api/sync/pull?collections=partners,users');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('unknown_collection');
    expect(unknown.body.message).toContain('"users"');
    for (const query of ['collections=', 'collections=partners,,tasks', 'collections=a&collections=b', 'limit=0', 'limit=abc', 'checkpoint=abc', 'checkpoint=x.1&checkpoint=x.2']) {
      const result = await ann.api.request<ApiError>('GET', `/api/sync/pull?${query}`);
      expect(result.status, query).toBe(400);
      expect(result.body.error, query).toBe('bad_request');
    }
    expect((await ann.api.request<ApiError>('GET', '/api/sync/pull')).status).toBe(200);
  });

  it('resets to the beginning for a checkpoint of another epoch or ahead of the feed head', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    await ann.api.feedPush([feedRow('partners', partnerDoc('p1')), feedRow('tasks', taskDoc('t1', 'p1'))]);
    const all = await ann.api.feedPull(null);
    expect(all.body.reset).toBe(false);
    expect(all.body.changes).toHaveLength(2);

    const foreign = await ann.api.feedPull({ epoch: 'otherepoch', seq: 1 });
    expect(foreign.body).toEqual({ ...all.body, reset: true });
    // A restored backup: the client is ahead of the feed.
    const ahead = await ann.api.feedPull({ epoch: server.epoch, seq: all.body.head + 1 });
    expect(ahead.body).toEqual({ ...all.body, reset: true });
    const aheadEmpty = await ann.api.feedPull({ epoch: server.epoch, seq: all.body.head + 1 }, 500, ['surveys']);
    expect(aheadEmpty.body).toEqual({ changes: [], checkpoint: { epoch: server.epoch, seq: 0 }, more: false, head: all.body.head, reset: true });
    // At the head exactly: in sync, no reset.
    const atHead = await ann.api.feedPull({ epoch: server.epoch, seq: all.body.head });
    expect(atHead.body).toEqual({ changes: [], checkpoint: { epoch: server.epoch, seq: all.body.head }, more: false, head: all.body.head, reset: false });
  });

  it('carries exactly what the user may see, and revocation tombstones when they lose a partner', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const nick = await seedUser(server, 'nick@north.example', { teams: ['north'] });
    const sam = await seedUser(server, 'sam@south.example', { teams: ['south'] });
    const admin = await seedUser(server, 'ada@hq.example', { role: 'admin' });
    const task = taskDoc('t1', 'p1');
    await ann.api.feedPush([feedRow('partners', partnerDoc('p1')), feedRow('tasks', task), feedRow('templates', templateDoc('tpl-ann'))]);
    await sam.api.feedPush([feedRow('partners', partnerDoc('ps')), feedRow('tasks', taskDoc('ts', 'ps')), feedRow('templates', templateDoc('tpl-sam'))]);
    const keys = async (user: typeof ann) => [...(await user.api.feedPullAll()).documents.keys()].sort();
    expect(await keys(nick)).toEqual(['partners/p1', 'tasks/t1', 'templates/tpl-ann']);
    expect(await keys(sam)).toEqual(['partners/ps', 'tasks/ts', 'templates/tpl-sam']);
    expect(await keys(admin)).toEqual(['partners/p1', 'partners/ps', 'tasks/t1', 'tasks/ts', 'templates/tpl-ann', 'templates/tpl-sam']);

    const nickBefore = await nick.api.feedPullAll();
    await server.admin.reassignPartner({ partnerId: 'p1', ownerEmail: 'sam@south.example', teamName: 'south' });
    const nickAfter = await nick.api.feedPullAll(nickBefore.checkpoint);
    expect([...nickAfter.documents.values()].map((change) => [change.collection, change.document.id, change.document._deleted]).sort()).toEqual([
      ['partners', 'p1', true],
      ['tasks', 't1', true],
    ]);
    // The tombstone is the last state Nick could see.
    expect(nickAfter.documents.get('tasks/t1')?.document).toEqual({ ...task, _deleted: true });
    expect(nickAfter.pages.at(-1)?.checkpoint.seq).toBeGreaterThan(nickBefore.checkpoint.seq);
    // Sam now receives p1 and its task.
    expect(await keys(sam)).toEqual(['partners/p1', 'partners/ps', 'tasks/t1', 'tasks/ts', 'templates/tpl-sam']);
    // Later edits never reach Nick.
    const samView = (await sam.api.feedPullAll()).documents.get('tasks/t1');
    await sam.api.feedPush([feedRow('tasks', { ...task, title: 'after', updatedAt: nextTimestamp() }, samView?.seq ?? null)]);
    expect((await nick.api.feedPull(nickAfter.checkpoint)).body.changes).toEqual([]);
    // A push of the lost task is now forbidden.
    expect((await nick.api.feedPush([feedRow('tasks', task, samView?.seq ?? null)])).status).toBe(403);
  });
  // PGlite has one connection: a pull waits for the held transaction, so there is nothing to race.
  if (backend === 'postgres')
    it('never shows a page past a transaction still open: the head and the rows come from one snapshot', async () => {
      const server = await env.start();
      const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
      await ann.api.feedPush([feedRow('partners', partnerDoc('p1'))]);
      const before = await ann.api.feedPull();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let reached!: () => void;
      const inside = new Promise<void>((resolve) => (reached = resolve));
      const held = server.feedPush({ id: ann.id, email: ann.email, role: 'manager' }, [validatedFeedRow(0, 'tasks', taskDoc('t-slow', 'p1'), null)], {
        beforeCommit: async () => {
          reached();
          await gate;
        },
      });
      await inside;
      // The pull answers while the push holds: nothing of it, and a head that does not count it.
      const during = await ann.api.feedPull(before.body.checkpoint);
      expect(during.status).toBe(200);
      expect(during.body).toEqual({ changes: [], checkpoint: before.body.checkpoint, more: false, head: before.body.head, reset: false });
      release();
      const outcome = await held;
      if (outcome.kind !== 'ok') throw new Error('forbidden');
      const after = await ann.api.feedPull(during.body.checkpoint);
      expect(after.body.changes.map((change) => [change.document.id, change.seq])).toEqual([['t-slow', accepted(outcome.results[0])]]);
      expect(after.body.head).toBeGreaterThan(before.body.head);
    });

  it('follows partner team changes pushed through protocol 2: new members receive the partner, removed ones tombstones', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const sam = await seedUser(server, 'sam@south.example', { teams: ['south'] });
    const partner = partnerDoc('p1', { ownerEmail: 'ann@north.example' });
    const task = taskDoc('t1', 'p1');
    const first = await ann.api.feedPush([feedRow('partners', partner), feedRow('tasks', task)]);
    expect((await sam.api.feedPullAll()).documents.size).toBe(0);
    const samStart = (await sam.api.feedPull()).body.checkpoint;

    const withSam = { ...partner, team: [{ id: 'm1', name: 'Sam', email: 'SAM@south.example', role: 'technical' }], updatedAt: nextTimestamp() };
    const added = await ann.api.feedPush([feedRow('partners', withSam, accepted(first.body.results[0]))]);
    const addedSeq = accepted(added.body.results[0]);
    const samView = await sam.api.feedPullAll(samStart);
    expect([...samView.documents.keys()].sort()).toEqual(['partners/p1', 'tasks/t1']);
    expect(samView.documents.get('partners/p1')).toEqual({ collection: 'partners', seq: addedSeq, document: withSam });

    const without = { ...withSam, team: [], updatedAt: nextTimestamp() };
    expect((await ann.api.feedPush([feedRow('partners', without, addedSeq)])).body.results[0]?.status).toBe('accepted');
    const samAfter = await sam.api.feedPullAll(samView.checkpoint);
    expect([...samAfter.documents.values()].map((change) => [change.document.id, change.document._deleted]).sort()).toEqual([
      ['p1', true],
      ['t1', true],
    ]);
    // (Which state the partner's tombstone holds — the one with or without Sam — is the revocation
    // code's, shared with protocol 1; the task's is the state Sam saw.)
    expect(samAfter.documents.get('tasks/t1')?.document).toEqual({ ...task, _deleted: true });
  });
});

describe.each(BACKENDS)('protocol 2 hostile input (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('answers random NUL-free mutated bodies and queries with 200 or 4xx, never 500, storing only accepted rows', async () => {
    const server = await env.start({ pushBodyLimitBytes: 256 * 1024 });
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    await ann.api.feedPush([feedRow('partners', partnerDoc('p1'))]);
    let acceptedRows = 0;
    let refused = 0;
    let state = 20261201;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const weird: unknown[] = [null, true, -1, 0.5, 1e308, 2 ** 53, '', 'x'.repeat(70_000), '\ud800', '🙂', [], [null], {}, { id: 5 }, [[[[[]]]]], '2026-13-45', 'tasks'];
    const task = taskDoc('t1', 'p1');
    for (let i = 0; i < 60; i += 1) {
      const row: Record<string, unknown> = { collection: 'tasks', baseSeq: null, document: { ...task, id: `fz${i}` } };
      const doc = row.document as Record<string, unknown>;
      for (let m = 0; m < 1 + Math.floor(next() * 3); m += 1) {
        const target = next() < 0.3 ? row : doc;
        const key = pick([...Object.keys(target), 'unexpected']);
        if (next() < 0.15) delete target[key];
        else target[key] = pick(weird);
      }
      const body = next() < 0.1 ? pick(weird) : { rows: [row] };
      const result = await ann.api.request<{ results?: FeedPushResult[] }>('POST', '/api/sync/push', body);
      expect([200, 400, 413], JSON.stringify(body).slice(0, 300)).toContain(result.status);
      if (result.status === 200 && result.body.results?.[0]?.status === 'accepted') acceptedRows += 1;
      if (result.status === 400) refused += 1;
    }
    expect(refused).toBeGreaterThan(0);
    expect((await server.db.query(`SELECT id FROM docs WHERE id LIKE 'fz%'`)).length).toBe(acceptedRows);
    const before = await server.db.query(`SELECT seq FROM feed_counter`);
    for (const raw of ['', '[', '{"rows":', 'null', '"rows"', '{"rows":{}}', `{"rows":[${'['.repeat(5000)}${']'.repeat(5000)}]}`]) {
      const result = await ann.api.request('POST', '/api/sync/push', raw, { 'content-type': 'application/json' });
      expect(result.status, raw.slice(0, 40)).toBe(400);
    }
    for (let i = 0; i < 40; i += 1) {
      const parts = [pick(['checkpoint', 'limit', 'collections', 'other']), '=', pick(['', 'a.1', 'x', '-1', '1e3', '%F0%9F%99%82', 'a'.repeat(3000), '9'.repeat(30), 'partners,', '__proto__'])];
      const result = await ann.api.request('GET', `/api/sync/pull?${parts.join('')}&limit=${pick(['1', '0', 'x', '2001'])}`);
      expect(result.status, parts.join('')).toBeLessThan(500);
    }
    expect(await server.db.query(`SELECT seq FROM feed_counter`)).toEqual(before);
  });
});
