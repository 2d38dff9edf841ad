import { describe, expect, it, vi } from 'vitest';
import { normalizeServerUrl, requestSignIn, retryAfterText } from '../../../src-renderer/sync/requestSignIn';

const LOGIN = {
  token: 'Qm9vbS1hLXRva2VuLXRoYXQtaXMtNDMtY2hhcnMtbG9uZw',
  expiresAt: '2026-12-26T10:00:00.000Z',
  user: { id: 'u1', email: 'ann@north.example', name: 'Ann', role: 'manager', teams: [{ id: 't1', name: 'north' }] },
};

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }));

const input = { serverUrl: 'http://127.0.0.1:8787', email: 'ann@north.example', password: 'correct horse' };

describe('normalizeServerUrl', () => {
  it.each([
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['  https://sync.example.com  ', 'https://sync.example.com'],
    ['sync.example.com', 'https://sync.example.com'],
    ['localhost:8787', 'http://localhost:8787'],
    ['127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['https://example.com/partner-desk/', 'https://example.com/partner-desk'],
  ])('reads %j as %s', (text, url) => {
    expect(normalizeServerUrl(text)).toEqual({ ok: true, url });
  });

  it.each([
    ['', /Enter the address/],
    ['not a url at all', /is not a server address/],
    ['ftp://files.example.com', /starting with https:\/\/ or http:\/\//],
    ['https://ann:secret@sync.example.com', /Leave your name and password out/],
    ['https://sync.example.com/?x=1', /without “\?x=1”/],
  ])('refuses %j with a clear message', (text, message) => {
    const result = normalizeServerUrl(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('requestSignIn', () => {
  it('posts the credentials to /api/auth/login and returns the session', async () => {
    const fetch = answer(200, LOGIN);
    const outcome = await requestSignIn({ ...input, email: ' ann@north.example ', serverUrl: 'http://127.0.0.1:8787/' }, fetch);
    expect(outcome).toEqual({ ok: true, serverUrl: 'http://127.0.0.1:8787', response: LOGIN });
    expect(fetch).toHaveBeenCalledWith(
      'http://127.0.0.1:8787/api/auth/login',
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ email: 'ann@north.example', password: 'correct horse' }) }),
    );
  });

  it('says the server cannot be reached, and that working offline goes on', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await requestSignIn(input, fetch)).toEqual({
      ok: false,
      problem: {
        field: 'serverUrl',
        message: 'Could not reach 127.0.0.1:8787 — check the address or your network; you can keep working offline.',
      },
    });
  });

  it('reports wrong credentials on the password field', async () => {
    const outcome = await requestSignIn(input, answer(401, { error: 'unauthorized', message: 'wrong email or password' }));
    expect(outcome).toEqual({ ok: false, problem: { field: 'password', message: 'Wrong email or password. Check both and try again.' } });
  });

  it('tells how long to wait when rate-limited', async () => {
    const withHeader = await requestSignIn(input, answer(429, { error: 'rate_limited', message: 'too many requests, retry in 1 minute' }, { 'retry-after': '42' }));
    expect(!withHeader.ok && withHeader.problem.message).toBe('Too many sign-in attempts from this computer. Try again in 42 seconds.');
    // Browsers hide retry-after from cross-origin pages unless the server exposes it: the message says it too.
    const fromMessage = await requestSignIn(input, answer(429, { error: 'rate_limited', message: 'too many requests, retry in 1 minute' }));
    expect(!fromMessage.ok && fromMessage.problem.message).toBe('Too many sign-in attempts from this computer. Try again in 1 minute.');
  });

  it('recognises a server that is not a Partner Desk server, and server faults', async () => {
    const notOurs = await requestSignIn(input, answer(404, { message: 'Route POST:/api/auth/login not found' }));
    expect(notOurs).toMatchObject({ ok: false, problem: { field: 'serverUrl', message: expect.stringMatching(/not a Partner Desk sync server/) } });
    const html = await requestSignIn(input, vi.fn(async () => new Response('<html>welcome</html>', { status: 200 })));
    expect(html).toMatchObject({ ok: false, problem: { field: 'serverUrl' } });
    const fault = await requestSignIn(input, answer(503, { error: 'unavailable', message: 'shutting down' }));
    expect(!fault.ok && fault.problem.message).toMatch(/has a problem right now \(error 503\).*keep working offline/);
  });

  it('checks the form before calling anyone', async () => {
    const fetch = answer(200, LOGIN);
    expect(await requestSignIn({ ...input, serverUrl: 'file:///etc' }, fetch)).toMatchObject({ ok: false, problem: { field: 'serverUrl' } });
    expect(await requestSignIn({ ...input, email: 'ann' }, fetch)).toMatchObject({ ok: false, problem: { field: 'email', message: '“ann” is not an email address' } });
    expect(await requestSignIn({ ...input, password: '' }, fetch)).toMatchObject({ ok: false, problem: { field: 'password' } });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('retryAfterText', () => {
  it.each([
    ['1', undefined, '1 second'],
    ['90', undefined, '2 minutes'],
    [null, 'too many requests, retry in 37 seconds', '37 seconds'],
    [null, 'nope', null],
  ])('reads %j / %j as %j', (header, message, text) => {
    expect(retryAfterText(header, message)).toBe(text);
  });
});
