import { expiredOpenRegistrations, expiringRegistrations } from '../../../src-shared/deals/registration';
import type { Deal } from '../../../src-shared/domain/types';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { snapshotMemo } from '../../db/snapshotMemo';
import { useAppData } from '../../db/useAppData';

type ExpiringRegistrations = { expiring: Deal[]; expired: Deal[]; today: string };

/**
 * One result per deals snapshot and day, kept across mounts: Today mounts the card on every
 * visit, and the deals have usually not changed since the last one.
 */
const registrationsOf = snapshotMemo((dealsByPartner: Map<string, Deal[]>, today: string): ExpiringRegistrations => {
  const deals = [...dealsByPartner.values()].flat();
  return { expiring: expiringRegistrations(deals, today), expired: expiredOpenRegistrations(deals, today), today };
});

/**
 * The registrations of every partner on this laptop that need the manager: protected ones that
 * expire within the reminder window, and expired ones whose deal is still open (extend or close).
 */
export function useExpiringRegistrations(): ExpiringRegistrations {
  const { dealsByPartner } = useAppData();
  const { today } = usePortfolioOverview();
  return registrationsOf(dealsByPartner, today);
}
