import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../../src-shared/domain/types';
import { PUBLISHED_SCHEMA_DIR, schemaFileName, type SchemasResponse } from '../../../src-shared/schemas/wireSchemas';
import type { ApiError } from '../../../src-shared/sync/protocol';
import { insertRow, partnerDoc, taskDoc } from './support/docFactories';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { apiFor, seedUser } from './support/syncClient';

const published = (collection: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../..', PUBLISHED_SCHEMA_DIR, `${collection}.schema.json`), 'utf8')) as unknown;

describe.each(BACKENDS)('GET /api/sync/schemas (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('serves every collection’s published schema without a token', async () => {
    const server = await env.start();
    const result = await apiFor(server).request<SchemasResponse>('GET', '/api/sync/schemas');
    expect(result.status).toBe(200);
    expect(Object.keys(result.body.collections)).toEqual([...COLLECTION_NAMES]);
    for (const collection of COLLECTION_NAMES) expect(result.body.collections[collection], schemaFileName(collection)).toEqual(published(collection));
  });

  it('describes what the server accepts: a document valid by the served schema is stored, one invalid by it is refused', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const { body } = await ann.api.request<SchemasResponse>('GET', '/api/sync/schemas');
    const ajv = new Ajv2020({ strict: true });
    const validPartner = ajv.compile(body.collections.partners);
    const validTask = ajv.compile(body.collections.tasks);

    const partner = partnerDoc('p1');
    const task = taskDoc('t1', 'p1');
    expect(validPartner(partner)).toBe(true);
    expect(validTask(task)).toBe(true);
    expect((await ann.api.push('partners', [insertRow(partner)])).body).toEqual([]);
    expect((await ann.api.push('tasks', [insertRow(task)])).body).toEqual([]);

    const badTask = { ...taskDoc('t2', 'p1'), dueDate: 'tomorrow' };
    expect(validTask(badTask)).toBe(false);
    expect(validTask.errors?.[0]).toMatchObject({ instancePath: '/dueDate', keyword: 'pattern' });
    const refused = await ann.api.push('tasks', [insertRow(badTask)]);
    expect(refused.status).toBe(400);
    expect(refused.body as unknown as ApiError).toMatchObject({ error: 'invalid_document', message: expect.stringContaining('field /dueDate: must match pattern') });
  });
});
