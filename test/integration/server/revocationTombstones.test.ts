import { describe, expect, it } from 'vitest';
import type { CollectionName } from '../../../src-shared/domain/types';
import type { SyncDocument } from '../../../src-shared/sync/protocol';
import type { SyncCheckpoint } from '../../../src-shared/sync/checkpoint';
import { insertRow, partnerDoc, taskDoc, templateDoc, updateRow } from './support/docFactories';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { openStream, seedUser, streamedDocuments, type SeededUser } from './support/syncClient';

/** What the user's laptop holds of `collection` after pulling to the end, and where it stopped. */
async function laptopCopy(user: SeededUser, collection: CollectionName): Promise<{ docs: Map<string, SyncDocument>; checkpoint: SyncCheckpoint | null }> {
  const { documents, checkpoint } = await user.api.pullAll(collection);
  return { docs: new Map(documents.map((doc) => [doc.id, doc])), checkpoint };
}

/** The tombstones the user's next pull brings, by id (documents gained at the same time are left out). */
async function tombstonesSince(user: SeededUser, collection: CollectionName, from: SyncCheckpoint | null): Promise<Map<string, SyncDocument>> {
  const { documents } = await user.api.pullAll(collection, from);
  return new Map(documents.filter((doc) => doc._deleted).map((doc) => [doc.id, doc]));
}

/** A revocation tombstone is exactly the last state the user could see, marked deleted. */
function expectLastSeenState(tombstones: Map<string, SyncDocument>, seen: Map<string, SyncDocument>, ids: string[]): void {
  expect([...tombstones.keys()].sort()).toEqual([...ids].sort());
  for (const id of ids) expect(tombstones.get(id), id).toEqual({ ...seen.get(id), _deleted: true });
}

describe.each(BACKENDS)('revocation tombstones carry only what the user could see (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('reassign-partner: the old owner and team get the partner as they saw it, not the new owner or the new updatedAt', async () => {
    const server = await env.start({ now: () => new Date('2026-11-30T12:00:00.000Z') });
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const nick = await seedUser(server, 'nick@north.example', { teams: ['north'] });
    await seedUser(server, 'sam@south.example', { teams: ['south'] });
    await ann.api.push('partners', [insertRow(partnerDoc('p1'))]);
    await ann.api.push('tasks', [insertRow(taskDoc('t1', 'p1'))]);
    const [annPartners, annTasks, nickPartners] = [await laptopCopy(ann, 'partners'), await laptopCopy(ann, 'tasks'), await laptopCopy(nick, 'partners')];
    const annStream = await openStream(server, ann.token);
    await annStream.waitFor((event) => event.type === 'resync');

    await server.admin.reassignPartner({ partnerId: 'p1', ownerEmail: 'sam@south.example', teamName: 'south' });

    const annTombstones = await tombstonesSince(ann, 'partners', annPartners.checkpoint);
    expectLastSeenState(annTombstones, annPartners.docs, ['p1']);
    expect(annTombstones.get('p1')).toMatchObject({ ownerEmail: 'ann@north.example', updatedAt: annPartners.docs.get('p1')?.updatedAt });
    expect(JSON.stringify([...annTombstones.values()])).not.toContain('sam@south.example');
    expectLastSeenState(await tombstonesSince(ann, 'tasks', annTasks.checkpoint), annTasks.docs, ['t1']);
    expectLastSeenState(await tombstonesSince(nick, 'partners', nickPartners.checkpoint), nickPartners.docs, ['p1']);
    // The stream carries the same tombstone.
    const streamed = await annStream.waitFor((event) => event.type === 'change' && event.collection === 'partners');
    expect(streamed).toMatchObject({ documents: [{ ...annPartners.docs.get('p1'), _deleted: true }] });
    annStream.close();
  });

  it('team[] changed by a push: the removed member gets the partner as they saw it, not the new team or fields', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const sam = await seedUser(server, 'sam@south.example', { teams: ['south'] });
    await ann.api.push('partners', [insertRow(partnerDoc('p1'))]);
    const [created] = (await ann.api.pullAll('partners')).documents as [SyncDocument];
    const withSam = updateRow(created, { team: [{ id: 'm1', name: 'Sam', email: 'sam@south.example', role: 'technical' }] });
    expect((await ann.api.push('partners', [withSam])).body).toEqual([]);
    const samPartners = await laptopCopy(sam, 'partners');
    expect([...samPartners.docs.keys()]).toEqual(['p1']);
    const samStream = await openStream(server, sam.token);
    await samStream.waitFor((event) => event.type === 'resync');

    // Ann takes Sam off the team and, in the same edit, writes something Sam must not see.
    const [current] = (await ann.api.pullAll('partners')).documents as [SyncDocument];
    const secretEdit = updateRow(current, {
      team: [{ id: 'm2', name: 'Nina', email: 'nina@north.example', role: 'marketing' }],
      name: 'Acquisition target (confidential)',
    });
    expect((await ann.api.push('partners', [secretEdit])).body).toEqual([]);

    const tombstones = await tombstonesSince(sam, 'partners', samPartners.checkpoint);
    expectLastSeenState(tombstones, samPartners.docs, ['p1']);
    expect(JSON.stringify([...tombstones.values()])).not.toMatch(/confidential|nina@north\.example/);
    await samStream.waitFor((event) => event.type === 'change' && event.collection === 'partners');
    expect(streamedDocuments(samStream, 'partners')).toEqual([{ ...samPartners.docs.get('p1'), _deleted: true }]);
    samStream.close();
  });

  it('set-teams and set-role: tombstones are the states the user last pulled', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const nick = await seedUser(server, 'nick@north.example', { teams: ['north'] });
    const sam = await seedUser(server, 'sam@south.example', { teams: ['south'] });
    await ann.api.push('partners', [insertRow(partnerDoc('pn'))]);
    await ann.api.push('tasks', [insertRow(taskDoc('tn', 'pn'))]);
    await ann.api.push('templates', [insertRow(templateDoc('ta'))]);
    await sam.api.push('partners', [insertRow(partnerDoc('ps'))]);
    await sam.api.push('templates', [insertRow(templateDoc('tm'))]);

    const nickSeen = { partners: await laptopCopy(nick, 'partners'), tasks: await laptopCopy(nick, 'tasks'), templates: await laptopCopy(nick, 'templates') };
    await server.admin.setTeams('nick@north.example', ['south']);
    expectLastSeenState(await tombstonesSince(nick, 'partners', nickSeen.partners.checkpoint), nickSeen.partners.docs, ['pn']);
    expectLastSeenState(await tombstonesSince(nick, 'tasks', nickSeen.tasks.checkpoint), nickSeen.tasks.docs, ['tn']);
    expectLastSeenState(await tombstonesSince(nick, 'templates', nickSeen.templates.checkpoint), nickSeen.templates.docs, ['ta']);

    await server.admin.setRole('ann@north.example', 'admin');
    const annSeen = { partners: await laptopCopy(ann, 'partners'), templates: await laptopCopy(ann, 'templates') };
    await server.admin.setRole('ann@north.example', 'manager');
    expectLastSeenState(await tombstonesSince(ann, 'partners', annSeen.partners.checkpoint), annSeen.partners.docs, ['ps']);
    expectLastSeenState(await tombstonesSince(ann, 'templates', annSeen.templates.checkpoint), annSeen.templates.docs, ['tm']);
  });
});

