import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import type { Profile } from '../../../src-renderer/app/useProfile';
import { createAppDatabase, type AppDatabase, type AppDatabaseOptions } from '../../../src-renderer/db/appDatabase';
import { appStorage } from '../../../src-renderer/db/appStorage';
import type { ValidPartner } from '../../../src-renderer/features/partners/createPartner';
import { COLLECTION_NAMES, type CollectionDocs, type CollectionName } from '../../../src-shared/domain/types';

export const PROFILE: Profile = { id: 'pat', name: 'Pat Manager', email: 'pat@vendor.example', company: 'Vendor Example' };

/** One simulated laptop: its own IndexedDB, wrapped exactly as the app wraps it. */
export function newMachine(): RxStorage<unknown, unknown> {
  return appStorage({ indexedDB: new IDBFactory(), IDBKeyRange });
}

const open = new Set<AppDatabase>();

/**
 * Opens the app's database on a simulated machine. RxDB allows ~13 open collections per JS
 * context and every database has 10, so a test holds at most one at a time and `closeAll` runs
 * after each test.
 */
export async function openDatabase(
  storage: RxStorage<unknown, unknown> = newMachine(),
  options: { name?: string; schemas?: AppDatabaseOptions['schemas'] } = {},
): Promise<AppDatabase> {
  const db = await createAppDatabase({
    name: options.name ?? 'partnerdesk-test',
    storage,
    multiInstance: false,
    ...(options.schemas ? { schemas: options.schemas } : {}),
  });
  open.add(db);
  return db;
}

export async function closeDatabase(db: AppDatabase): Promise<void> {
  open.delete(db);
  await db.close();
}

export async function closeAll(): Promise<void> {
  const dbs = [...open];
  open.clear();
  await Promise.all(dbs.map((db) => db.close()));
}

/** Every stored (non-deleted) document of a collection as plain data, sorted by id. */
/** Every document of a collection as a feature wrote it: without the store's sync bookkeeping (`sync`). */
export async function allDocs<K extends CollectionName>(db: AppDatabase, name: K): Promise<CollectionDocs[K][]> {
  const docs = await db[name].find().exec();
  return docs
    .map((doc) => {
      const { sync: _bookkeeping, ...data } = doc.toJSON() as CollectionDocs[K] & { sync?: unknown };
      return data as CollectionDocs[K];
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Document counts of every collection. */
export async function counts(db: AppDatabase): Promise<Record<CollectionName, number>> {
  const out = {} as Record<CollectionName, number>;
  for (const name of COLLECTION_NAMES) out[name] = await db[name].count().exec();
  return out;
}

export function partnerValue(overrides: Partial<ValidPartner> = {}): ValidPartner {
  return {
    name: 'Acme Cloud',
    type: 'reseller',
    maturity: 'new',
    tier: 'Silver',
    region: 'EMEA',
    website: 'https://acme.example',
    day0: '2026-03-02',
    ownerEmail: '',
    status: 'onboarding',
    ...overrides,
  };
}

/** `YYYY-MM-DD` plus n calendar days, computed in UTC (independent of the code under test). */
export function plusDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export { clockPast } from '../sync/support/clock';
