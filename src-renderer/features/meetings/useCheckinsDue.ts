import { useMemo } from 'react';
import { checkinsDue, type CheckinDue } from '../../../src-shared/meetings/checkins';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { forPartner, useAppData } from '../../db/useAppData';

/** Check-ins due today or overdue across every partner, most overdue first. */
export function useCheckinsDue(): CheckinDue[] {
  const data = useAppData();
  const { today } = usePortfolioOverview();
  return useMemo(
    () => checkinsDue(data.partners.map((partner) => ({ partner, meetings: forPartner(data.meetingsByPartner, partner.id) })), today),
    [data.partners, data.meetingsByPartner, today],
  );
}
