import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { asStored, documentSchema, storedSchemas, validatorsModule, VALIDATORS_MODULE_PATH } from '../../../../scripts/validatorsModule';
import { generateDemoPortfolio } from '../../../../src-shared/demo/demoPortfolio';
import { COLLECTION_NAMES, type CollectionName } from '../../../../src-shared/domain/types';
import { COLLECTION_SCHEMAS, partnerSchemaV0 } from '../../../../src-shared/schemas/collectionSchemas';
import { storedRowValidator, validateDocument } from '../../../../src-shared/schemas/schemaValidation';

const generatedFile = resolve(import.meta.dirname, '../../../..', VALIDATORS_MODULE_PATH);
const STALE = `${VALIDATORS_MODULE_PATH} is out of date: run \`npm run validators\` and commit the result`;

/** Ajv compiling at run time is the reference: the precompiled code must accept and refuse the same documents. */
const ajv = new Ajv({ allErrors: true, strict: false });
const ajvValidators = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, ajv.compile(documentSchema(name))])) as Record<
  CollectionName,
  ReturnType<typeof ajv.compile>
>;

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

describe('the precompiled validators (src-shared/schemas/generated)', () => {
  it('are exactly what `npm run validators` writes from the current schemas', () => {
    expect(readFileSync(generatedFile, 'utf8') === validatorsModule(), STALE).toBe(true);
  });

  it('are plain code: no run-time compilation (the CSP has no unsafe-eval) and no imports', () => {
    const code = readFileSync(generatedFile, 'utf8');
    expect(code).not.toMatch(/new Function|\beval\(|\bFunction\(/);
    expect(code).not.toMatch(/^import |\brequire\(/m);
  });

  it('cover every schema the store opens, as RxDB fills it in', () => {
    for (const schema of storedSchemas()) expect(storedRowValidator(schema), `${schema.title} v${schema.version}`).not.toBeNull();
    const filled = asStored(COLLECTION_SCHEMAS.tasks);
    expect(storedRowValidator(filled)).not.toBeNull();
    expect(storedRowValidator({ ...filled, properties: { ...filled.properties, extra: { type: 'string' } } })).toBeNull();
    expect(storedRowValidator(asStored(partnerSchemaV0))).not.toBeNull();
  });
});

describe('validateDocument', () => {
  it('accepts every document Ajv accepts', () => {
    for (const [name, docs] of Object.entries(demo) as [CollectionName, object[]][]) {
      for (const doc of docs) {
        expect(ajvValidators[name](doc)).toBe(true);
        expect(validateDocument(name, doc)).toEqual([]);
      }
    }
  });

  it('agrees with Ajv compiled at run time on randomly broken documents', () => {
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
      const ours = validateDocument(name, doc);
      const theirs = ajvValidators[name](doc);
      expect({ name, key, value: doc[key], ours: ours.length === 0 }).toEqual({ name, key, value: doc[key], ours: theirs });
      if (!theirs) {
        refused += 1;
        // Every refusal is worded and points into the document.
        for (const violation of ours) {
          expect(violation.path).toMatch(/^\//);
          expect(violation.message).not.toMatch(/does not satisfy/);
        }
      }
    }
    expect(refused).toBeGreaterThan(500);
  });

  it('refuses a non-object document', () => {
    expect(validateDocument('deals', 'deal')).toEqual([{ path: '/', message: 'must be object (got string)' }]);
    expect(validateDocument('deals', null)).toEqual([{ path: '/', message: 'must be object (got null)' }]);
  });

  it('names the field and says what is wrong, in words', () => {
    const [task] = demo.tasks;
    if (!task) throw new Error('no demo task');
    const { dueDate: _dropped, ...withoutDueDate } = task;
    const cases: [unknown, { path: string; message: string }[]][] = [
      [{ ...task, phase: 7 }, [{ path: '/phase', message: 'must be string (got number)' }]],
      [{ ...task, phase: 'lunch' }, [{ path: '/phase', message: expect.stringMatching(/^must be one of "[a-z]+", .* \(got "lunch"\)$/) }]],
      [{ ...task, title: 'x'.repeat(301) }, [{ path: '/title', message: 'must NOT have more than 300 characters' }]],
      [{ ...task, dueDate: '15/03/2026' }, [{ path: '/dueDate', message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}$" (got "15/03/2026")' }]],
      [{ ...task, dueOffset: 1.5 }, [{ path: '/dueOffset', message: 'must be integer (got number)' }]],
      [withoutDueDate, [{ path: '/dueDate', message: 'is required but missing' }]],
      [{ ...task, sync: { seq: -1, pending: 'yes' } }, [
        { path: '/sync/seq', message: 'must be >= 0 (got -1)' },
        { path: '/sync/pending', message: 'must be boolean (got string)' },
      ]],
      [{ ...task, sync: { base: 3 } }, [{ path: '/sync/base', message: 'must be object or null (got number)' }]],
      [{ ...task, sync: { extra: true } }, [{ path: '/sync/extra', message: 'is not an allowed property' }]],
    ];
    for (const [doc, expected] of cases) expect(validateDocument('tasks', doc)).toEqual(expected);
  });
});
