/**
 * The document schemas as another client sees them on the wire: standard JSON Schema (draft
 * 2020-12) built from COLLECTION_SCHEMAS, without the keys only RxDB reads (`primaryKey`,
 * `version`, `indexes`, `encrypted`, …) and with `_deleted` documented. One pure function serves
 * `npm run schemas` (docs/schemas/<collection>.schema.json) and `GET /api/sync/schemas`.
 */
import { LOCAL_ONLY_FIELDS, RXDB_LOCAL_FIELDS } from '../sync/protocol';
import { COLLECTION_NAMES, type CollectionName } from '../domain/types';
import { COLLECTION_SCHEMAS } from './collectionSchemas';
import type { CollectionSchema, JsonSchemaProperty } from './jsonSchema';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

export type WireProperty = JsonSchemaProperty & { description?: string };

export type WireSchema = {
  $schema: typeof JSON_SCHEMA_DIALECT;
  $id: string;
  title: string;
  description: string;
  type: 'object';
  properties: Record<string, WireProperty>;
  required: string[];
  additionalProperties?: boolean;
};

/** `GET /api/sync/schemas` (no authentication). */
export type SchemasResponse = { collections: Record<CollectionName, WireSchema> };

/** Where the published files live, relative to the repository root. */
export const PUBLISHED_SCHEMA_DIR = 'docs/schemas';

export function schemaFileName(collection: CollectionName): string {
  return `${collection}.schema.json`;
}

/** What the fields every client must get right mean; the rest speak for themselves. */
const FIELD_NOTES: Record<string, string> = {
  id: 'Primary key, chosen by the client (e.g. a UUID); 1-64 characters, unique within the collection.',
  createdAt: 'ISO-8601 timestamp of creation.',
  updatedAt: 'ISO-8601 timestamp of the last edit; the later one wins a same-field merge.',
  updatedBy: 'Who made the last edit (shown in conflict history).',
  partnerId: 'Id of the partner this document belongs to; the document is visible to exactly those who may see that partner.',
};

const OWNER_EMAIL_NOTE = 'Set by the server: a new partner is owned by the user who pushes it; a different value sent later is overridden.';

const RXDB_FIELD_NOTE = "RxDB's local bookkeeping: may be sent, is dropped by the server, never stored or sent back.";

const DELETED: WireProperty = {
  type: 'boolean',
  description:
    'true for a tombstone: a deleted document travels with its last field values and _deleted true; missing means false. The server also sends revocation tombstones when the user loses access.',
};

/** A deep copy, so a caller may change the result without touching COLLECTION_SCHEMAS. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The wire form of one collection's schema (pure; the same input gives the same output). */
export function wireSchema(collection: CollectionName, schema: CollectionSchema = COLLECTION_SCHEMAS[collection]): WireSchema {
  const properties: Record<string, WireProperty> = {};
  for (const [name, property] of Object.entries(copy(schema.properties))) {
    // The laptop's own sync bookkeeping never travels.
    if ((LOCAL_ONLY_FIELDS as readonly string[]).includes(name)) continue;
    const note = collection === 'partners' && name === 'ownerEmail' ? OWNER_EMAIL_NOTE : FIELD_NOTES[name];
    const wire: WireProperty = name === schema.primaryKey ? { ...property, minLength: 1 } : property;
    properties[name] = note ? { ...wire, description: note } : wire;
  }
  properties._deleted = DELETED;
  for (const name of RXDB_LOCAL_FIELDS) properties[name] = { description: RXDB_FIELD_NOTE };
  const described = schema.description ?? schema.title;
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: `urn:partner-desk:sync:${collection}:v${schema.version}`,
    title: `Partner Desk ${schema.title}`,
    description:
      `${described}. A document of the "${collection}" collection as pushed to and pulled from the sync server ` +
      `(docs/sync-protocol.md), schema version ${schema.version}. RxDB's local fields _meta, _rev and _attachments may be sent and are dropped; any other field not named here is refused.`,
    type: 'object',
    properties,
    required: [...schema.required],
    // Closed like the store: a field not named here is refused (400), never stored.
    additionalProperties: false,
  };
}

/** Every collection's wire schema, in COLLECTION_NAMES order. */
export function wireSchemas(): Record<CollectionName, WireSchema> {
  return Object.fromEntries(COLLECTION_NAMES.map((collection) => [collection, wireSchema(collection)])) as Record<CollectionName, WireSchema>;
}

/** The exact text of a published file (stable key order, two-space indent, final newline). */
export function formatSchemaFile(schema: WireSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
