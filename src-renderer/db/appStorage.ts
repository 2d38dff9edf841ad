import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';

/** IndexedDB implementation to use; tests pass fake-indexeddb's, the app uses the browser's. */
export type IndexedDbFactory = { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };

/**
 * The app's storage: Dexie over IndexedDB, wrapped in z-schema validation (ajv would need
 * `unsafe-eval`, which our CSP forbids). Every write is validated against the collection schema.
 */
export function appStorage(factory?: IndexedDbFactory): RxStorage<unknown, unknown> {
  const dexie = factory ? getRxStorageDexie({ indexedDB: factory.indexedDB, IDBKeyRange: factory.IDBKeyRange }) : getRxStorageDexie();
  return wrappedValidateZSchemaStorage({ storage: dexie }) as RxStorage<unknown, unknown>;
}
