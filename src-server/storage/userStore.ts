/** Users, teams, memberships and sessions. */
import { randomUUID } from 'node:crypto';
import type { SyncTeam, SyncUser, UserRole } from '../../src-shared/sync/protocol';
import type { Queryable } from './db';

export type UserRecord = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  disabled: boolean;
  passwordHash: string | null;
};

/** The authenticated user of a request. */
export type Viewer = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  tokenHash: string;
  expiresAt: string;
};

type UserRow = { id: string; email: string; name: string; role: UserRole; disabled: boolean; password_hash: string | null };

const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  disabled: row.disabled,
  passwordHash: row.password_hash,
});

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRecord | null> {
  const rows = await q.query<UserRow>(`SELECT id, email, name, role, disabled, password_hash FROM users WHERE email = $1`, [email]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function findUserById(q: Queryable, id: string): Promise<UserRecord | null> {
  const rows = await q.query<UserRow>(`SELECT id, email, name, role, disabled, password_hash FROM users WHERE id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function userTeams(q: Queryable, userId: string): Promise<SyncTeam[]> {
  return q.query<SyncTeam>(
    `SELECT t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = $1 ORDER BY m.position, t.name`,
    [userId],
  );
}

export async function publicUser(q: Queryable, user: Pick<UserRecord, 'id' | 'email' | 'name' | 'role'>): Promise<SyncUser> {
  return { id: user.id, email: user.email, name: user.name, role: user.role, teams: await userTeams(q, user.id) };
}

export async function findTeamByName(q: Queryable, name: string): Promise<SyncTeam | null> {
  const rows = await q.query<SyncTeam>(`SELECT id, name FROM teams WHERE name = $1`, [name]);
  return rows[0] ?? null;
}

export async function insertTeam(q: Queryable, name: string, now: Date): Promise<SyncTeam> {
  const id = randomUUID();
  await q.query(`INSERT INTO teams (id, name, created_at) VALUES ($1, $2, $3)`, [id, name, now.toISOString()]);
  return { id, name };
}

export async function listTeams(q: Queryable): Promise<(SyncTeam & { members: number })[]> {
  return q.query(
    `SELECT t.id, t.name, (SELECT count(*)::int FROM team_members m WHERE m.team_id = t.id) AS members FROM teams t ORDER BY t.name`,
  );
}

export async function insertUser(
  q: Queryable,
  user: { email: string; name: string; role: UserRole; passwordHash: string | null },
  now: Date,
): Promise<UserRecord> {
  const id = randomUUID();
  await q.query(`INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
    id,
    user.email,
    user.name,
    user.role,
    user.passwordHash,
    now.toISOString(),
  ]);
  return { id, email: user.email, name: user.name, role: user.role, disabled: false, passwordHash: user.passwordHash };
}

export async function addMembership(q: Queryable, userId: string, teamId: string, position: number): Promise<void> {
  await q.query(`INSERT INTO team_members (team_id, user_id, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [teamId, userId, position]);
}

export async function setPasswordHash(q: Queryable, userId: string, passwordHash: string): Promise<void> {
  await q.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [userId, passwordHash]);
}

export async function setDisabled(q: Queryable, userId: string, disabled: boolean): Promise<void> {
  await q.query(`UPDATE users SET disabled = $2 WHERE id = $1`, [userId, disabled]);
}

export async function listUsers(q: Queryable): Promise<(SyncUser & { disabled: boolean; hasPassword: boolean })[]> {
  const rows = await q.query<UserRow & { team_names: string[] | null; team_ids: string[] | null }>(
    `SELECT u.id, u.email, u.name, u.role, u.disabled, u.password_hash,
            array_agg(t.name ORDER BY m.position) FILTER (WHERE t.id IS NOT NULL) AS team_names,
            array_agg(t.id ORDER BY m.position) FILTER (WHERE t.id IS NOT NULL) AS team_ids
       FROM users u
       LEFT JOIN team_members m ON m.user_id = u.id
       LEFT JOIN teams t ON t.id = m.team_id
      GROUP BY u.id
      ORDER BY u.email`,
  );
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    hasPassword: row.password_hash !== null,
    teams: (row.team_ids ?? []).map((id, index) => ({ id, name: row.team_names?.[index] ?? '' })),
  }));
}

export async function insertSession(q: Queryable, tokenHash: string, userId: string, now: Date, expiresAt: Date): Promise<void> {
  await q.query(`INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`, [
    tokenHash,
    userId,
    now.toISOString(),
    expiresAt.toISOString(),
  ]);
}

/** The viewer of a live session: not revoked, not expired at `now`, user not disabled. */
export async function findLiveSession(q: Queryable, tokenHash: string, now: Date): Promise<Viewer | null> {
  const rows = await q.query<{ id: string; email: string; name: string; role: UserRole; expires_at: unknown }>(
    `SELECT u.id, u.email, u.name, u.role, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND NOT u.disabled`,
    [tokenHash, now.toISOString()],
  );
  const row = rows[0];
  if (!row) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, tokenHash, expiresAt: iso(row.expires_at) };
}

/** Of the given token hashes, those whose session is still live at `now`, with their user's current role. */
export async function liveSessionHashes(q: Queryable, tokenHashes: readonly string[], now: Date): Promise<Map<string, UserRole>> {
  if (tokenHashes.length === 0) return new Map();
  const rows = await q.query<{ token_hash: string; role: UserRole }>(
    `SELECT s.token_hash, u.role FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ANY($1::text[]) AND s.revoked_at IS NULL AND s.expires_at > $2 AND NOT u.disabled`,
    [tokenHashes, now.toISOString()],
  );
  return new Map(rows.map((row) => [row.token_hash, row.role]));
}

export async function setRole(q: Queryable, userId: string, role: UserRole): Promise<void> {
  await q.query(`UPDATE users SET role = $2 WHERE id = $1`, [userId, role]);
}

export async function revokeSession(q: Queryable, tokenHash: string, now: Date): Promise<void> {
  await q.query(`UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash, now.toISOString()]);
}

export async function revokeUserSessions(q: Queryable, userId: string, now: Date): Promise<void> {
  await q.query(`UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, now.toISOString()]);
}

/** Non-admin users with their team ids (input of the access rules). */
export async function accessUsers(q: Queryable): Promise<{ id: string; email: string; role: UserRole; teamIds: string[] }[]> {
  const rows = await q.query<{ id: string; email: string; role: UserRole; team_ids: string[] | null }>(
    `SELECT u.id, u.email, u.role, array_agg(m.team_id) FILTER (WHERE m.team_id IS NOT NULL) AS team_ids
       FROM users u LEFT JOIN team_members m ON m.user_id = u.id
      WHERE u.role <> 'admin'
      GROUP BY u.id`,
  );
  return rows.map((row) => ({ id: row.id, email: row.email, role: row.role, teamIds: row.team_ids ?? [] }));
}
