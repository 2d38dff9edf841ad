/**
 * Maintains `partner_access`, the materialised result of the access rules
 * (src-shared/sync/accessRules.ts) for non-admin users, and turns access changes into feed
 * changes:
 * - a user who gains a partner: every document of the partner gets a new seq (so it reaches that
 *   user's next pull/stream even though their checkpoint is past it) and the user's old
 *   revocation tombstones for it are dropped;
 * - a user who loses a partner: a revocation tombstone per document of the partner (the state
 *   they last could see) enters their feed with a new seq, so their laptop deletes the copies.
 *   A document the same transaction rewrote before the refresh (a reassigned partner's new owner,
 *   a pushed partner's new `team[]`) is revoked in the state it had before (`options.before`):
 *   the tombstone must carry nothing the user was not allowed to see.
 */
import { canSeePartner, partnerTeamEmails } from '../../src-shared/sync/accessRules';
import type { CollectionName } from '../../src-shared/domain/types';
import type { FeedWriter } from './changeFeed';
import { bumpDocs, bumpPartnerDocs } from './docStore';
import { accessUsers, setRole } from './userStore';
import type { UserRole } from '../../src-shared/sync/protocol';

export type AccessChange = { added: number; removed: number; bumped: number; revoked: number };

/** Documents of one collection as they were before this transaction wrote them (by id). */
export type StatesBefore = { collection: CollectionName; docs: ReadonlyMap<string, { data: Record<string, unknown> }> };

export type RefreshOptions = {
  bump: boolean;
  /** What revoked users last saw of documents rewritten earlier in this transaction. */
  before?: StatesBefore;
};

const pairKey = (partnerId: string, userId: string) => `${partnerId}\u0000${userId}`;

