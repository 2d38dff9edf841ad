import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBUpdatePlugin } from 'rxdb/plugins/update';
import { COLLECTION_NAMES, type BaseDoc, type CollectionDocs, type CollectionName, type ConflictRecord } from '../../src-shared/domain/types';
import { COLLECTION_SCHEMAS } from '../../src-shared/schemas/collectionSchemas';
import type { CollectionSchema } from '../../src-shared/schemas/jsonSchema';
import { MIGRATION_STRATEGIES } from '../../src-shared/schemas/migrations';
import { conflictRecordId, type ConflictDraft } from '../../src-shared/sync/mergeConflict';
import { localChangeMeta } from '../../src-shared/sync/syncMeta';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBUpdatePlugin);
addRxPlugin(RxDBLeaderElectionPlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);

export type AppCollections = { [K in CollectionName]: RxCollection<CollectionDocs[K]> };
export type AppDatabase = RxDatabase<AppCollections>;

export type AppDatabaseOptions = {
  /** Database name: one per signed-in profile (`partnerdesk-<profile>`). */
  name: string;
  storage: RxStorage<unknown, unknown>;
  /** Several tabs/windows share one database (BroadcastChannel). Off in single-process tests. */
  multiInstance?: boolean;
  /** Override schemas (the migration test opens a database at an older schema version). */
  schemas?: Partial<Record<CollectionName, CollectionSchema>>;
  /**
   * Who is editing: the signed-in email, or the local profile's email. Every local insert, save
   * and remove stamps it into `updatedBy` (replicated writes bypass these hooks and keep the
   * remote author). Read on each write, so signing in or out takes effect immediately.
   */
  currentUser?: () => string;
};

export function databaseNameFor(profileId: string): string {
  return `partnerdesk-${profileId.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/**
 * Opens (or creates) the local store with every collection and runs pending schema migrations
 * before resolving, so screens never see documents of an old shape.
 */
export async function createAppDatabase(options: AppDatabaseOptions): Promise<AppDatabase> {
  const db = await createRxDatabase<AppCollections>({
    name: options.name,
    storage: options.storage,
    multiInstance: options.multiInstance ?? true,
    eventReduce: true,
    closeDuplicates: true,
    // The sync engine keeps its checkpoint in a local document (not synced, not a collection).
    localDocuments: true,
  });
  try {
    const collections = Object.fromEntries(
      COLLECTION_NAMES.map((name) => [
        name,
        {
          schema: (options.schemas?.[name] ?? COLLECTION_SCHEMAS[name]) as unknown as RxJsonSchema<CollectionDocs[typeof name]>,
          migrationStrategies: MIGRATION_STRATEGIES[name] ?? {},
          autoMigrate: true,
        },
      ]),
    );
    await db.addCollections(collections);
    for (const name of COLLECTION_NAMES) trackLocalWrites(db, name, options.currentUser);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

const AUTHOR_MAX_LENGTH = 200;
const CONFLICT_FIELD_MAX_LENGTH = 200;

/** Set by the remove hook on the data being removed, so the save hook can tell a removal apart. */
const REMOVING: unique symbol = Symbol('partner-desk.removing');

type HookedDoc = BaseDoc & { _deleted?: boolean; partnerId?: string; [REMOVING]?: boolean };

/**
 * RxDB middleware on every local write (insert, save, remove):
 * - it records who made it (`updatedBy`), and a remove also stamps `updatedAt`, so a delete
 *   competes fairly with edits when a conflict is decided by the later change;
 * - it puts the change in the outbox: `sync` (src-shared/sync/syncMeta.ts) becomes pending, with
 *   the server state the change was made from as its base, in the same write as the change, so
 *   no crash can leave a change the sync engine does not know about.
 * The sync engine writes server states to the storage instance directly and never runs these
 * hooks, so a remote edit keeps its remote author and is not mistaken for a local change.
 *
 * An edit that lands on a document the sync engine deleted a moment earlier (the user was still
 * looking at it) would otherwise be written into the tombstone and vanish. It revives the
 * document instead — the later change wins, as in a merge — and the overridden delete is
 * recorded in `conflicts` like any other losing side.
 */
function trackLocalWrites(db: AppDatabase, name: CollectionName, currentUser: (() => string) | undefined): void {
  const collection = db[name] as unknown as RxCollection<HookedDoc>;
  const stamp = (data: HookedDoc) => {
    const who = currentUser?.().trim().slice(0, AUTHOR_MAX_LENGTH);
    if (who) data.updatedBy = who;
  };
  collection.preInsert((data) => {
    stamp(data);
    data.sync = localChangeMeta(undefined);
  }, false);
  collection.preSave(async (data, previous) => {
    stamp(data);
    const before = previous as unknown as HookedDoc | undefined;
    data.sync = localChangeMeta(before);
    const removing = data[REMOVING] === true;
    delete data[REMOVING];
    if (removing || data._deleted !== true || before?._deleted !== true || name === 'conflicts') return;
    data._deleted = false;
    await storeConflictRecords(db, [
      {
        partnerId: name === 'partners' ? data.id : String(data.partnerId ?? ''),
        collectionName: name,
        documentId: data.id,
        field: '_deleted',
        keptValue: false,
        lostValue: true,
        keptBy: data.updatedBy ?? 'local',
        lostBy: before.updatedBy ?? 'server',
        keptAt: data.updatedAt,
        lostAt: before.updatedAt,
      },
    ]);
  }, false);
  collection.preRemove((data) => {
    data.sync = localChangeMeta(data);
    stamp(data);
    data.updatedAt = new Date().toISOString();
    data[REMOVING] = true;
  }, false);
}

/**
 * Keeps the losing values of a merge as ConflictRecords in `conflicts` (which syncs too, so every
 * laptop shows the same history). The record id is derived from the conflict, so a retried
 * resolution, or two laptops resolving the same clash, store it once.
 */
export async function storeConflictRecords(db: AppDatabase, drafts: ConflictDraft[]): Promise<void> {
  const now = new Date().toISOString();
  const records = new Map<string, ConflictRecord>();
  for (const draft of drafts) {
    const id = conflictRecordId(draft);
    records.set(id, {
      ...draft,
      field: draft.field.slice(0, CONFLICT_FIELD_MAX_LENGTH),
      keptBy: draft.keptBy.slice(0, AUTHOR_MAX_LENGTH),
      lostBy: draft.lostBy.slice(0, AUTHOR_MAX_LENGTH),
      id,
      createdAt: now,
      updatedAt: now,
      restored: false,
    });
  }
  try {
    const existing = await db.conflicts.findByIds([...records.keys()]).exec();
    const missing = [...records.values()].filter((record) => !existing.has(record.id));
    if (missing.length === 0) return;
    const result = await db.conflicts.bulkInsert(missing);
    // A record inserted meanwhile (409) is fine; anything else must not break the replication.
    for (const error of result.error) if (error.status !== 409) console.error('Partner Desk: could not store a conflict record', error);
  } catch (error) {
    // The merge itself already succeeded; losing the history entry must not stop the sync.
    console.error('Partner Desk: could not store conflict records', error);
  }
}
