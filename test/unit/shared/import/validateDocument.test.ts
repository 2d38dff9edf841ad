import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../../../../src-shared/demo/demoPortfolio';
import { COLLECTION_SCHEMAS } from '../../../../src-shared/schemas/collectionSchemas';
import type { CollectionName } from '../../../../src-shared/domain/types';
import { validateDocument } from '../../../../src-shared/import/validateDocument';

/** Ajv is the reference implementation: our interpreter must accept and refuse the same documents. */
const ajv = new Ajv({ allErrors: true, strict: false });
const ajvValidators = Object.fromEntries(
  Object.entries(COLLECTION_SCHEMAS).map(([name, schema]) => [name, ajv.compile(schema)]),
) as Record<CollectionName, ReturnType<typeof ajv.compile>>;

const demo = generateDemoPortfolio({ seed: 11, today: '2026-03-15', ownerEmail: 'pam@vendor.example', ownerName: 'Pat Manager' });

/** Small mulberry32 for repeatable mutations. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BAD_VALUES: unknown[] = [null, 7, -1, 1.5, 'x', '', 'a'.repeat(70_000), true, [], {}, ['x'], '2026-3-1', 'NOPE'];

describe('validateDocument', () => {
  it('accepts every document Ajv accepts', () => {
    for (const [name, docs] of Object.entries(demo) as [CollectionName, object[]][]) {
      for (const doc of docs) {
        expect(ajvValidators[name](doc)).toBe(true);
        expect(validateDocument(COLLECTION_SCHEMAS[name], doc)).toEqual([]);
      }
    }
  });

  it('agrees with Ajv on randomly broken documents', () => {
    const next = rng(42);
    let refused = 0;
    for (let i = 0; i < 2000; i += 1) {
      const names = Object.keys(demo) as (keyof typeof demo)[];
      const name = names[Math.floor(next() * names.length)] ?? 'tasks';
      const docs = demo[name] as unknown as Record<string, unknown>[];
      const original = docs[Math.floor(next() * docs.length)];
      if (!original) continue;
      const doc = structuredClone(original);
      const keys = [...Object.keys(COLLECTION_SCHEMAS[name].properties), 'extra'];
      const key = keys[Math.floor(next() * keys.length)] ?? 'id';
      if (next() < 0.2) delete doc[key];
      else doc[key] = BAD_VALUES[Math.floor(next() * BAD_VALUES.length)];
      const ours = validateDocument(COLLECTION_SCHEMAS[name], doc).length === 0;
      const theirs = ajvValidators[name](doc);
      expect({ name, key, value: doc[key], ours }).toEqual({ name, key, value: doc[key], ours: theirs });
      if (!ours) refused += 1;
    }
    expect(refused).toBeGreaterThan(500);
  });

  it('refuses a non-object document', () => {
    expect(validateDocument(COLLECTION_SCHEMAS.deals, 'deal')).toEqual([{ path: '/', message: 'must be object (got string)' }]);
    expect(validateDocument(COLLECTION_SCHEMAS.deals, null)).toEqual([{ path: '/', message: 'must be object (got null)' }]);
  });
});
