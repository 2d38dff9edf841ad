/** Webhooks: outbox written with the change, signed delivery, retries on an injected clock, restart, several processes, redelivery. */
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { promisify } from 'node:util';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncServer } from '../../../src-server/createServer';
import { verifyWebhookSignature } from '../../../src-server/webhooks/signature';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { feedRow, partnerDoc } from './support/docFactories';
import { seedUser } from './support/syncClient';

type Received = { headers: IncomingMessage['headers']; body: string; answered: number };

/** A receiver on 127.0.0.1 answering the statuses of `plan` in turn (then 200). */
async function startReceiver(plan: number[] = []): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answered = plan.shift() ?? 200;
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const receivers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

function apiClient(server: SyncServer, token: string) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(server.url + path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

const deal = (overrides: Record<string, unknown> = {}) => ({ partner: 'Northwind', account: 'Contoso', amount: 12500, currency: 'USD', stage: 'registered', registeredOn: '2026-11-02', source: 'sourced', ...overrides });

/** A controllable clock. */
function testClock(start = '2026-12-01T10:00:00.000Z') {
  let at = Date.parse(start);
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

describe.each(BACKENDS)('webhooks (%s)', (backend) => {
  const env = useTestEnv(backend);

  const startWith = async (clock: ReturnType<typeof testClock>, schema?: string) => env.start({ webhookPollMs: 0, now: clock.now, ...(schema ? { schema } : {}) });

  it('delivers partner created, deal registered, first deal, deal won, PSAT received and training completed, signed with the subscription secret', async () => {
    const clock = testClock();
    const server = await startWith(clock);
    const receiver = await startReceiver();
    receivers.push(receiver);
    const subscription = await server.webhooks.service.add({ url: receiver.url, events: ['partner.created', 'deal.registered', 'partner.first_deal', 'deal.won', 'survey.received', 'training.completed'], secret: 'whsec_test_secret_1234' });
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const api = apiClient(server, (await server.apiTokens.create({ name: 'crm', scopes: ['deals:write', 'partners:write', 'surveys:write', 'trainings:write'] })).token);
    expect((await api('POST', '/api/v1/partners', { name: 'Northwind', type: 'reseller', day0: '2026-10-01', ownerEmail: ann.email })).status).toBe(201);
    await api('PUT', '/api/v1/deals/OPP-1', deal());
    await api('PUT', '/api/v1/deals/OPP-2', deal({ registeredOn: '2026-11-03' }));
    await api('PUT', '/api/v1/deals/OPP-1', deal({ stage: 'won', closedOn: '2026-11-20' }));
    await api('PUT', '/api/v1/deals/OPP-1', deal({ stage: 'won', closedOn: '2026-11-20' }));
    await api('POST', '/api/v1/surveys', { partner: 'Northwind', score: 5, takenOn: '2026-11-10' });
    await api('POST', '/api/v1/trainings/completions', { partner: 'Northwind', person: 'lee@northwind.example', course: 'Sales', completedOn: '2026-11-05' });
    await api('POST', '/api/v1/trainings/completions', { partner: 'Northwind', person: 'lee@northwind.example', course: 'Sales', completedOn: '2026-11-05' });
    const run = await server.webhooks.deliverer.runOnce();
    expect(run).toMatchObject({ delivered: 7, retrying: 0 });
    const types = receiver.received.map((entry) => (JSON.parse(entry.body) as { type: string }).type).sort();
    expect(types).toEqual(['deal.registered', 'deal.registered', 'deal.won', 'partner.created', 'partner.first_deal', 'survey.received', 'training.completed']);
    const firstDeal = receiver.received.map((entry) => JSON.parse(entry.body) as { type: string; data: { deal: { account: string; registeredOn: string } } }).find((event) => event.type === 'partner.first_deal');
    expect(firstDeal?.data.deal.registeredOn).toBe('2026-11-02');
    for (const entry of receiver.received) {
      const header = entry.headers['partner-desk-signature'] as string;
      expect(verifyWebhookSignature(subscription.secret, header, entry.body, Math.floor(clock.now().getTime() / 1000))).toBe(true);
      expect(verifyWebhookSignature('whsec_another_secret_xx', header, entry.body, Math.floor(clock.now().getTime() / 1000))).toBe(false);
    }
    // Nothing is due any more.
    expect(await server.webhooks.deliverer.runOnce()).toMatchObject({ attempted: 0 });
  });

  it('retries a failing receiver with backoff on the injected clock, across a server restart, and delivers exactly once after it succeeds', async () => {
    const clock = testClock();
    const schema = env.schema();
    let server = await startWith(clock, schema);
    const receiver = await startReceiver([500, 503, 500]);
    receivers.push(receiver);
    const subscription = await server.webhooks.service.add({ url: receiver.url, events: ['partner.first_deal'] });
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const { token } = await server.apiTokens.create({ name: 'crm', scopes: ['deals:write', 'partners:write'] });
    await apiClient(server, token)('POST', '/api/v1/partners', { name: 'Northwind', type: 'reseller', day0: '2026-10-01', ownerEmail: ann.email });
    await apiClient(server, token)('PUT', '/api/v1/deals/OPP-1', deal());

    expect(await server.webhooks.deliverer.runOnce()).toMatchObject({ attempted: 1, retrying: 1 });
    // Not due yet: the first retry waits 30 s.
    clock.advance(29_000);
    expect(await server.webhooks.deliverer.runOnce()).toMatchObject({ attempted: 0 });
    clock.advance(1_000);
    expect(await server.webhooks.deliverer.runOnce()).toMatchObject({ attempted: 1, retrying: 1 });

    // Restart: the pending delivery is in the database, not in memory.
    await server.close();
    server = await startWith(clock, schema);
    clock.advance(59_000);
    expect(await server.webhooks.deliverer.runOnce()).toMatchObject({ attempted: 0 });
    clock.advance(1_000);
    expect(await server.webhooks.deliverer.runOnce()).toMatchObject({ attempted: 1, retrying: 1 });
    clock.advance(120_000);
    expect(await server.webhooks.deliverer.runOnce()).toMatchObject({ attempted: 1, delivered: 1 });
    clock.advance(24 * 60 * 60 * 1000);
    expect(await server.webhooks.deliverer.runOnce()).toMatchObject({ attempted: 0 });

    expect(receiver.received.map((entry) => entry.answered)).toEqual([500, 503, 500, 200]);
    const bodies = new Set(receiver.received.map((entry) => entry.body));
    expect(bodies.size).toBe(1);
    const success = receiver.received[3] as Received;
    expect(verifyWebhookSignature(subscription.secret, success.headers['partner-desk-signature'] as string, success.body, Math.floor(clock.now().getTime() / 1000) - 24 * 60 * 60, 300)).toBe(true);
    // The signature is HMAC-SHA256 over "timestamp.body", as documented.
    const [t, v1] = (success.headers['partner-desk-signature'] as string).split(',').map((part) => part.split('=')[1]);
    expect(createHmac('sha256', subscription.secret).update(`${t}.${success.body}`).digest('hex')).toBe(v1);

    const [delivery] = await server.webhooks.service.deliveries();
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 4, lastStatus: 200 });
    expect(delivery?.log.map((entry) => entry.statusCode)).toEqual([500, 503, 500, 200]);

    // Manual redelivery sends it once more.
    await server.webhooks.service.redeliver(delivery?.id as string);
    expect(await server.webhooks.deliverer.runOnce()).toMatchObject({ delivered: 1 });
    expect(receiver.received).toHaveLength(5);
  });

  it('gives up after 24 hours and logs every attempt; an unreachable receiver is an attempt with an error, not a crash', async () => {
    const clock = testClock();
    const server = await startWith(clock);
    await server.webhooks.service.add({ url: 'http://127.0.0.1:9/unreachable', events: ['deal.registered'] });
    await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const { token } = await server.apiTokens.create({ name: 'crm', scopes: ['deals:write', 'partners:write'] });
    await apiClient(server, token)('POST', '/api/v1/partners', { name: 'Northwind', type: 'reseller', day0: '2026-10-01', ownerEmail: 'ann@north.example' });
    await apiClient(server, token)('PUT', '/api/v1/deals/OPP-1', deal());
    let attempts = 0;
    for (let i = 0; i < 40; i += 1) {
      attempts += (await server.webhooks.deliverer.runOnce()).attempted;
      clock.advance(2 * 60 * 60 * 1000);
    }
    const [delivery] = await server.webhooks.service.deliveries();
    expect(delivery?.status).toBe('failed');
    expect(delivery?.attempts).toBe(attempts);
    expect(attempts).toBeGreaterThan(5);
    expect(attempts).toBeLessThan(25);
    expect(delivery?.log[0]?.error).toMatch(/fetch failed|ECONNREFUSED|TypeError/);
  });

  it('several server processes on one database deliver each event once', async () => {
    const clock = testClock();
    const schema = env.schema();
    const first = await startWith(clock, schema);
    const second = await startWith(clock, schema);
    const receiver = await startReceiver();
    receivers.push(receiver);
    await first.webhooks.service.add({ url: receiver.url, events: ['deal.registered'] });
    await seedUser(first, 'ann@north.example', { teams: ['north'] });
    const { token } = await first.apiTokens.create({ name: 'crm', scopes: ['deals:write', 'partners:write'] });
    await apiClient(first, token)('POST', '/api/v1/partners', { name: 'Northwind', type: 'reseller', day0: '2026-10-01', ownerEmail: 'ann@north.example' });
    const lines = Array.from({ length: 60 }, (_, i) => JSON.stringify({ externalId: `OPP-${i}`, ...deal() })).join('\n');
    const bulk = await fetch(`${second.url}/api/v1/deals/bulk`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' }, body: lines });
    expect(bulk.status).toBe(200);
    const [a, b] = await Promise.all([first.webhooks.deliverer.runOnce(), second.webhooks.deliverer.runOnce()]);
    expect((a?.delivered ?? 0) + (b?.delivered ?? 0)).toBe(60);
    const ids = receiver.received.map((entry) => (JSON.parse(entry.body) as { id: string }).id);
    expect(new Set(ids).size).toBe(60);
    expect(ids).toHaveLength(60);
  });

  it('writes no event when the change is refused or a replay, and none for a removed subscription', async () => {
    const clock = testClock();
    const server = await startWith(clock);
    const receiver = await startReceiver();
    receivers.push(receiver);
    const hook = await server.webhooks.service.add({ url: receiver.url, events: ['deal.registered'] });
    await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const { token } = await server.apiTokens.create({ name: 'crm', scopes: ['deals:write', 'partners:write'] });
    const api = apiClient(server, token);
    await api('POST', '/api/v1/partners', { name: 'Northwind', type: 'reseller', day0: '2026-10-01', ownerEmail: 'ann@north.example' });
    await api('PUT', '/api/v1/deals/OPP-1', deal());
    await api('PUT', '/api/v1/deals/OPP-1', deal());
    expect((await api('PUT', '/api/v1/deals/OPP-2', deal({ amount: -1 }))).status).toBe(400);
    // Only subscribed events are stored; the replay and the refused deal wrote none.
    const events = await server.db.query<{ type: string }>(`SELECT type FROM webhook_events ORDER BY type`);
    expect(events.map((event) => event.type)).toEqual(['deal.registered']);
    await server.webhooks.service.remove(hook.id);
    await api('PUT', '/api/v1/deals/OPP-3', deal());
    expect(await server.webhooks.deliverer.runOnce()).toMatchObject({ attempted: 0 });
    expect(receiver.received).toHaveLength(0);
    await expect(server.webhooks.service.add({ url: 'ftp://x', events: ['deal.registered'] })).rejects.toThrow('webhook url must be http or https (got ftp:)');
    await expect(server.webhooks.service.add({ url: receiver.url, events: ['deal.lost'] })).rejects.toThrow('unknown event "deal.lost"');
  });

  it('the CRM and LMS example scripts register deals and completions; the receiver gets the first deal; the manager\'s laptop pulls both', async () => {
    const clock = testClock();
    const server = await startWith(clock);
    const receiver = await startReceiver();
    receivers.push(receiver);
    await server.webhooks.service.add({ url: receiver.url, events: ['partner.first_deal', 'training.completed'] });
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const admin = await server.apiTokens.create({ name: 'setup', scopes: ['partners:write'] });
    await apiClient(server, admin.token)('POST', '/api/v1/partners', { name: 'Northwind', type: 'reseller', day0: '2026-10-01', ownerEmail: ann.email });
    const run = promisify(execFile);
    const env = (scopes: string[], name: string) => server.apiTokens.create({ name, scopes }).then(({ token }) => ({ ...process.env, PARTNER_DESK_URL: server.url, PARTNER_DESK_TOKEN: token, PARTNER: 'Northwind' }));
    const crm = await run(process.execPath, ['--import', 'tsx', 'scripts/crm-deals.ts'], { env: await env(['deals:write'], 'crm') });
    expect(crm.stdout).toBe('2 opportunities: 2 stored, 0 unchanged, 0 refused\n');
    const lms = await run(process.execPath, ['--import', 'tsx', 'scripts/lms-completions.ts'], { env: await env(['trainings:write'], 'lms') });
    expect(lms.stdout).toBe('1 completions: 1 stored, 0 unchanged, 0 refused\n');
    await server.webhooks.deliverer.runOnce();
    expect(receiver.received.map((entry) => (JSON.parse(entry.body) as { type: string }).type).sort()).toEqual(['partner.first_deal', 'training.completed']);
    const laptop = await ann.api.feedPullAll();
    const docs = [...laptop.documents.values()];
    expect(docs.filter((change) => change.collection === 'deals').map((change) => change.document.updatedBy)).toEqual(['token:crm', 'token:crm']);
    expect(docs.filter((change) => change.collection === 'trainings').map((change) => change.document.updatedBy)).toEqual(['token:lms']);
  }, 60_000);

  /** A server with a receiver listening to the push-raised events, Ann, and a new partner with a deal and a draft plan to push. */
  async function laptopPushFixture() {
    const server = await startWith(testClock());
    const receiver = await startReceiver();
    receivers.push(receiver);
    await server.webhooks.service.add({ url: receiver.url, events: ['partner.created', 'partner.at_risk', 'deal.registered', 'deal.won', 'partner.first_deal', 'plan.finalised'] });
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const partner = partnerDoc('p1', { ownerEmail: ann.email });
    const at = '2026-11-20T09:00:00.000Z';
    const dealDoc = { id: 'd1', createdAt: at, updatedAt: at, partnerId: 'p1', account: 'Contoso', amount: 100, currency: 'USD', stage: 'registered', registeredOn: '2026-11-02', source: 'sourced', _deleted: false };
    const plan = { id: 'plan1', createdAt: at, updatedAt: at, partnerId: 'p1', version: 1, status: 'draft', objectives: '', summary: '', signOff: [], _deleted: false };
    return { server, receiver, ann, partner, dealDoc, plan };
  }

  it('raises the same events for a laptop\'s sync push: partner created, at risk, deal won, plan finalised', async () => {
    const { server, receiver, ann, partner, dealDoc, plan } = await laptopPushFixture();
    const first = await ann.api.feedPush([feedRow('partners', partner), feedRow('deals', dealDoc), feedRow('plans', plan)]);
    expect(first.body.results.map((result) => result.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const seqs = first.body.results.map((result) => (result.status === 'accepted' ? result.seq : 0));
    // The same push again is a replay: no events.
    await ann.api.feedPush([feedRow('partners', partner), feedRow('deals', dealDoc), feedRow('plans', plan)]);
    const stored = (first.body.results[0] as { document?: typeof partner }).document ?? partner;
    const second = await ann.api.feedPush([
      feedRow('partners', { ...stored, status: 'at_risk', updatedAt: '2026-11-21T09:00:00.000Z' }, seqs[0]),
      feedRow('deals', { ...dealDoc, stage: 'won', closedOn: '2026-11-21', updatedAt: '2026-11-21T09:00:00.000Z' }, seqs[1]),
      feedRow('plans', { ...plan, status: 'final', finalisedAt: '2026-11-21T09:00:00.000Z', updatedAt: '2026-11-21T09:00:00.000Z' }, seqs[2]),
    ]);
    expect(second.body.results.map((result) => result.status)).toEqual(['accepted', 'accepted', 'accepted']);
    await server.webhooks.deliverer.runOnce();
    const types = receiver.received.map((entry) => (JSON.parse(entry.body) as { type: string }).type).sort();
    expect(types).toEqual(['deal.registered', 'deal.won', 'partner.at_risk', 'partner.created', 'partner.first_deal', 'plan.finalised']);
  });

  it('raises the same events for a protocol-1 push of a laptop not yet updated, and none for its replay', async () => {
    const { server, receiver, ann, partner, dealDoc, plan } = await laptopPushFixture();
    for (let round = 0; round < 2; round += 1) {
      // The second round is a replay of the stored states: nothing written, no events.
      expect((await ann.api.push('partners', [{ newDocumentState: partner }])).body).toEqual([]);
      expect((await ann.api.push('deals', [{ newDocumentState: dealDoc }])).body).toEqual([]);
      expect((await ann.api.push('plans', [{ newDocumentState: plan }])).body).toEqual([]);
    }
    const later = '2026-11-21T09:00:00.000Z';
    expect((await ann.api.push('partners', [{ newDocumentState: { ...partner, status: 'at_risk', updatedAt: later }, assumedMasterState: partner }])).body).toEqual([]);
    expect((await ann.api.push('deals', [{ newDocumentState: { ...dealDoc, stage: 'won', closedOn: '2026-11-21', updatedAt: later }, assumedMasterState: dealDoc }])).body).toEqual([]);
    expect((await ann.api.push('plans', [{ newDocumentState: { ...plan, status: 'final', finalisedAt: later, updatedAt: later }, assumedMasterState: plan }])).body).toEqual([]);
    // A conflicting push (assumed state out of date) writes nothing and raises nothing.
    const conflict = await ann.api.push('deals', [{ newDocumentState: { ...dealDoc, stage: 'lost', closedOn: '2026-11-22', updatedAt: '2026-11-22T09:00:00.000Z' }, assumedMasterState: dealDoc }]);
    expect(conflict.body).toHaveLength(1);
    expect(await server.webhooks.deliverer.runOnce()).toMatchObject({ delivered: 6, retrying: 0 });
    const events = receiver.received.map((entry) => JSON.parse(entry.body) as { type: string; data: { partnerId?: string; deal?: { id: string } } });
    expect(events.map((event) => event.type).sort()).toEqual(['deal.registered', 'deal.won', 'partner.at_risk', 'partner.created', 'partner.first_deal', 'plan.finalised']);
    expect(events.find((event) => event.type === 'partner.first_deal')?.data).toMatchObject({ partnerId: 'p1', deal: { id: 'd1' } });
  });

  it('raises task overdue and phase entered once each from the clock, even with two processes scanning', async () => {
    const clock = testClock('2026-11-01T08:00:00.000Z');
    const schema = env.schema();
    const first = await startWith(clock, schema);
    const second = await startWith(clock, schema);
    const receiver = await startReceiver();
    receivers.push(receiver);
    await first.webhooks.service.add({ url: receiver.url, events: ['task.overdue', 'partner.phase_entered'] });
    const ann = await seedUser(first, 'ann@north.example', { teams: ['north'] });
    const partner = partnerDoc('p1', { ownerEmail: ann.email, day0: '2026-11-01' });
    const task = { id: 't1', createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z', partnerId: 'p1', phase: 'immersion', category: 'welcome', title: 'Kick-off', guidance: '', key: 'kickoff', dueOffset: 3, dueDate: '2026-11-04', ownerSide: 'vendor', ownerName: '', required: true, status: 'open', source: 'template', order: 0, _deleted: false };
    expect((await ann.api.feedPush([feedRow('partners', partner), feedRow('tasks', task)])).status).toBe(200);
    const run = () => Promise.all([first.webhooks.deliverer.runOnce(), second.webhooks.deliverer.runOnce()]);
    await run();
    expect(receiver.received).toHaveLength(0);
    clock.advance(24 * 60 * 60 * 1000); // 2026-11-02: day 1, immersion
    await run();
    clock.advance(3 * 24 * 60 * 60 * 1000); // 2026-11-05: the task due on the 4th is overdue
    await run();
    clock.advance(60 * 60 * 1000);
    await run();
    const types = receiver.received.map((entry) => JSON.parse(entry.body) as { type: string; data: { phase?: string; task?: { id: string } } });
    expect(types.map((event) => event.type).sort()).toEqual(['partner.phase_entered', 'task.overdue']);
    expect(types.find((event) => event.type === 'partner.phase_entered')?.data.phase).toBe('immersion');
    expect(types.find((event) => event.type === 'task.overdue')?.data.task?.id).toBe('t1');
  });
});
