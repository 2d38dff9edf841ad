/**
 * Fans change-feed notifications out to this process's subscribers. Both backends use
 * LISTEN/NOTIFY (the NOTIFY is sent inside the writing transaction, so it arrives only after
 * COMMIT); with PostgreSQL that reaches every server process on the database.
 */
import type { Db } from '../storage/db';
import { feedChannel, type FeedNotification } from '../storage/changeFeed';

/** `gap`: notifications may have been lost (LISTEN connection re-established). */
export type BusEvent = FeedNotification | { t: 'gap' };

export type ChangeBus = {
  subscribe: (listener: (event: BusEvent) => void) => () => void;
  close: () => Promise<void>;
};

function parseNotification(payload: string): FeedNotification | null {
  try {
    const value = JSON.parse(payload) as Partial<FeedNotification>;
    if (value.t === 'sessions') return { t: 'sessions' };
    if (value.t === 'feed' && typeof value.seq === 'number' && Array.isArray(value.c)) return { t: 'feed', seq: value.seq, c: value.c };
  } catch {
    // ignore foreign payloads
  }
  return null;
}

export async function createChangeBus(db: Db, onListenerError: (error: unknown) => void): Promise<ChangeBus> {
  const listeners = new Set<(event: BusEvent) => void>();
  const emit = (event: BusEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        onListenerError(error);
      }
    }
  };
  const stop = await db.listen(
    feedChannel(db),
    (payload) => {
      const event = parseNotification(payload);
      if (event) emit(event);
    },
    () => emit({ t: 'gap' }),
  );
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      listeners.clear();
      await stop();
    },
  };
}
