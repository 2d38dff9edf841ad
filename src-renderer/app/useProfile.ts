import { useLocalStorage } from '@mantine/hooks';
import { createContext, useContext } from 'react';
import type { SyncUser } from '../../src-shared/sync/protocol';

/**
 * Who is using this laptop, and so which local database is open (one per profile id).
 * Signed out, the profile is the local one and owns every partner; signed in, it is the account
 * (server host + user id), so each account keeps its own database on this laptop.
 */
export type Profile = { id: string; name: string; email: string };

export const LOCAL_PROFILE: Profile = { id: 'local', name: 'Partner manager', email: 'me@partnerdesk.local' };

/** The profile of an account: one per server and user, never colliding with `local`. */
export function accountProfile(serverUrl: string, user: Pick<SyncUser, 'id' | 'name' | 'email'>): Profile {
  return { id: `${new URL(serverUrl).host}/${user.id}`, name: user.name || user.email, email: user.email };
}

/** The signed-out profile's name and email, as the user set them in Settings. */
export function useLocalProfile(): [Profile, (next: Profile) => void] {
  const [profile, setProfile] = useLocalStorage<Profile>({
    key: 'partnerdesk.profile',
    defaultValue: LOCAL_PROFILE,
    getInitialValueInEffect: false,
  });
  return [{ ...profile, id: LOCAL_PROFILE.id }, setProfile];
}

/** The active profile, and a setter for the local profile's name and email (provided by SyncProvider). */
export type ProfileState = {
  profile: Profile;
  setLocalProfile: (next: Profile) => void;
  /** The active profile's email, read at call time: the open database stamps it into `updatedBy`. */
  currentUser: () => string;
};

export const ProfileContext = createContext<ProfileState | null>(null);

export function useProfile(): [Profile, (next: Profile) => void] {
  const state = useContext(ProfileContext);
  if (!state) throw new Error('useProfile must be used inside <SyncProvider>');
  return [state.profile, state.setLocalProfile];
}

/** The editor getter for the open database (see ProfileState.currentUser). */
export function useCurrentUser(): () => string {
  const state = useContext(ProfileContext);
  if (!state) throw new Error('useCurrentUser must be used inside <SyncProvider>');
  return state.currentUser;
}
