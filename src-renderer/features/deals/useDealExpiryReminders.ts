import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useProfile } from '../../app/useProfile';
import { useAppData } from '../../db/useAppData';
import { usePlatform } from '../../platform/usePlatform';
import { formatDate } from '../../../src-shared/util/formatDate';
import { useExpiringRegistrations } from './useExpiringRegistrations';

type SentLog = { date: string; dealIds: string[] };

function readLog(key: string): SentLog | null {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(key) ?? 'null') as SentLog | null;
    return parsed && typeof parsed.date === 'string' && Array.isArray(parsed.dealIds) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * A desktop notification for each protected registration expiring within a week, once per day
 * per registration (remembered on this laptop per profile). Clicking it opens the partner's deals.
 */
export function useDealExpiryReminders(): void {
  const { expiring, today } = useExpiringRegistrations();
  const { partnersById, loading } = useAppData();
  const platform = usePlatform();
  const navigate = useNavigate();
  const [profile] = useProfile();
  const key = `partnerdesk.dealExpiryReminders.${profile.id}`;

  useEffect(() => {
    if (loading) return;
    const log = readLog(key);
    const already = new Set(log && log.date === today ? log.dealIds : []);
    const send = expiring.filter((d) => !already.has(d.id));
    if (send.length === 0) return;
    window.localStorage.setItem(key, JSON.stringify({ date: today, dealIds: [...already, ...send.map((d) => d.id)] } satisfies SentLog));
    for (const deal of send) {
      const name = partnersById.get(deal.partnerId)?.name ?? 'A partner';
      void platform
        .notify({
          title: `Registration expiring: ${deal.account}`,
          body: `${name}'s protection ends ${formatDate(deal.protectedUntil ?? today)}. Click to open the deal and extend it or close it.`,
          onClick: () => void navigate(`/partners/${deal.partnerId}/deals`),
        })
        .catch((error: unknown) => console.warn('Partner Desk: could not show a reminder', error));
    }
  }, [expiring, today, loading, key, partnersById, platform, navigate]);
}

/** Mount point for the reminders inside the router. */
export function DealExpiryReminders(): null {
  useDealExpiryReminders();
  return null;
}
