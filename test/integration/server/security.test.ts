import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../../src-shared/domain/types';
import type { ApiError, SyncDocument } from '../../../src-shared/sync/protocol';
import { insertRow, partnerDoc, taskDoc, templateDoc, updateRow } from './support/docFactories';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { openStream, seedUser, streamedDocuments, type SeededUser } from './support/syncClient';
import type { SyncServer } from '../../../src-server/createServer';

async function everything(user: SeededUser): Promise<SyncDocument[]> {
  const all: SyncDocument[] = [];
  for (const collection of COLLECTION_NAMES) all.push(...(await user.api.pullAll(collection)).documents);
  return all;
}

/** Where each of the user's collections has been pulled to. */
async function cursor(user: SeededUser) {
  return Object.fromEntries(await Promise.all(COLLECTION_NAMES.map(async (c) => [c, (await user.api.pullAll(c)).checkpoint] as const)));
}

/** [id, deleted] of everything the user's pull brings after `from`, sorted. */
async function since(user: SeededUser, from: Awaited<ReturnType<typeof cursor>>): Promise<[string, boolean][]> {
  const out: [string, boolean][] = [];
  for (const c of COLLECTION_NAMES) for (const doc of (await user.api.pullAll(c, from[c])).documents) out.push([doc.id, doc._deleted === true]);
  return out.sort();
}

async function twoTeams(server: SyncServer) {
  const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
  const nick = await seedUser(server, 'nick@north.example', { teams: ['north'] });
  const sam = await seedUser(server, 'sam@south.example', { teams: ['south'] });
  return { ann, nick, sam };
}

