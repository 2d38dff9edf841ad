import { appStorage } from './appStorage';
import { createAppDatabase, databaseNameFor, type AppDatabase } from './appDatabase';

const opening = new Map<string, Promise<AppDatabase>>();

/**
 * Opens the store of a profile once per page: React may mount the gate twice, but two RxDB
 * instances of one database in one page would fight over it.
 */
export function openAppDatabase(profileId: string): Promise<AppDatabase> {
  const name = databaseNameFor(profileId);
  let promise = opening.get(name);
  if (!promise) {
    promise = createAppDatabase({ name, storage: appStorage() });
    opening.set(name, promise);
    promise.catch(() => opening.delete(name));
  }
  return promise;
}
