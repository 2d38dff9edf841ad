import type { LoginResponse } from '../../src-shared/sync/protocol';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

export type SignInInput = { serverUrl: string; email: string; password: string };

/** Why a sign-in failed, in words for the user, and the form field it concerns (if any). */
export type SignInProblem = { field: 'serverUrl' | 'email' | 'password' | null; message: string };

export type SignInOutcome = { ok: true; serverUrl: string; response: LoginResponse } | { ok: false; problem: SignInProblem };

const LOCAL_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The server address as the client uses it: scheme and host, an optional path prefix, no
 * trailing slash. Without a scheme, https:// is assumed (http:// for this computer itself).
 */
export function normalizeServerUrl(input: string): { ok: true; url: string } | { ok: false; message: string } {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter the address of your sync server, for example https://sync.example.com' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
    if (!hasScheme && LOCAL_HOSTS.test(url.hostname)) url = new URL(`http://${text}`);
  } catch {
    return { ok: false, message: `“${text}” is not a server address (for example https://sync.example.com)` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `“${text}” is not a web address: use one starting with https:// or http://` };
  }
  if (url.username || url.password) return { ok: false, message: 'Leave your name and password out of the address; enter them below.' };
  if (url.search || url.hash) return { ok: false, message: `Use the server address without “${url.search || url.hash}”.` };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

const isLoginResponse = (body: unknown): body is LoginResponse => {
  const value = body as Partial<LoginResponse> | null;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof value.token === 'string' &&
    typeof value.expiresAt === 'string' &&
    typeof value.user?.id === 'string' &&
    typeof value.user.email === 'string'
  );
};

/** "45 seconds", "2 minutes": from a `retry-after` header, or the server's "retry in …" message. */
export function retryAfterText(header: string | null, message: string | undefined): string | null {
  const seconds = header !== null && /^\d+$/.test(header.trim()) ? Number(header.trim()) : null;
  if (seconds !== null) {
    if (seconds < 60) return `${Math.max(seconds, 1)} second${seconds === 1 ? '' : 's'}`;
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  const match = message?.match(/retry in (.+)$/i);
  return match?.[1]?.trim() || null;
}

const unreachable = (host: string): SignInProblem => ({
  field: 'serverUrl',
  message: `Could not reach ${host} — check the address or your network; you can keep working offline.`,
});

/** What a non-200 answer of `POST /api/auth/login` means for the user. */
export function signInProblemFor(status: number, body: unknown, retryAfter: string | null, host: string): SignInProblem {
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  const text = typeof message === 'string' ? message : undefined;
  if (status === 401) return { field: 'password', message: 'Wrong email or password. Check both and try again.' };
  if (status === 429) {
    const wait = retryAfterText(retryAfter, text);
    return { field: null, message: `Too many sign-in attempts from this computer. Try again${wait ? ` in ${wait}` : ' in a minute'}.` };
  }
  if (status === 400) return { field: null, message: `The server did not accept the sign-in${text ? `: ${text}` : ''}.` };
  if (status === 404 || status === 405) {
    return { field: 'serverUrl', message: `${host} answered, but it is not a Partner Desk sync server. Check the address.` };
  }
  if (status >= 500) {
    return { field: null, message: `The sync server at ${host} has a problem right now (error ${status}). Try again later; you can keep working offline.` };
  }
  return { field: null, message: `The sync server at ${host} refused the sign-in (error ${status}${text ? `: ${text}` : ''}).` };
}

/**
 * Signs in: `POST <server>/api/auth/login`. Never throws: every failure, including an
 * unreachable server, comes back as a problem to show next to the form.
 */
export async function requestSignIn(input: SignInInput, fetchImpl: typeof fetch = fetch, timeoutMs = 15_000): Promise<SignInOutcome> {
  const normalized = normalizeServerUrl(input.serverUrl);
  if (!normalized.ok) return { ok: false, problem: { field: 'serverUrl', message: normalized.message } };
  const email = input.email.trim();
  // The server's own rule (any user it knows has such an email).
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { ok: false, problem: { field: 'email', message: email ? `“${email}” is not an email address` : 'Enter your email' } };
  if (input.password === '') return { ok: false, problem: { field: 'password', message: 'Enter your password' } };
  const host = new URL(normalized.url).host;

  let response: Response;
  try {
    response = await fetchImpl(`${normalized.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: input.password }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { ok: false, problem: unreachable(host) };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.ok) {
    if (isLoginResponse(body)) return { ok: true, serverUrl: normalized.url, response: body };
    return { ok: false, problem: signInProblemFor(404, null, null, host) };
  }
  return { ok: false, problem: signInProblemFor(response.status, body, response.headers.get('retry-after'), host) };
}

/** Ends the session on the server (revokes the token). Best effort: signing out works offline too. */
export async function requestSignOut(serverUrl: string, token: string, fetchImpl: typeof fetch = fetch, timeoutMs = 5_000): Promise<void> {
  try {
    await fetchImpl(`${serverUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    // Offline or the server is gone: the token simply expires there.
  }
}
