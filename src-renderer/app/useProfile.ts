import { useLocalStorage } from '@mantine/hooks';
import { createContext, useContext, useMemo } from 'react';
import { ownerSideLabels, PLACEHOLDER_MANAGER_NAME } from '../../src-shared/domain/identity';
import type { OwnerSide } from '../../src-shared/domain/types';
import type { SyncUser } from '../../src-shared/sync/protocol';
import { isHexColor, isLogoDataUrl } from '../../src-shared/welcomekit/branding';

/**
 * Who is using this laptop, and so which local database is open (one per profile id).
 * Signed out, the profile is the local one and owns every partner; signed in, it is the account
 * (server host + user id), so each account keeps its own database on this laptop.
 */
export type Profile = {
  id: string;
  name: string;
  email: string;
  company: string;
  /** Branding (a setting of this laptop, like the company): the vendor logo as a data URL. */
  logo?: string;
  /** Branding: the accent colour (hex) of the welcome kit and the business-plan PDF. */
  accentColor?: string;
};

/** Nobody has said who they are yet: the first run asks (see `needsIdentity`). */
export const LOCAL_PROFILE: Profile = { id: 'local', name: '', email: 'me@partnerdesk.local', company: '' };

/**
 * The profile of an account: one per server and user, never colliding with `local`. The name
 * comes from the account; the company is a setting of this laptop (`company`).
 */
export function accountProfile(serverUrl: string, user: Pick<SyncUser, 'id' | 'name' | 'email'>, company = ''): Profile {
  return { id: `${new URL(serverUrl).host}/${user.id}`, name: user.name || user.email, email: user.email, company };
}

/**
 * The local profile setting (name, email, company), kept in this laptop's local storage and never
 * synced. Older versions stored no company and the placeholder name "Partner manager".
 */
export function useLocalProfile(): [Profile, (next: Profile) => void] {
  const [profile, setProfile] = useLocalStorage<Partial<Profile>>({
    key: 'partnerdesk.profile',
    defaultValue: LOCAL_PROFILE,
    getInitialValueInEffect: false,
  });
  const name = profile.name === PLACEHOLDER_MANAGER_NAME ? '' : (profile.name ?? '');
  return [{ ...LOCAL_PROFILE, ...profile, name, company: profile.company ?? '', id: LOCAL_PROFILE.id }, setProfile];
}

/** The active profile, and a setter for the local profile's name, email and company (provided by SyncProvider). */
export type ProfileState = {
  profile: Profile;
  /** The signed-out profile as stored on this laptop (its company applies to every profile). */
  localProfile: Profile;
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

/** The local profile setting and its setter (Settings → Profile & branding, first run). */
export function useLocalProfileSetting(): [Profile, (next: Profile) => void] {
  const state = useContext(ProfileContext);
  if (!state) throw new Error('useLocalProfileSetting must be used inside <SyncProvider>');
  return [state.localProfile, state.setLocalProfile];
}

/** "Partner" / the vendor's company name, for owner columns, pickers and the printed plan. */
export function useOwnerSideLabels(): Record<OwnerSide, string> {
  const [profile] = useProfile();
  return useMemo(() => ownerSideLabels(profile.company), [profile.company]);
}

/** The editor getter for the open database (see ProfileState.currentUser). */
export function useCurrentUser(): () => string {
  const state = useContext(ProfileContext);
  if (!state) throw new Error('useCurrentUser must be used inside <SyncProvider>');
  return state.currentUser;
}

/** The vendor branding printed on partner-facing PDFs: company, logo and accent colour (null when not set). */
export type Branding = { company: string; logo: string | null; accent: string | null };

/** The branding of this laptop (it applies to every profile, like the company). */
export function useBranding(): Branding {
  const state = useContext(ProfileContext);
  if (!state) throw new Error('useBranding must be used inside <SyncProvider>');
  const { company } = state.profile;
  const { logo, accentColor } = state.localProfile;
  return useMemo(() => ({ company: company.trim(), logo: isLogoDataUrl(logo) ? logo : null, accent: isHexColor(accentColor) ? accentColor.trim().toLowerCase() : null }), [company, logo, accentColor]);
}
