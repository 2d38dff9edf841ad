import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../src-shared/sync/protocol';
import { insertRow, partnerDoc, taskDoc } from './support/docFactories';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { seedUser } from './support/syncClient';

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIRD_VALUES: unknown[] = [
  null,
  true,
  -1,
  0.5,
  1e308,
  '',
  'x'.repeat(70_000),
  '\u0000',
  '\ud800',
  '🙂',
  [],
  [null],
  {},
  { __proto__x: 1 },
  { id: 5 },
  [[[[[]]]]],
  '2026-13-45',
  'NaN',
];

describe.each(BACKENDS)('hostile input never gives a 500 and writes nothing (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('refuses malformed, oversized, deep, prototype-polluting and schema-violating bodies with 4xx', async () => {
    const server = await env.start({ pushBodyLimitBytes: 256 * 1024 });
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    await ann.api.push('partners', [insertRow(partnerDoc('p1'))]);
    const feedBefore = await server.db.query(`SELECT seq FROM feed_counter`);
    const docsBefore = await server.db.query(`SELECT collection, id, seq FROM docs ORDER BY seq`);

    const task = taskDoc('t1', 'p1');
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const deepDoc = `[{"newDocumentState":${JSON.stringify({ ...task, extra: 0 }).replace('"extra":0', `"extra":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`)}}]`;
    const cases: { name: string; body: string; status: number; contentType?: string; expectField?: string }[] = [
      { name: 'malformed JSON', body: '[{"newDocumentState":', status: 400 },
      { name: 'not JSON at all', body: 'hello', status: 400 },
      { name: 'empty body', body: '', status: 400 },
      { name: 'object instead of array', body: '{"newDocumentState":{}}', status: 400 },
      { name: 'array of numbers', body: '[1,2,3]', status: 400 },
      { name: 'row without newDocumentState', body: '[{"assumedMasterState":null}]', status: 400 },
      { name: 'huge body over the limit', body: JSON.stringify([insertRow({ ...task, guidance: 'x'.repeat(300 * 1024) })]), status: 413 },
      { name: '10k nested arrays', body: deep, status: 400 },
      { name: '10k nested objects in a document', body: deepDoc, status: 400 },
      { name: '__proto__ key', body: `[{"newDocumentState":${JSON.stringify(task).replace('{', '{"__proto__":{"polluted":true},')}}]`, status: 400 },
      { name: 'constructor.prototype key', body: `[{"newDocumentState":${JSON.stringify(task).replace('{', '{"constructor":{"prototype":{"polluted":true}},')}}]`, status: 400 },
      { name: 'constructor key', body: `[{"newDocumentState":${JSON.stringify(task).replace('{', '{"constructor":1,')}}]`, status: 400 },
      { name: 'wrong enum', body: JSON.stringify([insertRow({ ...task, phase: 'lunch' })]), status: 400, expectField: '/phase' },
      { name: 'wrong type', body: JSON.stringify([insertRow({ ...task, required: 'yes' })]), status: 400, expectField: '/required' },
      { name: 'missing required field', body: JSON.stringify([insertRow({ ...task, title: undefined })]), status: 400, expectField: '/title' },
      { name: 'bad date', body: JSON.stringify([insertRow({ ...task, dueDate: 'tomorrow' })]), status: 400, expectField: '/dueDate' },
      { name: 'too long id', body: JSON.stringify([insertRow({ ...task, id: 'x'.repeat(65) })]), status: 400, expectField: '/id' },
      { name: 'NUL in string', body: JSON.stringify([insertRow({ ...task, title: 'a\u0000b' })]), status: 400, expectField: '/title' },
      { name: 'lone surrogate', body: `[{"newDocumentState":${JSON.stringify({ ...task, title: 'PLACEHOLDER' }).replace('PLACEHOLDER', '\\ud800')}}]`, status: 400, expectField: '/title' },
      { name: 'number overflowing to Infinity', body: JSON.stringify([insertRow(task)]).replace('"dueOffset":3', '"dueOffset":1e400'), status: 400 },
      { name: '_deleted not boolean', body: JSON.stringify([insertRow({ ...task, _deleted: 'yes' as unknown as boolean })]), status: 400 },
      { name: 'assumed master of another id', body: JSON.stringify([{ newDocumentState: task, assumedMasterState: { ...task, id: 'other' } }]), status: 400 },
      { name: 'duplicate ids in one batch', body: JSON.stringify([insertRow(task), insertRow(task)]), status: 400 },
      { name: 'too many rows', body: JSON.stringify(Array.from({ length: 201 }, (_, i) => insertRow({ ...task, id: `t${i}` }))), status: 400 },
      { name: 'text/plain content type', body: JSON.stringify([insertRow(task)]), status: 415, contentType: 'text/plain' },
    ];
    for (const testCase of cases) {
      const result = await ann.api.request<ApiError>('POST', '/api/sync/tasks/push', testCase.body, { 'content-type': testCase.contentType ?? 'application/json' });
      expect(result.status, testCase.name).toBe(testCase.status);
      expect(typeof result.body?.error, testCase.name).toBe('string');
      expect(typeof result.body?.message, testCase.name).toBe('string');
      if (testCase.expectField) {
        expect(result.body.documents?.[0], testCase.name).toMatchObject({ index: 0, field: testCase.expectField });
        if (testCase.expectField !== '/id') expect(result.body.documents?.[0]?.id, testCase.name).toBe('t1');
        expect(result.body.message, testCase.name).toContain('document 0');
        expect(result.body.message, testCase.name).toContain(testCase.expectField);
      }
    }

    // Query strings of the wrong type.
    const badQueries = [
      'checkpoint=abc',
      'checkpoint=.5',
      'checkpoint=epoch.-1',
      'checkpoint=epoch.1.5',
      'checkpoint=EPOCH.1',
      'checkpoint=e.99999999999999999999',
      'checkpoint={"seq":1}',
      'limit=abc',
      'limit=0',
      'limit=-5',
      'limit=1.5',
      'limit=1e3',
      'limit=10&limit=20',
      'checkpoint=a.1&checkpoint=a.2',
      `checkpoint=${'a'.repeat(5000)}`,
    ];
    for (const query of badQueries) {
      const result = await ann.api.request('GET', `/api/sync/tasks/pull?${query}`);
      expect(result.status, query).toBe(400);
    }
    for (const path of ['/api/sync/unknown/pull', '/api/sync/__proto__/pull', '/api/sync/constructor/pull']) {
      expect((await ann.api.request('GET', path)).status, path).toBe(404);
    }
    // Route parameters longer than the router accepts: 414 URI Too Long.
    expect((await ann.api.request('GET', `/api/sync/${'x'.repeat(500)}/pull`)).status).toBe(414);
    expect((await ann.api.request('POST', '/api/sync/__proto__/push', [])).status).toBe(404);
    expect((await ann.api.request('POST', '/api/sync/toString/push', [])).status).toBe(404);
    expect((await ann.api.request('GET', '/api/nothing-here')).status).toBe(404);

    expect(await server.db.query(`SELECT seq FROM feed_counter`)).toEqual(feedBefore);
    expect(await server.db.query(`SELECT collection, id, seq FROM docs ORDER BY seq`)).toEqual(docsBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers randomly mutated documents with 200 or 400 only, storing only valid ones', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    await ann.api.push('partners', [insertRow(partnerDoc('p1'))]);
    const next = random(20261125);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const statuses = new Map<number, number>();
    let accepted = 0;
    for (let i = 0; i < 80; i += 1) {
      const doc: Record<string, unknown> = { ...taskDoc(`fz${i}`, 'p1') };
      const mutations = 1 + Math.floor(next() * 3);
      for (let m = 0; m < mutations; m += 1) {
        const key = pick([...Object.keys(doc).filter((candidate) => candidate !== 'id' && candidate !== 'partnerId'), 'unexpected', '_meta']);
        if (next() < 0.15) delete doc[key];
        else doc[key] = pick(WEIRD_VALUES);
      }
      const result = await ann.api.request('POST', '/api/sync/tasks/push', [{ newDocumentState: doc, assumedMasterState: next() < 0.3 ? pick(WEIRD_VALUES) : undefined }]);
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      expect([200, 400], JSON.stringify(doc).slice(0, 300)).toContain(result.status);
      if (result.status === 200) accepted += 1;
    }
    expect(statuses.get(400)).toBeGreaterThan(0);
    const stored = await server.db.query(`SELECT id FROM docs WHERE collection = 'tasks'`);
    expect(stored.length).toBe(accepted);
  });
});
