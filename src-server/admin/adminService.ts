/**
 * Team and user administration, used by the admin CLI (`npm run server:admin`) and by tests to
 * seed data. Access changes go through the change feed, so open streams and later pulls see them.
 */
import { normaliseEmail } from '../../src-shared/sync/accessRules';
import type { LoginResponse, SyncTeam, SyncUser, UserRole } from '../../src-shared/sync/protocol';
import { hashPassword, type PasswordHashOptions } from '../auth/passwords';
import { createSession } from '../auth/sessions';
import type { Db } from '../storage/db';
import { runFeedWrite } from '../storage/changeFeed';
import { loadDocs, upsertDocs } from '../storage/docStore';
import { changeRole, refreshPartnerAccess, replaceMemberships, type AccessChange } from '../storage/partnerAccess';
import {
  addMembership,
  findTeamByName,
  findUserByEmail,
  insertTeam,
  insertUser,
  listTeams,
  listUsers,
  publicUser,
  revokeUserSessions,
  setDisabled,
  setPasswordHash,
} from '../storage/userStore';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../validation/untrustedInput';

export type AdminDeps = {
  db: Db;
  now: () => Date;
  passwordHashing: PasswordHashOptions;
  tokenTtlMs: number;
};

export type NewUser = {
  email: string;
  name: string;
  role: UserRole;
  /** Team names, in order; the first is where the user's new partners are shared. */
  teams?: readonly string[];
  password?: string;
};

export type ReassignPartner = {
  partnerId: string;
  /** New owner (an existing user's email). */
  ownerEmail?: string;
  /** Team the partner is shared with. */
  teamName?: string;
};

export type AdminService = ReturnType<typeof createAdminService>;

/** An error caused by the admin's input (the CLI prints it without a stack trace). */
export class AdminInputError extends Error {}

const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

/** Admin input as given, or an AdminInputError naming it when PostgreSQL could not store it. */
function storable(value: string, what: string): string {
  if (!isStorableText(value)) throw new AdminInputError(`${what} ${UNSTORABLE_TEXT_MESSAGE}`);
  return value;
}

function validEmail(email: string): string {
  const normalised = normaliseEmail(storable(email, 'email'));
  if (!EMAIL_PATTERN.test(normalised) || normalised.length > 200) throw new AdminInputError(`invalid email: ${email}`);
  return normalised;
}

