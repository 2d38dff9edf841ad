/** The integration API (`/api/v1`): tokens and scopes, partners, deals, trainings, surveys, KPIs, idempotency, bulk NDJSON, OpenAPI. */
import { describe, expect, it } from 'vitest';
import type { SyncServer } from '../../../src-server/createServer';
import { buildOpenApi, openApiPath } from '../../../src-server/api/openapi';
import { API_ROUTES } from '../../../src-server/api/apiRoutes';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { openFeedStream, seedUser, streamedChanges } from './support/syncClient';

type Result<T = Record<string, unknown>> = { status: number; body: T; headers: Headers };

function client(server: SyncServer, token: string) {
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Result<T>> => {
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
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
  };
}

async function setup(server: SyncServer) {
  const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
  const zed = await seedUser(server, 'zed@south.example', { teams: ['south'] });
  const all = await server.apiTokens.create({ name: 'crm', scopes: ['read', 'deals:write', 'partners:write', 'trainings:write', 'surveys:write'] });
  const api = client(server, all.token);
  const created = await api('POST', '/api/v1/partners', { externalId: 'acct-1', name: 'Northwind', type: 'reseller', day0: '2026-10-01', ownerEmail: ann.email });
  expect(created.status).toBe(201);
  const partnerId = (created.body.partner as { id: string }).id;
  return { ann, zed, api, token: all, partnerId };
}

const deal = (overrides: Record<string, unknown> = {}) => ({ partner: 'Northwind', account: 'Contoso', amount: 12500, currency: 'usd', stage: 'registered', registeredOn: '2026-11-02', source: 'sourced', ...overrides });

