/**
 * The one change stream (`GET /api/sync/stream?protocol=2`, Server-Sent Events) a running sync
 * keeps open for all collections, read with fetch (EventSource cannot send the Authorization
 * header), and the connectivity state derived from it:
 * - `resync` events (sent first on every connection) and `changes` events go to the callbacks;
 * - when the stream ends or cannot be opened it reconnects with exponential backoff (with
 *   jitter, capped), immediately on a wake signal (network back, window visible again after
 *   sleep) and on `reconnectNow()`;
 * - a stream that stays silent longer than the server's heartbeat allows is treated as dead (a
 *   half-open connection after sleep) and reopened;
 * - 401, or `event: closed` with reason `unauthorized`, ends it for good (`onUnauthorized`).
 * Push and pull requests wait with `waitBeforeRetry`, which a (re)connection cuts
 * short, so queued changes go out as soon as the server is reachable again.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import { createSseParser, parseFeedStreamEvent } from '../../src-shared/sync/sseParser';
import { FEED_STREAM_PATH, type FeedStreamEvent } from '../../src-shared/sync/protocol';

export type ConnectionState = 'connecting' | 'connected' | 'offline' | 'unauthorized' | 'stopped';

export type WakeReason = 'online' | 'offline' | 'visible';

/** Where wake-up signals come from; the browser's `online`/`offline`/`visibilitychange` by default. */
export type SyncWakeSignals = {
  subscribe: (onSignal: (reason: WakeReason) => void) => () => void;
};

export type SyncTiming = {
  /** First reconnect delay; doubles per failed attempt. */
  initialRetryMs: number;
  /** Reconnect delays never exceed this. */
  maxRetryMs: number;
  /** No byte (not even a `: ping`) for this long: the stream is dead, reopen it. */
  streamIdleTimeoutMs: number;
  /** On a wake signal, a stream silent for this long is reopened rather than trusted. */
  staleAfterWakeMs: number;
  /** Push and pull requests are abandoned (and retried) after this long. */
  requestTimeoutMs: number;
};

export const DEFAULT_SYNC_TIMING: SyncTiming = {
  initialRetryMs: 1000,
  maxRetryMs: 30_000,
  streamIdleTimeoutMs: 45_000,
  staleAfterWakeMs: 20_000,
  requestTimeoutMs: 60_000,
};

export type SyncConnection = {
  state$: Observable<ConnectionState>;
  readonly state: ConnectionState;
  /** Why the last connection attempt failed (null while connected). */
  readonly lastError: string | null;
  start: () => void;
  /** Drops a possibly dead stream, cuts any backoff short and wakes waiting requests. */
  reconnectNow: () => void;
  /** A request could not reach the server: the stream is probably dead too. */
  reportNetworkFailure: () => void;
  /**
   * Waits before retry number `attempt` (0-based) of a request: the backoff delay (at least
   * `minDelayMs`), cut short when the stream (re)connects or `reconnectNow()` is called.
   * Resolves false once the connection is stopped or unauthorized.
   */
  waitBeforeRetry: (attempt: number, minDelayMs?: number) => Promise<boolean>;
  stop: () => void;
};

export type SyncConnectionOptions = {
  serverUrl: string;
  token: string;
  fetch: typeof fetch;
  timing: SyncTiming;
  wakeSignals: SyncWakeSignals | null;
  onResync: () => void;
  onChanges: (event: Extract<FeedStreamEvent, { type: 'changes' }>) => void;
  onUnauthorized: () => void;
};

/** A connection that lasted this long counts as healthy: the next failure starts backoff anew. */
const STABLE_CONNECTION_MS = 5000;

export function backoffDelay(attempt: number, timing: Pick<SyncTiming, 'initialRetryMs' | 'maxRetryMs'>, random: () => number = Math.random): number {
  const base = Math.min(timing.maxRetryMs, timing.initialRetryMs * 2 ** Math.min(attempt, 20));
  return Math.round(Math.min(timing.maxRetryMs, base * (0.8 + 0.4 * random())));
}

/** The browser's signals, or null outside a browser (tests inject theirs). */
export function browserWakeSignals(): SyncWakeSignals | null {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return null;
  return {
    subscribe(onSignal) {
      const online = () => onSignal('online');
      const offline = () => onSignal('offline');
      const visibility = () => {
        if (typeof document !== 'undefined' && document.visibilityState === 'visible') onSignal('visible');
      };
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      if (typeof document !== 'undefined') document.addEventListener('visibilitychange', visibility);
      return () => {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
        if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', visibility);
      };
    },
  };
}

