import { useMemo } from 'react';
import { expiredOpenRegistrations, expiringRegistrations } from '../../../src-shared/deals/registration';
import type { Deal } from '../../../src-shared/domain/types';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { useAppData } from '../../db/useAppData';

/**
 * The registrations of every partner on this laptop that need the manager: protected ones that
 * expire within the reminder window, and expired ones whose deal is still open (extend or close).
 */
export function useExpiringRegistrations(): { expiring: Deal[]; expired: Deal[]; today: string } {
  const { dealsByPartner } = useAppData();
  const { today } = usePortfolioOverview();
  return useMemo(() => {
    const deals = [...dealsByPartner.values()].flat();
    return { expiring: expiringRegistrations(deals, today), expired: expiredOpenRegistrations(deals, today), today };
  }, [dealsByPartner, today]);
}
