import { nowIso } from '../../../src-shared/domain/ids';
import type { ConflictRecord } from '../../../src-shared/domain/types';
import { isCollectionName } from '../../../src-shared/sync/protocol';
import { restoreLostValue } from '../../../src-shared/sync/restoreLostValue';
import type { AppDatabase } from '../../db/appDatabase';

type AnyDoc = Record<string, unknown> & { id: string };

/**
 * "Restore the other value": writes the losing value of a merged conflict back into its
 * document (stamping updatedAt, so it travels to every laptop as the newest edit), then marks
 * the record restored. Throws a sentence for the user when there is nothing to restore into.
 */
export async function restoreConflict(db: AppDatabase, record: ConflictRecord): Promise<void> {
  if (!isCollectionName(record.collectionName)) throw new Error(`Records of “${record.collectionName}” cannot be restored here.`);
  const collection = db[record.collectionName] as unknown as AppDatabase['partners'] & { upsert: (doc: AnyDoc) => Promise<unknown> };
  const doc = await collection.findOne(record.documentId).exec();
  const current = doc ? (doc.toMutableJSON() as unknown as AnyDoc) : null;
  const plan = restoreLostValue(current, record.field, record.lostValue);
  if (plan.kind === 'unavailable') throw new Error(plan.reason);

  const now = nowIso();
  if (plan.kind === 'delete') {
    await doc!.remove();
  } else if (doc) {
    await doc.incrementalModify((data) => {
      const fresh = restoreLostValue(data as unknown as AnyDoc, record.field, record.lostValue);
      if (fresh.kind !== 'write') throw new Error(fresh.kind === 'unavailable' ? fresh.reason : 'The record changed meanwhile; try again.');
      return { ...fresh.document, updatedAt: now } as unknown as typeof data;
    });
  } else {
    await collection.upsert({ ...(plan.document as AnyDoc), updatedAt: now });
  }

  const conflict = await db.conflicts.findOne(record.id).exec();
  await conflict?.incrementalPatch({ restored: true, updatedAt: now });
}
