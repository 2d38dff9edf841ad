import { wrappedValidateStorageFactory, type RxJsonSchema, type RxStorage, type RxValidationError } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describeSchemaErrors, storedRowValidator, storedSchemaVersions } from '../../src-shared/schemas/schemaValidation';

/** IndexedDB implementation to use; tests pass fake-indexeddb's, the app uses the browser's. */
export type IndexedDbFactory = { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };

/** RxDB's validation error, plus the JSON pointer `path` storeErrorMessage names the field by. */
export type StoreValidationError = RxValidationError & { path: string };

const generated = new Set(storedSchemaVersions().map(({ title, version }) => `${title}@${version}`));

/**
 * Every row written is checked by the precompiled validator of its schema (ajv standalone code,
 * src-shared/schemas/schemaValidation.ts; CSP-safe, nothing compiled at run time), and refused
 * (RxDB's 422 write error) with each problem in words: `{ field, path: '/title', message }`.
 *
 * Which schemas have one: every schema src-shared/schemas defines, i.e. every collection the app
 * opens and the kept previous versions migrations read. RxDB's own stores (its internal
 * collection list, replication checkpoints) and collections a test opens at a schema we never
 * shipped are not checked. A collection schema we define whose validator no longer matches it
 * (a schema edited without `npm run validators`) makes every write to it fail with that message
 * rather than store unchecked data.
 */
const validateWithPrecompiledSchemas = wrappedValidateStorageFactory((schema: RxJsonSchema<unknown>) => {
  const validate = storedRowValidator(schema);
  if (!validate) {
    if (generated.has(`${schema.title}@${schema.version}`)) {
      throw new Error(
        `The precompiled validator of the "${schema.title}" schema (version ${schema.version}) does not match the schema: run \`npm run validators\` and commit the result.`,
      );
    }
    return () => [];
  }
  return (row): StoreValidationError[] =>
    validate(row) ? [] : describeSchemaErrors(validate.errors, row).map(({ path, message }) => ({ field: path, path, message }));
}, 'ajv-standalone');

/**
 * The app's storage: Dexie over IndexedDB, every write validated against its collection schema.
 */
export function appStorage(factory?: IndexedDbFactory): RxStorage<unknown, unknown> {
  const dexie = factory ? getRxStorageDexie({ indexedDB: factory.indexedDB, IDBKeyRange: factory.IDBKeyRange }) : getRxStorageDexie();
  return validateWithPrecompiledSchemas({ storage: dexie }) as RxStorage<unknown, unknown>;
}
