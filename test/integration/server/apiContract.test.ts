/**
 * Contract tests from the OpenAPI description: each answer the API gives — success and error,
 * for every route — has a status the description lists for that operation, and a body valid
 * against the schema it describes (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../../src-server/api/apiRoutes';
import { buildOpenApi, openApiPath } from '../../../src-server/api/openapi';
import type { SyncServer } from '../../../src-server/createServer';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { seedUser } from './support/syncClient';

type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };

const description = buildOpenApi() as { paths: Record<string, Record<string, Operation>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(description, 'openapi');

const pointer = (...segments: string[]) => segments.map((segment) => segment.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** Checks one answer against the description of `method` `template`; returns the operation's documented statuses. */
function checkAnswer(method: string, template: string, status: number, body: unknown): void {
  const path = openApiPath(template);
  const operation = description.paths[path]?.[method.toLowerCase()];
  expect(operation, `${method} ${path} is described`).toBeDefined();
  const response = operation?.responses[String(status)];
  expect(response, `${method} ${path} documents status ${status}`).toBeDefined();
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) return;
  const validate = ajv.getSchema(`openapi#/${pointer('paths', path, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema')}`);
  expect(validate, 'schema compiles').toBeDefined();
  const valid = validate?.(body);
  expect(valid, `${method} ${path} ${status}: ${JSON.stringify(validate?.errors)} for ${JSON.stringify(body).slice(0, 300)}`).toBe(true);
}

