import { rxStorageWriteErrorToRxError, type RxCollection } from 'rxdb';

/**
 * Inserts documents all-or-nothing from the user's point of view: if any row is refused, the
 * rows that did go in are removed again and the first error is thrown, so nothing is left
 * half-written.
 */
export async function insertAll<T extends { id: string }>(collection: RxCollection<T>, docs: T[]): Promise<void> {
  if (docs.length === 0) return;
  const result = await collection.bulkInsert(docs);
  if (result.error.length > 0) {
    const inserted = result.success.map((doc) => (doc as unknown as { id: string }).id);
    if (inserted.length > 0) await collection.bulkRemove(inserted);
    throw rxStorageWriteErrorToRxError(result.error[0]!);
  }
}
