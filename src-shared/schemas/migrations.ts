import { TEAM_ROLES, type CollectionName, type TeamRole } from '../domain/types';

/** A pure function from a document of version N-1 to version N (or null to drop it). */
export type MigrationStrategy = (oldDoc: Record<string, unknown>) => Record<string, unknown> | null;

/**
 * The schema gained an optional field and nothing else: documents keep their shape. Used by the
 * version bump that added `updatedBy` (who made the last edit) to every collection; old
 * documents simply have no author until their next edit.
 */
const addedOptionalUpdatedBy: MigrationStrategy = (oldDoc) => oldDoc;

/**
 * Sync engine 2 keeps its bookkeeping on each document (`sync`, see src-shared/sync/syncMeta.ts).
 * Whether a migrated document holds a change the server never acknowledged is recorded by the
 * previous engine, which a pure function cannot read: the document is marked `legacy`, and the
 * sync engine settles it from those records before it syncs (src-renderer/db/legacySyncState.ts).
 * Until then a legacy document counts as a pending change, so nothing can overwrite it.
 */
/**
 * Tasks v3 gained optional scheduling fields (`dependsOn`, `pinned`, `shiftDays`, `startedOn`,
 * `templateVersion`, `resourceIds`); an old task has no dependency and sits on its planned date.
 */
const addedTaskScheduling: MigrationStrategy = (oldDoc) => oldDoc;

/**
 * Deals v3 gained optional registration fields (`decision`, `protectedUntil`, `extensions`): an
 * old deal has no decision yet and no protection window until it is approved with a reason.
 */
const addedDealRegistration: MigrationStrategy = (oldDoc) => oldDoc;

/** Partners v4 gained the optional `tierHistory` (tier decisions); an old partner has none yet. */
const addedTierHistory: MigrationStrategy = (oldDoc) => oldDoc;

/** Templates v3 gained the kind `tiers` (the tier definition); existing templates keep their kind. */
const addedTiersKind: MigrationStrategy = (oldDoc) => oldDoc;

const addedSyncMeta: MigrationStrategy = (oldDoc) => ({ ...oldDoc, sync: { legacy: true } });

/**
 * Migration strategies per collection, keyed by the version they migrate *to*. Every schema
 * version bump adds an entry here; the store passes them to RxDB unchanged.
 *
 * History:
 * - partners v1: `contractSignedOn` → `day0`, typed contacts/team, required arrays;
 * - every collection (partners v2, the others v1): optional `updatedBy` (identity);
 * - conflicts v1: also `collection` → `collectionName`;
 * - every collection (partners v3, the others v2): the sync bookkeeping `sync` (sync engine 2),
 *   and no more `updatedAt` index (no query used it);
 * - tasks v3: optional scheduling fields (dependencies, pinned date, shift, template version);
 * - deals v3: optional registration decision, protection expiry and extension requests;
 * - partners v4: optional `tierHistory`; templates v3: the kind `tiers`.
 */
export const MIGRATION_STRATEGIES: Record<CollectionName, Record<number, MigrationStrategy>> = {
  partners: {
    /**
     * v1 renamed `contractSignedOn` to `day0`, made contacts, team and tags required and typed the
     * people in them (each with an id). Ids given to v0 people are derived from the partner id and
     * position, so two laptops migrating the same partner produce the same ids.
     */
    1: (oldDoc) => {
      const { contractSignedOn, ...rest } = oldDoc;
      const id = String(rest.id);
      const people = (value: unknown) => (Array.isArray(value) ? value.filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null) : []);
      const text = (value: unknown) => (typeof value === 'string' ? value : '');
      return {
        ...rest,
        day0: contractSignedOn,
        tier: text(rest.tier),
        region: text(rest.region),
        website: text(rest.website),
        templateId: text(rest.templateId),
        contacts: people(rest.contacts).map((c, i) => ({
          id: text(c.id) || `${id}-contact-${i}`,
          name: text(c.name) || 'Unnamed contact',
          role: text(c.role),
          email: text(c.email),
          phone: text(c.phone),
        })),
        team: people(rest.team).map((m, i) => ({
          id: text(m.id) || `${id}-team-${i}`,
          name: text(m.name) || 'Unnamed team member',
          email: text(m.email),
          role: TEAM_ROLES.includes(m.role as TeamRole) ? m.role : 'field',
        })),
        tags: Array.isArray(rest.tags) ? rest.tags.filter((t): t is string => typeof t === 'string') : [],
      };
    },
    2: addedOptionalUpdatedBy,
    3: addedSyncMeta,
    4: addedTierHistory,
  },
  tasks: { 1: addedOptionalUpdatedBy, 2: addedSyncMeta, 3: addedTaskScheduling },
  meetings: { 1: addedOptionalUpdatedBy, 2: addedSyncMeta },
  plans: { 1: addedOptionalUpdatedBy, 2: addedSyncMeta },
  planitems: { 1: addedOptionalUpdatedBy, 2: addedSyncMeta },
  deals: { 1: addedOptionalUpdatedBy, 2: addedSyncMeta, 3: addedDealRegistration },
  trainings: { 1: addedOptionalUpdatedBy, 2: addedSyncMeta },
  surveys: { 1: addedOptionalUpdatedBy, 2: addedSyncMeta },
  templates: { 1: addedOptionalUpdatedBy, 2: addedSyncMeta, 3: addedTiersKind },
  resources: {},
  conflicts: {
    /**
     * v1 renamed `collection` to `collectionName` (RxDB reserves `collection`: a record with
     * that field could not be read back) and added the optional `updatedBy`.
     */
    1: (oldDoc) => {
      const { collection, ...rest } = oldDoc;
      return { ...rest, collectionName: typeof collection === 'string' ? collection : String(rest.collectionName ?? '') };
    },
    2: addedSyncMeta,
  },
  // mdf v0: new collection, nothing to migrate yet.
  mdf: {},
};
