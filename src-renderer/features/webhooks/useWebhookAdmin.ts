import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createWebhookAdminClient, type AdminOutcome, type WebhookAdminClient, type WebhookDelivery, type WebhookSubscription } from './webhookAdminClient';

/** How often the delivery log is read again while the screen is open (deliveries happen on the server). */
const REFRESH_MS = 4000;

export type WebhookAdminState =
  | { kind: 'loading' }
  | { kind: 'ready'; subscriptions: WebhookSubscription[]; deliveries: WebhookDelivery[] }
  | { kind: 'failed'; outcome: Exclude<AdminOutcome<unknown>, { kind: 'ok' }> };

/**
 * Subscriptions and the delivery log of the signed-in server, read when the screen opens and
 * every few seconds after (a failed read keeps the last good list on screen). null session: nothing.
 */
export function useWebhookAdmin(session: { serverUrl: string; token: string } | null) {
  const client: WebhookAdminClient | null = useMemo(() => (session ? createWebhookAdminClient(session) : null), [session]);
  const [state, setState] = useState<WebhookAdminState>({ kind: 'loading' });
  const [stale, setStale] = useState<string | null>(null);
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    if (!client) return;
    const mine = ++generation.current;
    const [list, log] = await Promise.all([client.list(), client.deliveries()]);
    if (mine !== generation.current) return;
    if (list.kind === 'ok' && log.kind === 'ok') {
      setState({ kind: 'ready', subscriptions: list.body.webhooks, deliveries: log.body.deliveries });
      setStale(null);
      return;
    }
    const failure = (list.kind !== 'ok' ? list : log) as Exclude<AdminOutcome<unknown>, { kind: 'ok' }>;
    setState((previous) => {
      // Keep what is on screen when a background read fails on a network hiccup; say it is stale.
      if (previous.kind === 'ready' && failure.kind === 'unreachable') {
        setStale(failure.message);
        return previous;
      }
      return { kind: 'failed', outcome: failure };
    });
  }, [client]);

  useEffect(() => {
    if (!client) return undefined;
    setState({ kind: 'loading' });
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, REFRESH_MS);
    return () => {
      clearInterval(timer);
      generation.current += 1;
    };
  }, [client, refresh]);

  return { client, state, stale, refresh };
}
