import { useMemo } from 'react';
import { expiringRegistrations } from '../../../src-shared/deals/registration';
import type { Deal } from '../../../src-shared/domain/types';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { useAppData } from '../../db/useAppData';

/** Protected registrations of every partner on this laptop that expire within the reminder window. */
export function useExpiringRegistrations(): { expiring: Deal[]; today: string } {
  const { dealsByPartner } = useAppData();
  const { today } = usePortfolioOverview();
  const expiring = useMemo(() => expiringRegistrations([...dealsByPartner.values()].flat(), today), [dealsByPartner, today]);
  return { expiring, today };
}