export async function refreshPartnerAccess(w: FeedWriter, scope: readonly string[] | 'all', options: RefreshOptions): Promise<AccessChange> {
  if (scope !== 'all' && scope.length === 0) return { added: 0, removed: 0, bumped: 0, revoked: 0 };
  const filter = scope === 'all' ? '' : `AND d.id = ANY($1::text[])`;
  const params = scope === 'all' ? [] : [scope];
  const partners = await w.query<{ id: string; owner_email: string | null; team: unknown; team_id: string | null }>(
    `SELECT d.id, d.data->>'ownerEmail' AS owner_email, d.data->'team' AS team, pt.team_id
       FROM docs d LEFT JOIN partner_teams pt ON pt.partner_id = d.id
      WHERE d.collection = 'partners' ${filter}`,
    params,
  );
  const users = await accessUsers(w);
  const desired = new Set<string>();
  for (const partner of partners) {
    const facts = { ownerEmail: partner.owner_email ?? '', teamEmails: partnerTeamEmails(partner.team), sharedTeamId: partner.team_id };
    for (const user of users) if (canSeePartner(user, facts)) desired.add(pairKey(partner.id, user.id));
  }
  const existingRows = await w.query<{ partner_id: string; user_id: string }>(
    `SELECT partner_id, user_id FROM partner_access ${scope === 'all' ? '' : 'WHERE partner_id = ANY($1::text[])'}`,
    params,
  );
  const existing = new Set(existingRows.map((row) => pairKey(row.partner_id, row.user_id)));
  const split = (key: string) => key.split('\u0000') as [string, string];
  const added = [...desired].filter((key) => !existing.has(key)).map(split);
  const removed = [...existing].filter((key) => !desired.has(key)).map(split);

  let revoked = 0;
  const removedByUser = new Map<string, string[]>();
  for (const [partnerId, userId] of removed) removedByUser.set(userId, [...(removedByUser.get(userId) ?? []), partnerId]);
  const before = options.before ? [...options.before.docs] : [];
  const beforeParams = [before.map(() => options.before?.collection), before.map(([id]) => id), before.map(([, doc]) => JSON.stringify(doc.data))];
  for (const [userId, partnerIds] of removedByUser) {
    await w.query(`DELETE FROM partner_access WHERE user_id = $1 AND partner_id = ANY($2::text[])`, [userId, partnerIds]);
    const rows = await w.query<{ collection: CollectionName }>(
      `INSERT INTO revocations (user_id, collection, doc_id, partner_id, seq, snapshot)
       SELECT $1, d.collection, d.id, d.partner_id, $3 + row_number() OVER (ORDER BY d.seq), COALESCE(b.data::jsonb, d.data)
         FROM docs d
         LEFT JOIN unnest($4::text[], $5::text[], $6::text[]) AS b(collection, id, data) ON b.collection = d.collection AND b.id = d.id
        WHERE d.partner_id = ANY($2::text[])
       ON CONFLICT (user_id, collection, doc_id) DO UPDATE
         SET partner_id = EXCLUDED.partner_id, seq = EXCLUDED.seq, snapshot = EXCLUDED.snapshot
       RETURNING collection`,
      [userId, partnerIds, w.currentSeq(), ...beforeParams],
    );
    w.advance(rows.length);
    for (const row of rows) w.touch(row.collection);
    revoked += rows.length;
  }

  let bumped = 0;
  if (added.length > 0) {
    const partnerIds = added.map(([partnerId]) => partnerId);
    const userIds = added.map(([, userId]) => userId);
    await w.query(
      `INSERT INTO partner_access (partner_id, user_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [partnerIds, userIds],
    );
    await w.query(
      `DELETE FROM revocations r USING unnest($1::text[], $2::text[]) AS a(partner_id, user_id)
        WHERE r.partner_id = a.partner_id AND r.user_id = a.user_id`,
      [partnerIds, userIds],
    );
    if (options.bump) bumped = await bumpPartnerDocs(w, [...new Set(partnerIds)]);
  }
  return { added: added.length, removed: removed.length, bumped, revoked };
}

const templateKey = (templateId: string, userId: string) => `${templateId}\u0000${userId}`;

/** Which of `userIds` (managers; admins see every template anyway) may see which templates. */
async function templateVisibility(w: FeedWriter, userIds: readonly string[]): Promise<Set<string>> {
  const rows = await w.query<{ id: string; user_id: string }>(
    `SELECT d.id, u.user_id FROM unnest($1::text[]) AS u(user_id)
       JOIN users usr ON usr.id = u.user_id AND usr.role <> 'admin'
       JOIN docs d ON d.collection IN ('templates', 'resources') AND (d.owner_id = u.user_id OR EXISTS (
         SELECT 1 FROM team_members mine JOIN team_members theirs ON theirs.team_id = mine.team_id
          WHERE mine.user_id = u.user_id AND theirs.user_id = d.owner_id))`,
    [userIds],
  );
  return new Set(rows.map((row) => templateKey(row.id, row.user_id)));
}

/**
 * Revocation tombstones for templates the given users may no longer see, one new seq each, in
 * one statement. Templates belong to no partner (`partner_id` ''), so regaining one deletes its
 * tombstone in `grantTemplates`, not in the partner path above.
 */
async function revokeTemplates(w: FeedWriter, pairs: readonly (readonly [templateId: string, userId: string])[]): Promise<number> {
  if (pairs.length === 0) return 0;
  const rows = await w.query<{ collection: CollectionName }>(
    `INSERT INTO revocations (user_id, collection, doc_id, partner_id, seq, snapshot)
     SELECT l.user_id, d.collection, d.id, '', $3 + row_number() OVER (ORDER BY l.user_id, d.seq), d.data
       FROM unnest($1::text[], $2::text[]) AS l(doc_id, user_id)
       JOIN docs d ON d.collection IN ('templates', 'resources') AND d.id = l.doc_id
     ON CONFLICT (user_id, collection, doc_id) DO UPDATE SET seq = EXCLUDED.seq, snapshot = EXCLUDED.snapshot
     RETURNING collection`,
    [pairs.map(([templateId]) => templateId), pairs.map(([, userId]) => userId), w.currentSeq()],
  );
  w.advance(rows.length);
  for (const row of rows) w.touch(row.collection);
  return rows.length;
}

/** Templates the given users may now see: old tombstones go, and the templates get new seqs. */
async function grantTemplates(w: FeedWriter, pairs: readonly (readonly [templateId: string, userId: string])[]): Promise<number> {
  if (pairs.length === 0) return 0;
  await w.query(
    `DELETE FROM revocations r USING unnest($1::text[], $2::text[]) AS g(doc_id, user_id)
      WHERE r.collection IN ('templates', 'resources') AND r.doc_id = g.doc_id AND r.user_id = g.user_id`,
    [pairs.map(([templateId]) => templateId), pairs.map(([, userId]) => userId)],
  );
  const ids = [...new Set(pairs.map(([templateId]) => templateId))];
  return (await bumpDocs(w, 'templates', ids)) + (await bumpDocs(w, 'resources', ids));
}

/**
 * Replaces a user's team memberships (in the given order: the first team is the one their new
 * partners are shared with) and turns every resulting access change into feed changes, as for a
 * reassigned partner: partners (and everything under them) of the teams the user joins reach them,
 * those of the teams they leave are revoked from their laptop; templates follow team membership
 * the same way, for the user and for the members of both the old and the new teams.
 */
export async function replaceMemberships(w: FeedWriter, userId: string, teamIds: readonly string[]): Promise<AccessChange> {
  const before = await w.query<{ team_id: string }>(`SELECT team_id FROM team_members WHERE user_id = $1`, [userId]);
  const teamsTouched = [...new Set([...before.map((row) => row.team_id), ...teamIds])];
  const members = await w.query<{ user_id: string }>(`SELECT DISTINCT user_id FROM team_members WHERE team_id = ANY($1::text[])`, [teamsTouched]);
  const affected = [...new Set([userId, ...members.map((row) => row.user_id)])];
  const templatesBefore = await templateVisibility(w, affected);

  await w.query(`DELETE FROM team_members WHERE user_id = $1`, [userId]);
  for (const [position, teamId] of teamIds.entries()) {
    await w.query(`INSERT INTO team_members (team_id, user_id, position) VALUES ($1, $2, $3)`, [teamId, userId, position]);
  }

  const change = await refreshPartnerAccess(w, 'all', { bump: true });
  const templatesAfter = await templateVisibility(w, affected);
  const split = (key: string) => key.split('\u0000') as [string, string];
  const gained = [...templatesAfter].filter((key) => !templatesBefore.has(key)).map(split);
  const lost = [...templatesBefore].filter((key) => !templatesAfter.has(key)).map(split);
  change.revoked += await revokeTemplates(w, lost);
  change.bumped += await grantTemplates(w, gained);
  return change;
}

/**
 * Makes a user an admin or a manager and turns what that changes into feed changes:
 * - manager → admin: admins see everything without `partner_access` rows, so the user's rows
 *   go, and every document they could not see before (other partners, documents of partners the
 *   server does not have yet, other teams' templates) gets a new seq so it reaches their laptop;
 * - admin → manager: the user is treated as having seen every partner and template, and the
 *   ones the manager rules do not grant them are revoked (revocation tombstones), exactly as when
 *   a partner is reassigned away from someone.
 * Open streams of the user are closed by the hub when it sees the new role (`sessionsChanged`).
 */
export async function changeRole(w: FeedWriter, userId: string, from: UserRole, to: UserRole): Promise<AccessChange> {
  const change: AccessChange = { added: 0, removed: 0, bumped: 0, revoked: 0 };
  if (from === to) return change;
  if (to === 'admin') {
    const bumped = await w.query<{ collection: CollectionName }>(
      `UPDATE docs d SET seq = $2 + s.rn
         FROM (SELECT collection, id, row_number() OVER (ORDER BY seq) AS rn FROM docs x
                WHERE x.collection IN ('templates', 'resources')
                   OR x.partner_id IS NULL
                   OR NOT EXISTS (SELECT 1 FROM partner_access pa WHERE pa.partner_id = x.partner_id AND pa.user_id = $1)) s
        WHERE d.collection = s.collection AND d.id = s.id
        RETURNING d.collection`,
      [userId, w.currentSeq()],
    );
    w.advance(bumped.length);
    for (const row of bumped) w.touch(row.collection);
    const removed = await w.query<{ partner_id: string }>(`DELETE FROM partner_access WHERE user_id = $1 RETURNING partner_id`, [userId]);
    await setRole(w, userId, to);
    w.sessionsChanged();
    return { ...change, removed: removed.length, bumped: bumped.length };
  }
  // admin → manager: as if the user had every partner, then let the rules take away the rest.
  await w.query(
    `INSERT INTO partner_access (partner_id, user_id)
     SELECT id, $1 FROM docs WHERE collection = 'partners' ON CONFLICT DO NOTHING`,
    [userId],
  );
  const everyTemplate = await w.query<{ id: string }>(`SELECT id FROM docs WHERE collection IN ('templates', 'resources')`);
  await setRole(w, userId, to);
  const partners = await refreshPartnerAccess(w, 'all', { bump: true });
  const visible = await templateVisibility(w, [userId]);
  const revoked = await revokeTemplates(
    w,
    everyTemplate.filter(({ id }) => !visible.has(templateKey(id, userId))).map(({ id }) => [id, userId] as const),
  );
  w.sessionsChanged();
  return { ...partners, revoked: partners.revoked + revoked };
}
