import { describe, expect, it } from 'vitest';
import { insertRow, partnerDoc, taskDoc, updateRow } from './support/docFactories';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { openStream, seedUser, streamedDocuments, type SeededUser } from './support/syncClient';

describe.each(BACKENDS)('change stream (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('sends resync first, then changes by teammates with checkpoints pull can continue from', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const nick = await seedUser(server, 'nick@north.example', { teams: ['north'] });
    await ann.api.push('partners', [insertRow(partnerDoc('p1'))]);

    const stream = await openStream(server, nick.token);
    expect(stream.status).toBe(200);
    await stream.waitFor((event) => event.type === 'resync');
    expect(stream.events[0]).toEqual({ type: 'resync' });

    const task = taskDoc('t1', 'p1');
    await ann.api.push('tasks', [insertRow(task)]);
    const change = await stream.waitFor((event) => event.type === 'change' && event.collection === 'tasks');
    if (change.type !== 'change') throw new Error('unexpected event');
    expect(change.documents).toEqual([{ ...task }]);
    expect(change.checkpoint.epoch).toBe(server.epoch);

    // An edit and a delete arrive in order; the last checkpoint leaves nothing for pull.
    const edited = updateRow(task, { title: 'edited' });
    await ann.api.push('tasks', [edited]);
    await ann.api.push('tasks', [{ newDocumentState: { ...edited.newDocumentState, _deleted: true }, assumedMasterState: edited.newDocumentState }]);
    await stream.waitFor((event) => event.type === 'change' && event.documents.some((doc) => doc._deleted));
    // Changes arrive in commit order (an intermediate state may be skipped when a newer one has
    // already replaced it, exactly as with pull).
    const states = streamedDocuments(stream, 'tasks').map((doc) => [doc.title, doc._deleted]);
    expect(states[0]).toEqual(['Task t1', false]);
    expect(states.at(-1)).toEqual(['edited', true]);
    const last = [...stream.events].reverse().find((event) => event.type === 'change');
    if (last?.type !== 'change') throw new Error('no change event');
    expect((await nick.api.pull('tasks', last.checkpoint)).body.documents).toEqual([]);
    stream.close();
  });

  it('fans each commit out to many open streams, every one with exactly what its user may see', async () => {
    const server = await env.start();
    const north: SeededUser[] = [];
    const south: SeededUser[] = [];
    for (let i = 0; i < 6; i += 1) north.push(await seedUser(server, `n${i}@north.example`, { teams: ['north'] }));
    for (let i = 0; i < 4; i += 1) south.push(await seedUser(server, `s${i}@south.example`, { teams: ['south'] }));
    const admin = await seedUser(server, 'ada@hq.example', { role: 'admin' });
    const [ann] = north;
    const [sam] = south;
    if (!ann || !sam) throw new Error('no users');
    // Every user listens, one of them on two laptops.
    const listeners = [...north, ...south, admin, ann];
    const streams = await Promise.all(listeners.map((user) => openStream(server, user.token)));
    await Promise.all(streams.map((stream) => stream.waitFor((event) => event.type === 'resync')));

    await ann.api.push('partners', [insertRow(partnerDoc('pn'))]);
    await sam.api.push('partners', [insertRow(partnerDoc('ps'))]);
    await ann.api.push('tasks', Array.from({ length: 5 }, (_, i) => insertRow(taskDoc(`tn${i}`, 'pn'))));
    await sam.api.push('tasks', Array.from({ length: 3 }, (_, i) => insertRow(taskDoc(`ts${i}`, 'ps'))));
    const expected = (user: (typeof listeners)[number]) =>
      user === admin ? ['tn0', 'tn1', 'tn2', 'tn3', 'tn4', 'ts0', 'ts1', 'ts2'] : north.includes(user) ? ['tn0', 'tn1', 'tn2', 'tn3', 'tn4'] : ['ts0', 'ts1', 'ts2'];
    await Promise.all(
      streams.map((stream, i) => {
        const user = listeners[i];
        if (!user) throw new Error('no user');
        return stream.waitFor(() => streamedDocuments(stream, 'tasks').length >= expected(user).length);
      }),
    );
    // Commits are delivered in order: once the next partners arrive, nothing more is coming.
    await ann.api.push('partners', [insertRow(partnerDoc('pn2'))]);
    await sam.api.push('partners', [insertRow(partnerDoc('ps2'))]);
    const partnersOf = (user: (typeof listeners)[number]) => (user === admin ? ['pn', 'pn2', 'ps', 'ps2'] : north.includes(user) ? ['pn', 'pn2'] : ['ps', 'ps2']);
    await Promise.all(
      streams.map((stream, i) => {
        const user = listeners[i];
        if (!user) throw new Error('no user');
        return stream.waitFor(() => new Set(streamedDocuments(stream, 'partners').map((doc) => doc.id)).size >= partnersOf(user).length);
      }),
    );
    streams.forEach((stream, i) => {
      const user = listeners[i];
      if (!user) throw new Error('no user');
      expect(streamedDocuments(stream, 'tasks').map((doc) => doc.id).sort(), user.email).toEqual(expected(user));
      expect([...new Set(streamedDocuments(stream, 'partners').map((doc) => doc.id))].sort(), user.email).toEqual(partnersOf(user));
    });
    for (const stream of streams) stream.close();
  });

  it('splits a large burst into pages and tells clients when the server shuts down', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    await ann.api.push('partners', [insertRow(partnerDoc('p1'))]);
    const stream = await openStream(server, ann.token);
    await stream.waitFor((event) => event.type === 'resync');
    for (let batch = 0; batch < 3; batch += 1) {
      await ann.api.push('tasks', Array.from({ length: 150 }, (_, i) => insertRow(taskDoc(`b${batch}-${i}`, 'p1'))));
    }
    await stream.waitFor(() => streamedDocuments(stream, 'tasks').length >= 450);
    const ids = streamedDocuments(stream, 'tasks').map((doc) => doc.id);
    expect(new Set(ids).size).toBe(450);
    const checkpoints = stream.events.flatMap((event) => (event.type === 'change' && event.collection === 'tasks' ? [event.checkpoint.seq] : []));
    expect(checkpoints).toEqual([...checkpoints].sort((a, b) => a - b));
    expect(stream.events.every((event) => event.type !== 'change' || event.documents.length <= 200)).toBe(true);

    await server.close();
    await stream.ended;
    expect(stream.events.at(-1)).toEqual({ type: 'closed', reason: 'shutdown' });
  });
});
