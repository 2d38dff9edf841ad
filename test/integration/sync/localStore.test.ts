/**
 * The store side of sync, on one simulated laptop (no server): `updatedBy` stamping, the schema
 * versions that added it (and renamed the conflict record's `collection`), and the conflict
 * handler every collection gets.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { RxCollection } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppDatabase, storeConflictRecords, type AppDatabase } from '../../../src-renderer/db/appDatabase';
import { createSyncStore } from '../../../src-renderer/sync/syncStore';
import { appStorage } from '../../../src-renderer/db/appStorage';
import { COLLECTION_NAMES, type CollectionName } from '../../../src-shared/domain/types';
import { COLLECTION_SCHEMAS, conflictSchemaV0, partnerSchemaV0 } from '../../../src-shared/schemas/collectionSchemas';
import type { CollectionSchema } from '../../../src-shared/schemas/jsonSchema';
import { stripLocalFields } from '../../../src-shared/sync/documentEquality';
import { readSyncMeta, syncedContent } from '../../../src-shared/sync/syncMeta';
import { goal, partner, task } from './support/appDocs';
import { clockPast } from './support/clock';
import { withoutSyncBookkeeping } from '../renderer/oldStore';

type Doc = Record<string, unknown>;

const open: AppDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

function machine() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

async function openStore(disk: ReturnType<typeof machine>, options: { schemas?: Partial<Record<CollectionName, CollectionSchema>>; user?: () => string } = {}) {
  const db = await createAppDatabase({
    name: 'partnerdesk-store',
    storage: appStorage(disk),
    multiInstance: false,
    ...(options.schemas ? { schemas: options.schemas } : {}),
    ...(options.user ? { currentUser: options.user } : {}),
  });
  open.push(db);
  return db;
}

async function close(db: AppDatabase) {
  open.splice(open.indexOf(db), 1);
  await db.close();
}

/** Every collection's schema as the previous app version had it: no `updatedBy`. */
function previousSchemas(): Record<CollectionName, CollectionSchema> {
  const out = {} as Record<CollectionName, CollectionSchema>;
  for (const name of COLLECTION_NAMES) {
    // Born at version 0 with both fields: the previous store had no such collection, its first schema stands in.
    if (name === 'resources') {
      out[name] = COLLECTION_SCHEMAS[name];
      continue;
    }
    const { updatedBy: _added, sync: _later, ...properties } = COLLECTION_SCHEMAS[name].properties;
    out[name] = { ...COLLECTION_SCHEMAS[name], version: 0, properties };
  }
  out.partners = partnerSchemaV0;
  out.conflicts = conflictSchemaV0;
  // A collection added at version 0 after that app version has nothing older to migrate from.
  out.mdf = COLLECTION_SCHEMAS.mdf;
  return out;
}

const plain = (doc: { toJSON: () => unknown } | null) => (doc ? stripLocalFields(doc.toJSON() as Doc) : null);

