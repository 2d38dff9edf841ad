import { COLLECTION_NAMES, type CollectionDocs, type CollectionName, type Partner } from '../../src-shared/domain/types';
import type { Profile } from '../app/useProfile';
import type { AppDatabase } from '../db/appDatabase';
import { insertAll } from '../db/insertAll';

/** Every live document of a database, as plain JSON, by collection. */
export type PortfolioSnapshot = { [K in CollectionName]: CollectionDocs[K][] };

export async function takeSnapshot(db: AppDatabase): Promise<PortfolioSnapshot> {
  const entries = await Promise.all(
    COLLECTION_NAMES.map(async (name) => {
      const docs = await db[name].find().exec();
      return [name, docs.map((doc) => doc.toJSON() as unknown)] as const;
    }),
  );
  return Object.fromEntries(entries) as PortfolioSnapshot;
}

export function snapshotSize(snapshot: PortfolioSnapshot): number {
  return COLLECTION_NAMES.reduce((sum, name) => sum + snapshot[name].length, 0);
}

/** A local partner as the account's: owned by it (the server would set that anyway), and the local you on its team becomes the account. */
function adoptPartner(partner: Partner, from: Profile, to: Profile): Partner {
  const local = from.email.toLowerCase();
  return {
    ...partner,
    ownerEmail: to.email,
    team: partner.team.map((member) => (member.email.toLowerCase() === local ? { ...member, name: to.name, email: to.email } : member)),
  };
}

/**
 * Copies a snapshot (the local profile's portfolio) into an account's database, all or nothing:
 * if a collection refuses its documents, what was already added to the others is removed again.
 */
export async function copySnapshot(db: AppDatabase, snapshot: PortfolioSnapshot, from: Profile, to: Profile): Promise<void> {
  const done: CollectionName[] = [];
  try {
    for (const name of COLLECTION_NAMES) {
      const docs = name === 'partners' ? snapshot.partners.map((partner) => adoptPartner(partner, from, to)) : snapshot[name];
      await insertAll(db[name] as AppDatabase['partners'], docs as CollectionDocs['partners'][]);
      done.push(name);
    }
  } catch (error) {
    for (const name of done) await (db[name] as AppDatabase['partners']).bulkRemove(snapshot[name].map((doc) => doc.id)).catch(() => undefined);
    throw error;
  }
}