describe.each(BACKENDS)('access control (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('shows a team its partners and everything under them, and the other team nothing (pull and stream)', async () => {
    const server = await env.start();
    const { ann, nick, sam } = await twoTeams(server);
    const samStream = await openStream(server, sam.token);
    const nickStream = await openStream(server, nick.token);
    await Promise.all([samStream, nickStream].map((stream) => stream.waitFor((event) => event.type === 'resync')));

    await ann.api.push('partners', [insertRow(partnerDoc('north-p'))]);
    await ann.api.push('tasks', [insertRow(taskDoc('north-t', 'north-p', { title: 'north secret' }))]);
    await ann.api.push('templates', [insertRow(templateDoc('north-tpl', { name: 'north agenda' }))]);
    await sam.api.push('partners', [insertRow(partnerDoc('south-p'))]);

    // Nick (same team) sees Ann's partner, task and template, live and by pull.
    await nickStream.waitFor((event) => event.type === 'change' && event.documents.some((doc) => doc.id === 'north-t'));
    await nickStream.waitFor((event) => event.type === 'change' && event.documents.some((doc) => doc.id === 'north-tpl'));
    const nickDocs = (await everything(nick)).map((doc) => doc.id).sort();
    expect(nickDocs).toEqual(['north-p', 'north-t', 'north-tpl']);

    // Sam sees only his own documents, by pull and on his stream. Barrier: Sam writes one
    // document in every collection Ann wrote to, after her writes. The stream reads each
    // collection in seq order, so once it has delivered Sam's barrier document of a collection
    // it has read past Ann's rows there: had any of them been visible to Sam, it would be in
    // this or an earlier event.
    await sam.api.push('tasks', [insertRow(taskDoc('south-t', 'south-p'))]);
    await sam.api.push('templates', [insertRow(templateDoc('south-tpl'))]);
    for (const [collection, id] of [['partners', 'south-p'], ['tasks', 'south-t'], ['templates', 'south-tpl']] as const) {
      await samStream.waitFor((event) => event.type === 'change' && event.collection === collection && event.documents.some((doc) => doc.id === id));
    }
    expect((await everything(sam)).map((doc) => doc.id).sort()).toEqual(['south-p', 'south-t', 'south-tpl']);
    const samStreamed = samStream.events.flatMap((event) => (event.type === 'change' ? event.documents : []));
    expect(samStreamed.map((doc) => doc.id).sort()).toEqual(['south-p', 'south-t', 'south-tpl']);
    expect(JSON.stringify(samStream.events)).not.toContain('north');
    samStream.close();
    nickStream.close();
  });

  it('rejects pushes touching foreign documents or partners with 403, stores nothing and leaks no master state', async () => {
    const server = await env.start();
    const { ann, sam } = await twoTeams(server);
    await ann.api.push('partners', [insertRow(partnerDoc('north-p', { name: 'North Secret Ltd' }))]);
    const northTask = taskDoc('north-t', 'north-p', { title: 'north secret plan' });
    await ann.api.push('tasks', [insertRow(northTask)]);
    await sam.api.push('partners', [insertRow(partnerDoc('south-p'))]);
    const before = await server.db.query(`SELECT collection, id, seq, data FROM docs ORDER BY seq`);

    const attempts: [Parameters<typeof sam.api.push>[0], Parameters<typeof sam.api.push>[1]][] = [
      // Overwrite a foreign task by id (no assumed master: would be a conflict if it were his).
      ['tasks', [insertRow(taskDoc('north-t', 'south-p', { title: 'hijack' }))]],
      // Stale edit of a foreign task: must not come back with the master state.
      ['tasks', [updateRow({ ...northTask, title: 'guess' }, { title: 'hijack' })]],
      // New task under a foreign partner.
      ['tasks', [insertRow(taskDoc('sam-t', 'north-p'))]],
      // Overwrite a foreign partner.
      ['partners', [insertRow(partnerDoc('north-p', { name: 'taken over' }))]],
      // One forbidden row spoils the batch: the allowed row is not stored either.
      ['tasks', [insertRow(taskDoc('sam-ok', 'south-p')), insertRow(taskDoc('sam-t2', 'north-p'))]],
      // A conflict record pointing at a foreign partner.
      [
        'conflicts',
        [
          insertRow({
            id: 'c1',
            createdAt: '2026-11-25T00:00:00.000Z',
            updatedAt: '2026-11-25T00:00:00.000Z',
            partnerId: 'north-p',
            collectionName: 'tasks',
            documentId: 'north-t',
            field: 'title',
            restored: false,
            _deleted: false,
          }),
        ],
      ],
    ];
    for (const [collection, rows] of attempts) {
      const result = await sam.api.push(collection, rows);
      expect(result.status, `${collection} ${JSON.stringify(rows).slice(0, 80)}`).toBe(403);
      const body = result.body as unknown as ApiError;
      expect(body.error).toBe('forbidden');
      expect(body.documents?.length).toBeGreaterThan(0);
      expect(result.text).not.toContain('north secret');
      expect(result.text).not.toContain('North Secret');
      expect(result.text).not.toContain('ann@north.example');
    }
    const after = await server.db.query(`SELECT collection, id, seq, data FROM docs ORDER BY seq`);
    expect(after).toEqual(before);
    expect((await everything(sam)).map((doc) => doc.id)).toEqual(['south-p']);
  });

  it('sets ownerEmail on the server: forged values are overridden on create and update', async () => {
    const server = await env.start();
    const { ann, nick, sam } = await twoTeams(server);
    expect((await ann.api.push('partners', [insertRow(partnerDoc('p1', { ownerEmail: 'sam@south.example' }))])).status).toBe(200);
    const [created] = (await ann.api.pullAll('partners')).documents;
    expect(created?.ownerEmail).toBe('ann@north.example');
    // Sam did not get the partner by naming himself owner.
    expect((await everything(sam)).map((doc) => doc.id)).toEqual([]);

    // Nick (teammate) edits the partner and tries to take ownership.
    const edit = updateRow(created as SyncDocument, { name: 'Renamed', ownerEmail: 'nick@north.example' });
    expect((await nick.api.push('partners', [edit])).body).toEqual([]);
    const [updated] = (await nick.api.pullAll('partners')).documents;
    expect(updated).toMatchObject({ name: 'Renamed', ownerEmail: 'ann@north.example' });
    // Replaying the forged push is a no-op, not a loop of conflicts.
    expect((await nick.api.push('partners', [{ newDocumentState: edit.newDocumentState, assumedMasterState: updated }])).body).toEqual([]);
  });

  it('grants access through partner.team[] emails and reassigned teams; admins see everything', async () => {
    const server = await env.start();
    const { ann, sam } = await twoTeams(server);
    const ada = await seedUser(server, 'ada@hq.example', { role: 'admin' });
    const partner = partnerDoc('p1', { ownerEmail: 'ann@north.example' });
    await ann.api.push('partners', [insertRow(partner)]);
    await ann.api.push('tasks', [insertRow(taskDoc('t1', 'p1'))]);
    const samStream = await openStream(server, sam.token);
    await samStream.waitFor((event) => event.type === 'resync');
    const samStart = await sam.api.pullAll('tasks');
    expect(samStart.documents).toEqual([]);

    // Ann adds Sam to the partner's team: Sam receives the partner and its existing task.
    const [stored] = (await ann.api.pullAll('partners')).documents;
    const withSam = updateRow(stored as SyncDocument, { team: [{ id: 'm1', name: 'Sam', email: 'SAM@south.example', role: 'technical' }] });
    expect((await ann.api.push('partners', [withSam])).body).toEqual([]);
    expect((await sam.api.pullAll('tasks', samStart.checkpoint)).documents.map((doc) => doc.id)).toEqual(['t1']);
    await samStream.waitFor((event) => event.type === 'change' && event.collection === 'tasks' && event.documents.some((doc) => doc.id === 't1'));
    // And may now work on it.
    expect((await sam.api.push('tasks', [insertRow(taskDoc('t-sam', 'p1'))])).status).toBe(200);

    expect((await everything(ada)).map((doc) => doc.id).sort()).toEqual(['p1', 't-sam', 't1']);
    samStream.close();
  });

  it('keeps templates within the creator’s teams', async () => {
    const server = await env.start();
    const { ann, nick, sam } = await twoTeams(server);
    await ann.api.push('templates', [insertRow(templateDoc('tpl-1'))]);
    expect((await nick.api.pullAll('templates')).documents.map((doc) => doc.id)).toEqual(['tpl-1']);
    expect((await sam.api.pullAll('templates')).documents).toEqual([]);
    expect((await sam.api.push('templates', [insertRow(templateDoc('tpl-1', { name: 'overwritten' }))])).status).toBe(403);
    const [tpl] = (await nick.api.pullAll('templates')).documents;
    expect((await nick.api.push('templates', [updateRow(tpl as SyncDocument, { name: 'improved' })])).body).toEqual([]);
  });

  it('accepts children pushed before their partner and shares them once the partner arrives', async () => {
    const server = await env.start();
    const { ann, nick, sam } = await twoTeams(server);
    // Replications of different collections run independently: tasks may arrive first.
    expect((await ann.api.push('tasks', [insertRow(taskDoc('early-t', 'late-p'))])).body).toEqual([]);
    expect((await ann.api.pullAll('tasks')).documents.map((doc) => doc.id)).toEqual(['early-t']);
    const nickBefore = await nick.api.pullAll('tasks');
    expect(nickBefore.documents).toEqual([]);
    // Nobody else can claim the orphan.
    expect((await sam.api.push('tasks', [insertRow(taskDoc('early-t', 'south-x'))])).status).toBe(403);

    await ann.api.push('partners', [insertRow(partnerDoc('late-p'))]);
    expect((await nick.api.pullAll('tasks', nickBefore.checkpoint)).documents.map((doc) => doc.id)).toEqual(['early-t']);
    expect((await sam.api.pullAll('tasks')).documents).toEqual([]);
  });

  it('moves documents on reassign-partner: revocation tombstones for the old owner, everything for the new one', async () => {
    const server = await env.start();
    const { ann, nick, sam } = await twoTeams(server);
    await ann.api.push('partners', [insertRow(partnerDoc('p1'))]);
    await ann.api.push('tasks', [insertRow(taskDoc('t1', 'p1')), insertRow(taskDoc('t2', 'p1'))]);
    await ann.api.push('partners', [insertRow(partnerDoc('p2'))]);
    const annTasks = await ann.api.pullAll('tasks');
    const annPartners = await ann.api.pullAll('partners');
    const nickTasks = await nick.api.pullAll('tasks');
    const samTasks = await sam.api.pullAll('tasks');
    const samPartners = await sam.api.pullAll('partners');
    const annStream = await openStream(server, ann.token);
    const samStream = await openStream(server, sam.token);
    await Promise.all([annStream, samStream].map((stream) => stream.waitFor((event) => event.type === 'resync')));

    const change = await server.admin.reassignPartner({ partnerId: 'p1', ownerEmail: 'sam@south.example', teamName: 'south' });
    expect(change).toMatchObject({ added: 1, removed: 2 });

    // Ann and Nick (old team) get revocation tombstones of the state they had.
    const annAfter = await ann.api.pullAll('tasks', annTasks.checkpoint);
    expect(annAfter.documents.map((doc) => [doc.id, doc._deleted]).sort()).toEqual([
      ['t1', true],
      ['t2', true],
    ]);
    expect(annAfter.documents[0]).toMatchObject({ partnerId: 'p1', title: expect.stringMatching(/^Task t/) });
    const annPartnersAfter = await ann.api.pullAll('partners', annPartners.checkpoint);
    expect(annPartnersAfter.documents.map((doc) => [doc.id, doc._deleted])).toEqual([['p1', true]]);
    expect((await nick.api.pullAll('tasks', nickTasks.checkpoint)).documents.every((doc) => doc._deleted)).toBe(true);
    await annStream.waitFor((event) => event.type === 'change' && event.collection === 'tasks' && event.documents.every((doc) => doc._deleted));
    // A fresh laptop of Ann sees p2 only.
    expect((await everything(ann)).filter((doc) => !doc._deleted).map((doc) => doc.id)).toEqual(['p2']);

    // Sam gets the partner (now his) and its existing tasks, by pull and by stream.
    const samAfter = await sam.api.pullAll('tasks', samTasks.checkpoint);
    expect(samAfter.documents.map((doc) => doc.id).sort()).toEqual(['t1', 't2']);
    const samPartnerAfter = await sam.api.pullAll('partners', samPartners.checkpoint);
    expect(samPartnerAfter.documents).toMatchObject([{ id: 'p1', ownerEmail: 'sam@south.example', _deleted: false }]);
    await samStream.waitFor((event) => event.type === 'change' && event.collection === 'tasks' && event.documents.length === 2);
    expect(streamedDocuments(samStream, 'tasks').every((doc) => !doc._deleted)).toBe(true);

    // Ann can no longer write to it; Sam can.
    expect((await ann.api.push('tasks', [insertRow(taskDoc('t3', 'p1'))])).status).toBe(403);
    expect((await sam.api.push('tasks', [insertRow(taskDoc('t3', 'p1'))])).status).toBe(200);
    expect((await ann.api.pullAll('tasks', annAfter.checkpoint)).documents).toEqual([]);

    // Giving it back revives Ann's copies (new seqs beat the tombstones).
    await server.admin.reassignPartner({ partnerId: 'p1', ownerEmail: 'ann@north.example', teamName: 'north' });
    const annBack = await ann.api.pullAll('tasks', annAfter.checkpoint);
    expect(annBack.documents.map((doc) => [doc.id, doc._deleted]).sort()).toEqual([
      ['t1', false],
      ['t2', false],
      ['t3', false],
    ]);
    annStream.close();
    samStream.close();
  });

  it('moves a user to another team: what the new team shares arrives, what the old one shares is revoked', async () => {
    const server = await env.start();
    const { ann, nick, sam } = await twoTeams(server);
    await ann.api.push('partners', [insertRow(partnerDoc('pn'))]);
    await ann.api.push('tasks', [insertRow(taskDoc('tn', 'pn'))]);
    await ann.api.push('templates', [insertRow(templateDoc('ta'))]);
    await nick.api.push('templates', [insertRow(templateDoc('tk'))]);
    await sam.api.push('partners', [insertRow(partnerDoc('ps'))]);
    await sam.api.push('tasks', [insertRow(taskDoc('ts', 'ps'))]);
    await sam.api.push('templates', [insertRow(templateDoc('tm'))]);
    const [nickBefore, annBefore, samBefore] = await Promise.all([cursor(nick), cursor(ann), cursor(sam)]);
    const nickStream = await openStream(server, nick.token);
    await nickStream.waitFor((event) => event.type === 'resync');

    const change = await server.admin.setTeams('nick@north.example', ['south']);
    expect(change).toMatchObject({ added: 1, removed: 1 });

    // Nick's laptop: north's partner, its task and Ann's template go; south's arrive; his own
    // template stays (and comes again: it got a new seq for Sam, harmless for Nick).
    expect(await since(nick, nickBefore)).toEqual([
      ['pn', true],
      ['ps', false],
      ['ta', true],
      ['tk', false],
      ['tm', false],
      ['tn', true],
      ['ts', false],
    ]);
    await nickStream.waitFor((event) => event.type === 'change' && event.collection === 'templates' && event.documents.some((doc) => doc.id === 'ta' && doc._deleted));
    expect((await everything(nick)).filter((doc) => !doc._deleted).map((doc) => doc.id).sort()).toEqual(['ps', 'tk', 'tm', 'ts']);
    // His template follows him: Ann loses it, Sam gains it (and receives south's own documents
    // again, which got new seqs for Nick).
    expect(await since(ann, annBefore)).toEqual([['tk', true]]);
    expect(await since(sam, samBefore)).toEqual([
      ['ps', false],
      ['tk', false],
      ['tm', false],
      ['ts', false],
    ]);
    // He can write to south's partner now, not to north's.
    expect((await nick.api.push('tasks', [insertRow(taskDoc('tx', 'ps'))])).status).toBe(200);
    expect((await nick.api.push('tasks', [insertRow(taskDoc('ty', 'pn'))])).status).toBe(403);
    await expect(server.admin.setTeams('nick@north.example', ['nowhere'])).rejects.toThrow('no team named nowhere');
    nickStream.close();
  });

  it('promotes a manager to admin and back: everything arrives, then what a manager may not see is revoked', async () => {
    const server = await env.start({ streamHeartbeatMs: 60_000 });
    const { ann, nick, sam } = await twoTeams(server);
    await ann.api.push('partners', [insertRow(partnerDoc('pn'))]);
    await ann.api.push('tasks', [insertRow(taskDoc('tn', 'pn'))]);
    await sam.api.push('partners', [insertRow(partnerDoc('ps'))]);
    await sam.api.push('tasks', [insertRow(taskDoc('ts', 'ps'))]);
    await sam.api.push('templates', [insertRow(templateDoc('tm'))]);
    const before = await cursor(nick);
    const stream = await openStream(server, nick.token);
    await stream.waitFor((event) => event.type === 'resync');

    expect(await server.admin.setRole('nick@north.example', 'admin')).toMatchObject({ removed: 1 });
    // His open stream ends at once so his laptop reconnects as an admin.
    await stream.ended;
    expect(stream.events.at(-1)).toEqual({ type: 'closed', reason: 'shutdown' });
    expect(await since(nick, before)).toEqual([
      ['ps', false],
      ['tm', false],
      ['ts', false],
    ]);
    expect((await nick.api.push('tasks', [insertRow(taskDoc('tx', 'ps'))])).status).toBe(200);

    const asAdmin = await cursor(nick);
    const again = await openStream(server, nick.token);
    await again.waitFor((event) => event.type === 'resync');
    const down = await server.admin.setRole('nick@north.example', 'manager');
    expect(down.revoked).toBe(4);
    await again.ended;
    // Everything of the south team leaves his laptop, his own task there too; north's stays.
    expect(await since(nick, asAdmin)).toEqual([
      ['ps', true],
      ['tm', true],
      ['ts', true],
      ['tx', true],
    ]);
    expect((await everything(nick)).filter((doc) => !doc._deleted).map((doc) => doc.id).sort()).toEqual(['pn', 'tn']);
    expect((await nick.api.push('tasks', [insertRow(taskDoc('ty', 'ps'))])).status).toBe(403);
    await expect(server.admin.setRole('nick@north.example', 'owner' as never)).rejects.toThrow('role must be manager or admin');
  });
});
