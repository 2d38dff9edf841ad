/**
 * The one JSON Schema validation of documents, for the store (renderer), backups and imports
 * (src-shared) and pushes (server). The validators are ajv's standalone code, precompiled from
 * src-shared/schemas by `npm run validators` into ./generated/validators.ts, so nothing compiles
 * code at run time (the renderer's Content-Security-Policy has no 'unsafe-eval'). This file gives
 * them types and words their errors.
 */
import type { CollectionName } from '../domain/types';
import { DOCUMENT_VALIDATORS, STORED_VALIDATORS } from './generated/validators';

/** The part of an ajv error object we read (ajv's `ErrorObject`). */
export type SchemaError = { instancePath: string; schemaPath: string; keyword: string; params: Record<string, unknown> };

/** A precompiled validator: true when `data` is valid, otherwise `errors` says why. */
export type CompiledValidator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** One schema violation: a JSON pointer to the offending value ('/' for the document) and what is wrong with it. */
export type SchemaViolation = { path: string; message: string };

const documentValidators = DOCUMENT_VALIDATORS as unknown as Record<CollectionName, CompiledValidator>;
const storedValidators = STORED_VALIDATORS as unknown as readonly { schema: string; validate: CompiledValidator }[];

/** The value a JSON pointer (RFC 6901) names inside `root`, or undefined. */
function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let value: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    if (typeof value !== 'object' || value === null) return undefined;
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    value = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

const escapePointer = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1');

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const shown = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/** One ajv error in words: where (a JSON pointer; a missing or unknown field names the field) and what is wrong. */
function describe(error: SchemaError, value: unknown): SchemaViolation {
  const at = error.instancePath === '' ? '/' : error.instancePath;
  const p = error.params;
  switch (error.keyword) {
    case 'type': {
      const types = Array.isArray(p.type) ? p.type.map(String) : String(p.type).split(',');
      return { path: at, message: `must be ${types.join(' or ')} (got ${typeOf(value)})` };
    }
    case 'enum':
      return { path: at, message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (got ${shown(value)})` };
    case 'const':
      return { path: at, message: `must be ${JSON.stringify(p.allowedValue)} (got ${shown(value)})` };
    case 'maxLength':
      return { path: at, message: `must NOT have more than ${String(p.limit)} characters` };
    case 'minLength':
      return { path: at, message: `must NOT have fewer than ${String(p.limit)} characters` };
    case 'pattern':
      return { path: at, message: `must match pattern "${String(p.pattern)}" (got ${shown(value)})` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path: at, message: `must be ${String(p.comparison)} ${String(p.limit)} (got ${shown(value)})` };
    case 'multipleOf':
      return { path: at, message: `must be a multiple of ${String(p.multipleOf)} (got ${shown(value)})` };
    case 'maxItems':
      return { path: at, message: `must NOT have more than ${String(p.limit)} items` };
    case 'minItems':
      return { path: at, message: `must NOT have fewer than ${String(p.limit)} items` };
    case 'required':
      return { path: `${error.instancePath}/${escapePointer(String(p.missingProperty))}`, message: 'is required but missing' };
    case 'additionalProperties':
      return { path: `${error.instancePath}/${escapePointer(String(p.additionalProperty))}`, message: 'is not an allowed property' };
    default:
      return { path: at, message: `does not satisfy "${error.keyword}" (schema ${error.schemaPath})` };
  }
}

/**
 * ajv's errors for `data`, in words and in schema order. A value of the wrong type gets one
 * message (ajv also reports the `enum` it then cannot meet).
 */
export function describeSchemaErrors(errors: readonly SchemaError[] | null | undefined, data: unknown): SchemaViolation[] {
  const wrongType = new Set((errors ?? []).filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return (errors ?? [])
    .filter((e) => e.keyword === 'type' || !wrongType.has(e.instancePath))
    .map((e) => describe(e, valueAt(data, e.instancePath)));
}

/** Every way `doc` breaks its collection's schema (COLLECTION_SCHEMAS); empty when it is valid. */
export function validateDocument(collection: CollectionName, doc: unknown): SchemaViolation[] {
  const validate = documentValidators[collection];
  return validate(doc) ? [] : describeSchemaErrors(validate.errors, doc);
}

/**
 * The precompiled validator of a stored row for exactly this schema (as RxDB passes it to the
 * storage: filled in with RxDB's own fields), or null when none was generated for it, i.e. it is
 * not one of the schemas src-shared/schemas defines.
 */
export function storedRowValidator(schema: unknown): CompiledValidator | null {
  const json = JSON.stringify(schema);
  return storedValidators.find((entry) => entry.schema === json)?.validate ?? null;
}

/** `title` and `version` of every schema with a stored-row validator. */
export function storedSchemaVersions(): { title: string; version: number }[] {
  return storedValidators.map((entry) => {
    const { title, version } = JSON.parse(entry.schema) as { title: string; version: number };
    return { title, version };
  });
}
