/**
 * The text of src-shared/schemas/generated/validators.ts: ajv's standalone validation code for
 * every schema src-shared defines, compiled here (at build time) so that nothing compiles a
 * schema at run time. The renderer's Content-Security-Policy has no 'unsafe-eval', so ajv's
 * usual `new Function` compilation cannot run there; this module is plain code.
 *
 * Two validators per schema, each reporting every error:
 * - `document_<collection>`: a document as features, backups and the sync server see it
 *   (COLLECTION_SCHEMAS as written, closed to fields they do not name, as the store is);
 * - `stored_<title>_v<version>`: a row as the RxDB store writes it, i.e. the schema after RxDB's
 *   `fillWithDefaultSettings` and key sorting (`_deleted`, `_rev`, `_meta`, `_attachments`, no other key), also
 *   for the kept previous versions (partnerSchemaV0, conflictSchemaV0) that migrations open. Each
 *   carries the exact schema JSON it was compiled from, so the store uses it for that schema only.
 *
 * ajv's one run-time helper these schemas need (`ucs2length`, string length in code points, as
 * JSON Schema counts it) is inlined from ajv's own source, so the module imports nothing.
 */
import { Ajv, type Options } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import ucs2length from 'ajv/dist/runtime/ucs2length.js';
import { fillWithDefaultSettings, normalizeRxJsonSchema, type RxJsonSchema } from 'rxdb';
import { COLLECTION_NAMES, type CollectionName } from '../src-shared/domain/types';
import { COLLECTION_SCHEMAS, conflictSchemaV0, partnerSchemaV0 } from '../src-shared/schemas/collectionSchemas';
import type { CollectionSchema } from '../src-shared/schemas/jsonSchema';

export const VALIDATORS_MODULE_PATH = 'src-shared/schemas/generated/validators.ts';

/**
 * Our schemas carry RxDB keywords (strict off) and use no formats. Every error is reported;
 * ajv's English messages are left out (`messages: false`) because src-shared/schemas/schemaErrors.ts
 * words each error from its keyword and parameters.
 */
const OPTIONS: Options = { strict: false, validateFormats: false, allErrors: true, messages: false, code: { source: true, esm: true, lines: true } };

const asFunction = <T>(value: T | { default: T }): T => (typeof value === 'function' ? value : (value as { default: T }).default);
const generate = asFunction(standaloneCode as unknown as ((ajv: Ajv, refs: Record<string, string>) => string) | { default: (ajv: Ajv, refs: Record<string, string>) => string });
const ucs2lengthSource = asFunction(ucs2length as unknown as ((s: string) => number) | { default: (s: string) => number }).toString();

/** A schema exactly as RxDB hands it to the storage (`createRxSchema`: filled in, then keys sorted). */
export function asStored(schema: CollectionSchema): CollectionSchema {
  return normalizeRxJsonSchema(fillWithDefaultSettings(schema as unknown as RxJsonSchema<unknown>)) as unknown as CollectionSchema;
}

/** The schemas the store opens collections with. */
export function storedSchemas(): CollectionSchema[] {
  return [...COLLECTION_NAMES.map((name) => COLLECTION_SCHEMAS[name]), partnerSchemaV0, conflictSchemaV0].map(asStored);
}

export const storedExportName = (schema: { title: string; version: number }) => `stored_${schema.title.replace(/[^A-Za-z0-9]/g, '_')}_v${schema.version}`;

function standalone(schemas: Record<string, object>): string {
  const ajv = new Ajv(OPTIONS);
  for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(schema, name);
  const code = generate(ajv, Object.fromEntries(Object.keys(schemas).map((name) => [name, name])));
  const helper = /require\("ajv\/dist\/runtime\/ucs2length"\)\.default/g;
  const inlined = code.replace(helper, `(${ucs2lengthSource})`);
  const left = inlined.match(/require\([^)]*\)/);
  if (left) throw new Error(`the generated validators need an ajv run-time helper that is not inlined: ${left[0]}`);
  if (/new Function|eval\(/.test(inlined)) throw new Error('the generated validators would compile code at run time');
  return inlined.replace(/^"use strict";/, '');
}

/** The schema a document of `collection` is checked against: its collection schema, closed. */
export function documentSchema(collection: CollectionName): CollectionSchema {
  return { ...COLLECTION_SCHEMAS[collection], additionalProperties: false };
}

/** The whole module text, deterministic for the same schemas and ajv version. */
export function validatorsModule(): string {
  // A document has no field its schema does not name, as in the store (RxDB closes every stored
  // schema): a field the store would refuse must be refused at the server and in a backup too,
  // or one client's extra field would stop every laptop's pull at that document.
  const documents = Object.fromEntries(COLLECTION_NAMES.map((name) => [`document_${name}`, documentSchema(name) as object]));
  const stored = storedSchemas();
  const storedByName = Object.fromEntries(stored.map((schema) => [storedExportName(schema), schema as object]));
  if (Object.keys(storedByName).length !== stored.length) throw new Error('two stored schemas share a title and version');
  const code = standalone({ ...documents, ...storedByName });
  const table = (entries: string[]) => entries.map((entry) => `  ${entry},`).join('\n');
  return [
    // Generated code: ajv declares with `let` and leaves helpers unused; the import rules stay on.
    '/* eslint-disable prefer-const, no-constant-binary-expression, @typescript-eslint/no-unused-vars, @typescript-eslint/ban-ts-comment */',
    '// @ts-nocheck -- typed by src-shared/schemas/schemaValidation.ts',
    '// GENERATED by `npm run validators` (scripts/writeValidators.ts) from src-shared/schemas: do not edit.',
    '// ajv standalone validation code; a unit test fails when it is out of date.',
    '',
    code.trim(),
    '',
    'export const DOCUMENT_VALIDATORS = {',
    table(COLLECTION_NAMES.map((name) => `${name}: document_${name}`)),
    '};',
    '',
    'export const STORED_VALIDATORS = [',
    table(stored.map((schema) => `{ schema: ${JSON.stringify(JSON.stringify(schema))}, validate: ${storedExportName(schema)} }`)),
    '];',
    '',
  ].join('\n');
}
