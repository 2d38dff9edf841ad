/**
 * One-time upgrade from the first sync engine (RxDB's `replicateRxCollection`, app versions before
 * sync protocol 2). That engine kept, per document, the last state the server acknowledged in
 * RxDB's replication bookkeeping (its "meta instance"); the schema migration that added our own
 * bookkeeping marks every document `legacy` (src-shared/schemas/migrations.ts), because a pure
 * migration cannot read those records. Here, before the new engine syncs anything, each legacy
 * document is settled from them:
 * - its state equals the acknowledged one → nothing pending (the next pull brings newer states);
 * - it differs, or the server never acknowledged any state of it → pending, with the acknowledged
 *   state as the base of the three-way merge, so the unpushed edit is pushed and merged, never
 *   dropped.
 * This is the one place that reads RxDB's replication storage format (rxdb is pinned to an exact
 * version in package.json); it opens that storage through the public RxStorage interface. Delete
 * it once no laptop runs a version from before protocol 2.
 */
import { getRxReplicationMetaInstanceSchema, type RxCollection, type RxStorageInstance } from 'rxdb';
import { COLLECTION_NAMES, type CollectionName } from '../../src-shared/domain/types';
import { isSameDocument } from '../../src-shared/sync/documentEquality';
import { readSyncMeta, syncedContent, type SyncMeta } from '../../src-shared/sync/syncMeta';
import { createSyncStore, type EngineWrite, type StoredDoc, type SyncStore } from '../sync/syncStore';
import type { AppDatabase } from './appDatabase';

type AnyDoc = Record<string, unknown>;
type LegacyMetaDoc = { id: string; itemId: string; isCheckpoint: string; docData?: AnyDoc };

const BATCH = 500;

async function legacyDocuments(store: SyncStore, name: CollectionName, ids?: readonly string[]): Promise<StoredDoc[]> {
  const candidates = ids ?? (await store.scanPending(name));
  if (candidates.length === 0) return [];
  const docs = await store.read(name, candidates);
  return [...docs.values()].filter((doc) => readSyncMeta(doc as AnyDoc).legacy === true);
}

/** Settles every `legacy` document of the database from the first engine's records for this account. */
export async function settleLegacyDocuments(db: AppDatabase, identifier: string): Promise<number> {
  const store = createSyncStore(db, identifier);
  let settled = 0;
  for (const name of COLLECTION_NAMES) {
    let legacy = await legacyDocuments(store, name);
    if (legacy.length === 0) continue;
    const collection = db[name] as unknown as RxCollection<AnyDoc>;
    const legacyRecords = (await db.storage.createStorageInstance({
      databaseInstanceToken: db.token,
      databaseName: db.name,
      collectionName: `rx-replication-meta-${await db.hashFunction([name, identifier].join('-'))}`,
      schema: getRxReplicationMetaInstanceSchema(collection.schema.jsonSchema, false),
      options: {},
      multiInstance: false,
      devMode: false,
    })) as RxStorageInstance<LegacyMetaDoc, unknown, unknown>;
    try {
      for (let attempt = 0; legacy.length > 0 && attempt < 20; attempt += 1) {
        const retry: string[] = [];
        for (let start = 0; start < legacy.length; start += BATCH) {
          const batch = legacy.slice(start, start + BATCH);
          const records = await legacyRecords.findDocumentsById(
            batch.map((doc) => `${String(doc.id)}|0`),
            false,
          );
          const acknowledged = new Map(records.map((record) => [record.itemId, record.docData]));
          const writes: EngineWrite[] = batch.map((doc) => {
            const assumed = acknowledged.get(String(doc.id));
            const unpushed = !assumed || !isSameDocument(doc as AnyDoc, assumed);
            const meta: SyncMeta = unpushed ? { pending: true, base: assumed ? syncedContent(assumed) : null } : {};
            return { previous: doc, content: syncedContent(doc as AnyDoc), meta };
          });
          for (const id of await store.write(name, writes)) retry.push(id);
          settled += batch.length;
        }
        // A local edit landed meanwhile (the app is usable during the upgrade): read those again.
        legacy = retry.length === 0 ? [] : await legacyDocuments(store, name, retry);
      }
    } finally {
      await legacyRecords.close();
    }
  }
  return settled;
}
