import { describe, expect, it } from 'vitest';
import { apiFor } from '../server/support/syncClient';
import { BACKENDS, useTestEnv } from '../server/support/testBackends';
import { goal, partner, task } from './support/appDocs';
import { account, eventually, laptop, type Laptop } from './support/laptop';
import { twoLaptopsSharingAGoal } from './support/sharedGoal';

type Doc = Record<string, unknown>;

/** A time `ms` after `iso` (edits that must be ordered name their time instead of waiting). */
const later = (iso: unknown, ms: number) => new Date(Date.parse(String(iso)) + ms).toISOString();

/** How often the laptop's engine refused-then-pushed the document again (from its trace): pushes after its first refusal. */
async function pushesAfterRefusal(l: Laptop, collection: 'planitems' | 'tasks', id: string): Promise<number> {
  const { trace } = (await l.inspect(collection, id)) as { trace: string[] };
  const refusal = trace.findIndex((line) => / push refused \d+ /.test(line) && line.includes(`${collection}/${id}`));
  if (refusal === -1) throw new Error(`the server never refused ${collection}/${id}:\n${trace.join('\n')}`);
  return trace.slice(refusal + 1).filter((line) => / push /.test(line) && line.includes(`${collection}/${id}@`)).length;
}

/** Both laptops online and done: nothing pending, nothing being pulled or pushed. */
async function allSynced(...laptops: Laptop[]) {
  await Promise.all(laptops.map((l) => l.waitUntilSynced()));
}

