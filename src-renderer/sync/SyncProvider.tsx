import { Center, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { accountProfile, LOCAL_PROFILE, ProfileContext, useLocalProfile, type Profile, type ProfileState } from '../app/useProfile';
import { closeAppDatabase, openAppDatabase } from '../db/openAppDatabase';
import { clearFileCacheNow } from '../files/useFileCache';
import { storeErrorMessage } from '../db/storeErrorMessage';
import { useDatabase } from '../db/useDatabase';
import type { StoredSession } from '../platform/platform';
import { usePlatform } from '../platform/usePlatform';
import { LocalDataOfferModal } from './LocalDataOfferModal';
import { copySnapshot, snapshotSize, takeSnapshot, type PortfolioSnapshot } from './portfolioSnapshot';
import { requestSignIn, requestSignOut } from './requestSignIn';
import { startSync } from './startSync';
import type { SyncEngine, SyncStatus } from './syncTypes';
import { SIGNED_OUT_STATUS, SyncContext, type SignInResult, type SyncContextValue } from './useSync';
import { lastSyncedStore } from './lastSyncedStore';

/** Until the engine reports, a signed-in laptop is about to sync. */
const STARTING_STATUS: SyncStatus = { ...SIGNED_OUT_STATUS, state: 'syncing' };

type EngineHandle = { engine: SyncEngine; stop: () => Promise<void> };

/** What SyncConnection (inside the open database) needs from the provider. */
type SyncControl = {
  session: StoredSession | null;
  /** The server ended the session: no engine runs until the user signs in again. */
  unauthorized: boolean;
  attach: (handle: EngineHandle) => void;
  detach: (handle: EngineHandle) => void;
  setStatus: (status: SyncStatus) => void;
  onUnauthorized: () => void;
};

const SyncControlContext = createContext<SyncControl | null>(null);

function useSyncControl(): SyncControl {
  const control = useContext(SyncControlContext);
  if (!control) throw new Error('SyncConnection must be used inside <SyncProvider>');
  return control;
}

type Phase = { kind: 'loading' } | { kind: 'ready' } | { kind: 'switching'; message: string };

type PendingOffer = { snapshot: PortfolioSnapshot; from: Profile; partners: number; records: number };

const UNAUTHORIZED_NOTICE = 'sync-unauthorized';

const isExpired = (session: StoredSession) => Date.parse(session.expiresAt) <= Date.now();

const once = (fn: () => Promise<void>): (() => Promise<void>) => {
  let running: Promise<void> | null = null;
  return () => (running ??= fn().catch((error: unknown) => console.error('Partner Desk: sync did not stop cleanly', error)));
};

/**
 * Who is signed in and how sync is doing. Loads the stored session at start, derives the profile
 * (and so the database) from it, signs in and out, switching databases in between: the engine
 * is stopped and the old database closed before the next one opens. The engine itself runs in
 * <SyncConnection /> inside the open database.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const platform = usePlatform();
  const [localProfile, setLocalProfile] = useLocalProfile();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [session, setSession] = useState<StoredSession | null>(null);
  const [secureStorage, setSecureStorage] = useState<boolean | null>(null);
  const [unauthorized, setUnauthorized] = useState(false);
  const [engineStatus, setEngineStatus] = useState<SyncStatus>(STARTING_STATUS);
  const [offer, setOffer] = useState<PendingOffer | null>(null);
  const engineRef = useRef<EngineHandle | null>(null);

  const profile = useMemo(() => (session ? accountProfile(session.serverUrl, session.user, localProfile.company) : localProfile), [session, localProfile]);
  // Signing in names the manager from the account when they had not said their name yet.
  useEffect(() => {
    if (session?.user.name && !localProfile.name.trim()) setLocalProfile({ ...localProfile, name: session.user.name });
  }, [session, localProfile, setLocalProfile]);
  // Who is editing, read by the open database on every local write (`updatedBy`).
  const editorRef = useRef(profile.email);
  useEffect(() => {
    editorRef.current = profile.email;
  }, [profile.email]);
  const currentUser = useCallback(() => editorRef.current, []);

  useEffect(() => {
    let active = true;
    void Promise.all([platform.session.load().catch(() => null), platform.session.secureStorage().catch(() => false)]).then(([stored, secure]) => {
      if (!active) return;
      setSession(stored);
      setUnauthorized(stored ? isExpired(stored) : false);
      setSecureStorage(secure);
      setPhase({ kind: 'ready' });
    });
    return () => {
      active = false;
    };
  }, [platform]);

  const stopEngine = useCallback(async () => {
    const handle = engineRef.current;
    engineRef.current = null;
    await handle?.stop();
  }, []);

  /** Leaves the open database (closing or removing it) and opens the next session's. */
  const switchTo = useCallback(
    async (next: StoredSession | null, options: { message: string; removeCurrent?: boolean; offerLocalData?: boolean }) => {
      const from = profile;
      await stopEngine();
      setPhase({ kind: 'switching', message: options.message });
      try {
        let snapshot: PortfolioSnapshot | null = null;
        if (options.offerLocalData && from.id === LOCAL_PROFILE.id) {
          const local = await openAppDatabase(from.id, currentUser);
          if (await local.partners.findOne().exec()) snapshot = await takeSnapshot(local);
        }
        await closeAppDatabase(from.id, { remove: options.removeCurrent === true });
        if (next && snapshot) {
          const account = await openAppDatabase(accountProfile(next.serverUrl, next.user).id, currentUser);
          const empty = (await account.partners.findOne().exec()) === null;
          if (empty) setOffer({ snapshot, from, partners: snapshot.partners.length, records: snapshotSize(snapshot) });
        }
      } catch (error) {
        console.error(error);
        notifications.show({ color: 'red', title: 'Switching profiles ran into a problem', message: storeErrorMessage(error, 'switch your local data'), autoClose: false });
      } finally {
        setSession(next);
        setUnauthorized(false);
        setEngineStatus(STARTING_STATUS);
        setPhase({ kind: 'ready' });
      }
    },
    [profile, stopEngine, currentUser],
  );

  const signIn = useCallback(
    async (input: Parameters<SyncContextValue['signIn']>[0]): Promise<SignInResult> => {
      const outcome = await requestSignIn(input);
      if (!outcome.ok) return outcome;
      const { token, user, expiresAt } = outcome.response;
      const next: StoredSession = { serverUrl: outcome.serverUrl, token, user, expiresAt };
      let secure: boolean;
      try {
        secure = (await platform.session.save(next)).secure;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ok: false, problem: { field: null, message: `Signed in, but this laptop could not keep the session (${reason}). Try again.` } };
      }
      setSecureStorage(secure);
      notifications.hide(UNAUTHORIZED_NOTICE);
      if (accountProfile(next.serverUrl, next.user).id === profile.id) {
        // The same account again (its session had ended): keep the database, restart sync.
        setEngineStatus(STARTING_STATUS);
        setSession(next);
        setUnauthorized(false);
        return { ok: true, secure };
      }
      await switchTo(next, { message: `Opening ${user.name || user.email}'s portfolio…`, offerLocalData: true });
      return { ok: true, secure };
    },
    [platform, profile.id, switchTo],
  );

  const signOut = useCallback(
    async ({ removeLocalData }: { removeLocalData: boolean }) => {
      if (!session) return;
      await stopEngine();
      void requestSignOut(session.serverUrl, session.token);
      await platform.session.clear().catch((error: unknown) => console.error('Partner Desk: could not clear the session', error));
      notifications.hide(UNAUTHORIZED_NOTICE);
      setOffer(null);
      // The library's files came through this session: they leave with it (an admin's upload
      // not sent yet stays while the account's store does, to go up at the next sign-in).
      await clearFileCacheNow({ keepPendingUploads: !removeLocalData }).catch((error: unknown) => console.error('Partner Desk: could not clear the file cache', error));
      await switchTo(null, { message: removeLocalData ? 'Removing the account’s data from this laptop…' : 'Signing out…', removeCurrent: removeLocalData });
    },
    [session, platform, stopEngine, switchTo],
  );

  const acceptOffer = useCallback(async () => {
    if (!offer) return;
    const db = await openAppDatabase(profile.id, currentUser);
    try {
      await copySnapshot(db, offer.snapshot, offer.from, profile);
      setOffer(null);
      notifications.show({
        color: 'teal',
        title: `${offer.partners} partner${offer.partners === 1 ? '' : 's'} brought into your account`,
        message: 'They are being sent to the server now. The local copies stay in the local profile.',
      });
    } catch (error) {
      console.error(error);
      notifications.show({ color: 'red', title: 'Partners not brought over', message: storeErrorMessage(error, 'copy your local partners'), autoClose: false });
    }
  }, [offer, profile, currentUser]);

  const control = useMemo<SyncControl>(
    () => ({
      session,
      unauthorized,
      attach: (handle) => {
        engineRef.current = handle;
      },
      detach: (handle) => {
        if (engineRef.current === handle) engineRef.current = null;
      },
      setStatus: setEngineStatus,
      onUnauthorized: () => {
        setUnauthorized(true);
        notifications.show({
          id: UNAUTHORIZED_NOTICE,
          color: 'orange',
          title: 'Sign in again to keep syncing',
          message: 'The sync server ended your session. Your changes stay on this laptop and are sent once you sign in again (Settings → Sync).',
          autoClose: false,
        });
      },
    }),
    [session, unauthorized],
  );

  const status = useMemo<SyncStatus>(() => {
    if (!session) return SIGNED_OUT_STATUS;
    return unauthorized ? { ...engineStatus, state: 'unauthorized' } : engineStatus;
  }, [session, unauthorized, engineStatus]);

  const value = useMemo<SyncContextValue>(
    () => ({
      status,
      session,
      secureStorage,
      signIn,
      signOut,
      syncNow: () => engineRef.current?.engine.reconnect(),
      offer: offer ? { partners: offer.partners, records: offer.records } : null,
      acceptOffer,
      declineOffer: () => setOffer(null),
    }),
    [status, session, secureStorage, signIn, signOut, offer, acceptOffer],
  );

  const profileState = useMemo<ProfileState>(() => ({ profile, localProfile, setLocalProfile, currentUser }), [profile, localProfile, setLocalProfile, currentUser]);

  if (phase.kind !== 'ready') {
    return (
      <Center h="100vh">
        <Stack align="center" gap="xs">
          <Loader />
          <Text c="dimmed" size="sm">
            {phase.kind === 'switching' ? phase.message : 'Opening your portfolio…'}
          </Text>
        </Stack>
      </Center>
    );
  }

  return (
    <SyncContext.Provider value={value}>
      <SyncControlContext.Provider value={control}>
        <ProfileContext.Provider value={profileState}>
          {children}
          <LocalDataOfferModal />
        </ProfileContext.Provider>
      </SyncControlContext.Provider>
    </SyncContext.Provider>
  );
}

/**
 * Runs the sync engine for the open database while signed in, and stops it when the session or
 * the database changes. The engine reconnects by itself when the network comes back or the window
 * becomes visible again (its default wake signals: `online`, `offline`, `visibilitychange`).
 */
export function SyncConnection() {
  const db = useDatabase();
  const { session, unauthorized, attach, detach, setStatus, onUnauthorized } = useSyncControl();

  useEffect(() => {
    if (!session || unauthorized) return;
    const { serverUrl, user } = session;
    const engine = startSync({ db, serverUrl, token: session.token, user, onUnauthorized, lastSyncedAt: lastSyncedStore.read(serverUrl, user) });
    const handle: EngineHandle = { engine, stop: once(() => engine.stop()) };
    attach(handle);
    let stored: string | null = null;
    const subscription = engine.status$.subscribe((status) => {
      setStatus(status);
      if (status.lastSyncedAt && status.lastSyncedAt !== stored) {
        stored = status.lastSyncedAt;
        lastSyncedStore.write(serverUrl, user, stored);
      }
    });
    return () => {
      subscription.unsubscribe();
      detach(handle);
      void handle.stop();
    };
  }, [db, session, unauthorized, attach, detach, setStatus, onUnauthorized]);

  return null;
}
