/**
 * The program-document rule (templates, and the admin-written resource library) exists twice: `canSeeProgramDocument` / `canEditProgramDocument` in
 * src-shared/sync/accessRules.ts and its SQL in src-server/storage/visibilitySql.ts. These tests
 * build a matrix of users (admins with and without a team, managers sharing a team, in another
 * team, in two teams, in none), let each create a template (and each admin a resource), and check for every (user,
 * document) pair that what the server serves — protocol 1 pull, the protocol 1 stream's batched
 * read, protocol 2 feed, the push access check — is what the TypeScript rule says. After role and
 * team changes, each laptop's copy (its old pull plus what the next pull brings: documents and
 * revocation tombstones) must again be exactly what the rule says.
 */
import { describe, expect, it } from 'vitest';
import type { CollectionName } from '../../../src-shared/domain/types';
import { canEditProgramDocument, canSeeProgramDocument, type AccessUser, type ProgramCollection } from '../../../src-shared/sync/accessRules';
import type { SyncCheckpoint } from '../../../src-shared/sync/checkpoint';
import type { SyncDocument, UserRole } from '../../../src-shared/sync/protocol';
import type { SyncServer } from '../../../src-server/createServer';
import { loadDocs, readFeedPages } from '../../../src-server/storage/docStore';
import { findForbidden } from '../../../src-server/sync/pushService';
import { feedRow, insertRow, resourceDoc, templateDoc, updateRow } from './support/docFactories';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { seedUser, type SeededUser } from './support/syncClient';

type Person = { name: string; role: UserRole; teams: string[] };

const PEOPLE: Person[] = [
  { name: 'ada', role: 'admin', teams: ['hq'] },
  { name: 'alf', role: 'admin', teams: [] },
  { name: 'ann', role: 'manager', teams: ['north'] },
  { name: 'nick', role: 'manager', teams: ['north'] },
  { name: 'mia', role: 'manager', teams: ['north', 'south'] },
  { name: 'sam', role: 'manager', teams: ['south'] },
  { name: 'lou', role: 'manager', teams: [] },
  { name: 'hal', role: 'manager', teams: ['hq'] },
];

const templateOf = (name: string) => `tpl-${name}`;
const resourceOf = (name: string) => `res-${name}`;
const DOC_OF: Record<ProgramCollection, (name: string) => string> = { templates: templateOf, resources: resourceOf };

/** Who created a document in each collection: everyone a template, the admins (only they may) a resource. */
type Matrix = { people: Map<string, Person>; users: Map<string, SeededUser>; creators: Record<ProgramCollection, string[]> };

const accessUser = (matrix: Matrix, name: string): AccessUser => {
  const person = matrix.people.get(name) as Person;
  const user = matrix.users.get(name) as SeededUser;
  return { id: user.id, email: user.email, role: person.role, teamIds: person.teams };
};

const creator = (matrix: Matrix, name: string) => {
  const { id, role, teamIds } = accessUser(matrix, name);
  return { id, role, teamIds };
};

/** The ids of `collection` the TypeScript rule lets `viewer` see, sorted. */
const expectedVisible = (matrix: Matrix, viewer: string, collection: ProgramCollection = 'templates') =>
  matrix.creators[collection]
    .filter((owner) => canSeeProgramDocument(accessUser(matrix, viewer), creator(matrix, owner)))
    .map(DOC_OF[collection])
    .sort();

async function seedMatrix(server: SyncServer): Promise<Matrix> {
  const users = new Map<string, SeededUser>();
  for (const person of PEOPLE) {
    const user = await seedUser(server, `${person.name}@example.com`, { role: person.role, teams: person.teams });
    users.set(person.name, user);
    expect((await user.api.push('templates', [insertRow(templateDoc(templateOf(person.name)))])).status).toBe(200);
    if (person.role === 'admin') expect((await user.api.push('resources', [insertRow(resourceDoc(resourceOf(person.name)))])).status).toBe(200);
  }
  return {
    people: new Map(PEOPLE.map((person) => [person.name, { ...person, teams: [...person.teams] }])),
    users,
    creators: { templates: PEOPLE.map((person) => person.name), resources: PEOPLE.filter((person) => person.role === 'admin').map((person) => person.name) },
  };
}

