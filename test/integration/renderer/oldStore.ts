import type { RxCollection } from 'rxdb';
import type { AppDatabase } from '../../../src-renderer/db/appDatabase';
import { COLLECTION_NAMES } from '../../../src-shared/domain/types';

type Doc = Record<string, unknown>;

/**
 * A store opened at schemas from before the sync bookkeeping acts like the app version that had
 * them: today's write hooks add `sync`, which those schemas do not allow, so take it off again.
 */
export function withoutSyncBookkeeping(db: AppDatabase): AppDatabase {
  for (const name of COLLECTION_NAMES) {
    const collection = db[name] as unknown as RxCollection<Doc>;
    const strip = (data: Doc) => {
      delete data.sync;
    };
    collection.preInsert(strip, false);
    collection.preSave(strip, false);
    collection.preRemove(strip, false);
  }
  return db;
}
