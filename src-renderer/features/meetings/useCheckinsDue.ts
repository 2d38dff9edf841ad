import { useMemo } from 'react';
import { checkinsDue, type CheckinDue } from '../../../src-shared/meetings/checkins';
import type { Meeting, Partner } from '../../../src-shared/domain/types';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { forPartner, useAppData } from '../../db/useAppData';

/**
 * One result per meetings snapshot, partners and day, kept across mounts: Today mounts the card
 * on every visit, and the data has usually not changed since the last one.
 */
const computed = new WeakMap<Map<string, Meeting[]>, { partners: Partner[]; today: string; due: CheckinDue[] }>();

/** Check-ins due today or overdue across every partner, most overdue first. */
export function useCheckinsDue(): CheckinDue[] {
  const data = useAppData();
  const { today } = usePortfolioOverview();
  return useMemo(() => {
    const hit = computed.get(data.meetingsByPartner);
    if (hit && hit.partners === data.partners && hit.today === today) return hit.due;
    const due = checkinsDue(data.partners.map((partner) => ({ partner, meetings: forPartner(data.meetingsByPartner, partner.id) })), today);
    computed.set(data.meetingsByPartner, { partners: data.partners, today, due });
    return due;
  }, [data.partners, data.meetingsByPartner, today]);
}
