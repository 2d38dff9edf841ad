import { useLocalStorage } from '@mantine/hooks';

/** Who is using this laptop. Signed out, the profile is local and owns every partner. */
export type Profile = { id: string; name: string; email: string };

export const LOCAL_PROFILE: Profile = { id: 'local', name: 'Partner manager', email: 'me@partnerdesk.local' };

export function useProfile(): [Profile, (next: Profile) => void] {
  const [profile, setProfile] = useLocalStorage<Profile>({
    key: 'partnerdesk.profile',
    defaultValue: LOCAL_PROFILE,
    getInitialValueInEffect: false,
  });
  return [profile, setProfile];
}
