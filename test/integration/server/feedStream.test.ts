/** Protocol 2's change stream (`GET /api/sync/stream?protocol=2`): one cursor, `changes` events with `from`. */
import { describe, expect, it } from 'vitest';
import type { FeedPushResult, FeedStreamEvent } from '../../../src-shared/sync/protocol';
import { feedRow, insertRow, nextTimestamp, partnerDoc, taskDoc, templateDoc } from './support/docFactories';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { apiFor, openFeedStream, openStream, seedUser, streamedChanges, streamedDocuments, type FeedStreamClient } from './support/syncClient';
import type { SyncServer } from '../../../src-server/createServer';

type ChangesEvent = Extract<FeedStreamEvent, { type: 'changes' }>;

const changeEvents = (stream: FeedStreamClient): ChangesEvent[] => stream.events.filter((event): event is ChangesEvent => event.type === 'changes');

const seqOf = (result: FeedPushResult | undefined): number => {
  if (result?.status !== 'accepted') throw new Error(`expected accepted, got ${JSON.stringify(result)}`);
  return result.seq;
};

const feedHead = async (server: SyncServer) => (await server.db.query<{ seq: number }>(`SELECT seq FROM feed_counter`))[0]?.seq ?? 0;

/** Every event's changes lie in (from, checkpoint], and each event starts where the one before ended. */
function expectGaplessChain(stream: FeedStreamClient, start: number): void {
  let previous = start;
  for (const event of changeEvents(stream)) {
    expect(event.from).toBe(previous);
    expect(event.changes.length).toBeGreaterThan(0);
    expect(event.changes.length).toBeLessThanOrEqual(200);
    for (const change of event.changes) {
      expect(change.seq).toBeGreaterThan(event.from);
      expect(change.seq).toBeLessThanOrEqual(event.checkpoint.seq);
    }
    previous = event.checkpoint.seq;
  }
}

