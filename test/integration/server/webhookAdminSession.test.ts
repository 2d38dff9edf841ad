/**
 * Webhook administration with the sync session the app already has: an admin's session manages
 * subscriptions and the delivery log through `/api/v1/webhooks*`; a manager's session is a 403
 * that says why; no credentials, an expired or a signed-out session are a 401; a session is
 * still no credential for the data routes. Input is checked on the server with the field named.
 */
import { describe, expect, it } from 'vitest';
import type { SyncServer } from '../../../src-server/createServer';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { seedUser } from './support/syncClient';

type Result = { status: number; body: Record<string, unknown> };

function client(server: SyncServer, token: string) {
  return async (method: string, path: string, body?: unknown): Promise<Result> => {
    const response = await fetch(server.url + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
  };
}

/** A controllable clock. */
function testClock(start = '2026-12-01T10:00:00.000Z') {
  let at = Date.parse(start);
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

describe.each(BACKENDS)('webhook administration with an admin session (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('an admin session lists, adds, reads the log of, redelivers and removes subscriptions', async () => {
    const server = await env.start({ webhookPollMs: 0 });
    const lead = await seedUser(server, 'lead@program.example', { role: 'admin' });
    const admin = client(server, lead.token);

    expect(await admin('GET', '/api/v1/webhooks')).toEqual({ status: 200, body: { webhooks: [] } });
    const added = await admin('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['partner.created', 'deal.won'] });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ url: 'http://127.0.0.1:9/hook', events: ['partner.created', 'deal.won'], active: true, removedAt: null });
    expect(added.body.secret).toMatch(/^whsec_/);
    const listed = await admin('GET', '/api/v1/webhooks');
    expect(listed.body.webhooks).toEqual([{ id: added.body.id, url: 'http://127.0.0.1:9/hook', events: ['partner.created', 'deal.won'], createdAt: added.body.createdAt, active: true, removedAt: null }]);

    // An event for it: the admin's own partner created through sync raises partner.created.
    const crm = client(server, (await server.apiTokens.create({ name: 'crm', scopes: ['partners:write'] })).token);
    expect((await crm('POST', '/api/v1/partners', { name: 'Northwind', type: 'reseller', day0: '2026-10-01', ownerEmail: lead.email })).status).toBe(201);
    await server.webhooks.deliverer.runOnce();
    const log = await admin('GET', '/api/v1/webhooks/deliveries');
    expect(log.status).toBe(200);
    const [delivery] = log.body.deliveries as { id: string; eventType: string; status: string; attempts: number }[];
    expect(delivery).toMatchObject({ eventType: 'partner.created', status: 'pending', attempts: 1 });
    expect(await admin('POST', `/api/v1/webhooks/deliveries/${delivery?.id as string}/redeliver`)).toEqual({ status: 200, body: { queued: delivery?.id } });

    expect(await admin('DELETE', `/api/v1/webhooks/${added.body.id as string}`)).toEqual({ status: 200, body: { removed: added.body.id } });
    expect((await admin('GET', '/api/v1/webhooks')).body.webhooks).toEqual([]);
    const withRemoved = await admin('GET', '/api/v1/webhooks?includeRemoved=true');
    expect(withRemoved.body.webhooks).toEqual([expect.objectContaining({ id: added.body.id, active: false, removedAt: expect.any(String) })]);
    expect((await admin('GET', '/api/v1/webhooks?includeRemoved=maybe')).status).toBe(400);
  });

  it('checks the input on the server and names the field: a bad url, no or unknown events, a short secret', async () => {
    const server = await env.start({ webhookPollMs: 0 });
    const admin = client(server, (await seedUser(server, 'lead@program.example', { role: 'admin' })).token);
    const refused = async (body: unknown) => {
      const answer = await admin('POST', '/api/v1/webhooks', body);
      expect(answer.status).toBe(400);
      return answer.body;
    };
    expect(await refused({ url: 'hooks.example.com/x', events: ['deal.won'] })).toEqual({
      error: 'bad_request',
      field: 'url',
      message: 'webhook url must be an absolute http(s) URL like https://hooks.example.com/partner-desk (got "hooks.example.com/x")',
    });
    expect(await refused({ url: 'ftp://hooks.example.com/x', events: ['deal.won'] })).toMatchObject({ field: 'url', message: 'webhook url must be http or https (got ftp:)' });
    expect(await refused({ url: 'https://user:pw@hooks.example.com/x', events: ['deal.won'] })).toMatchObject({ field: 'url', message: expect.stringContaining('must not carry a user name or password') });
    expect(await refused({ url: 'https://hooks.example.com/x', events: ['deal.lost'] })).toMatchObject({ field: 'events', message: expect.stringMatching(/^unknown event "deal.lost": use partner.created, /) });
    expect(await refused({ url: 'https://hooks.example.com/x', events: [' '] })).toMatchObject({ field: 'events', message: expect.stringMatching(/^name at least one event/) });
    expect(await refused({ url: 'https://hooks.example.com/x', events: ['deal.won'], secret: 'short' })).toMatchObject({ message: 'body/secret must NOT have fewer than 16 characters' });
    expect(await refused({ events: ['deal.won'] })).toMatchObject({ message: "body must have required property 'url'" });
    expect((await admin('GET', '/api/v1/webhooks')).body.webhooks).toEqual([]);
  });

  it("a manager's session gets 403 saying an admin is needed; no token, an expired or signed-out session get 401", async () => {
    const clock = testClock();
    const server = await env.start({ webhookPollMs: 0, now: clock.now, tokenTtlMs: 60 * 60_000 });
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const manager = client(server, ann.token);
    for (const [method, path] of [
      ['GET', '/api/v1/webhooks'],
      ['POST', '/api/v1/webhooks'],
      ['GET', '/api/v1/webhooks/deliveries'],
      ['POST', '/api/v1/webhooks/deliveries/d-1/redeliver'],
      ['DELETE', '/api/v1/webhooks/w-1'],
    ] as const) {
      const answer = await manager(method, path, method === 'POST' && path === '/api/v1/webhooks' ? { url: 'https://x.example', events: ['deal.won'] } : undefined);
      expect({ method, path, ...answer }).toEqual({ method, path, status: 403, body: { error: 'forbidden', message: 'webhook administration needs an admin account: ann@north.example is signed in as a manager' } });
    }

    const none = await client(server, '')('GET', '/api/v1/webhooks');
    expect(none).toEqual({ status: 401, body: { error: 'unauthorized', message: 'missing, malformed, expired or revoked credentials: send an API token (Authorization: Bearer pdk_…) or the sync session of an admin' } });
    expect((await client(server, 'not-a-token')('GET', '/api/v1/webhooks')).status).toBe(401);

    const lead = await seedUser(server, 'lead@program.example', { role: 'admin' });
    expect((await client(server, lead.token)('GET', '/api/v1/webhooks')).status).toBe(200);
    // An admin's session is no API credential for the data routes.
    expect((await client(server, lead.token)('GET', '/api/v1/partners')).body).toEqual({ error: 'unauthorized', message: 'missing, malformed or revoked API token (Authorization: Bearer pdk_…)' });
    const logout = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${lead.token}` } });
    expect(logout.status).toBeLessThan(300);
    expect((await client(server, lead.token)('GET', '/api/v1/webhooks')).status).toBe(401);

    const later = await seedUser(server, 'lee@program.example', { role: 'admin' });
    clock.advance(60 * 60_000 + 1);
    expect((await client(server, later.token)('GET', '/api/v1/webhooks')).body).toMatchObject({ error: 'unauthorized' });
  });

  it('an API token still needs the webhooks:admin scope; the browser may send DELETE across origins', async () => {
    const server = await env.start({ webhookPollMs: 0 });
    const reader = client(server, (await server.apiTokens.create({ name: 'reader', scopes: ['read'] })).token);
    expect((await reader('GET', '/api/v1/webhooks')).body).toEqual({ error: 'forbidden', message: 'this token lacks the scope webhooks:admin (it has read)' });
    const preflight = await fetch(`${server.url}/api/v1/webhooks/w-1`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE');
  });
});