const live = (docs: Iterable<SyncDocument>) => [...docs].filter((doc) => !doc._deleted).map((doc) => doc.id).sort();

/** What each read path gives every user, compared with the rule, for every program collection. */
async function expectServerAgrees(server: SyncServer, matrix: Matrix): Promise<void> {
  const names = [...matrix.people.keys()];
  const viewers = names.map((name) => ({ id: (matrix.users.get(name) as SeededUser).id, role: (matrix.people.get(name) as Person).role }));
  const feeds = new Map<string, SyncDocument[]>();
  for (const name of names) {
    const feed = await (matrix.users.get(name) as SeededUser).api.feedPullAll();
    feeds.set(name, [...feed.documents.values()].map((change) => ({ ...change.document, collection: change.collection })));
  }
  for (const collection of ['templates', 'resources'] as const) {
    const docOf = DOC_OF[collection];
    const owners = matrix.creators[collection];
    const streamPages = await readFeedPages(server.db, collection, viewers.map((viewer) => ({ viewer, afterSeq: 0 })), 1000);
    const stored = await loadDocs(server.db, collection, owners.map(docOf));
    for (const [index, name] of names.entries()) {
      const user = matrix.users.get(name) as SeededUser;
      const expected = expectedVisible(matrix, name, collection);
      expect(live((await user.api.pullAll(collection)).documents), `protocol 1 pull of ${collection} by ${name}`).toEqual(expected);
      const fed = (feeds.get(name) ?? []).filter((doc) => doc.collection === collection);
      expect(live(fed), `protocol 2 feed of ${collection} to ${name}`).toEqual(expected);
      const streamed = (streamPages[index] ?? []).filter((row) => !row.deleted && !row.revoked).map((row) => row.id);
      expect(streamed.sort(), `protocol 1 stream read of ${collection} by ${name}`).toEqual(expected);

      // The push check: one row per document, forbidden exactly where the rule says "may not change".
      const viewer = { id: user.id, email: user.email, role: (matrix.people.get(name) as Person).role };
      const rows = owners.map((owner, rowIndex) => ({ index: rowIndex, id: docOf(owner), data: { ...stored.get(docOf(owner))?.data }, deleted: false, assumed: null }));
      const forbidden = viewer.role === 'admin' ? [] : (await findForbidden(server.db, viewer, collection, rows, stored)).map((problem) => problem.id);
      const mayNotChange = owners.filter((owner) => !canEditProgramDocument(accessUser(matrix, name), creator(matrix, owner), collection)).map(docOf);
      expect(forbidden.sort(), `${collection} ${name} may not change`).toEqual(mayNotChange.sort());
    }
  }
}

type Laptop = { docs: Map<string, SyncDocument>; checkpoint: SyncCheckpoint | null };

async function laptopsOf(matrix: Matrix, collection: CollectionName): Promise<Map<string, Laptop>> {
  const laptops = new Map<string, Laptop>();
  for (const [name, user] of matrix.users) {
    const { documents, checkpoint } = await user.api.pullAll(collection);
    // A fresh laptop stores no tombstone: a revocation of something it never had deletes nothing.
    laptops.set(name, { docs: new Map(documents.filter((doc) => !doc._deleted).map((doc) => [doc.id, doc])), checkpoint });
  }
  return laptops;
}

/** Each laptop applies its next pull (tombstones delete); what is left must be what the rule says now. */
async function expectLaptopsFollow(matrix: Matrix, laptops: Map<string, Laptop>, collection: ProgramCollection): Promise<void> {
  for (const [name, laptop] of laptops) {
    const user = matrix.users.get(name) as SeededUser;
    const { documents } = await user.api.pullAll(collection, laptop.checkpoint);
    for (const doc of documents) {
      if (doc._deleted) laptop.docs.delete(doc.id);
      else laptop.docs.set(doc.id, doc);
    }
    expect([...laptop.docs.keys()].sort(), `${name}'s laptop (${collection})`).toEqual(expectedVisible(matrix, name, collection));
  }
}