describe.each(BACKENDS)('sync between laptops (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('A writes, B receives it through the change stream without polling, with A as its author', async () => {
    const server = await env.start();
    const ann = await account(server, 'ann@north.example');
    const bob = await account(server, 'bob@north.example');
    const a = await laptop('a', ann, server);
    const b = await laptop('b', bob, server);
    await allSynced(a, b);

    await a.insert('partners', partner('p1', ann.email));
    await b.waitForDoc('partners', 'p1', { name: 'Partner p1', updatedBy: ann.email });
    await b.waitUntilSynced();
    const before = (await b.counters()).requests;

    await a.insert('planitems', goal('g1', 'p1', { title: 'Win 10 deals' }));
    const received = await b.waitForDoc('planitems', 'g1', { title: 'Win 10 deals' });
    // Replicated writes bypass the store's author hook: B does not relabel Ann's edit.
    expect(received).toMatchObject({ updatedBy: ann.email, partnerId: 'p1' });
    const after = (await b.counters()).requests;
    expect(after.pull, 'B pulled instead of reading the stream').toBe(before.pull);
    expect(after.stream, 'B reconnected its stream').toBe(before.stream);
    expect(await b.waitUntilSynced()).toMatchObject({ state: 'idle', pending: 0, error: null, initial: null });
  });

  it('a laptop joining later receives everything, reporting first-sync progress', async () => {
    const server = await env.start();
    const ann = await account(server, 'ann@north.example');
    const bob = await account(server, 'bob@north.example');
    const a = await laptop('a', ann, server);
    await a.insert('partners', partner('p1', ann.email));
    for (let i = 0; i < 40; i += 1) await a.insert('planitems', goal(`g${i}`, 'p1'));
    await a.waitUntilSynced();

    const b = await laptop('b', bob, server);
    const done = await b.waitUntilSynced();
    expect(done).toMatchObject({ initial: null, error: null });
    expect(done.collections.planitems.pulled).toBe(40);
    expect((await b.docs('planitems')).length).toBe(40);
    const progress = (await b.counters()).firstSyncProgress;
    expect(progress.length, 'no first-sync progress was reported').toBeGreaterThan(0);
    expect(Math.max(...progress)).toBeGreaterThan(0);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));

    // A restart is not a first sync.
    await b.restart();
    await b.waitUntilSynced();
    expect((await b.counters()).firstSyncProgress).toEqual(progress);
  });

  it('offline edits of one goal merge: different fields both kept, the same field decided by the later edit and recorded on both laptops', async () => {
    const server = await env.start();
    const { ann, bob, a, b } = await twoLaptopsSharingAGoal(server, { nextStep: 'Plan kick-off' });

    await a.goOffline();
    await b.goOffline();
    const annEdit = (await a.edit('planitems', 'g1', { title: 'Win 12 deals', nextStep: 'Ann: call the CEO' })).after as Doc;
    const bobEdit = (await b.edit('planitems', 'g1', { metric: 'registered deals', nextStep: 'Bob: send the deck', updatedAt: later(annEdit.updatedAt, 1000) })).after as Doc;
    await a.waitForStatus({ state: 'offline', pending: 1 });
    await b.waitForStatus({ state: 'offline', pending: 1 });

    await a.goOnline();
    await a.waitUntilSynced();
    await b.goOnline();
    await allSynced(a, b);

    const expected = { title: 'Win 12 deals', metric: 'registered deals', nextStep: 'Bob: send the deck', updatedBy: bob.email, updatedAt: bobEdit.updatedAt };
    await a.waitForDoc('planitems', 'g1', expected);
    await b.waitForDoc('planitems', 'g1', expected);

    const record = {
      collectionName: 'planitems',
      documentId: 'g1',
      partnerId: 'p1',
      field: 'nextStep',
      keptValue: 'Bob: send the deck',
      lostValue: 'Ann: call the CEO',
      keptBy: bob.email,
      lostBy: ann.email,
      keptAt: bobEdit.updatedAt,
      lostAt: annEdit.updatedAt,
      restored: false,
    };
    await eventually(async () => {
      expect(await a.docs('conflicts')).toEqual([expect.objectContaining(record)]);
      expect(await b.docs('conflicts')).toEqual([expect.objectContaining(record)]);
    });
    await allSynced(a, b);
  });

  // The three races the first engine guarded against with timing and RxDB internals, each staged
  // with an explicit barrier on the laptop's network (the interleaving is proven to happen).

  it('race 1: a state another laptop wrote while this laptop waited for its push answer is merged, not skipped', async () => {
    const server = await env.start();
    const { ann, a, b } = await twoLaptopsSharingAGoal(server);

    // Ann's push reaches the server and is accepted, but its answer is held.
    await a.hold('push-response');
    await a.edit('planitems', 'g1', { title: 'Win 15 deals' });
    await a.held('push-response');
    // Bob receives Ann's edit and changes another field on top of it; Ann's stream delivers it
    // while her own push is still unanswered.
    await b.waitForDoc('planitems', 'g1', { title: 'Win 15 deals' });
    await b.edit('planitems', 'g1', { metric: 'registered deals' });
    await a.waitForDoc('planitems', 'g1', { title: 'Win 15 deals', metric: 'registered deals' });
    await a.release('push-response');

    await allSynced(a, b);
    const expected = { title: 'Win 15 deals', metric: 'registered deals' };
    expect(await a.doc('planitems', 'g1')).toMatchObject(expected);
    expect(await b.doc('planitems', 'g1')).toMatchObject(expected);
    const onServer = (await apiFor(server, ann.token).pullAll('planitems')).documents.find((doc) => doc.id === 'g1');
    expect(onServer).toMatchObject(expected);
  });

  it('race 2: a copy read before a newer server state arrived is never pushed over it', async () => {
    const server = await env.start();
    const { bob, a, b } = await twoLaptopsSharingAGoal(server);

    // Ann's push leaves with her copy and waits on the way; meanwhile Bob's edit of another field
    // is accepted and reaches Ann's laptop.
    await a.hold('push-request');
    await a.edit('planitems', 'g1', { title: 'Win 15 deals' });
    await a.held('push-request');
    await b.edit('planitems', 'g1', { metric: 'registered deals' });
    await b.waitUntilSynced();
    await a.waitForDoc('planitems', 'g1', { title: 'Win 15 deals', metric: 'registered deals' });
    // Now the old copy arrives at the server: its base version is no longer the stored one.
    await a.release('push-request');

    await allSynced(a, b);
    const expected = { title: 'Win 15 deals', metric: 'registered deals' };
    await b.waitForDoc('planitems', 'g1', expected);
    expect(await a.doc('planitems', 'g1')).toMatchObject(expected);
    const onServer = (await apiFor(server, bob.token).pullAll('planitems')).documents.find((doc) => doc.id === 'g1');
    expect(onServer, "Ann's stale copy undid Bob's edit").toMatchObject(expected);
    expect(await a.docs('conflicts'), 'different fields are not a conflict').toEqual([]);
  });

  it('race 3: a pull answered before the server took an edit never shows the older state again', async () => {
    const server = await env.start();
    const ann = await account(server, 'ann@north.example');
    const a = await laptop('a', ann, server);
    await a.insert('partners', partner('p1', ann.email));
    await a.insert('planitems', goal('g1', 'p1', { title: 'Win 10 deals' }));
    await a.waitUntilSynced();
    // With the change stream cut, the echo of the next edit never comes: the laptop's checkpoint
    // stays before it, so the next pull contains g1 as "Win 12 deals".
    await a.network({ streamBlocked: true });
    await a.edit('planitems', 'g1', { title: 'Win 12 deals' });
    await eventually(async () => {
      const onServer = (await apiFor(server, ann.token).pullAll('planitems')).documents.find((doc) => doc.id === 'g1');
      expect(onServer).toMatchObject({ title: 'Win 12 deals' });
    });
    await eventually(async () => expect((await a.status())?.pending).toBe(0));

    // The stream comes back; its catch-up pull is answered with "Win 12 deals" and held.
    await a.watch('planitems', 'g1');
    await a.hold('pull-response');
    await a.network({ streamBlocked: false });
    await a.held('pull-response');
    // The next edit is pushed and accepted before that older answer is applied.
    await a.edit('planitems', 'g1', { title: 'Win 15 deals' });
    await eventually(async () => {
      const onServer = (await apiFor(server, ann.token).pullAll('planitems')).documents.find((doc) => doc.id === 'g1');
      expect(onServer).toMatchObject({ title: 'Win 15 deals' });
    });
    await eventually(async () => expect((await a.status())?.pending).toBe(0));
    await a.release('pull-response');
    await a.waitUntilSynced();

    const titles = (await a.watched()).map((doc) => doc.title);
    expect(titles[0]).toBe('Win 15 deals');
    expect(titles, 'the screen went back to the title the edit replaced').not.toContain('Win 12 deals');
    expect(await a.doc('planitems', 'g1')).toMatchObject({ title: 'Win 15 deals' });
  });

  // Needs PostgreSQL: PGlite is embedded in one process.
  if (backend === 'postgres')
    it('two server processes on one PostgreSQL: a laptop on each converges', async () => {
      const schema = env.schema();
      const first = await env.start({ schema });
      const second = await env.start({ schema });
      const ann = await account(first, 'ann@north.example');
      const bob = await account(second, 'bob@north.example');
      const a = await laptop('a', ann, first);
      const b = await laptop('b', bob, second);
      await a.insert('partners', partner('p1', ann.email));
      await a.insert('planitems', goal('g1', 'p1', { title: 'Win 10 deals', metric: 'deals' }));
      await b.waitForDoc('planitems', 'g1', { title: 'Win 10 deals' });
      await b.edit('planitems', 'g1', { metric: 'registered deals' });
      await a.edit('planitems', 'g1', { title: 'Win 15 deals' });
      await b.insert('tasks', task('t1', 'p1', { title: 'Written through the second process' }));
      await allSynced(a, b);
      const expected = { title: 'Win 15 deals', metric: 'registered deals' };
      await a.waitForDoc('planitems', 'g1', expected);
      await b.waitForDoc('planitems', 'g1', expected);
      await a.waitForDoc('tasks', 't1', { title: 'Written through the second process' });
      expect(await a.docs('planitems')).toEqual(await b.docs('planitems'));
    });

  it('counts pending changes while offline, keeps the count across a restart and drops it to 0 once reconnected', async () => {
    const server = await env.start();
    const ann = await account(server, 'ann@north.example');
    const bob = await account(server, 'bob@north.example');
    const a = await laptop('a', ann, server);
    const b = await laptop('b', bob, server);
    await a.insert('partners', partner('p1', ann.email));
    await a.insert('planitems', goal('g1', 'p1'));
    await a.insert('planitems', goal('g2', 'p1'));
    await b.waitForDoc('planitems', 'g2', { partnerId: 'p1' });
    await allSynced(a, b);

    await a.goOffline();
    await a.waitForStatus({ state: 'offline' });
    await a.insert('planitems', goal('g3', 'p1'));
    await a.insert('tasks', task('t1', 'p1'));
    await a.edit('planitems', 'g1', { title: 'Edited offline' });
    await a.remove('planitems', 'g2');
    await a.waitForStatus({ state: 'offline', pending: 4 });
    await a.edit('planitems', 'g1', { title: 'Edited offline twice' });
    const offline = await a.waitForStatus({ state: 'offline', pending: 4 });
    expect(offline.collections.planitems.pending).toBe(3);
    expect(offline.collections.tasks.pending).toBe(1);

    await a.restart();
    expect(await a.waitForStatus({ state: 'offline', pending: 4 })).toMatchObject({ error: expect.stringMatching(/reach|offline/) });

    await a.goOnline();
    await a.waitUntilSynced();
    await b.waitForDoc('planitems', 'g1', { title: 'Edited offline twice', updatedBy: ann.email });
    await b.waitForDoc('planitems', 'g2', 'deleted');
    await b.waitForDoc('planitems', 'g3', { partnerId: 'p1' });
    await b.waitForDoc('tasks', 't1', { partnerId: 'p1' });
    await a.restart();
    expect(await a.waitUntilSynced()).toMatchObject({ pending: 0 });
  });

  it('a revoked token stops the sync (unauthorized, reported once) and loses nothing; signing in again pushes the waiting edits', async () => {
    const server = await env.start();
    const ann = await account(server, 'ann@north.example');
    const bob = await account(server, 'bob@north.example');
    const a = await laptop('a', ann, server);
    const b = await laptop('b', bob, server);
    await a.insert('partners', partner('p1', ann.email));
    await a.insert('planitems', goal('g1', 'p1'));
    await b.waitForDoc('planitems', 'g1', { partnerId: 'p1' });
    await allSynced(a, b);

    expect((await apiFor(server, ann.token).request('POST', '/api/auth/logout')).status).toBe(204);
    await a.waitForStatus({ state: 'unauthorized' });
    await a.edit('planitems', 'g1', { title: 'Written after the session ended' });
    await a.insert('planitems', goal('g2', 'p1'));
    const status = await a.waitForStatus({ state: 'unauthorized', pending: 2 });
    expect(status.error).toMatch(/sign in/i);
    expect(await a.doc('planitems', 'g1')).toMatchObject({ title: 'Written after the session ended' });
    expect((await a.counters()).unauthorizedCalls).toBe(1);
    expect(await b.doc('planitems', 'g1')).toMatchObject({ title: 'Goal g1' });

    await a.signIn(await account(server, ann.email));
    await a.waitUntilSynced();
    await b.waitForDoc('planitems', 'g1', { title: 'Written after the session ended' });
    await b.waitForDoc('planitems', 'g2', { partnerId: 'p1' });
    expect((await a.counters()).unauthorizedCalls).toBe(1);
  });

  it('loses nothing when the server restarts in the middle of a sync', async () => {
    const server = await env.start();
    const ann = await account(server, 'ann@north.example');
    const bob = await account(server, 'bob@north.example');
    const a = await laptop('a', ann, server);
    const b = await laptop('b', bob, server);
    await a.insert('partners', partner('p1', ann.email));
    await b.waitForDoc('partners', 'p1', { ownerEmail: ann.email });
    await allSynced(a, b);

    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 15; i += 1) writes.push(a.insert('planitems', goal(`g${i}`, 'p1')));
    await Promise.all(writes);
    await server.close();
    for (let i = 15; i < 30; i += 1) await a.insert('planitems', goal(`g${i}`, 'p1'));
    await a.edit('planitems', 'g0', { title: 'Edited while the server was down' });
    await a.waitForStatus({ state: 'offline' });
    const restarted = await env.start({ port: server.port });
    expect(restarted.url).toBe(server.url);

    await allSynced(a, b);
    await b.waitForDoc('planitems', 'g29', { partnerId: 'p1' });
    await b.waitForDoc('planitems', 'g0', { title: 'Edited while the server was down' });
    expect((await b.docs('planitems')).map((doc) => doc.id).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `g${i}`).sort());
    const onServer = await apiFor(restarted, ann.token).pullAll('planitems');
    expect(onServer.documents.filter((doc) => !doc._deleted)).toHaveLength(30);
  });

  it('drops rows the server refuses instead of retrying them forever: lost access (403) and invalid documents (400)', async () => {
    const server = await env.start();
    const ann = await account(server, 'ann@north.example', ['north', 'south']);
    const bob = await account(server, 'bob@north.example', ['north']);
    const a = await laptop('a', ann, server);
    const b = await laptop('b', bob, server);
    await a.insert('partners', partner('p1', ann.email));
    await a.insert('planitems', goal('g1', 'p1', { title: 'Shared goal' }));
    await a.insert('partners', partner('p2', ann.email));
    await b.waitForDoc('planitems', 'g1', { title: 'Shared goal' });
    await b.waitForDoc('partners', 'p2', { ownerEmail: ann.email });
    await allSynced(a, b);

    // Bob edits offline while the partner moves to a team he is not in.
    await b.goOffline();
    await b.edit('planitems', 'g1', { title: 'Bob edited without access' });
    await server.admin.reassignPartner({ partnerId: 'p1', teamName: 'south' });
    await b.goOnline();
    await b.waitForDoc('planitems', 'g1', 'deleted');
    await b.waitForDoc('partners', 'p1', 'deleted');
    const refused = await b.waitForStatus({ state: 'error', pending: 0 });
    expect(refused.error).toMatch(/planitems: 1 change refused because you no longer have access/);
    expect(await a.doc('planitems', 'g1')).toMatchObject({ title: 'Shared goal' });

    // A document the server's structural checks refuse (NUL character) is reported and dropped.
    await b.insert('tasks', task('t-bad', 'p2', { title: 'bad\u0000title' }));
    const invalid = await b.waitForStatus({ state: 'error', pending: 0, collections: { tasks: { state: 'error' } } as never });
    expect(invalid.collections.tasks.error).toMatch(/tasks: document "t-bad", field \/title: /);

    // The next clean push of a collection clears its error; the refused rows are not in it: none
    // was pushed again after its refusal, though a push round ran since.
    await b.insert('tasks', task('t-good', 'p2'));
    await a.waitForDoc('tasks', 't-good', { partnerId: 'p2' });
    await b.waitForStatus({ collections: { tasks: { error: null } } as never });
    expect(await pushesAfterRefusal(b, 'tasks', 't-bad')).toBe(0);
    expect(await pushesAfterRefusal(b, 'planitems', 'g1')).toBe(0);
  });
});