describe('the local store for sync', () => {
  it('stamps who made each local insert, save and delete; writes made by replication keep their author', async () => {
    let who = 'pat@vendor.example';
    const db = await openStore(machine(), { user: () => who });
    await db.partners.insert(partner('p1', 'pat@vendor.example'));
    const inserted = await db.planitems.insert(goal('g1', 'p1'));
    expect(inserted.updatedBy).toBe('pat@vendor.example');

    who = 'ann@north.example'; // signed in: the current user is read on every write
    const edited = await inserted.incrementalPatch({ title: 'Edited', updatedAt: new Date().toISOString() });
    expect(edited.updatedBy).toBe('ann@north.example');

    const before = edited.updatedAt;
    clockPast(before);
    const removed = await edited.incrementalRemove();
    expect(removed.deleted).toBe(true);
    expect(removed.updatedBy).toBe('ann@north.example');
    expect(Date.parse(removed.updatedAt)).toBeGreaterThan(Date.parse(before));

    // The replication writes through the storage instance, like this: no hook runs.
    const remote = { ...task('t1', 'p1'), updatedBy: 'bob@north.example', _deleted: false, _attachments: {}, _meta: { lwt: Date.now() }, _rev: '1-remote' };
    const result = await (db.tasks as unknown as RxCollection<Doc>).storageInstance.bulkWrite([{ document: remote as never }], 'test-replication');
    expect(result.error).toEqual([]);
    expect((await db.tasks.findOne('t1').exec())?.updatedBy).toBe('bob@north.example');
  });

  it('an edit that lands on a document the replication just deleted revives it and records the overridden delete', async () => {
    const db = await openStore(machine(), { user: () => 'ann@north.example' });
    const inserted = await db.planitems.insert(goal('g1', 'p1', { title: 'Before' }));
    // Bob's delete arrives through the replication while Ann still has the goal open.
    const tombstone = { ...inserted.toJSON(), updatedAt: new Date().toISOString(), updatedBy: 'bob@north.example', _deleted: true, _attachments: {}, _meta: { lwt: Date.now() }, _rev: '2-remote' };
    const [stored] = await (db.planitems as unknown as RxCollection<Doc>).storageInstance.findDocumentsById(['g1'], false);
    const replaced = await (db.planitems as unknown as RxCollection<Doc>).storageInstance.bulkWrite([{ previous: stored as never, document: tombstone as never }], 'test-replication');
    expect(replaced.error).toEqual([]);
    expect(await db.planitems.findOne('g1').exec()).toBeNull();

    clockPast(tombstone.updatedAt);
    const edited = await inserted.incrementalPatch({ title: 'Ann kept working', updatedAt: new Date().toISOString() });
    expect(edited.deleted).toBe(false);
    expect(await db.planitems.findOne('g1').exec()).toMatchObject({ title: 'Ann kept working', updatedBy: 'ann@north.example' });
    expect((await db.conflicts.find().exec()).map((record) => plain(record))).toEqual([
      expect.objectContaining({ collectionName: 'planitems', documentId: 'g1', field: '_deleted', keptValue: false, lostValue: true, keptBy: 'ann@north.example', lostBy: 'bob@north.example' }),
    ]);

    // A delete is still a delete (removing the revived goal records nothing more).
    await (await db.planitems.findOne('g1').exec())?.incrementalRemove();
    expect(await db.planitems.findOne('g1').exec()).toBeNull();
    expect(await db.conflicts.count().exec()).toBe(1);
  });

  it('migrates a store of the previous version: documents unchanged, conflict records readable with collectionName', async () => {
    const disk = machine();
    const old = withoutSyncBookkeeping(await openStore(disk, { schemas: previousSchemas() }));
    const { day0, ...partnerFields } = partner('p1', 'pat@vendor.example');
    await old.partners.insert({ ...partnerFields, contractSignedOn: day0 } as never);
    const oldTask = task('t1', 'p1');
    const oldGoal = goal('g1', 'p1');
    await old.tasks.insert(oldTask);
    await old.planitems.insert(oldGoal);
    // A v0 conflict record (written through storage: v0 records could not be read back as documents).
    const record = {
      id: 'conflict-1',
      createdAt: oldTask.createdAt,
      updatedAt: oldTask.updatedAt,
      partnerId: 'p1',
      collection: 'tasks',
      documentId: 't1',
      field: 'title',
      keptValue: 'Kept',
      lostValue: 'Lost',
      keptBy: 'ann@north.example',
      lostBy: 'bob@north.example',
      keptAt: oldTask.updatedAt,
      lostAt: oldTask.createdAt,
      restored: false,
    };
    const written = await (old.conflicts as unknown as RxCollection<Doc>).storageInstance.bulkWrite(
      [{ document: { ...record, _deleted: false, _attachments: {}, _meta: { lwt: Date.now() }, _rev: '1-old' } as never }],
      'test-v0',
    );
    expect(written.error).toEqual([]);
    await close(old);

    const db = await openStore(disk, { user: () => 'pat@vendor.example' });
    expect(plain(await db.tasks.findOne('t1').exec())).toEqual({ ...oldTask, _deleted: false });
    expect(plain(await db.planitems.findOne('g1').exec())).toEqual({ ...oldGoal, _deleted: false });
    expect(await db.partners.findOne('p1').exec()).toMatchObject({ day0 });
    const { collection, ...rest } = record;
    expect(plain(await db.conflicts.findOne('conflict-1').exec())).toEqual({ ...rest, collectionName: collection, _deleted: false });
    // and the migrated store takes new writes, stamped
    const edited = await (await db.tasks.findOne('t1').exec())?.incrementalPatch({ status: 'done' });
    expect(edited?.updatedBy).toBe('pat@vendor.example');
  });

  it('puts every local write in the outbox in the same write; server states written by the sync engine are not local changes', async () => {
    const db = await openStore(machine(), { user: () => 'ann@north.example' });
    const store = createSyncStore(db, 'outbox-test');
    await db.planitems.insert(goal('g1', 'p1', { title: 'Base' }));
    expect(readSyncMeta((await db.planitems.findOne('g1').exec())?.toJSON() as Doc)).toEqual({ pending: true, base: null });
    expect(await store.scanPending('planitems')).toEqual(['g1']);

    // The engine records the server's acknowledgement (version 4): nothing pending any more.
    const inserted = (await store.read('planitems', ['g1'])).get('g1');
    if (!inserted) throw new Error('g1 is not stored');
    expect(await store.write('planitems', [{ previous: inserted, content: syncedContent(inserted), meta: { seq: 4 } }])).toEqual(new Set());
    expect(await store.scanPending('planitems')).toEqual([]);
    const acknowledged = (await store.read('planitems', ['g1'])).get('g1');

    // An edit is pending again, with the acknowledged state as its base; a delete keeps that base.
    await (await db.planitems.findOne('g1').exec())?.incrementalPatch({ title: 'Ann' });
    const edited = readSyncMeta((await db.planitems.findOne('g1').exec())?.toJSON() as Doc);
    expect(edited).toMatchObject({ seq: 4, pending: true, base: expect.objectContaining({ title: 'Base', _deleted: false }) });
    await (await db.planitems.findOne('g1').exec())?.remove();
    const [tombstone] = await (db.planitems as unknown as RxCollection<Doc>).storageInstance.findDocumentsById(['g1'], true);
    expect(readSyncMeta(tombstone as Doc)).toMatchObject({ seq: 4, pending: true, base: expect.objectContaining({ title: 'Base' }) });
    expect(await store.scanPending('planitems'), 'a pending delete is found too').toEqual(['g1']);

    // A server state decided on the acknowledged copy is refused: the local edits happened since.
    if (!acknowledged) throw new Error('g1 is not stored');
    const refused = await store.write('planitems', [{ previous: acknowledged, content: { ...syncedContent(acknowledged), title: 'Server' }, meta: { seq: 5 } }]);
    expect(refused).toEqual(new Set(['g1']));
    expect(readSyncMeta((await store.read('planitems', ['g1'])).get('g1') as Doc)).toMatchObject({ pending: true });
  });

  it('keeps the losing values of a merge once, however often the merge is decided', async () => {
    const db = await openStore(machine(), { user: () => 'ann@north.example' });
    const draft = { partnerId: 'p1', collectionName: 'planitems', documentId: 'g1', field: 'title', keptValue: 'Bob', lostValue: 'Ann', keptBy: 'bob@north.example', lostBy: 'ann@north.example', keptAt: '2026-11-20T11:00:00.000Z', lostAt: '2026-11-20T10:00:00.000Z' };
    await storeConflictRecords(db, [draft]);
    await storeConflictRecords(db, [draft]);
    const records = await db.conflicts.find().exec();
    expect(records.map((r) => plain(r))).toEqual([expect.objectContaining({ ...draft, restored: false, updatedBy: 'ann@north.example' })]);
    expect(readSyncMeta(records[0]?.toJSON() as Doc).pending, 'a conflict record syncs like any document').toBe(true);
  });
});