describe.each(BACKENDS)('the program-document rule in SQL agrees with accessRules.ts (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('serves every user exactly the templates and resources canSeeProgramDocument allows, through every read path and the push check', async () => {
    const server = await env.start();
    const matrix = await seedMatrix(server);
    await expectServerAgrees(server, matrix);
  });

  it('an admin’s template reaches a manager of another team, read-only; a manager’s does not', async () => {
    const server = await env.start();
    const ada = await seedUser(server, 'ada@hq.example', { role: 'admin', teams: ['hq'] });
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const sam = await seedUser(server, 'sam@south.example', { teams: ['south'] });
    await ada.api.push('templates', [insertRow(templateDoc('tpl-program', { kind: 'journey' }))]);
    await ann.api.push('templates', [insertRow(templateDoc('tpl-north'))]);

    const samSees = await sam.api.pullAll('templates');
    expect(samSees.documents.map((doc) => doc.id)).toEqual(['tpl-program']);
    expect([...(await sam.api.feedPullAll()).documents.keys()]).toEqual(['templates/tpl-program']);
    // Reading is not changing: the push is refused with words that say why, and nothing is stored.
    const rewrite = await sam.api.push('templates', [updateRow(samSees.documents[0] as SyncDocument, { name: 'mine now' })]);
    expect(rewrite.status).toBe(403);
    expect(rewrite.text).toContain('a program lead (admin) published this for everyone to read');
    const feedRewrite = await sam.api.feedPush([feedRow('templates', { ...(samSees.documents[0] as SyncDocument), name: 'mine now' }, 1)]);
    expect(feedRewrite.status).toBe(403);
    expect((await ada.api.pullAll('templates')).documents.find((doc) => doc.id === 'tpl-program')).toMatchObject({ name: 'Template tpl-program' });
    // A template Sam cannot see at all keeps the old answer (no hint that it is an admin's or not).
    expect((await sam.api.push('templates', [insertRow(templateDoc('tpl-north', { name: 'overwritten' }))])).text).toContain('belongs to partners you cannot access');
  });

  it('keeps every laptop equal to the rule across set-role and set-teams (tombstones out, new seqs in)', async () => {
    const server = await env.start();
    const matrix = await seedMatrix(server);
    const steps: { label: string; run: () => Promise<unknown>; apply: () => void }[] = [
      {
        label: 'ada demoted: her template leaves everyone outside hq',
        run: () => server.admin.setRole('ada@example.com', 'manager'),
        apply: () => ((matrix.people.get('ada') as Person).role = 'manager'),
      },
      {
        label: 'lou promoted: his template reaches everyone',
        run: () => server.admin.setRole('lou@example.com', 'admin'),
        apply: () => ((matrix.people.get('lou') as Person).role = 'admin'),
      },
      {
        label: 'mia leaves north',
        run: () => server.admin.setTeams('mia@example.com', ['south']),
        apply: () => ((matrix.people.get('mia') as Person).teams = ['south']),
      },
      {
        label: 'alf (an admin) joins north: his template stays everyone’s',
        run: () => server.admin.setTeams('alf@example.com', ['north']),
        apply: () => ((matrix.people.get('alf') as Person).teams = ['north']),
      },
      {
        label: 'ada promoted again',
        run: () => server.admin.setRole('ada@example.com', 'admin'),
        apply: () => ((matrix.people.get('ada') as Person).role = 'admin'),
      },
    ];
    for (const step of steps) {
      const templateLaptops = await laptopsOf(matrix, 'templates');
      const resourceLaptops = await laptopsOf(matrix, 'resources');
      await step.run();
      step.apply();
      await expectLaptopsFollow(matrix, templateLaptops, 'templates');
      await expectLaptopsFollow(matrix, resourceLaptops, 'resources');
      await expectServerAgrees(server, matrix);
    }
  });
});