describe.each(BACKENDS)('protocol 2 change stream (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('sends resync first, then changes of every collection with from and a checkpoint pull continues from', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const nick = await seedUser(server, 'nick@north.example', { teams: ['north'] });
    const start = await feedHead(server);
    const stream = await openFeedStream(server, nick.token);
    expect(stream.status).toBe(200);
    await stream.waitFor((event) => event.type === 'resync');
    expect(stream.events[0]).toEqual({ type: 'resync' });

    const partner = partnerDoc('p1');
    const task = taskDoc('t1', 'p1');
    const template = templateDoc('tpl1');
    const pushed = await ann.api.feedPush([feedRow('partners', partner), feedRow('tasks', task), feedRow('templates', template)]);
    const [partnerSeq, taskSeq, templateSeq] = pushed.body.results.map(seqOf);
    await stream.waitFor(() => streamedChanges(stream).length >= 3);
    expect(streamedChanges(stream)).toEqual([
      { collection: 'partners', seq: partnerSeq, document: { ...partner, ownerEmail: 'ann@north.example' } },
      { collection: 'tasks', seq: taskSeq, document: task },
      { collection: 'templates', seq: templateSeq, document: template },
    ]);

    const edit = { ...task, title: 'edited', updatedAt: nextTimestamp() };
    const editSeq = seqOf((await ann.api.feedPush([feedRow('tasks', edit, taskSeq ?? null)])).body.results[0]);
    await stream.waitFor(() => streamedChanges(stream).some((change) => change.seq === editSeq));
    expectGaplessChain(stream, start);
    const last = changeEvents(stream).at(-1);
    expect(last?.checkpoint).toEqual({ epoch: server.epoch, seq: await feedHead(server) });
    // The stream's checkpoint leaves nothing for pull.
    expect((await nick.api.feedPull(last?.checkpoint)).body).toMatchObject({ changes: [], more: false, reset: false });
    stream.close();
  });

  it('carries only what each user may see, keeps the chain gapless across others’ commits, and sends revocation tombstones', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const nick = await seedUser(server, 'nick@north.example', { teams: ['north'] });
    const sam = await seedUser(server, 'sam@south.example', { teams: ['south'] });
    const admin = await seedUser(server, 'ada@hq.example', { role: 'admin' });
    const task = taskDoc('t1', 'p1');
    await ann.api.feedPush([feedRow('partners', partnerDoc('p1')), feedRow('tasks', task)]);
    const start = await feedHead(server);
    const [nickStream, samStream, adminStream] = await Promise.all([nick, sam, admin].map((user) => openFeedStream(server, user.token)));
    if (!nickStream || !samStream || !adminStream) throw new Error('no streams');
    await Promise.all([nickStream, samStream, adminStream].map((stream) => stream.waitFor((event) => event.type === 'resync')));

    await ann.api.feedPush([feedRow('tasks', taskDoc('t-north', 'p1')), feedRow('templates', templateDoc('tpl-north'))]);
    await sam.api.feedPush([feedRow('partners', partnerDoc('ps')), feedRow('tasks', taskDoc('t-south', 'ps'))]);
    // Commits arrive in order: once Sam's own task is there, Ann's commit was already decided for him.
    await samStream.waitFor(() => streamedChanges(samStream).some((change) => change.document.id === 't-south'));
    await nickStream.waitFor(() => streamedChanges(nickStream).some((change) => change.document.id === 'tpl-north'));
    await adminStream.waitFor(() => streamedChanges(adminStream).some((change) => change.document.id === 't-south'));
    expect(streamedChanges(samStream).map((change) => change.document.id)).toEqual(['ps', 't-south']);
    expect(streamedChanges(adminStream).map((change) => change.document.id)).toEqual(['t-north', 'tpl-north', 'ps', 't-south']);

    // Nick loses p1: revocation tombstones of p1 and its tasks (the state he could see) on his stream.
    await server.admin.reassignPartner({ partnerId: 'p1', ownerEmail: 'sam@south.example', teamName: 'south' });
    await nickStream.waitFor(() => streamedChanges(nickStream).some((change) => change.document.id === 't1'));
    const revoked = streamedChanges(nickStream).filter((change) => change.document._deleted);
    expect(revoked.map((change) => [change.collection, change.document.id]).sort()).toEqual([
      ['partners', 'p1'],
      ['tasks', 't-north'],
      ['tasks', 't1'],
    ]);
    expect(revoked.find((change) => change.document.id === 't1')?.document).toEqual({ ...task, _deleted: true });
    // Sam gains p1 and everything under it.
    await samStream.waitFor(() => streamedChanges(samStream).some((change) => change.document.id === 't1'));
    expect(streamedChanges(samStream).find((change) => change.document.id === 't1')?.document).toEqual(task);

    // Sam's later edit reaches Sam and the admin, never Nick; Nick's next event is his own team's.
    const samView = (await sam.api.feedPullAll()).documents.get('tasks/t1');
    await sam.api.feedPush([feedRow('tasks', { ...task, title: 'after', updatedAt: nextTimestamp() }, samView?.seq ?? null)]);
    await ann.api.feedPush([feedRow('templates', templateDoc('tpl-later'))]);
    await nickStream.waitFor(() => streamedChanges(nickStream).some((change) => change.document.id === 'tpl-later'));
    expect(streamedChanges(nickStream).some((change) => change.document.title === 'after')).toBe(false);
    for (const stream of [nickStream, samStream, adminStream]) {
      expectGaplessChain(stream, start);
      stream.close();
    }
  });

  it('splits a burst into events of at most 200 changes, and closes on logout and on shutdown', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    await ann.api.feedPush([feedRow('partners', partnerDoc('p1'))]);
    const start = await feedHead(server);
    const stream = await openFeedStream(server, ann.token);
    await stream.waitFor((event) => event.type === 'resync');
    for (let batch = 0; batch < 3; batch += 1) {
      const result = await ann.api.feedPush(Array.from({ length: 150 }, (_, i) => feedRow('tasks', taskDoc(`b${batch}-${i}`, 'p1'))));
      expect(result.status).toBe(200);
    }
    await stream.waitFor(() => streamedChanges(stream).length >= 450);
    expect(new Set(streamedChanges(stream).map((change) => change.document.id)).size).toBe(450);
    expectGaplessChain(stream, start);

    const other = await seedUser(server, 'bob@north.example', { teams: ['north'] });
    const bobStream = await openFeedStream(server, other.token);
    await bobStream.waitFor((event) => event.type === 'resync');
    expect((await other.api.request('POST', '/api/auth/logout')).status).toBe(204);
    await bobStream.ended;
    expect(bobStream.events.at(-1)).toEqual({ type: 'closed', reason: 'unauthorized' });

    await server.close();
    await stream.ended;
    expect(stream.events.at(-1)).toEqual({ type: 'closed', reason: 'shutdown' });
  });

  it('keeps protocol 1 streams working beside protocol 2 ones, and refuses an unknown protocol', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    await ann.api.push('partners', [insertRow(partnerDoc('p1'))]);
    const v1 = await openStream(server, ann.token);
    const v2 = await openFeedStream(server, ann.token);
    await v1.waitFor((event) => event.type === 'resync');
    await v2.waitFor((event) => event.type === 'resync');
    // A protocol-1 push reaches both kinds of stream, and a protocol-2 push too.
    await ann.api.push('tasks', [insertRow(taskDoc('t-v1', 'p1'))]);
    await ann.api.feedPush([feedRow('tasks', taskDoc('t-v2', 'p1'))]);
    await v1.waitFor(() => streamedDocuments(v1, 'tasks').length >= 2);
    await v2.waitFor(() => streamedChanges(v2).length >= 2);
    expect(streamedDocuments(v1, 'tasks').map((doc) => doc.id)).toEqual(['t-v1', 't-v2']);
    expect(streamedChanges(v2).map((change) => change.document.id)).toEqual(['t-v1', 't-v2']);
    expect(server.openStreams()).toBe(2);
    v1.close();
    v2.close();
    for (const query of ['protocol=3', 'protocol=2&protocol=2']) {
      const result = await ann.api.request<{ error: string }>('GET', `/api/sync/stream?${query}`);
      expect(result.status, query).toBe(400);
      expect(result.body.error, query).toBe('bad_request');
    }
    expect((await apiFor(server).request<{ error: string }>('GET', '/api/sync/stream?protocol=2')).status).toBe(401);
  });

  // Needs PostgreSQL: PGlite is embedded in one process.
  if (backend === 'postgres')
    it('delivers a push on one server process to a protocol-2 stream of another on the same database', async () => {
      const schema = env.schema();
      const serverA = await env.start({ schema });
      const serverB = await env.start({ schema });
      const ann = await seedUser(serverA, 'ann@north.example', { teams: ['north'] });
      const bob = await seedUser(serverA, 'bob@north.example', { teams: ['north'] });
      await ann.api.feedPush([feedRow('partners', partnerDoc('p1'))]);
      const start = await feedHead(serverA);
      const stream = await openFeedStream(serverB, bob.token);
      await stream.waitFor((event) => event.type === 'resync');
      const result = await ann.api.feedPush([feedRow('tasks', taskDoc('t-via-a', 'p1'))]);
      const seq = seqOf(result.body.results[0]);
      await stream.waitFor(() => streamedChanges(stream).length >= 1);
      expect(streamedChanges(stream)).toEqual([{ collection: 'tasks', seq, document: expect.objectContaining({ id: 't-via-a' }) }]);
      expect(changeEvents(stream)[0]).toMatchObject({ from: start, checkpoint: { epoch: serverA.epoch, seq } });
      expect(serverB.epoch).toBe(serverA.epoch);
      stream.close();
    });
});
