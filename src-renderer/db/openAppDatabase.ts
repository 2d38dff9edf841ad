import { appStorage } from './appStorage';
import { createAppDatabase, databaseNameFor, type AppDatabase } from './appDatabase';

const opening = new Map<string, Promise<AppDatabase>>();

/**
 * Opens the store of a profile once per page: React may mount the gate twice, but two RxDB
 * instances of one database in one page would fight over it. `currentUser` (who is editing, for
 * `updatedBy`) is taken from the call that opens it.
 */
export function openAppDatabase(profileId: string, currentUser?: () => string): Promise<AppDatabase> {
  const name = databaseNameFor(profileId);
  let promise = opening.get(name);
  if (!promise) {
    promise = createAppDatabase({ name, storage: appStorage(), ...(currentUser ? { currentUser } : {}) });
    opening.set(name, promise);
    promise.catch(() => opening.delete(name));
  }
  return promise;
}

/**
 * Closes a profile's store before another one opens (a page may hold at most 13 RxDB
 * collections and each store has 10), or with `remove` deletes it and all its data from this
 * laptop. The next `openAppDatabase` of that profile opens it afresh.
 */
export async function closeAppDatabase(profileId: string, options: { remove?: boolean } = {}): Promise<void> {
  const name = databaseNameFor(profileId);
  const promise = opening.get(name) ?? (options.remove ? openAppDatabase(profileId) : undefined);
  opening.delete(name);
  const db = await promise?.catch(() => null);
  if (!db) return;
  if (options.remove) await db.remove();
  else await db.close();
}