export function createAdminService(deps: AdminDeps) {
  const { db, now } = deps;

  const requireUser = async (email: string) => {
    const user = await findUserByEmail(db, validEmail(email));
    if (!user) throw new AdminInputError(`no user with email ${email}`);
    return user;
  };

  return {
    async addTeam(name: string): Promise<SyncTeam> {
      const trimmed = storable(name, 'team name').trim();
      if (trimmed === '' || trimmed.length > 120) throw new AdminInputError('team name must have 1-120 characters');
      if (await findTeamByName(db, trimmed)) throw new AdminInputError(`team ${trimmed} already exists`);
      return insertTeam(db, trimmed, now());
    },

    async addUser(input: NewUser): Promise<SyncUser> {
      const email = validEmail(input.email);
      const name = storable(input.name, 'name').trim();
      if (name === '' || name.length > 200) throw new AdminInputError('name must have 1-200 characters');
      if (input.role !== 'manager' && input.role !== 'admin') throw new AdminInputError('role must be manager or admin');
      const passwordHash = input.password === undefined ? null : await hashPassword(input.password, deps.passwordHashing).catch((error: Error) => {
        throw new AdminInputError(error.message);
      });
      return runFeedWrite(db, async (w) => {
        if (await findUserByEmail(w, email)) throw new AdminInputError(`user ${email} already exists`);
        const teamIds: string[] = [];
        for (const teamName of input.teams ?? []) {
          const team = await findTeamByName(w, storable(teamName, 'team name').trim());
          if (!team) throw new AdminInputError(`no team named ${teamName}`);
          if (!teamIds.includes(team.id)) teamIds.push(team.id);
        }
        const user = await insertUser(w, { email, name, role: input.role, passwordHash }, now());
        for (const [position, teamId] of teamIds.entries()) await addMembership(w, user.id, teamId, position);
        // A brand-new user has no checkpoint yet: no need to re-send documents to anyone.
        await refreshPartnerAccess(w, 'all', { bump: false });
        return publicUser(w, user);
      });
    },

    async setPassword(email: string, password: string): Promise<void> {
      const user = await requireUser(email);
      const passwordHash = await hashPassword(password, deps.passwordHashing).catch((error: Error) => {
        throw new AdminInputError(error.message);
      });
      await setPasswordHash(db, user.id, passwordHash);
    },

    /** Disables a user and revokes all their sessions (open streams are closed). */
    async disableUser(email: string): Promise<void> {
      const user = await requireUser(email);
      await runFeedWrite(db, async (w) => {
        await setDisabled(w, user.id, true);
        await revokeUserSessions(w, user.id, now());
        w.sessionsChanged();
      });
    },

    async enableUser(email: string): Promise<void> {
      const user = await requireUser(email);
      await setDisabled(db, user.id, false);
    },

    /**
     * Puts a user in exactly these teams (the first is where their new partners are shared). What
     * they may see follows at once: documents of partners and templates they gain reach their
     * laptop, those they lose are removed from it (revocation tombstones).
     */
    async setTeams(email: string, teamNames: readonly string[]): Promise<AccessChange> {
      const user = await requireUser(email);
      return runFeedWrite(db, async (w) => {
        const teamIds: string[] = [];
        for (const teamName of teamNames) {
          const team = await findTeamByName(w, storable(teamName, 'team name').trim());
          if (!team) throw new AdminInputError(`no team named ${teamName}`);
          if (!teamIds.includes(team.id)) teamIds.push(team.id);
        }
        return replaceMemberships(w, user.id, teamIds);
      });
    },

    /**
     * Makes a user an admin (sees and may write everything) or a manager (their own and their
     * teams' partners). What they gain reaches their laptop; what they lose is removed from it;
     * their open change streams reconnect under the new role.
     */
    async setRole(email: string, role: UserRole): Promise<AccessChange> {
      if (role !== 'manager' && role !== 'admin') throw new AdminInputError('role must be manager or admin');
      const user = await requireUser(email);
      return runFeedWrite(db, (w) => changeRole(w, user.id, user.role, role));
    },

    listUsers: () => listUsers(db),
    listTeams: () => listTeams(db),

    /**
     * Moves a partner to another owner and/or shares it with another team. The partner document
     * is rewritten (new `ownerEmail`, `updatedAt`), users who gain access receive every document
     * of the partner again (new seqs) and users who lose it receive revocation tombstones.
     */
    async reassignPartner(input: ReassignPartner): Promise<AccessChange> {
      if (input.ownerEmail === undefined && input.teamName === undefined) throw new AdminInputError('give a new owner and/or a team');
      const owner = input.ownerEmail === undefined ? null : await requireUser(input.ownerEmail);
      const partnerId = storable(input.partnerId, 'partner id');
      const team = input.teamName === undefined ? null : await findTeamByName(db, storable(input.teamName, 'team name').trim());
      if (input.teamName !== undefined && !team) throw new AdminInputError(`no team named ${input.teamName}`);
      return runFeedWrite(db, async (w) => {
        const partner = (await loadDocs(w, 'partners', [partnerId], true)).get(partnerId);
        if (!partner) throw new AdminInputError(`no partner with id ${partnerId}`);
        if (owner && partner.data.ownerEmail !== owner.email) {
          const data = { ...partner.data, ownerEmail: owner.email, updatedAt: now().toISOString() };
          await upsertDocs(w, 'partners', [{ id: partner.id, partnerId: partner.id, ownerId: partner.ownerId, deleted: partner.deleted, data }], now());
        }
        if (team) {
          await w.query(
            `INSERT INTO partner_teams (partner_id, team_id) VALUES ($1, $2) ON CONFLICT (partner_id) DO UPDATE SET team_id = EXCLUDED.team_id`,
            [partner.id, team.id],
          );
        }
        // Users who lose the partner are revoked the state they saw, not the new owner's.
        return refreshPartnerAccess(w, [partner.id], { bump: true, before: { collection: 'partners', docs: new Map([[partner.id, partner]]) } });
      });
    },

    /** A session for a user without their password (tests, bench, support). */
    async issueToken(email: string): Promise<LoginResponse> {
      const user = await requireUser(email);
      const session = await createSession(db, user.id, now(), deps.tokenTtlMs);
      return { ...session, user: await publicUser(db, user) };
    },
  };
}
