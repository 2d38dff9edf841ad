/**
 * How the sync engine reads and writes the local store, through RxDB's public API only:
 * - documents are read and written on the collection's storage instance (the RxStorage
 *   interface: `findDocumentsById` with tombstones, `bulkWrite`, `getChangedDocumentsSince`), so
 *   server states bypass the collection's write hooks (db/appDatabase.ts) and are never taken for
 *   local changes, while screens still see them through the collection's change stream;
 * - every write names the exact state it replaces (`previous`): if a local write landed in
 *   between, the storage refuses the row with a 409 conflict and the engine decides again on the
 *   newer state (optimistic concurrency; no lost local edit, no timing assumption);
 * - the feed checkpoint lives in a local document of the database (not synced, not a collection).
 */
import { createRevision, getChangedDocumentsSince, now, type RxCollection, type RxDocumentData, type RxStorageInstance } from 'rxdb';
import { COLLECTION_NAMES, type CollectionName } from '../../src-shared/domain/types';
import { isSyncCheckpoint, type SyncCheckpoint } from '../../src-shared/sync/checkpoint';
import { SYNC_META_FIELD } from '../../src-shared/sync/protocol';
import { isPendingChange, type SyncMeta } from '../../src-shared/sync/syncMeta';
import type { AppDatabase } from '../db/appDatabase';

type AnyDoc = Record<string, unknown>;
export type StoredDoc = RxDocumentData<AnyDoc>;

/** One write of the engine: the new synced content and bookkeeping over the state it read. */
export type EngineWrite = { previous: StoredDoc | undefined; content: AnyDoc & { _deleted: boolean }; meta: SyncMeta };

/** Where the engine stands in the server's feed. `rebase`: an initial pull after a reset is under way. */
export type FeedPosition = { checkpoint: SyncCheckpoint | null; rebase: boolean; partnersFirstDone: boolean };

const SCAN_PAGE = 1000;

export type SyncStore = {
  read: (collection: CollectionName, ids: readonly string[]) => Promise<Map<string, StoredDoc>>;
  /** Writes the rows; returns the ids the storage refused because the document changed meanwhile. */
  write: (collection: CollectionName, writes: readonly EngineWrite[]) => Promise<Set<string>>;
  /** Ids of every document holding an unacknowledged change (tombstones included). */
  scanPending: (collection: CollectionName) => Promise<string[]>;
  readPosition: () => Promise<FeedPosition>;
  writePosition: (position: FeedPosition) => Promise<void>;
};

function storageOf(db: AppDatabase, name: CollectionName): RxStorageInstance<AnyDoc, unknown, unknown> {
  return (db[name] as unknown as RxCollection<AnyDoc>).storageInstance as RxStorageInstance<AnyDoc, unknown, unknown>;
}

export function createSyncStore(db: AppDatabase, identifier: string): SyncStore {
  const positionId = `sync-feed|${identifier}`;
  return {
    async read(collection, ids) {
      const found = new Map<string, StoredDoc>();
      if (ids.length === 0) return found;
      for (const doc of await storageOf(db, collection).findDocumentsById([...ids], true)) found.set(String(doc.id), doc);
      return found;
    },
    async write(collection, writes) {
      const refused = new Set<string>();
      if (writes.length === 0) return refused;
      const rows = writes.map(({ previous, content, meta }) => {
        const { _deleted, ...data } = content;
        const document = {
          ...data,
          [SYNC_META_FIELD]: meta,
          _deleted,
          _attachments: previous?._attachments ?? {},
          _meta: { ...(previous?._meta ?? {}), lwt: now() },
          _rev: createRevision(db.token, previous),
        } as StoredDoc;
        return previous ? { previous, document } : { document };
      });
      const result = await storageOf(db, collection).bulkWrite(rows, 'partner-desk-sync');
      for (const error of result.error) {
        if (error.status === 409) refused.add(String(error.documentId));
        else throw new Error(`could not store ${collection}/${String(error.documentId)} from the server (status ${error.status})`);
      }
      return refused;
    },
    async scanPending(collection) {
      const storage = storageOf(db, collection);
      const ids: string[] = [];
      let checkpoint: unknown;
      for (;;) {
        const page = await getChangedDocumentsSince(storage, SCAN_PAGE, checkpoint as never);
        for (const doc of page.documents) if (isPendingChange(doc as AnyDoc)) ids.push(String(doc.id));
        if (page.documents.length < SCAN_PAGE) return ids;
        checkpoint = page.checkpoint;
      }
    },
    async readPosition() {
      const doc = await db.getLocal<FeedPosition>(positionId);
      const data = doc?.toJSON().data as Partial<FeedPosition> | undefined;
      return {
        checkpoint: isSyncCheckpoint(data?.checkpoint) ? data.checkpoint : null,
        rebase: data?.rebase === true,
        partnersFirstDone: data?.partnersFirstDone === true,
      };
    },
    async writePosition(position) {
      await db.upsertLocal<FeedPosition>(positionId, position);
    },
  };
}

/** The collections in the order a push sends them: a partner before the documents that belong to it. */
export const PUSH_ORDER: readonly CollectionName[] = ['partners', ...COLLECTION_NAMES.filter((name) => name !== 'partners' && name !== 'conflicts'), 'conflicts'];
