/**
 * Upgrade without loss: a laptop that ran the first sync engine (RxDB's `replicateRxCollection`
 * over protocol 1, schemas before the `sync` bookkeeping) with edits it never pushed, updated to
 * sync engine 2. The old state is made here exactly as that engine made it — a real RxDB
 * replication against the real server's protocol-1 endpoints — then the app opens the same
 * IndexedDB with today's schemas and engine.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxCollection } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppDatabase, type AppDatabase } from '../../../src-renderer/db/appDatabase';
import { appStorage } from '../../../src-renderer/db/appStorage';
import { replicationIdentifier, startSync } from '../../../src-renderer/sync/startSync';
import type { SyncEngine, SyncStatus } from '../../../src-renderer/sync/syncTypes';
import { COLLECTION_NAMES, type CollectionName } from '../../../src-shared/domain/types';
import { COLLECTION_SCHEMAS } from '../../../src-shared/schemas/collectionSchemas';
import type { CollectionSchema } from '../../../src-shared/schemas/jsonSchema';
import { isSyncCheckpoint, type SyncCheckpoint } from '../../../src-shared/sync/checkpoint';
import { stripLocalFields } from '../../../src-shared/sync/documentEquality';
import { pullPath, pushPath, type PullResponse, type PushRow, type SyncDocument } from '../../../src-shared/sync/protocol';
import { readSyncMeta } from '../../../src-shared/sync/syncMeta';
import { apiFor } from '../server/support/syncClient';
import { BACKENDS, useTestEnv } from '../server/support/testBackends';
import { goal, partner } from './support/appDocs';
import { account, eventually } from './support/laptop';
import { withoutSyncBookkeeping } from '../renderer/oldStore';

type Doc = Record<string, unknown>;

/** Fields collections gained after the sync bookkeeping, by collection. */
const ADDED_SINCE_SYNC_META: Partial<Record<CollectionName, { fields: string[]; versions: number }>> = {
  tasks: { fields: ['dependsOn', 'pinned', 'shiftDays', 'startedOn', 'templateVersion', 'resourceIds'], versions: 1 },
};

/** The schemas the first engine's app version had: no `sync` field, the version before it, an `updatedAt` index. */
function schemasBeforeSyncMeta(): Record<CollectionName, CollectionSchema> {
  return Object.fromEntries(
    COLLECTION_NAMES.map((name) => {
      const schema = COLLECTION_SCHEMAS[name];
      // Born after the first engine (at version 0, with `sync`: resources, mdf …; every collection the first engine had was bumped): that app had no such collection, its first schema stands in.
      if (schema.version === 0) return [name, schema];
      const later = ADDED_SINCE_SYNC_META[name];
      const properties = Object.fromEntries(Object.entries(schema.properties).filter(([field]) => field !== 'sync' && !later?.fields.includes(field)));
      const version = schema.version - 1 - (later?.versions ?? 0);
      return [name, { ...schema, version, properties, indexes: ['updatedAt', ...(schema.indexes ?? [])] }];
    }),
  ) as unknown as Record<CollectionName, CollectionSchema>;
}

const open: AppDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

