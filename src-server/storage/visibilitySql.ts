/**
 * The one SQL translation of the access rules in src-shared/sync/accessRules.ts: fragments that
 * decide whether a `docs` row is visible to (or, for program documents, changeable by) a user.
 * Every read path (protocol 1 pull and stream, protocol 2 feed), the push access check and the
 * template grant/revoke bookkeeping build their predicates here, so the rule exists once in SQL
 * and once in TypeScript; test/integration/server/accessRulesAgree.test.ts checks the two agree.
 *
 * Arguments are SQL expressions (a column such as `v.user_id`, a parameter such as `$3`), never
 * user input. Partner-owned documents are decided by `partner_access`, the materialised result
 * of `canSeePartner` (partnerAccess.ts keeps it); program documents by their creator
 * (`owner_id`): `canEditProgramDocument` / `canSeeProgramDocument`.
 */
import type { CollectionName } from '../../src-shared/domain/types';
import { isProgramCollection, PROGRAM_COLLECTIONS } from '../../src-shared/sync/accessRules';

/** `(…)` list of the program collections, for `d.collection IN …` (fixed names, not input). */
export const PROGRAM_COLLECTIONS_SQL = `(${PROGRAM_COLLECTIONS.map((collection) => `'${collection}'`).join(', ')})`;

/** The users whose ids are the SQL expressions `a` and `b` belong to one team. */
export function sharesTeamSql(a: string, b: string): string {
  return `EXISTS (SELECT 1 FROM team_members mine JOIN team_members theirs ON theirs.team_id = mine.team_id
     WHERE mine.user_id = ${a} AND theirs.user_id = ${b})`;
}

/** The (non-admin) user `user` may change program document row `doc`: its creator or a teammate of the creator. */
export function programDocEditableSql(user: string, doc = 'd'): string {
  return `(${doc}.owner_id = ${user} OR ${sharesTeamSql(user, `${doc}.owner_id`)})`;
}

/** The (non-admin) user `user` may see program document row `doc`: as above, or its creator is an admin. */
export function programDocVisibleSql(user: string, doc = 'd'): string {
  return `(${programDocEditableSql(user, doc)}
    OR EXISTS (SELECT 1 FROM users creator WHERE creator.id = ${doc}.owner_id AND creator.role = 'admin'))`;
}

/**
 * The (non-admin) user `user` may see partner-owned row `doc`: its partner is in their
 * `partner_access`. `orphans` (protocol 1 only) adds a child of a partner the server does not
 * have, visible to its creator.
 */
export function partnerDocVisibleSql(user: string, options: { doc?: string; orphans?: boolean } = {}): string {
  const doc = options.doc ?? 'd';
  const access = `EXISTS (SELECT 1 FROM partner_access pa WHERE pa.partner_id = ${doc}.partner_id AND pa.user_id = ${user})`;
  if (!options.orphans) return `(${access})`;
  return `(${access}
    OR (${doc}.owner_id = ${user} AND NOT EXISTS (SELECT 1 FROM docs p WHERE p.collection = 'partners' AND p.id = ${doc}.partner_id)))`;
}

export type VisibleDocOptions = {
  /** The SQL expression of the reader's id. */
  user: string;
  /** A boolean SQL expression, true when the reader is an admin (who sees every row); omitted: the reader is not one. */
  isAdmin?: string;
  /** The row's table alias; default `d`. */
  doc?: string;
  /** The collection, when the query reads one; omitted: decided per row by `collection`. */
  collection?: CollectionName;
  /** Protocol 1's orphan rule (see `partnerDocVisibleSql`). */
  orphans?: boolean;
};

/** Row `doc` of `docs` is visible to the reader: the whole rule, for any collection. */
export function visibleDocSql(options: VisibleDocOptions): string {
  const doc = options.doc ?? 'd';
  const program = programDocVisibleSql(options.user, doc);
  const partner = partnerDocVisibleSql(options.user, { doc, orphans: options.orphans ?? false });
  const rule =
    options.collection === undefined
      ? `(CASE WHEN ${doc}.collection IN ${PROGRAM_COLLECTIONS_SQL} THEN ${program} ELSE ${partner} END)`
      : isProgramCollection(options.collection)
        ? program
        : partner;
  return options.isAdmin === undefined ? rule : `(${options.isAdmin} OR ${rule})`;
}
