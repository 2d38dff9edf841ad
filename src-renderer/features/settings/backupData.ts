import { COLLECTION_NAMES, type CollectionDocs, type CollectionName } from '../../../src-shared/domain/types';
import { createBackup, type Backup, type BackupCollections, type LocalDocStamp, type RestorePlan } from '../../../src-shared/import/backup';
import type { AppDatabase } from '../../db/appDatabase';
import { documentData } from '../../db/documentData';

/** Every document of every collection, as a backup object. */
export async function exportBackup(db: AppDatabase, exportedAt: string): Promise<Backup> {
  const collections = {} as Record<CollectionName, unknown[]>;
  for (const name of COLLECTION_NAMES) {
    const docs = await db[name].find().exec();
    collections[name] = docs.map((doc) => documentData(doc));
  }
  return createBackup(collections as BackupCollections, exportedAt);
}

/** Id and updatedAt of every local document, which is all `planRestore` compares. */
export async function localStamps(db: AppDatabase): Promise<Record<CollectionName, LocalDocStamp[]>> {
  const stamps = {} as Record<CollectionName, LocalDocStamp[]>;
  for (const name of COLLECTION_NAMES) {
    const docs = await db[name].find().exec();
    stamps[name] = docs.map((doc) => ({ id: doc.primary, updatedAt: (doc.toJSON() as { updatedAt: string }).updatedAt }));
  }
  return stamps;
}

/**
 * Writes what the restore plan adds and updates. Partners go last, so no partner appears before
 * its journey. The backup was validated against the schemas before this point; if the store
 * still refuses a document the error names it.
 */
export async function applyRestore(db: AppDatabase, plan: RestorePlan): Promise<number> {
  let written = 0;
  const order = [...COLLECTION_NAMES.filter((name) => name !== 'partners'), 'partners' as const];
  for (const name of order) {
    const docs = [...plan.add[name], ...plan.update[name]] as CollectionDocs[typeof name][];
    if (docs.length === 0) continue;
    const collection = db[name] as unknown as { bulkUpsert: (docs: unknown[]) => Promise<{ error: { documentId: string }[] }> };
    const result = await collection.bulkUpsert(docs);
    const failed = result.error[0];
    if (failed) throw new Error(`${name}: document ${failed.documentId} was refused by the local store`);
    written += docs.length;
  }
  return written;
}