function caller(server: SyncServer, token: string) {
  return async (method: string, template: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const ndjson = typeof body === 'string';
    const response = await fetch(server.url + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': ndjson ? 'application/x-ndjson' : 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: ndjson ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    checkAnswer(method, template, response.status, parsed);
    return { status: response.status, body: parsed as Record<string, unknown> };
  };
}

const deal = { partner: 'Northwind', account: 'Contoso', amount: 100, currency: 'USD', stage: 'registered', registeredOn: '2026-11-02', source: 'sourced' };

describe.each(BACKENDS)('API contract (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('the checker refuses an undescribed status and a body off its schema', () => {
    expect(() => checkAnswer('GET', '/api/v1/kpis', 201, {})).toThrow('GET /api/v1/kpis documents status 201');
    expect(() => checkAnswer('GET', '/api/v1/partners', 200, { partners: [{ id: 1 }] })).toThrow('GET /api/v1/partners 200');
    expect(() => checkAnswer('PUT', '/api/v1/deals/:externalId', 400, { message: 'no code' })).toThrow('PUT /api/v1/deals/{externalId} 400');
  });

  it('every route answers with described statuses and bodies valid against the described schemas', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const all = caller(server, (await server.apiTokens.create({ name: 'all', scopes: ['read', 'deals:write', 'partners:write', 'trainings:write', 'surveys:write', 'webhooks:admin'] })).token);
    const anonymous = caller(server, '');
    const seen = new Set<string>();
    const call = async (method: string, template: string, path: string, body?: unknown, headers?: Record<string, string>) => {
      seen.add(`${method} ${template}`);
      return all(method, template, path, body, headers);
    };

    // Successes.
    const partner = await call('POST', '/api/v1/partners', '/api/v1/partners', { externalId: 'a-1', name: 'Northwind', type: 'reseller', day0: '2026-10-01', ownerEmail: ann.email });
    expect(partner.status).toBe(201);
    expect((await call('POST', '/api/v1/partners', '/api/v1/partners', { externalId: 'a-1', name: 'Northwind', type: 'reseller', day0: '2026-10-01', ownerEmail: ann.email })).status).toBe(200);
    expect((await call('GET', '/api/v1/partners', '/api/v1/partners')).status).toBe(200);
    const firstPage = await call('GET', '/api/v1/partners', '/api/v1/partners?limit=1');
    expect(firstPage.body).toMatchObject({ partners: [expect.objectContaining({ name: 'Northwind' })], next: null });
    expect((await call('GET', '/api/v1/partners/:id', `/api/v1/partners/${(partner.body.partner as { id: string }).id}`)).status).toBe(200);
    expect((await call('PUT', '/api/v1/deals/:externalId', '/api/v1/deals/OPP-1', deal)).status).toBe(201);
    expect((await call('PUT', '/api/v1/deals/:externalId', '/api/v1/deals/OPP-1', deal)).status).toBe(200);
    expect((await call('GET', '/api/v1/deals/:externalId', '/api/v1/deals/OPP-1')).status).toBe(200);
    expect((await call('POST', '/api/v1/deals/bulk', '/api/v1/deals/bulk', [JSON.stringify({ externalId: 'OPP-2', ...deal }), '{"bad"'].join('\n'))).status).toBe(200);
    expect((await call('POST', '/api/v1/trainings/completions', '/api/v1/trainings/completions', { partner: 'Northwind', person: 'lee@n.example', course: 'Sales', completedOn: '2026-11-05' })).status).toBe(201);
    expect((await call('POST', '/api/v1/trainings/completions/bulk', '/api/v1/trainings/completions/bulk', JSON.stringify({ partner: 'Northwind', person: 'kim@n.example', course: 'Sales', completedOn: '2026-11-05' }))).status).toBe(200);
    expect((await call('POST', '/api/v1/surveys', '/api/v1/surveys', { partner: 'Northwind', score: 5, takenOn: '2026-11-10' })).status).toBe(201);
    expect((await call('GET', '/api/v1/kpis', '/api/v1/kpis?asOf=2026-11-30')).status).toBe(200);
    const hook = await call('POST', '/api/v1/webhooks', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['deal.won'] });
    expect(hook.status).toBe(201);
    expect((await call('GET', '/api/v1/webhooks', '/api/v1/webhooks')).status).toBe(200);
    await server.webhooks.deliverer.runOnce();
    await call('PUT', '/api/v1/deals/:externalId', '/api/v1/deals/OPP-1', { ...deal, stage: 'won', closedOn: '2026-11-20' });
    await server.webhooks.deliverer.runOnce();
    const log = await call('GET', '/api/v1/webhooks/deliveries', '/api/v1/webhooks/deliveries?limit=10');
    expect(log.status).toBe(200);
    const [delivery] = log.body.deliveries as { id: string; status: string; log: unknown[] }[];
    expect(delivery).toMatchObject({ status: 'pending', log: [expect.objectContaining({ attempt: 1, statusCode: null })] });
    expect((await call('POST', '/api/v1/webhooks/deliveries/:id/redeliver', `/api/v1/webhooks/deliveries/${delivery?.id as string}/redeliver`)).status).toBe(200);
    expect((await call('DELETE', '/api/v1/webhooks/:id', `/api/v1/webhooks/${hook.body.id as string}`)).status).toBe(200);
    const openapi = await fetch(`${server.url}/api/v1/openapi.json`);
    checkAnswer('GET', '/api/v1/openapi.json', openapi.status, await openapi.json());

    // Every route is exercised.
    expect([...seen].sort()).toEqual(API_ROUTES.map((route) => `${route.method} ${route.url}`).sort());

    // Errors: each is a described status with an Error body.
    expect((await anonymous('GET', '/api/v1/partners', '/api/v1/partners')).status).toBe(401);
    expect((await caller(server, (await server.apiTokens.create({ name: 'r', scopes: ['read'] })).token)('PUT', '/api/v1/deals/:externalId', '/api/v1/deals/X', deal)).status).toBe(403);
    expect((await all('GET', '/api/v1/partners/:id', '/api/v1/partners/none')).status).toBe(404);
    expect((await all('GET', '/api/v1/partners', '/api/v1/partners?cursor=forged')).status).toBe(400);
    // Webhook administration with sessions: an admin's is answered as described, a manager's is a described 403.
    const lead = await seedUser(server, 'lead@program.example', { role: 'admin' });
    expect((await caller(server, lead.token)('GET', '/api/v1/webhooks', '/api/v1/webhooks')).status).toBe(200);
    expect((await caller(server, ann.token)('GET', '/api/v1/webhooks', '/api/v1/webhooks')).status).toBe(403);
    expect((await caller(server, lead.token)('POST', '/api/v1/webhooks', '/api/v1/webhooks', { url: 'nope', events: ['deal.won'] })).body).toMatchObject({ field: 'url' });
    expect((await all('GET', '/api/v1/deals/:externalId', '/api/v1/deals/none')).status).toBe(404);
    expect((await all('DELETE', '/api/v1/webhooks/:id', '/api/v1/webhooks/none')).status).toBe(404);
    expect((await all('POST', '/api/v1/webhooks/deliveries/:id/redeliver', '/api/v1/webhooks/deliveries/none/redeliver')).status).toBe(404);
    expect((await all('GET', '/api/v1/webhooks/deliveries', '/api/v1/webhooks/deliveries?limit=0')).status).toBe(400);
    expect((await all('PUT', '/api/v1/deals/:externalId', '/api/v1/deals/X', { ...deal, amount: -1 })).status).toBe(400);
    expect((await all('PUT', '/api/v1/deals/:externalId', '/api/v1/deals/X', { account: 'no partner' })).status).toBe(400);
    expect((await all('POST', '/api/v1/partners', '/api/v1/partners', { name: 'Northwind', type: 'reseller', day0: '2026-10-01', ownerEmail: ann.email })).status).toBe(400);
    expect((await all('POST', '/api/v1/surveys', '/api/v1/surveys', { partner: 'Northwind', score: 9, takenOn: '2026-11-10' })).status).toBe(400);
    expect((await all('POST', '/api/v1/trainings/completions', '/api/v1/trainings/completions', { partner: 'Northwind', person: 'x', course: 'C', completedOn: '2026-11-05' })).status).toBe(400);
    expect((await all('GET', '/api/v1/kpis', '/api/v1/kpis?asOf=tomorrow')).status).toBe(400);
    expect((await all('POST', '/api/v1/webhooks', '/api/v1/webhooks', { url: 'ftp://x', events: ['deal.won'] })).status).toBe(400);
    expect((await all('POST', '/api/v1/deals/bulk', '/api/v1/deals/bulk', '')).status).toBe(400);
    expect((await all('POST', '/api/v1/deals/bulk', '/api/v1/deals/bulk', { not: 'ndjson' })).status).toBe(415);
    expect((await all('POST', '/api/v1/trainings/completions/bulk', '/api/v1/trainings/completions/bulk', Array.from({ length: 10_001 }, () => '{}').join('\n'))).status).toBe(413);
    await all('PUT', '/api/v1/deals/:externalId', '/api/v1/deals/K', deal, { 'idempotency-key': 'k' });
    expect((await all('PUT', '/api/v1/deals/:externalId', '/api/v1/deals/K', { ...deal, amount: 2 }, { 'idempotency-key': 'k' })).status).toBe(422);
  });
});
