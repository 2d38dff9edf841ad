import { createSseParser, type SseMessage } from '../../../../src-shared/sync/sseParser';

/** A test's view of one open change stream: every event received so far, in order. */
export type SseStreamClient<E> = {
  events: E[];
  status: number;
  /** Resolves with the first event (already received or future) matching `predicate`; rejects after `timeoutMs`. */
  waitFor: (predicate: (event: E) => boolean, timeoutMs?: number) => Promise<E>;
  /** Resolves when the server ended the stream (or it was closed). */
  ended: Promise<void>;
  close: () => void;
};

/**
 * Opens `GET url` as a server-sent event stream and reads it to the end, turning each message
 * into an event with `parse` (null: not one the test records). One reader for both stream
 * protocols; `describe` words the received events in a timeout's message.
 */
export async function openSseStream<E>(
  url: string,
  token: string,
  parse: (message: SseMessage) => E | null,
  describe: (events: E[]) => string = (events) => JSON.stringify(events),
): Promise<SseStreamClient<E>> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: controller.signal });
  const events: E[] = [];
  const waiters = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of [...waiters]) wake();
  };
  const parser = createSseParser((message) => {
    const event = parse(message);
    if (event === null) return;
    events.push(event);
    wakeAll();
  });
  let ended: Promise<void> = Promise.resolve();
  if (response.ok && response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    ended = (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parser.push(decoder.decode(value, { stream: true }));
        }
      } catch {
        // aborted
      } finally {
        wakeAll();
      }
    })();
  } else {
    await response.text().catch(() => undefined);
  }
  const waitFor = (predicate: (event: E) => boolean, timeoutMs = 10_000) =>
    new Promise<E>((resolve, reject) => {
      const check = () => {
        const found = events.find(predicate);
        if (found !== undefined) {
          cleanup();
          resolve(found);
        }
      };
      // A deadline for a stream that never delivers, not a wait: the event resolves it at once.
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`stream event not received; got ${describe(events)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return { events, status: response.status, waitFor, ended, close: () => controller.abort() };
}
