import { describe, expect, it } from 'vitest';
import { insertRow, partnerDoc, taskDoc, updateRow } from './support/docFactories';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { openStream, seedUser, streamedDocuments } from './support/syncClient';

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
