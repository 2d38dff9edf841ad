import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { remindersToSend } from '../../../src-shared/meetings/checkins';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { useProfile } from '../../app/useProfile';
import { useAppData } from '../../db/useAppData';
import { usePlatform } from '../../platform/usePlatform';
import { useCheckinsDue } from './useCheckinsDue';

type SentLog = { date: string; partnerIds: string[] };

function readLog(key: string): SentLog | null {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(key) ?? 'null') as SentLog | null;
    return parsed && typeof parsed.date === 'string' && Array.isArray(parsed.partnerIds) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * A desktop notification for each check-in due today, once per day per partner (remembered on
 * this laptop per profile, so a restart does not repeat it). Clicking it opens the partner.
 */
export function useCheckinReminders(): void {
  const due = useCheckinsDue();
  const { today } = usePortfolioOverview();
  const { partnersById, loading } = useAppData();
  const platform = usePlatform();
  const navigate = useNavigate();
  const [profile] = useProfile();
  const key = `partnerdesk.checkinReminders.${profile.id}`;

  useEffect(() => {
    if (loading) return;
    const log = readLog(key);
    const send = remindersToSend(due, log, today);
    if (send.length === 0) return;
    const sent = log && log.date === today ? log.partnerIds : [];
    window.localStorage.setItem(key, JSON.stringify({ date: today, partnerIds: [...sent, ...send] } satisfies SentLog));
    for (const partnerId of send) {
      const name = partnersById.get(partnerId)?.name ?? 'A partner';
      void platform
        .notify({
          title: `Check-in due today: ${name}`,
          body: 'Click to open the partner and record the check-in.',
          onClick: () => void navigate(`/partners/${partnerId}/meetings`),
        })
        .catch((error: unknown) => console.warn('Partner Desk: could not show a reminder', error));
    }
  }, [due, today, loading, key, partnersById, platform, navigate]);
}

/** Mount point for the reminders inside the router. */
export function CheckinReminders(): null {
  useCheckinReminders();
  return null;
}
