/**
 * `npm run schemas`: writes docs/schemas/<collection>.schema.json, the wire form of every
 * collection's document schema (src-shared/schemas/wireSchemas.ts), and removes published files
 * of collections that no longer exist. Commit the result; a unit test fails when it is stale.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COLLECTION_NAMES } from '../src-shared/domain/types';
import { formatSchemaFile, PUBLISHED_SCHEMA_DIR, schemaFileName, wireSchemas } from '../src-shared/schemas/wireSchemas';

const dir = resolve(import.meta.dirname, '..', PUBLISHED_SCHEMA_DIR);
mkdirSync(dir, { recursive: true });
const schemas = wireSchemas();
const wanted = new Set(COLLECTION_NAMES.map(schemaFileName));
for (const file of readdirSync(dir)) if (file.endsWith('.schema.json') && !wanted.has(file)) rmSync(join(dir, file));
for (const collection of COLLECTION_NAMES) writeFileSync(join(dir, schemaFileName(collection)), formatSchemaFile(schemas[collection]));
console.log(`wrote ${COLLECTION_NAMES.length} schemas to ${PUBLISHED_SCHEMA_DIR}/`);
