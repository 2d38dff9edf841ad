import type { Observable } from 'rxjs';
import type { CollectionName } from '../../src-shared/domain/types';
import type { SyncUser } from '../../src-shared/sync/protocol';
import type { AppDatabase } from '../db/appDatabase';
import type { SyncTiming, SyncWakeSignals } from './syncConnection';

/**
 * What the sync indicator shows, in priority order:
 * - `signed_out`: no account; everything stays on this laptop;
 * - `unauthorized`: the token expired or was revoked: sign in again (local edits are kept);
 * - `offline`: no network or server unreachable; edits queue up (`pending`);
 * - `error`: the server refused something (`error` says what); replication retries with backoff;
 * - `syncing`: pulling or pushing right now (`initial` reports progress of a first sync);
 * - `idle`: up to date (`lastSyncedAt`).
 */
export type SyncState = 'signed_out' | 'unauthorized' | 'offline' | 'error' | 'syncing' | 'idle';

export type CollectionSyncStatus = {
  state: SyncState;
  /** Local changes not yet acknowledged by the server (survives restarts). */
  pending: number;
  lastSyncedAt: string | null;
  error: string | null;
  /** Documents received / sent since sync started. */
  pulled: number;
  pushed: number;
};

export type SyncStatus = {
  state: SyncState;
  pending: number;
  lastSyncedAt: string | null;
  error: string | null;
  /**
   * Progress of the first sync of an account into this laptop (records written, and how far
   * through the server's feed it is, when known); null once done.
   */
  initial: { received: number; percent: number | null } | null;
  collections: Record<CollectionName, CollectionSyncStatus>;
};

export type StartSyncOptions = {
  db: AppDatabase;
  /** e.g. `http://127.0.0.1:8787` (no trailing slash). */
  serverUrl: string;
  token: string;
  user: SyncUser;
  /** Injected in tests; the browser's fetch otherwise. */
  fetch?: typeof fetch;
  /** Called once when the server answers 401: the session is over. */
  onUnauthorized?: () => void;
  /**
   * Wake-up signals (network back, window visible again after sleep) that reconnect at once
   * instead of waiting for the backoff. Default: the browser's `online`/`offline`/
   * `visibilitychange` events; `null` for none. Tests inject their own.
   */
  wakeSignals?: SyncWakeSignals | null;
  /**
   * When this account last finished a sync on this laptop, as kept by the caller across
   * restarts, so a laptop that starts offline can still say how fresh its data is.
   */
  lastSyncedAt?: string | null;
  /** Retry and timeout tuning (defaults in syncConnection.ts: backoff 1 s doubling to 30 s). */
  timing?: Partial<SyncTiming>;
  /**
   * Diagnostics: one line per request, stream event, push and checkpoint the engine sees (the
   * sync tests print them when laptops fail to converge). Off by default.
   */
  trace?: (line: string) => void;
};

/** A running background sync of every collection. */
export type SyncEngine = {
  status$: Observable<SyncStatus>;
  /** Reconnects now (after wake-up or when the user asks), instead of waiting for the backoff. */
  reconnect: () => void;
  /** Stops syncing; local data stays. */
  stop: () => Promise<void>;
};
