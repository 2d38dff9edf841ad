import { describe, expect, it } from 'vitest';
import type { ApiError, SyncDocument } from '../../../src-shared/sync/protocol';
import { insertRow, partnerDoc, taskDoc, templateDoc } from './support/docFactories';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { apiFor, seedUser } from './support/syncClient';
import type { SyncServer } from '../../../src-server/createServer';

type RawResult = { status: number; body: ApiError };

/** Sends exact bytes (fetch would re-encode a string as UTF-8). */
async function postBytes(server: SyncServer, path: string, bytes: Uint8Array, token = ''): Promise<RawResult> {
  const response = await fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: bytes,
  });
  return { status: response.status, body: (await response.json()) as ApiError };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** `before` + the raw bytes + `after`, e.g. a lone continuation byte inside a JSON string. */
const withBytes = (before: string, bytes: number[], after: string) => new Uint8Array([...utf8(before), ...bytes, ...utf8(after)]);

describe.each(BACKENDS)('every JSON body is checked before a route sees it (%s)', (backend) => {
  const env = useTestEnv(backend);

  async function docsAndFeed(server: SyncServer) {
    return {
      docs: await server.db.query(`SELECT collection, id, seq FROM docs ORDER BY seq`),
      feed: await server.db.query(`SELECT seq FROM feed_counter`),
    };
  }

  it('refuses __proto__, constructor and prototype keys anywhere, saying which key and where', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    await ann.api.push('partners', [insertRow(partnerDoc('p1'))]);
    const before = await docsAndFeed(server);
    const task = JSON.stringify(taskDoc('t1', 'p1'));
    const template = JSON.stringify(templateDoc('tpl1'));

    // In a push, the row is named too (as for any bad row), so a client can drop just that row.
    const cases: { name: string; path: string; body: string; message: string; documents?: ApiError['documents'] }[] = [
      {
        name: 'extra top-level constructor key on a push row',
        path: '/api/sync/tasks/push',
        body: `[{"newDocumentState":${task},"constructor":{"name":"x"}}]`,
        message: 'forbidden key "constructor" at /0',
        documents: [{ index: 0, id: 't1', message: 'forbidden key "constructor" at /0' }],
      },
      {
        name: '__proto__ in the new state',
        path: '/api/sync/tasks/push',
        body: `[{"newDocumentState":${task.replace('{', '{"__proto__":{"polluted":true},')}}]`,
        message: 'forbidden key "__proto__" at /0/newDocumentState',
        documents: [{ index: 0, id: 't1', field: '/__proto__', message: 'forbidden key "__proto__" at /0/newDocumentState' }],
      },
      {
        name: 'constructor in the assumed master state of the second row',
        path: '/api/sync/tasks/push',
        body: `[{"newDocumentState":${task}},{"newDocumentState":${task},"assumedMasterState":${task.replace('{', '{"constructor":1,')}}]`,
        message: 'forbidden key "constructor" at /1/assumedMasterState',
        documents: [{ index: 1, id: 't1', message: 'forbidden key "constructor" at /1/assumedMasterState' }],
      },
      {
        name: 'prototype deep inside a template',
        path: '/api/sync/templates/push',
        body: `[{"newDocumentState":${template.replace('"items":[]', '"items":[{"prototype":{}}]')}}]`,
        message: 'forbidden key "prototype" at /0/newDocumentState/data/items/0',
        documents: [{ index: 0, id: 'tpl1', field: '/data/items/0/prototype', message: 'forbidden key "prototype" at /0/newDocumentState/data/items/0' }],
      },
      {
        name: '__proto__ at the top of the login body',
        path: '/api/auth/login',
        body: '{"email":"ann@north.example","password":"correct horse","__proto__":{"admin":true}}',
        message: 'forbidden key "__proto__" at /',
      },
    ];
    for (const testCase of cases) {
      const result = await ann.api.request<ApiError>('POST', testCase.path, testCase.body);
      expect(result.status, testCase.name).toBe(400);
      expect(result.body, testCase.name).toEqual({ error: 'bad_request', message: testCase.message, ...(testCase.documents ? { documents: testCase.documents } : {}) });
    }
    expect(await docsAndFeed(server)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses bodies that are not valid UTF-8 with 400 instead of storing U+FFFD', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'], password: 'correct horse' });
    await ann.api.push('partners', [insertRow(partnerDoc('p1'))]);
    const before = await docsAndFeed(server);
    const [head, tail] = JSON.stringify([insertRow(taskDoc('t1', 'p1', { title: 'SPLIT' }))]).split('SPLIT') as [string, string];

    const invalid: { name: string; bytes: number[] }[] = [
      { name: 'a lone continuation byte', bytes: [0x80] },
      { name: 'a byte that never occurs in UTF-8', bytes: [0xff] },
      { name: 'a truncated two-byte sequence', bytes: [0xc3] },
      { name: 'an overlong encoding of "/"', bytes: [0xc0, 0xaf] },
      { name: 'an encoded surrogate (CESU-8)', bytes: [0xed, 0xa0, 0x80] },
    ];
    for (const { name, bytes } of invalid) {
      const result = await postBytes(server, '/api/sync/tasks/push', withBytes(head, bytes, tail), ann.token);
      expect(result.status, name).toBe(400);
      expect(result.body, name).toEqual({ error: 'bad_request', message: 'body is not valid UTF-8' });
    }
    const login = await postBytes(server, '/api/auth/login', withBytes('{"email":"ann@north.example","password":"correct', [0xa0], ' horse"}'));
    expect(login.status).toBe(400);
    expect(login.body).toEqual({ error: 'bad_request', message: 'body is not valid UTF-8' });
    expect(await docsAndFeed(server)).toEqual(before);

    // Valid multi-byte text is stored exactly.
    const title = 'Zürich — 東京 🚀';
    expect((await postBytes(server, '/api/sync/tasks/push', utf8(`${head}${title}${tail}`), ann.token)).status).toBe(200);
    const [stored] = (await ann.api.pullAll('tasks')).documents as SyncDocument[];
    expect(stored?.title).toBe(title);
  });

  it('keeps body limits (413), and explains empty and malformed JSON bodies', async () => {
    const server = await env.start({ pushBodyLimitBytes: 64 * 1024 });
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const anonymous = apiFor(server);

    const bigPush = await ann.api.request<ApiError>('POST', '/api/sync/tasks/push', [insertRow(taskDoc('t1', 'p1', { guidance: 'x'.repeat(70 * 1024) }))]);
    expect(bigPush.status).toBe(413);
    expect(bigPush.body).toMatchObject({ error: 'payload_too_large', message: 'request body is too large' });
    const bigLogin = await anonymous.request<ApiError>('POST', '/api/auth/login', { email: 'ann@north.example', password: 'x'.repeat(17 * 1024) });
    expect(bigLogin.status).toBe(413);
    expect(bigLogin.body).toMatchObject({ error: 'payload_too_large' });
    // An oversized body that is not even UTF-8 is still a 413: the limit applies first.
    const bigInvalid = await postBytes(server, '/api/sync/tasks/push', new Uint8Array(70 * 1024).fill(0xff), ann.token);
    expect(bigInvalid.status).toBe(413);

    const empty = await ann.api.request<ApiError>('POST', '/api/sync/tasks/push', '', { 'content-type': 'application/json' });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ error: 'bad_request', message: 'body is empty; send JSON' });
    const truncated = await anonymous.request<ApiError>('POST', '/api/auth/login', '{"email":');
    expect(truncated.status).toBe(400);
    expect(truncated.body).toEqual({ error: 'bad_request', message: 'malformed JSON body (unexpected end of input)' });
    const garbled = await ann.api.request<ApiError>('POST', '/api/sync/tasks/push', '[{"newDocumentState" 1}]');
    expect(garbled.status).toBe(400);
    expect(garbled.body).toEqual({ error: 'bad_request', message: 'malformed JSON body (at character 22)' });
  });
});
