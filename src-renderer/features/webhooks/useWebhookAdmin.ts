import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createWebhookAdminClient, type AdminOutcome, type WebhookAdminClient, type WebhookDelivery, type WebhookSubscription } from './webhookAdminClient';

/** How often the delivery log is read again while the screen is open (deliveries happen on the server). */
const REFRESH_MS = 4000;

export type WebhookAdminState =
  | { kind: 'loading' }
  | { kind: 'ready'; subscriptions: WebhookSubscription[]; deliveries: WebhookDelivery[] }
  | { kind: 'failed'; outcome: Exclude<AdminOutcome<unknown>, { kind: 'ok' }> };

/** What was last read, and with which client (another session's answers never show). */
type Entry = { client: WebhookAdminClient | null; state: WebhookAdminState; stale: string | null };

/**
 * Subscriptions and the delivery log of the signed-in server, read when the screen opens and
 * every few seconds after (a background read that cannot reach the server keeps the last good
 * list on screen, marked stale). null session: nothing is read.
 */
export function useWebhookAdmin(session: { serverUrl: string; token: string } | null) {
  const client: WebhookAdminClient | null = useMemo(() => (session ? createWebhookAdminClient(session) : null), [session]);
  const [entry, setEntry] = useState<Entry>({ client: null, state: { kind: 'loading' }, stale: null });
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    if (!client) return;
    const mine = ++generation.current;
    const [list, log] = await Promise.all([client.list(), client.deliveries()]);
    if (mine !== generation.current) return;
    if (list.kind === 'ok' && log.kind === 'ok') {
      setEntry({ client, state: { kind: 'ready', subscriptions: list.body.webhooks, deliveries: log.body.deliveries }, stale: null });
      return;
    }
    const failure = (list.kind !== 'ok' ? list : log) as Exclude<AdminOutcome<unknown>, { kind: 'ok' }>;
    setEntry((previous) =>
      previous.client === client && previous.state.kind === 'ready' && failure.kind === 'unreachable'
        ? { ...previous, stale: failure.message }
        : { client, state: { kind: 'failed', outcome: failure }, stale: null },
    );
  }, [client]);

  useEffect(() => {
    if (!client) return undefined;
    // The first read starts after this effect (its answer arrives asynchronously anyway).
    void Promise.resolve().then(refresh);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, REFRESH_MS);
    return () => {
      clearInterval(timer);
      generation.current += 1;
    };
  }, [client, refresh]);

  const current = entry.client === client;
  return { client, state: current ? entry.state : ({ kind: 'loading' } as const), stale: current ? entry.stale : null, refresh };
}
