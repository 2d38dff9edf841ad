import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../../../../src-shared/demo/demoPortfolio';
import { COLLECTION_NAMES } from '../../../../src-shared/domain/types';
import { COLLECTION_SCHEMAS } from '../../../../src-shared/schemas/collectionSchemas';
import { formatSchemaFile, JSON_SCHEMA_DIALECT, PUBLISHED_SCHEMA_DIR, schemaFileName, wireSchema, wireSchemas } from '../../../../src-shared/schemas/wireSchemas';

const dir = resolve(import.meta.dirname, '../../../..', PUBLISHED_SCHEMA_DIR);
const STALE = 'docs/schemas is out of date: run `npm run schemas` and commit the result';

describe('published document schemas (docs/schemas)', () => {
  it('are exactly what `npm run schemas` writes, one file per collection', () => {
    expect(readdirSync(dir).filter((file) => file.endsWith('.schema.json')).sort(), STALE).toEqual(COLLECTION_NAMES.map(schemaFileName).sort());
    const schemas = wireSchemas();
    for (const collection of COLLECTION_NAMES) {
      expect(readFileSync(join(dir, schemaFileName(collection)), 'utf8'), `${collection}: ${STALE}`).toBe(formatSchemaFile(schemas[collection]));
    }
  });

  it('are strict JSON Schema 2020-12 with an $id, title and description, and none of RxDB’s own keys', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const ids = new Set<string>();
    for (const collection of COLLECTION_NAMES) {
      const schema = wireSchema(collection);
      expect(schema.$schema).toBe(JSON_SCHEMA_DIALECT);
      expect(schema.title).toMatch(/^Partner Desk /);
      expect(schema.description).toContain(`"${collection}" collection`);
      ids.add(schema.$id);
      for (const rxdbOnly of ['primaryKey', 'version', 'indexes', 'encrypted', 'keyCompression']) expect(schema, collection).not.toHaveProperty(rxdbOnly);
      expect(schema.properties._deleted).toMatchObject({ type: 'boolean', description: expect.stringContaining('tombstone') });
      // strict mode refuses unknown keywords, so this also proves no RxDB keyword is left inside.
      expect(() => ajv.compile(schema), collection).not.toThrow();
    }
    expect(ids.size).toBe(COLLECTION_NAMES.length);
  });

  it('accept the documents the app writes and refuse what the server refuses', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const demo = generateDemoPortfolio({ seed: 7, today: '2026-11-25', ownerEmail: 'ann@north.example', ownerName: 'Ann' });
    for (const collection of ['partners', 'tasks', 'meetings', 'deals', 'trainings', 'surveys'] as const) {
      const validate = ajv.compile(wireSchema(collection));
      expect(demo[collection].length, collection).toBeGreaterThan(0);
      for (const doc of demo[collection]) expect(validate({ ...doc, _deleted: false }) ? null : validate.errors, `${collection} ${doc.id}`).toBeNull();
    }
    const [task] = demo.tasks;
    const validateTask = ajv.getSchema(wireSchema('tasks').$id) as ReturnType<typeof ajv.compile>;
    expect(validateTask({ ...task, phase: 'lunch' })).toBe(false);
    expect(validateTask.errors?.[0]).toMatchObject({ instancePath: '/phase', keyword: 'enum' });
    expect(validateTask({ ...task, id: '' })).toBe(false);
    expect(validateTask.errors?.[0]).toMatchObject({ instancePath: '/id', keyword: 'minLength' });
    expect(validateTask({ ...task, _deleted: 'yes' })).toBe(false);
    expect(validateTask.errors?.[0]).toMatchObject({ instancePath: '/_deleted', keyword: 'type' });
  });

  it('leave COLLECTION_SCHEMAS untouched', () => {
    const before = JSON.stringify(COLLECTION_SCHEMAS);
    const schema = wireSchema('partners');
    schema.properties.name = { type: 'number' };
    expect(JSON.stringify(COLLECTION_SCHEMAS)).toBe(before);
  });
});