describe.each(BACKENDS)('integration API (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('pages GET /api/v1/partners by name with an opaque cursor; a made-up cursor or limit is a 400', async () => {
    const server = await env.start();
    const { api } = await setup(server);
    for (const name of ['delta Works', 'Alpha Co', 'Echo Ltd', 'charlie Systems', 'Bravo Inc']) {
      expect((await api('POST', '/api/v1/partners', { name, type: 'reseller', day0: '2026-10-01', ownerEmail: 'ann@north.example' })).status).toBe(201);
    }
    const all = await api<{ partners: { name: string }[]; next: string | null }>('GET', '/api/v1/partners');
    expect(all.body.partners.map((partner) => partner.name)).toEqual(['Alpha Co', 'Bravo Inc', 'charlie Systems', 'delta Works', 'Echo Ltd', 'Northwind']);
    expect(all.body.next).toBeNull();

    const names: string[] = [];
    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Result<{ partners: { name: string }[]; next: string | null }> = await api('GET', `/api/v1/partners?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      names.push(...page.body.partners.map((partner) => partner.name));
      pages.push(page.body.partners.length);
      cursor = page.body.next;
    } while (cursor !== null);
    expect(pages).toEqual([4, 2]);
    expect(names).toEqual(all.body.partners.map((partner) => partner.name));

    // A partner added between pages, before the cursor, does not shift the next page.
    const first = await api<{ next: string }>('GET', '/api/v1/partners?limit=2');
    await api('POST', '/api/v1/partners', { name: 'Aardvark AG', type: 'isv', day0: '2026-10-01', ownerEmail: 'ann@north.example' });
    const second = await api<{ partners: { name: string }[] }>('GET', `/api/v1/partners?limit=2&cursor=${first.body.next}`);
    expect(second.body.partners.map((partner) => partner.name)).toEqual(['charlie Systems', 'delta Works']);

    const forged = await api('GET', '/api/v1/partners?cursor=bm90LWEtY3Vyc29y');
    expect(forged).toMatchObject({ status: 400, body: { error: 'bad_request', message: 'cursor is not one this API gave: pass the `next` of the previous page unchanged (got "bm90LWEtY3Vyc29y")' } });
    expect((await api('GET', '/api/v1/partners?cursor=%7B%7D')).status).toBe(400);
    expect((await api('GET', '/api/v1/partners?limit=501')).body).toMatchObject({ error: 'bad_request', message: 'querystring/limit must be <= 500' });
    expect((await api('GET', '/api/v1/partners?limit=0')).status).toBe(400);
  });

  it('refuses a missing, malformed or revoked token (401) and a token without the scope (403)', async () => {
    const server = await env.start();
    const readOnly = await server.apiTokens.create({ name: 'reader', scopes: ['read'] });
    expect((await client(server, '')('GET', '/api/v1/partners')).status).toBe(401);
    expect((await client(server, 'pdk_short')('GET', '/api/v1/partners')).status).toBe(401);
    // A user session is not an API token.
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const session = await client(server, ann.token)('GET', '/api/v1/partners');
    expect(session.status).toBe(401);
    expect(session.body).toMatchObject({ error: 'unauthorized' });
    const reader = client(server, readOnly.token);
    expect((await reader('GET', '/api/v1/partners')).status).toBe(200);
    const write = await reader('PUT', '/api/v1/deals/opp-1', deal());
    expect(write.status).toBe(403);
    expect(write.body.message).toBe('this token lacks the scope deals:write (it has read)');
    await server.apiTokens.revoke('reader');
    expect((await reader('GET', '/api/v1/partners')).status).toBe(401);
    await expect(server.apiTokens.create({ name: 'bad', scopes: ['deals:delete'] })).rejects.toThrow('unknown scope "deals:delete"');
  });

  it('creates a partner with its journey generated by the server, owned by and shared like one made in the app', async () => {
    const server = await env.start();
    const { ann, zed, api, partnerId } = await setup(server);
    const tasks = await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM docs WHERE collection = 'tasks' AND partner_id = $1`, [partnerId]);
    expect(tasks[0]?.n).toBeGreaterThan(5);
    const stored = await server.db.query<{ data: Record<string, unknown> }>(`SELECT data FROM docs WHERE collection = 'partners' AND id = $1`, [partnerId]);
    expect(stored[0]?.data).toMatchObject({ name: 'Northwind', ownerEmail: 'ann@north.example', updatedBy: 'token:crm', templateId: 'reseller-new' });
    // Ann (the owner) gets it and its tasks through sync; Zed (another team) does not.
    const annFeed = await ann.api.feedPullAll();
    expect([...annFeed.documents.keys()].filter((key) => key.startsWith('tasks/')).length).toBe(tasks[0]?.n);
    expect([...(await zed.api.feedPullAll()).documents.keys()]).toEqual([]);
    // Replay by externalId: the existing partner, nothing written.
    const replay = await api('POST', '/api/v1/partners', { externalId: 'acct-1', name: 'Northwind', type: 'reseller', day0: '2026-10-01', ownerEmail: ann.email });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ created: false });
    // The app's own rules: a name already in the portfolio, a bad Day 0, an unknown owner.
    const bad = await api('POST', '/api/v1/partners', { name: 'northwind ', type: 'bank', day0: '2026-02-30', ownerEmail: 'nobody@north.example' });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { field: string; message: string }[]).map((error) => error.field)).toEqual(['name', 'type', 'day0']);
    expect(bad.body.message).toBe('record 1, field name: Name “northwind” is already in your portfolio');
    const unknownOwner = await api('POST', '/api/v1/partners', { name: 'Fabrikam', type: 'isv', day0: '2026-10-01', ownerEmail: 'nobody@north.example' });
    expect(unknownOwner.body.message).toBe('record 1, field ownerEmail: “nobody@north.example” is not an active user of this server');
    const missing = await api('POST', '/api/v1/partners', { name: 'Fabrikam' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: 'bad_request', message: "body must have required property 'type'" });
    expect((await api('GET', `/api/v1/partners/${partnerId}`)).body.partner).toMatchObject({ name: 'Northwind' });
    expect((await api('GET', '/api/v1/partners/nope')).status).toBe(404);
  });

  it('generates an API-created partner\'s journey from the program\'s published template, as the app\'s import does; unpublished drafts are not used', async () => {
    const server = await env.start();
    const { api, ann } = await setup(server);
    const lead = await seedUser(server, 'lead@hq.example', { role: 'admin', teams: ['hq'] });
    const at = '2026-09-01T09:00:00.000Z';
    const steps = [
      { key: 'agreement-signed', phase: 'preboarding', category: 'legal', title: 'Sign the agreement', guidance: '', dueOffset: 0, ownerSide: 'partner', required: true, resourceIds: [], dependsOn: [] },
      { key: 'emea-kit', phase: 'immersion', category: 'welcome', title: 'EMEA kit', guidance: '', dueOffset: 2, ownerSide: 'vendor', required: true, resourceIds: [], dependsOn: ['agreement-signed'], condition: { when: 'only', regions: ['EMEA'], tiers: [] } },
      { key: 'apac-kit', phase: 'immersion', category: 'welcome', title: 'APAC kit', guidance: '', dueOffset: 2, ownerSide: 'vendor', required: true, resourceIds: [], dependsOn: [], condition: { when: 'only', regions: ['APAC'], tiers: [] } },
    ];
    const version = (id: string, n: number, published: boolean) => ({
      id, createdAt: at, updatedAt: at, kind: 'journey', name: 'Reseller — new', partnerType: 'reseller', maturity: 'new',
      data: { templateKey: 'reseller-new', version: n, published, steps: published ? steps : [] }, _deleted: false,
    });
    // The program lead's templates are every manager's: Ann's laptop would generate from version 2.
    expect((await lead.api.push('templates', [{ newDocumentState: version('rn-v2', 2, true) }, { newDocumentState: version('rn-v3', 3, false) }])).status).toBe(200);
    const created = await api('POST', '/api/v1/partners', { name: 'Contoso EMEA', type: 'reseller', region: 'EMEA', day0: '2026-10-01', ownerEmail: ann.email });
    expect(created.status).toBe(201);
    const partnerId = (created.body.partner as { id: string }).id;
    const tasks = await server.db.query<{ data: { key: string; dependsOn: string[]; templateVersion: number } }>(
      `SELECT data FROM docs WHERE collection = 'tasks' AND partner_id = $1 ORDER BY data->>'key'`,
      [partnerId],
    );
    expect(tasks.map((row) => [row.data.key, row.data.dependsOn, row.data.templateVersion])).toEqual([
      ['agreement-signed', [], 2],
      ['emea-kit', ['agreement-signed'], 2],
    ]);
    expect(created.body).toMatchObject({ tasks: 2, partner: { templateId: 'reseller-new' } });
  });

  it('ticks the partner\'s "Register the first deal" step when the CRM registers its first deal, as the app does; later deals leave it', async () => {
    const server = await env.start();
    const { api, ann, partnerId } = await setup(server);
    const firstDealStep = async () =>
      (await server.db.query<{ data: Record<string, unknown> }>(`SELECT data FROM docs WHERE collection = 'tasks' AND partner_id = $1 AND data->>'key' = 'first-deal'`, [partnerId]))[0]?.data;
    expect(await firstDealStep()).toMatchObject({ status: 'open' });
    expect((await api('PUT', '/api/v1/deals/OPP-001', deal({ registeredOn: '2026-11-02' }))).status).toBe(201);
    const ticked = await firstDealStep();
    expect(ticked).toMatchObject({ status: 'done', completedOn: '2026-11-02', updatedBy: 'token:crm' });
    // The laptop gets the ticked step through sync like any change.
    const annSees = [...(await ann.api.feedPullAll()).documents.values()].find((change) => change.collection === 'tasks' && change.document.key === 'first-deal');
    expect(annSees?.document).toMatchObject({ status: 'done', completedOn: '2026-11-02' });
    expect((await api('PUT', '/api/v1/deals/OPP-002', deal({ account: 'Fabrikam', registeredOn: '2026-11-10' }))).status).toBe(201);
    expect(await firstDealStep()).toEqual(ticked);
  });

  it('registers and updates a deal by external id, attributed to the token; a replay changes nothing; Idempotency-Key answers the first answer', async () => {
    const server = await env.start();
    const { api, partnerId } = await setup(server);
    const first = await api('PUT', '/api/v1/deals/OPP-001', deal());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ externalId: 'OPP-001', status: 'created', deal: { partnerId, currency: 'USD', updatedBy: 'token:crm' } });
    const head = await server.db.query(`SELECT seq FROM feed_counter`);
    const again = await api('PUT', '/api/v1/deals/OPP-001', deal());
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('unchanged');
    expect(await server.db.query(`SELECT seq FROM feed_counter`)).toEqual(head);
    const won = await api('PUT', '/api/v1/deals/OPP-001', deal({ stage: 'won', closedOn: '2026-11-20' }));
    expect(won.body).toMatchObject({ status: 'updated', id: first.body.id, deal: { stage: 'won', createdAt: (first.body.deal as { createdAt: string }).createdAt } });
    expect((await api('GET', '/api/v1/deals/OPP-001')).body.deal).toMatchObject({ stage: 'won' });
    // The importer's rules and words.
    const bad = await api('PUT', '/api/v1/deals/OPP-002', deal({ amount: '12.500,00', stage: 'won' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { record: 1, field: 'amount', message: 'record 1, field amount: amount must be a positive number like 12500 or 12500.50 (got “12.500,00”)' },
      { record: 1, field: 'closedOn', message: 'record 1, field closedOn: closedOn is required for a won deal' },
    ]);
    const unknownPartner = await api('PUT', '/api/v1/deals/OPP-002', deal({ partner: 'Globex' }));
    expect(unknownPartner.body.message).toBe('record 1, field partner: partner “Globex” is not a partner in this portfolio: use its exact name or id');

    // Idempotency-Key: the replay gets the first answer even after the deal changed.
    const keyed = await api('PUT', '/api/v1/deals/OPP-003', deal(), { 'idempotency-key': 'k-1' });
    expect(keyed.status).toBe(201);
    await api('PUT', '/api/v1/deals/OPP-003', deal({ amount: 99 }));
    const replay = await api('PUT', '/api/v1/deals/OPP-003', deal(), { 'idempotency-key': 'k-1' });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(keyed.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const reused = await api('PUT', '/api/v1/deals/OPP-003', deal({ amount: 5 }), { 'idempotency-key': 'k-1' });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ error: 'idempotency_key_reused' });
  });

  it('bulk-imports 10,000 deals with 50 bad records: the valid ones stored in one go, each bad one named by record, field and message', async () => {
    const server = await env.start();
    const { api } = await setup(server);
    const bad = new Set(Array.from({ length: 50 }, (_, i) => 7 + i * 199));
    const lines: string[] = [];
    for (let record = 1; record <= 10_000; record += 1) {
      lines.push(JSON.stringify({ externalId: `OPP-${record}`, ...deal({ amount: bad.has(record) ? -5 : 1000 + record, account: `Account ${record}` }) }));
    }
    const started = performance.now();
    const result = await api<{ received: number; stored: number; unchanged: number; errors: { record: number; field: string; message: string }[] }>('POST', '/api/v1/deals/bulk', lines.join('\n'));
    const seconds = (performance.now() - started) / 1000;
    console.log(`[api bulk ${backend}] 10,000 deals (50 bad) in ${seconds.toFixed(2)} s: ${Math.round(10_000 / seconds)} records/s`);
    expect(result.status).toBe(200);
    expect(result.body.received).toBe(10_000);
    expect(result.body.stored).toBe(9_950);
    expect(result.body.errors.map((error) => error.record)).toEqual([...bad]);
    expect(result.body.errors[0]).toEqual({ record: 7, field: 'amount', message: 'record 7, field amount: amount must be a positive number like 12500 or 12500.50 (got “-5”)' });
    const count = await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM docs WHERE collection = 'deals'`);
    expect(count[0]?.n).toBe(9_950);
    // The same body again: everything unchanged, nothing written.
    const again = await api<{ stored: number; unchanged: number }>('POST', '/api/v1/deals/bulk', lines.join('\n'));
    expect(again.body).toMatchObject({ stored: 0, unchanged: 9_950 });
  }, 120_000);

  it('answers bad bulk input per record, never a 500', async () => {
    const server = await env.start();
    const { api } = await setup(server);
    const body = ['{"externalId":"a",', '[1,2]', JSON.stringify({ externalId: 'b', ...deal(), colour: 'red' }), JSON.stringify({ externalId: 'c', ...deal() }), JSON.stringify({ externalId: 'c', ...deal() }), JSON.stringify({ externalId: 'd', ...deal({ amount: { x: 1 } }) })].join('\n');
    const result = await api<{ stored: number; errors: { record: number; field: string | null; message: string }[] }>('POST', '/api/v1/deals/bulk', body);
    expect(result.status).toBe(200);
    expect(result.body.stored).toBe(1);
    expect(result.body.errors.map((error) => error.message)).toEqual([
      'record 1: is not valid JSON (one JSON object per line)',
      'record 2: must be a JSON object',
      'record 3, field colour: is not a field of this record (fields: partner, account, amount, currency, stage, registeredOn, closedOn, source, externalId)',
      'record 5, field externalId: "c" appears twice in this request (first in record 4)',
      'record 6, field amount: must be a string or a number (got an object)',
    ]);
    expect((await api('POST', '/api/v1/deals/bulk', '')).status).toBe(400);
    expect((await api('POST', '/api/v1/deals/bulk', { a: 1 })).status).toBe(415);
    const tooMany = Array.from({ length: 10_001 }, () => '{}').join('\n');
    expect((await api('POST', '/api/v1/deals/bulk', tooMany)).status).toBe(413);
  });

  it('records training completions by course + learner email + partner, surveys, and reads KPIs as of a date', async () => {
    const server = await env.start();
    const { api, partnerId } = await setup(server);
    const done = await api('POST', '/api/v1/trainings/completions', { partner: partnerId, person: 'Lee@Northwind.example', course: 'Sales Certification', completedOn: '2026-11-05' });
    expect(done.status).toBe(201);
    expect(done.body.training).toMatchObject({ person: 'lee@northwind.example', status: 'completed', required: true, updatedBy: 'token:crm' });
    const same = await api('POST', '/api/v1/trainings/completions', { partner: 'Northwind', person: 'lee@northwind.example', course: 'sales certification', completedOn: '2026-11-05' });
    expect(same.body).toMatchObject({ status: 'unchanged', id: done.body.id });
    const early = await api('POST', '/api/v1/trainings/completions', { partner: 'Northwind', person: 'not-an-email', course: 'X', completedOn: '2026-01-01' });
    expect((early.body.errors as { field: string }[]).map((error) => error.field)).toEqual(['person']);
    const bulk = await api<{ stored: number; errors: { message: string }[] }>('POST', '/api/v1/trainings/completions/bulk', [
      JSON.stringify({ partner: 'Northwind', person: 'kim@northwind.example', course: 'Tech', completedOn: '2026-11-06' }),
      JSON.stringify({ partner: 'Northwind', person: 'kim@northwind.example', course: 'Tech 2', completedOn: '2026-09-01' }),
    ].join('\n'));
    expect(bulk.body.stored).toBe(1);
    expect(bulk.body.errors[0]?.message).toBe("record 2, field completedOn: completedOn must be on or after the partner's Day 0 2026-10-01 (got “2026-09-01”)");

    const survey = await api('POST', '/api/v1/surveys', { externalId: 'resp-1', partner: 'Northwind', score: 4, takenOn: '2026-11-10', comment: 'good' });
    expect(survey.status).toBe(201);
    expect(survey.body.survey).toMatchObject({ score: 4, phase: 'engagement' });
    expect((await api('POST', '/api/v1/surveys', { externalId: 'resp-1', partner: 'Northwind', score: 4, takenOn: '2026-11-10', comment: 'good' })).body.status).toBe('unchanged');
    expect((await api('POST', '/api/v1/surveys', { partner: 'Northwind', score: 6, takenOn: '2026-11-10' })).body.message).toBe('record 1, field score: score must be a whole number from 1 to 5 (got “6”)');

    await api('PUT', '/api/v1/deals/OPP-1', deal({ stage: 'won', closedOn: '2026-11-15' }));
    const kpis = await api<{ asOf: string; partners: number; kpis: { psat: { mean: number; count: number }; dealRegistrations: unknown } }>('GET', '/api/v1/kpis?asOf=2026-11-30');
    expect(kpis.status).toBe(200);
    expect(kpis.body.partners).toBe(1);
    expect(kpis.body.kpis.psat).toMatchObject({ mean: 4, count: 1 });
    expect((await api('GET', '/api/v1/kpis?asOf=2026-13-01')).body.message).toBe('asOf must be a real date as YYYY-MM-DD (got “2026-13-01”)');
  });

  it('binds a token to a team: it sees and writes only that team’s partners', async () => {
    const server = await env.start();
    const { api, zed } = await setup(server);
    const south = client(server, (await server.apiTokens.create({ name: 'south-crm', scopes: ['read', 'deals:write', 'partners:write'], team: 'south' })).token);
    expect((await south('GET', '/api/v1/partners')).body.partners).toEqual([]);
    const refused = await south('PUT', '/api/v1/deals/OPP-9', deal());
    expect(refused.body.message).toBe('record 1, field partner: partner “Northwind” is not a partner in this portfolio: use its exact name or id');
    const notInTeam = await south('POST', '/api/v1/partners', { name: 'Contoso', type: 'isv', day0: '2026-10-01', ownerEmail: 'ann@north.example' });
    expect(notInTeam.body.message).toBe('record 1, field ownerEmail: “ann@north.example” is not in the token\'s team south');
    const own = await south('POST', '/api/v1/partners', { name: 'Contoso', type: 'isv', day0: '2026-10-01', ownerEmail: zed.email });
    expect(own.status).toBe(201);
    expect((await south('PUT', '/api/v1/deals/OPP-9', deal({ partner: 'Contoso' }))).status).toBe(201);
    expect(((await api('GET', '/api/v1/partners')).body.partners as unknown[]).length).toBe(2);
  });

  it('a laptop on the protocol-2 stream sees an API-created deal live, and a pull returns it', async () => {
    const server = await env.start();
    const { ann, api } = await setup(server);
    const stream = await openFeedStream(server, ann.token);
    await stream.waitFor((event) => event.type === 'resync');
    const put = await api('PUT', '/api/v1/deals/OPP-LIVE', deal());
    await stream.waitFor(() => streamedChanges(stream).some((change) => change.collection === 'deals' && change.document.id === put.body.id));
    expect(streamedChanges(stream).find((change) => change.document.id === put.body.id)?.document).toMatchObject({ account: 'Contoso', updatedBy: 'token:crm' });
    stream.close();
    const pulled = await ann.api.feedPullAll();
    expect(pulled.documents.get(`deals/${put.body.id as string}`)?.document).toMatchObject({ amount: 12500 });
  });

  it('serves an OpenAPI 3.1 description that matches the registered routes, and every route enforces auth and its scope', async () => {
    const server = await env.start();
    const description = await client(server, '')<{ openapi: string; paths: Record<string, Record<string, { 'x-scope'?: string }>> }>('GET', '/api/v1/openapi.json');
    expect(description.status).toBe(200);
    expect(description.body.openapi).toBe('3.1.0');
    const described = Object.entries(description.body.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    const routed = server.apiRoutes().map((route) => `${route.method} ${openApiPath(route.url)}`);
    expect(described.sort()).toEqual([...new Set(routed)].sort());
    expect(buildOpenApi().paths).toEqual(description.body.paths);

    const webhooksAdmin = await server.apiTokens.create({ name: 'hooks', scopes: ['webhooks:admin'] });
    const reader = await server.apiTokens.create({ name: 'reader', scopes: ['read'] });
    for (const route of API_ROUTES) {
      const path = route.url.replace(/:([A-Za-z]+)/g, 'x');
      const body = route.bodyContentType === 'application/x-ndjson' ? '{}' : route.body ? {} : undefined;
      const anonymous = await client(server, '')(route.method, path, body);
      expect(anonymous.status, `${route.method} ${route.url} without a token`).toBe(401);
      expect(anonymous.body).toMatchObject({ error: 'unauthorized' });
      const wrong = route.scope === 'webhooks:admin' ? reader : webhooksAdmin;
      const refused = await client(server, wrong.token)(route.method, path, body);
      // The scope is checked before the body: a token without it learns nothing about the schema.
      expect(refused.status, `${route.method} ${route.url} without scope ${route.scope}`).toBe(403);
      expect(refused.body.message).toContain(`lacks the scope ${route.scope}`);
    }
  });

  it('serves a readable reference page at /api/v1/docs with its script from this server (no CDN)', async () => {
    const server = await env.start();
    const page = await fetch(`${server.url}/api/v1/docs/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('/api/v1/openapi.json');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((match) => match[1] as string);
    expect(scripts).toEqual(['js/scalar.js']);
    expect(html).not.toMatch(/https?:\/\/(cdn|fonts)\./);
    const script = await fetch(`${server.url}/api/v1/docs/js/scalar.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
  });

  it('rate-limits each token on its own (429 rate_limited), other tokens unaffected', async () => {
    const server = await env.start({ api: { rateLimit: { max: 3, timeWindowMs: 60_000 }, bulkBodyLimitBytes: 1024 * 1024 } });
    const a = client(server, (await server.apiTokens.create({ name: 'a', scopes: ['read'] })).token);
    const b = client(server, (await server.apiTokens.create({ name: 'b', scopes: ['read'] })).token);
    for (let i = 0; i < 3; i += 1) expect((await a('GET', '/api/v1/partners')).status).toBe(200);
    const limited = await a('GET', '/api/v1/partners');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: 'rate_limited' });
    expect((await b('GET', '/api/v1/partners')).status).toBe(200);
  });

  it('forgets an Idempotency-Key answer after 24 hours', async () => {
    let at = Date.parse('2026-12-01T10:00:00.000Z');
    const server = await env.start({ now: () => new Date(at), webhookPollMs: 0 });
    const { api } = await setup(server);
    expect((await api('PUT', '/api/v1/deals/OPP-K', deal(), { 'idempotency-key': 'day-1' })).status).toBe(201);
    expect((await api('PUT', '/api/v1/deals/OPP-K', deal({ amount: 7 }), { 'idempotency-key': 'day-1' })).status).toBe(422);
    at += 25 * 60 * 60 * 1000;
    await server.webhooks.deliverer.runOnce();
    const later = await api('PUT', '/api/v1/deals/OPP-K', deal({ amount: 7 }), { 'idempotency-key': 'day-1' });
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ status: 'updated', deal: { amount: 7 } });
  });
});
