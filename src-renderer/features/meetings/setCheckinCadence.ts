import { nowIso } from '../../../src-shared/domain/ids';
import type { Partner } from '../../../src-shared/domain/types';
import type { AppDatabase } from '../../db/appDatabase';

/** Sets the partner's own check-in cadence in days, or (null) goes back to the cadence by phase. */
export async function setCheckinCadence(db: AppDatabase, partnerId: string, days: number | null): Promise<void> {
  if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 365)) throw new Error('A check-in cadence is a whole number of days from 1 to 365.');
  const doc = await db.partners.findOne(partnerId).exec();
  if (!doc) throw new Error('This partner no longer exists on this laptop.');
  await doc.incrementalModify((partner) => {
    const { checkinCadenceDays: _old, ...rest } = partner as Partner;
    return { ...rest, ...(days !== null ? { checkinCadenceDays: days } : {}), updatedAt: nowIso() };
  });
}
