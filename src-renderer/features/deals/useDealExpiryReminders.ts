import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useProfile } from '../../app/useProfile';
import { useAppData } from '../../db/useAppData';
import { usePlatform } from '../../platform/usePlatform';
import { isRecentlyExpired } from '../../../src-shared/deals/registration';
import { formatDate } from '../../../src-shared/util/formatDate';
import { useExpiringRegistrations } from './useExpiringRegistrations';

/**
 * What this laptop already notified: the expiring registrations of `date` (one reminder per day
 * each), and each expiry it announced as `dealId@expiry` (once, whatever the day; an extended
 * registration that runs out again is announced again).
 */
type SentLog = { date: string; dealIds: string[]; expired: string[] };

function readLog(key: string): SentLog | null {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(key) ?? 'null') as Partial<SentLog> | null;
    if (!parsed || typeof parsed.date !== 'string' || !Array.isArray(parsed.dealIds)) return null;
    return { date: parsed.date, dealIds: parsed.dealIds, expired: Array.isArray(parsed.expired) ? parsed.expired : [] };
  } catch {
    return null;
  }
}

/**
 * A desktop notification for each protected registration expiring within a week, once per day
 * per registration, and one when a registration's protection has run out while its deal is still
 * open (remembered on this laptop per profile). Clicking one opens the partner's deals.
 */
export function useDealExpiryReminders(): void {
  const { expiring, expired, today } = useExpiringRegistrations();
  const { partnersById, loading } = useAppData();
  const platform = usePlatform();
  const navigate = useNavigate();
  const [profile] = useProfile();
  const key = `partnerdesk.dealExpiryReminders.${profile.id}`;

  useEffect(() => {
    if (loading) return;
    const log = readLog(key);
    const already = new Set(log && log.date === today ? log.dealIds : []);
    const announced = new Set(log?.expired ?? []);
    const expiryKey = (id: string, until: string | undefined) => `${id}@${until ?? ''}`;
    const send = expiring.filter((d) => !already.has(d.id));
    const sendExpired = expired.filter((d) => isRecentlyExpired(d, today) && !announced.has(expiryKey(d.id, d.protectedUntil)));
    if (send.length === 0 && sendExpired.length === 0) return;
    // Only the expiries still listed are kept, so the log does not grow with closed deals.
    const stillExpired = new Set(expired.map((d) => expiryKey(d.id, d.protectedUntil)));
    const log2: SentLog = {
      date: today,
      dealIds: [...already, ...send.map((d) => d.id)],
      expired: [...[...announced].filter((k) => stillExpired.has(k)), ...sendExpired.map((d) => expiryKey(d.id, d.protectedUntil))],
    };
    window.localStorage.setItem(key, JSON.stringify(log2));
    const show = (title: string, body: string, partnerId: string) =>
      void platform
        .notify({ title, body, onClick: () => void navigate(`/partners/${partnerId}/deals`) })
        .catch((error: unknown) => console.warn('Partner Desk: could not show a reminder', error));
    for (const deal of send) {
      const name = partnersById.get(deal.partnerId)?.name ?? 'A partner';
      show(`Registration expiring: ${deal.account}`, `${name}'s protection ends ${formatDate(deal.protectedUntil ?? today)}. Click to open the deal and extend it or close it.`, deal.partnerId);
    }
    for (const deal of sendExpired) {
      const name = partnersById.get(deal.partnerId)?.name ?? 'A partner';
      show(`Registration expired: ${deal.account}`, `${name}'s protection ended ${formatDate(deal.protectedUntil ?? today)} and the deal is still open. Click to open the deal and extend it or close it.`, deal.partnerId);
    }
  }, [expiring, expired, today, loading, key, partnersById, platform, navigate]);
}

/** Mount point for the reminders inside the router. */
export function DealExpiryReminders(): null {
  useDealExpiryReminders();
  return null;
}