export function createSyncConnection(options: SyncConnectionOptions): SyncConnection {
  const { timing } = options;
  const state$ = new BehaviorSubject<ConnectionState>('connecting');
  let lastError: string | null = null;
  let started = false;
  let finished = false;
  let current: AbortController | null = null;
  /** The current stream is being dropped on purpose: reconnect without backoff. */
  let forced = false;
  let lastByteAt = 0;
  let wakeSleep: (() => void) | null = null;
  const waiters = new Set<() => void>();
  let unsubscribeWake: (() => void) | null = null;
  let watchdog: ReturnType<typeof setInterval> | null = null;

  const setState = (next: ConnectionState) => {
    if (state$.value !== next && state$.value !== 'stopped' && state$.value !== 'unauthorized') state$.next(next);
  };

  const kickWaiters = () => {
    for (const wake of [...waiters]) wake();
  };

  const finish = (final: 'stopped' | 'unauthorized') => {
    if (finished) return;
    finished = true;
    if (state$.value !== 'stopped' && state$.value !== 'unauthorized') state$.next(final);
    current?.abort();
    wakeSleep?.();
    kickWaiters();
    if (watchdog) clearInterval(watchdog);
    unsubscribeWake?.();
  };

  const unauthorized = () => {
    if (finished) return;
    lastError = 'the session expired or was revoked';
    finish('unauthorized');
    try {
      options.onUnauthorized();
    } catch (error) {
      console.error('Partner Desk sync: onUnauthorized failed', error);
    }
  };

  const dropStream = () => {
    if (finished) return;
    forced = true;
    current?.abort();
    wakeSleep?.();
  };

  const reconnectNow = () => {
    if (finished) return;
    dropStream();
    kickWaiters();
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakeSleep = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakeSleep = done;
    });

  const handleEvent = (event: FeedStreamEvent): 'continue' | 'end' => {
    try {
      if (event.type === 'resync') options.onResync();
      else if (event.type === 'changes') options.onChanges(event);
      else if (event.type === 'closed') {
        if (event.reason === 'unauthorized') unauthorized();
        else lastError = `the sync server closed the stream (${event.reason})`;
        return 'end';
      }
    } catch (error) {
      console.error('Partner Desk sync: stream event handling failed', error);
    }
    return 'continue';
  };

  /** One connection: resolves when it ends; true when it had connected. */
  const connectOnce = async (controller: AbortController): Promise<{ connected: boolean; at: number }> => {
    const response = await options.fetch(options.serverUrl + FEED_STREAM_PATH, {
      headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' },
      signal: controller.signal,
      cache: 'no-store',
    });
    if (response.status === 401) {
      await response.body?.cancel().catch(() => undefined);
      unauthorized();
      return { connected: false, at: Date.now() };
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      lastError = `the sync server refused the change stream (HTTP ${response.status})`;
      return { connected: false, at: Date.now() };
    }
    const connectedAt = Date.now();
    lastByteAt = connectedAt;
    lastError = null;
    setState('connected');
    kickWaiters();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let ended = false;
    const parser = createSseParser((message) => {
      if (ended) return;
      const event = parseFeedStreamEvent(message);
      if (event && handleEvent(event) === 'end') ended = true;
    });
    try {
      while (!ended) {
        const { done, value } = await reader.read();
        if (done) break;
        lastByteAt = Date.now();
        parser.push(decoder.decode(value, { stream: true }));
      }
    } finally {
      if (ended) await reader.cancel().catch(() => undefined);
    }
    if (!ended && !controller.signal.aborted) lastError = 'the change stream ended';
    return { connected: true, at: connectedAt };
  };

  const run = async () => {
    let attempt = 0;
    while (!finished) {
      const controller = new AbortController();
      current = controller;
      let outcome: { connected: boolean; at: number } = { connected: false, at: Date.now() };
      try {
        outcome = await connectOnce(controller);
      } catch (error) {
        if (!controller.signal.aborted) lastError = `cannot reach the sync server (${error instanceof Error ? error.message : String(error)})`;
        // A stream that had connected and then broke still counts as connected below.
        if (state$.value === 'connected') outcome = { connected: true, at: lastByteAt };
      }
      current = null;
      if (finished) return;
      if (forced) {
        forced = false;
        attempt = 0;
        setState('connecting');
        continue;
      }
      if (outcome.connected && Date.now() - outcome.at >= STABLE_CONNECTION_MS) attempt = 0;
      // A drop right after a good connection is retried once quietly; then we call it offline.
      setState(outcome.connected && attempt === 0 ? 'connecting' : 'offline');
      await sleep(backoffDelay(attempt, timing));
      attempt += 1;
      if (forced) {
        forced = false;
        attempt = 0;
      }
    }
  };

  const onWake = (reason: WakeReason) => {
    if (finished) return;
    if (reason === 'offline') {
      if (state$.value === 'connected') {
        lastError = 'this computer is offline';
        current?.abort();
      }
      return;
    }
    if (reason === 'visible' && state$.value === 'connected' && Date.now() - lastByteAt < timing.staleAfterWakeMs) return;
    reconnectNow();
  };

  return {
    state$: state$.asObservable(),
    get state() {
      return state$.value;
    },
    get lastError() {
      return lastError;
    },
    start() {
      if (started || finished) return;
      started = true;
      unsubscribeWake = options.wakeSignals?.subscribe(onWake) ?? null;
      watchdog = setInterval(
        () => {
          if (state$.value === 'connected' && Date.now() - lastByteAt > timing.streamIdleTimeoutMs) {
            lastError = 'the change stream went silent';
            dropStream();
          }
        },
        Math.max(250, Math.min(5000, timing.streamIdleTimeoutMs / 3)),
      );
      void run();
    },
    reconnectNow,
    reportNetworkFailure() {
      if (state$.value === 'connected' && Date.now() - lastByteAt > 2000) dropStream();
    },
    waitBeforeRetry(attempt, minDelayMs = 0) {
      if (finished) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve(!finished);
        };
        const timer = setTimeout(done, Math.max(minDelayMs, backoffDelay(attempt, timing)));
        waiters.add(done);
      });
    },
    stop: () => finish('stopped'),
  };
}
