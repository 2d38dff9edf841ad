import { describe, expect, it } from 'vitest';
import type { LoginResponse, MeResponse } from '../../../src-shared/sync/protocol';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { apiFor, openStream, seedUser } from './support/syncClient';

const DAY = 24 * 60 * 60 * 1000;

describe.each(BACKENDS)('auth (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('logs in, answers /api/me, logs out; wrong credentials and bad bodies are refused', async () => {
    const server = await env.start();
    await seedUser(server, 'ann@north.example', { teams: ['north'], password: 'correct horse' });
    const anonymous = apiFor(server);

    const health = await anonymous.request('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });

    const login = await anonymous.request<LoginResponse>('POST', '/api/auth/login', { email: 'Ann@North.example ', password: 'correct horse' });
    expect(login.status).toBe(200);
    expect(login.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(login.body.user).toMatchObject({ email: 'ann@north.example', role: 'manager', teams: [{ name: 'north' }] });
    expect(Date.parse(login.body.expiresAt) - Date.now()).toBeGreaterThan(29 * DAY);

    const ann = apiFor(server, login.body.token);
    const me = await ann.request<MeResponse>('GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('ann@north.example');

    // The token is stored only as a hash.
    const stored = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(stored.map((row) => row.token_hash)).not.toContain(login.body.token);

    expect((await ann.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await ann.request('GET', '/api/me')).status).toBe(401);
    expect((await ann.request('POST', '/api/auth/logout')).status).toBe(401);

    expect((await anonymous.request('POST', '/api/auth/login', { email: 'ann@north.example', password: 'wrong password' })).status).toBe(401);
    expect((await anonymous.request('POST', '/api/auth/login', { email: 'nobody@north.example', password: 'correct horse' })).status).toBe(401);
    expect((await anonymous.request('POST', '/api/auth/login', { email: 42, password: [] })).status).toBe(400);
    expect((await anonymous.request('POST', '/api/auth/login', '{"email":')).status).toBe(400);
  });

  it('refuses missing, malformed and unknown tokens on every authenticated endpoint', async () => {
    const server = await env.start();
    const endpoints: [string, string, unknown?][] = [
      ['GET', '/api/me'],
      ['POST', '/api/auth/logout'],
      ['GET', '/api/sync/tasks/pull'],
      ['POST', '/api/sync/tasks/push', []],
      ['GET', '/api/sync/stream'],
      ['GET', '/api/sync/unknown/pull'],
    ];
    for (const token of ['', 'not-a-token', 'A'.repeat(43)]) {
      const api = apiFor(server, token);
      for (const [method, path, body] of endpoints) {
        const result = await api.request(method, path, body);
        expect(result.status, `${method} ${path} with ${JSON.stringify(token)}`).toBe(401);
        expect(result.body).toMatchObject({ error: 'unauthorized' });
      }
    }
  });

  it('expires tokens after 30 days (injected clock) and closes open streams of expired tokens', async () => {
    let now = Date.parse('2026-11-25T12:00:00.000Z');
    const server = await env.start({ now: () => new Date(now) });
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    now += 29 * DAY;
    expect((await ann.api.request('GET', '/api/me')).status).toBe(200);
    const stream = await openStream(server, ann.token);
    await stream.waitFor((event) => event.type === 'resync');
    now += DAY + 1000;
    expect((await ann.api.request('GET', '/api/me')).status).toBe(401);
    expect((await ann.api.pull('tasks')).status).toBe(401);
    await stream.waitFor((event) => event.type === 'closed');
    await stream.ended;
  });

  it('revokes tokens on logout and on disable-user: 401 and the open stream is closed', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const bob = await seedUser(server, 'bob@north.example', { teams: ['north'] });
    const annSecondLaptop = await server.admin.issueToken('ann@north.example');

    const annStream = await openStream(server, ann.token);
    const annOtherStream = await openStream(server, annSecondLaptop.token);
    const bobStream = await openStream(server, bob.token);
    await Promise.all([annStream, annOtherStream, bobStream].map((stream) => stream.waitFor((event) => event.type === 'resync')));

    expect((await ann.api.request('POST', '/api/auth/logout')).status).toBe(204);
    await annStream.waitFor((event) => event.type === 'closed' && event.reason === 'unauthorized');
    await annStream.ended;
    // Logging out one laptop leaves the other session alone.
    expect((await apiFor(server, annSecondLaptop.token).request('GET', '/api/me')).status).toBe(200);

    await server.admin.disableUser('bob@north.example');
    await bobStream.waitFor((event) => event.type === 'closed');
    await bobStream.ended;
    expect((await bob.api.request('GET', '/api/me')).status).toBe(401);
    expect((await bob.api.pull('partners')).status).toBe(401);
    const reopened = await openStream(server, bob.token);
    expect(reopened.status).toBe(401);

    expect(annOtherStream.events.some((event) => event.type === 'closed')).toBe(false);
    annOtherStream.close();
  });

  it('rate-limits login attempts with 429', async () => {
    const server = await env.start({ loginRateLimit: { max: 3, timeWindowMs: 60_000 } });
    await seedUser(server, 'ann@north.example', { password: 'correct horse' });
    const anonymous = apiFor(server);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      statuses.push((await anonymous.request('POST', '/api/auth/login', { email: 'ann@north.example', password: `guess ${attempt}` })).status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const limited = await anonymous.request('POST', '/api/auth/login', { email: 'ann@north.example', password: 'correct horse' });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: 'rate_limited' });
  });

  it('rate-limits other requests per token with 429', async () => {
    const server = await env.start({ requestRateLimit: { max: 5, timeWindowMs: 60_000 } });
    const ann = await seedUser(server, 'ann@north.example');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await ann.api.pull('tasks')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });
});
