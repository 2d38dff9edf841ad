import { createContext, useContext } from 'react';
import { COLLECTION_NAMES, type CollectionName } from '../../src-shared/domain/types';
import type { StoredSession } from '../platform/platform';
import type { SignInInput, SignInProblem } from './requestSignIn';
import type { CollectionSyncStatus, SyncStatus } from './syncTypes';

/** The status when no engine runs: signed out, everything local. */
export const SIGNED_OUT_STATUS: SyncStatus = {
  state: 'signed_out',
  pending: 0,
  lastSyncedAt: null,
  error: null,
  initial: null,
  collections: Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, { state: 'signed_out', pending: 0, lastSyncedAt: null, error: null, pulled: 0, pushed: 0 }]),
  ) as Record<CollectionName, CollectionSyncStatus>,
};

export type SignInResult = { ok: true; secure: boolean } | { ok: false; problem: SignInProblem };

/** Local partners that may be brought into the account just signed in to (its database was empty). */
export type LocalDataOffer = { partners: number; records: number };

export type SyncContextValue = {
  status: SyncStatus;
  /** The signed-in account, also while the server wants a new sign-in (`status.state === 'unauthorized'`). */
  session: StoredSession | null;
  /** false: the token is stored without an OS secret store (desktop), or only for this tab (browser). */
  secureStorage: boolean | null;
  signIn: (input: SignInInput) => Promise<SignInResult>;
  /** Stops sync, ends the session and returns to the local profile; `removeLocalData` deletes the account's database here. */
  signOut: (options: { removeLocalData: boolean }) => Promise<void>;
  /** Reconnects now instead of waiting for the backoff. */
  syncNow: () => void;
  offer: LocalDataOffer | null;
  /** Copies every local document into the account's database (which then pushes them). */
  acceptOffer: () => Promise<void>;
  declineOffer: () => void;
};

export const SyncContext = createContext<SyncContextValue | null>(null);

export function useSync(): SyncContextValue {
  const value = useContext(SyncContext);
  if (!value) throw new Error('useSync must be used inside <SyncProvider>');
  return value;
}
