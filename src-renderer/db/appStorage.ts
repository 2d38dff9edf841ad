import { wrappedValidateStorageFactory, type RxJsonSchema, type RxStorage, type RxValidationError } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getValidator as zSchemaValidator, ZSchemaClass } from 'rxdb/plugins/validate-z-schema';

/** IndexedDB implementation to use; tests pass fake-indexeddb's, the app uses the browser's. */
export type IndexedDbFactory = { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };

/**
 * z-schema validation with each collection schema compiled once. RxDB's own z-schema wrapper
 * hands the schema object to z-schema on every call, and z-schema 12 deep-clones and re-checks
 * it each time: 6 of 7 seconds of a 10,000-task insert went there (docs/performance.md). Here
 * the schema is registered once under its own URI and documents are validated against that.
 * Failures are re-run through RxDB's validator so errors keep RxDB's shape (field paths).
 * (ajv is not an option: it needs `unsafe-eval`, which our CSP forbids.)
 */
const validateWithCompiledZSchema = (() => {
  const validator = ZSchemaClass.create({ strictMode: false });
  let next = 0;
  return wrappedValidateStorageFactory((schema: RxJsonSchema<unknown>) => {
    next += 1;
    const uri = `urn:partner-desk:schema:${next}`;
    validator.setRemoteReference(uri, schema as unknown as Record<string, unknown>);
    const detailed = zSchemaValidator(schema);
    return (doc): RxValidationError[] => (validator.validateSafe(doc, uri).valid ? [] : detailed(doc));
  }, 'z-schema-compiled');
})();

/**
 * The app's storage: Dexie over IndexedDB, every write validated against its collection schema.
 */
export function appStorage(factory?: IndexedDbFactory): RxStorage<unknown, unknown> {
  const dexie = factory ? getRxStorageDexie({ indexedDB: factory.indexedDB, IDBKeyRange: factory.IDBKeyRange }) : getRxStorageDexie();
  return validateWithCompiledZSchema({ storage: dexie }) as RxStorage<unknown, unknown>;
}
