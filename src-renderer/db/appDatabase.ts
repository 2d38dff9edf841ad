import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBUpdatePlugin } from 'rxdb/plugins/update';
import { COLLECTION_NAMES, type CollectionDocs, type CollectionName } from '../../src-shared/domain/types';
import { COLLECTION_SCHEMAS } from '../../src-shared/schemas/collectionSchemas';
import type { CollectionSchema } from '../../src-shared/schemas/jsonSchema';
import { MIGRATION_STRATEGIES } from '../../src-shared/schemas/migrations';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBUpdatePlugin);

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
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
