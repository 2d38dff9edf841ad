import type { CollectionSchema, JsonSchemaProperty } from '../schemas/jsonSchema';

/** One schema violation: a JSON pointer to the offending value and what is wrong with it. */
export type SchemaViolation = { path: string; message: string };

/**
 * Validates a document against one of our collection schemas and returns every violation
 * (empty when the document is valid).
 *
 * Rule: this interprets exactly the JSON-Schema subset `JsonSchemaProperty` describes (type,
 * enum, pattern, min/maxLength, minimum/maximum, multipleOf, items, maxItems, properties,
 * required, additionalProperties) with the same semantics as Ajv/z-schema; RxDB-only top-level
 * keywords (primaryKey, version, indexes) are ignored. It is an interpreter rather than a code
 * generator on purpose: the renderer's Content-Security-Policy has no 'unsafe-eval', so Ajv's
 * compiled validators cannot run there.
 */
export function validateDocument(schema: CollectionSchema, doc: unknown): SchemaViolation[] {
  const out: SchemaViolation[] = [];
  checkValue(
    { type: 'object', properties: schema.properties, required: schema.required, additionalProperties: schema.additionalProperties },
    doc,
    '',
    out,
  );
  return out;
}

const patternCache = new Map<string, RegExp>();

function regexFor(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    patternCache.set(pattern, re);
  }
  return re;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

/** JSON-Schema string length counts code points, not UTF-16 units. */
function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}

function checkValue(schema: JsonSchemaProperty, value: unknown, path: string, out: SchemaViolation[]): void {
  const at = path === '' ? '/' : path;
  if (schema.type !== undefined) {
    const types: readonly string[] = typeof schema.type === 'string' ? [schema.type] : schema.type;
    if (!types.some((t) => matchesType(t, value))) {
      out.push({ path: at, message: `must be ${types.join(' or ')} (got ${typeOf(value)})` });
      return;
    }
  }
  if (schema.enum !== undefined && !schema.enum.some((allowed) => allowed === value)) {
    out.push({ path: at, message: `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')} (got ${JSON.stringify(value)})` });
  }
  if (typeof value === 'string') {
    if (schema.maxLength !== undefined && codePointLength(value) > schema.maxLength) {
      out.push({ path: at, message: `must NOT have more than ${schema.maxLength} characters` });
    }
    if (schema.minLength !== undefined && codePointLength(value) < schema.minLength) {
      out.push({ path: at, message: `must NOT have fewer than ${schema.minLength} characters` });
    }
    if (schema.pattern !== undefined && !regexFor(schema.pattern).test(value)) {
      out.push({ path: at, message: `must match pattern "${schema.pattern}" (got ${JSON.stringify(value)})` });
    }
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) {
      out.push({ path: at, message: `must be >= ${schema.minimum} (got ${value})` });
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      out.push({ path: at, message: `must be <= ${schema.maximum} (got ${value})` });
    }
    if (schema.multipleOf !== undefined && !Number.isInteger(value / schema.multipleOf)) {
      out.push({ path: at, message: `must be a multiple of ${schema.multipleOf}` });
    }
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      out.push({ path: at, message: `must NOT have more than ${schema.maxItems} items` });
    }
    if (schema.items !== undefined) {
      const items = schema.items;
      value.forEach((item, i) => checkValue(items, item, `${path}/${i}`, out));
    }
  }
  if (matchesType('object', value)) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!Object.hasOwn(record, key) || record[key] === undefined) {
        out.push({ path: `${path}/${escapePointer(key)}`, message: 'is required but missing' });
      }
    }
    const properties = schema.properties ?? {};
    for (const [key, child] of Object.entries(record)) {
      // An own property holding `undefined` does not survive JSON; treat it as absent (as Ajv does).
      if (child === undefined) continue;
      const propertySchema = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (propertySchema) {
        checkValue(propertySchema, child, `${path}/${escapePointer(key)}`, out);
      } else if (schema.additionalProperties === false) {
        out.push({ path: `${path}/${escapePointer(key)}`, message: 'is not an allowed property' });
      }
    }
  }
}

/** RFC 6901 escaping of one JSON-pointer segment. */
function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
