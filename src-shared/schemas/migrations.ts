import type { CollectionName } from '../domain/types';

/** A pure function from a document of version N-1 to version N (or null to drop it). */
export type MigrationStrategy = (oldDoc: Record<string, unknown>) => Record<string, unknown> | null;

/**
 * Migration strategies per collection, keyed by the version they migrate *to*. Every schema
 * version bump adds an entry here; the store passes them to RxDB unchanged.
 */
export const MIGRATION_STRATEGIES: Partial<Record<CollectionName, Record<number, MigrationStrategy>>> = {
  partners: {
    /** v1 renamed `contractSignedOn` to `day0` and made contacts, team and tags required. */
    1: (oldDoc) => {
      const { contractSignedOn, ...rest } = oldDoc;
      return {
        ...rest,
        day0: contractSignedOn,
        contacts: Array.isArray(rest.contacts) ? rest.contacts : [],
        team: Array.isArray(rest.team) ? rest.team : [],
        tags: Array.isArray(rest.tags) ? rest.tags : [],
      };
    },
  },
};
