import { checkinsDue, type CheckinDue } from '../../../src-shared/meetings/checkins';
import type { Meeting, Partner } from '../../../src-shared/domain/types';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { snapshotMemo } from '../../db/snapshotMemo';
import { forPartner, useAppData } from '../../db/useAppData';

/**
 * One result per meetings snapshot, partners and day, kept across mounts: Today mounts the card
 * on every visit, and the data has usually not changed since the last one.
 */
const dueOf = snapshotMemo((meetingsByPartner: Map<string, Meeting[]>, partners: Partner[], today: string): CheckinDue[] =>
  checkinsDue(partners.map((partner) => ({ partner, meetings: forPartner(meetingsByPartner, partner.id) })), today),
);

/** Check-ins due today or overdue across every partner, most overdue first. */
export function useCheckinsDue(): CheckinDue[] {
  const data = useAppData();
  const { today } = usePortfolioOverview();
  return dueOf(data.meetingsByPartner, data.partners, today);
}
