/**
 * The sync client's HTTP requests, with every answer classified once so the replication handlers
 * only decide what to do: use the body, stop (401), drop rows the server refused (400/403/413),
 * or wait and retry (network down, 5xx, 429, timeouts). Never throws.
 */
import type { ApiError } from '../../src-shared/sync/protocol';

export type HttpOutcome<T> =
  | { kind: 'ok'; body: T }
  /** 401: the token expired or was revoked. */
  | { kind: 'unauthorized' }
  /** A 4xx that retrying will not fix (400, 403, 404, 413, 415 …). */
  | { kind: 'rejected'; status: number; error: ApiError }
  /** Worth retrying later: no network, server down (5xx), rate limited (429), timed out. */
  | { kind: 'retry'; offline: boolean; message: string; retryAfterMs?: number }
  /** The engine stopped while the request ran. */
  | { kind: 'stopped' };

export type SyncHttp = {
  getJson: <T>(path: string) => Promise<HttpOutcome<T>>;
  postJson: <T>(path: string, body: unknown) => Promise<HttpOutcome<T>>;
};

export type SyncHttpOptions = {
  serverUrl: string;
  token: string;
  fetch: typeof fetch;
  /** Aborted when the engine stops. */
  signal: AbortSignal;
  /** A request that takes longer is abandoned and retried (a half-open connection after sleep). */
  timeoutMs: number;
};

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && typeof (value as ApiError).error === 'string';
}

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 5 * 60_000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.min(at - Date.now(), 5 * 60_000));
}

export function createSyncHttp(options: SyncHttpOptions): SyncHttp {
  // One listener on the engine's signal for all requests (ten collections pull at once).
  const inflight = new Set<AbortController>();
  options.signal.addEventListener('abort', () => {
    for (const controller of inflight) controller.abort();
  }, { once: true });

  const request = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpOutcome<T>> => {
    if (options.signal.aborted) return { kind: 'stopped' };
    const controller = new AbortController();
    inflight.add(controller);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    try {
      const response = await options.fetch(options.serverUrl + path, {
        method,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: controller.signal,
        cache: 'no-store',
      });
      const text = await response.text();
      if (response.status === 401) return { kind: 'unauthorized' };
      let parsed: unknown = null;
      try {
        parsed = text === '' ? null : JSON.parse(text);
      } catch {
        parsed = null;
      }
      if (response.ok) {
        if (parsed === null) return { kind: 'retry', offline: false, message: `the server sent an unreadable answer (${response.status})` };
        return { kind: 'ok', body: parsed as T };
      }
      if (response.status === 429) {
        const wait = retryAfterMs(response);
        return { kind: 'retry', offline: false, message: 'the server is busy (too many requests); retrying', ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
      }
      if (response.status >= 500 || response.status === 408) {
        const detail = isApiError(parsed) ? `: ${parsed.message}` : '';
        return { kind: 'retry', offline: response.status === 502 || response.status === 503 || response.status === 504, message: `the sync server had a problem (${response.status}${detail}); retrying` };
      }
      const error: ApiError = isApiError(parsed) ? parsed : { error: 'bad_request', message: `HTTP ${response.status}` };
      return { kind: 'rejected', status: response.status, error };
    } catch (error) {
      if (options.signal.aborted) return { kind: 'stopped' };
      if (timedOut) return { kind: 'retry', offline: true, message: 'the sync server did not answer in time' };
      return { kind: 'retry', offline: true, message: `cannot reach the sync server (${error instanceof Error ? error.message : String(error)})` };
    } finally {
      clearTimeout(timer);
      inflight.delete(controller);
    }
  };
  return {
    getJson: (path) => request('GET', path),
    postJson: (path, body) => request('POST', path, body),
  };
}