describe.each(BACKENDS)('updating a laptop from the first sync engine (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('keeps and pushes every edit the old engine had not pushed, merged with what others changed meanwhile', { timeout: 180_000 }, async () => {
    const server = await env.start();
    const ann = await account(server, 'ann@north.example');
    const bob = await account(server, 'bob@north.example');
    const idb = { indexedDB: new IDBFactory(), IDBKeyRange };
    const name = 'partnerdesk-upgrade';
    const identifier = replicationIdentifier(server.url, ann.user.id);

    // ---- the old app: protocol 1 through RxDB's replication ------------------------------------
    const old = await createAppDatabase({ name, storage: appStorage(idb), multiInstance: false, schemas: schemasBeforeSyncMeta(), currentUser: () => ann.email });
    open.push(old);
    withoutSyncBookkeeping(old);
    const headers = { authorization: `Bearer ${ann.token}`, 'content-type': 'application/json' };
    const replications = (['partners', 'planitems'] as const).map((collection) =>
      replicateRxCollection<Doc, SyncCheckpoint>({
        replicationIdentifier: identifier,
        collection: old[collection] as unknown as RxCollection<Doc>,
        live: true,
        waitForLeadership: false,
        pull: {
          batchSize: 100,
          handler: async (checkpoint) => {
            const res = await fetch(server.url + pullPath(collection, isSyncCheckpoint(checkpoint) ? checkpoint : undefined, 100), { headers });
            return (await res.json()) as PullResponse;
          },
        },
        push: {
          batchSize: 50,
          handler: async (rows) => {
            const body: PushRow[] = rows.map((row) => ({
              newDocumentState: stripLocalFields(row.newDocumentState as Doc) as SyncDocument,
              assumedMasterState: row.assumedMasterState ? (stripLocalFields(row.assumedMasterState as Doc) as SyncDocument) : null,
            }));
            const res = await fetch(server.url + pushPath(collection), { method: 'POST', headers, body: JSON.stringify(body) });
            return (await res.json()) as (Doc & { _deleted: boolean })[];
          },
        },
      }),
    );
    await old.partners.insert(partner('p1', ann.email));
    await old.planitems.bulkInsert([goal('g1', 'p1', { title: 'Win 10 deals', metric: 'deals' }), goal('g2', 'p1', { title: 'Untouched' })]);
    for (const replication of replications) await replication.awaitInSync();
    // The old app goes offline for good (it is being updated): these edits are never pushed.
    for (const replication of replications) await replication.cancel();
    await (await old.planitems.findOne('g1').exec())?.incrementalPatch({ title: 'Win 15 deals', updatedAt: new Date().toISOString() });
    await old.planitems.insert(goal('g3', 'p1', { title: 'Written offline' }));
    await old.close();
    open.splice(0);

    // Meanwhile Bob changes another field of g1 on the server.
    const bobApi = apiFor(server, bob.token);
    const before = (await bobApi.feedPullAll()).documents.get('planitems/g1');
    if (!before) throw new Error('g1 never reached the server');
    const bobsEdit = await bobApi.feedPush([{ collection: 'planitems', baseSeq: before.seq, document: { ...before.document, metric: 'registered deals', updatedAt: new Date().toISOString() } }]);
    expect(bobsEdit.body.results).toEqual([expect.objectContaining({ status: 'accepted' })]);

    // ---- the updated app: today's schemas (migration) and sync engine 2 ----------------------
    const db = await createAppDatabase({ name, storage: appStorage(idb), multiInstance: false, currentUser: () => ann.email });
    open.push(db);
    const migrated = await db.planitems.findOne('g1').exec();
    expect(readSyncMeta(migrated?.toJSON() as Doc)).toEqual({ legacy: true });

    let status: SyncStatus | null = null;
    const engine: SyncEngine = startSync({ db, serverUrl: server.url, token: ann.token, user: ann.user, wakeSignals: null, timing: { initialRetryMs: 100, maxRetryMs: 1000 } });
    engine.status$.subscribe((next) => {
      status = next;
    });
    try {
      await eventually(async () => expect(status).toMatchObject({ state: 'idle', pending: 0 }), 60_000);
      const onServer = (await apiFor(server, ann.token).feedPullAll()).documents;
      expect(onServer.get('planitems/g1')?.document, 'the unpushed edit and the server-side edit both survive').toMatchObject({ title: 'Win 15 deals', metric: 'registered deals' });
      expect(onServer.get('planitems/g3')?.document).toMatchObject({ title: 'Written offline', _deleted: false });
      expect(onServer.get('planitems/g2')?.document).toMatchObject({ title: 'Untouched' });
      const local = (await db.planitems.find().exec()).map((doc) => doc.toJSON() as Doc);
      expect(local.map((doc) => readSyncMeta(doc).pending ?? false)).toEqual([false, false, false]);
      expect(local.find((doc) => doc.id === 'g1')).toMatchObject({ title: 'Win 15 deals', metric: 'registered deals' });
      expect(await db.conflicts.find().exec(), 'different fields are not a conflict').toEqual([]);
    } finally {
      await engine.stop();
    }
  });
});
