import { nowIso } from '../../../src-shared/domain/ids';
import type { Partner } from '../../../src-shared/domain/types';
import type { AppDatabase } from '../../db/appDatabase';

/** Applies a change to a partner and stamps updatedAt (the merge on sync relies on it). */
export async function updatePartner(db: AppDatabase, partnerId: string, change: Partial<Omit<Partner, 'id' | 'createdAt'>>): Promise<void> {
  const doc = await db.partners.findOne(partnerId).exec();
  if (!doc) throw new Error('This partner no longer exists on this laptop.');
  await doc.incrementalPatch({ ...change, updatedAt: nowIso() });
}
