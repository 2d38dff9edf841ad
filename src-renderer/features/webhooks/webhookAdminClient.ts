/**
 * `/api/v1/webhooks*` with the laptop's sync session (the server accepts an admin's session for
 * webhook administration). Every answer is classified once, so the screen only shows it:
 * the body, the server's refusal (with the field it names), signed out (401) or unreachable.
 */
import type { WebhookEventType } from '../../../src-shared/api/scopes';
import type { WebhookDelivery, WebhookSubscription } from '../../../src-shared/api/webhookTypes';

export type { WebhookDelivery, WebhookSubscription };

export type AdminOutcome<T> =
  | { kind: 'ok'; body: T }
  /** The server refused: 403 (not an admin), 400 (bad input, `field`), 404 … with its words. */
  | { kind: 'refused'; status: number; message: string; field?: string }
  /** 401: the session expired or was ended. */
  | { kind: 'unauthorized' }
  /** No network, or the server did not answer (or answered 5xx). */
  | { kind: 'unreachable'; message: string };

export type WebhookAdminClient = ReturnType<typeof createWebhookAdminClient>;

const TIMEOUT_MS = 15_000;

export function createWebhookAdminClient(session: { serverUrl: string; token: string }, fetchImpl: typeof fetch = fetch.bind(globalThis)) {
  const request = async <T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<AdminOutcome<T>> => {
    let response: Response;
    try {
      response = await fetchImpl(session.serverUrl + path, {
        method,
        headers: { authorization: `Bearer ${session.token}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        cache: 'no-store',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return { kind: 'unreachable', message: timedOut ? 'The sync server did not answer in time.' : 'The sync server cannot be reached.' };
    }
    const text = await response.text().catch(() => '');
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = null;
    }
    if (response.status === 401) return { kind: 'unauthorized' };
    if (response.ok && parsed !== null) return { kind: 'ok', body: parsed as T };
    const error = (parsed ?? {}) as { message?: unknown; field?: unknown };
    if (response.status >= 500 || response.ok) return { kind: 'unreachable', message: `The sync server had a problem (${response.status}).` };
    return {
      kind: 'refused',
      status: response.status,
      message: typeof error.message === 'string' ? error.message : `HTTP ${response.status}`,
      ...(typeof error.field === 'string' ? { field: error.field } : {}),
    };
  };
  return {
    list: () => request<{ webhooks: WebhookSubscription[] }>('GET', '/api/v1/webhooks?includeRemoved=true'),
    add: (input: { url: string; events: WebhookEventType[] }) => request<WebhookSubscription & { secret: string }>('POST', '/api/v1/webhooks', input),
    remove: (id: string) => request<{ removed: string }>('DELETE', `/api/v1/webhooks/${encodeURIComponent(id)}`),
    deliveries: () => request<{ deliveries: WebhookDelivery[] }>('GET', '/api/v1/webhooks/deliveries?limit=100'),
    redeliver: (id: string) => request<{ queued: string }>('POST', `/api/v1/webhooks/deliveries/${encodeURIComponent(id)}/redeliver`),
  };
}
