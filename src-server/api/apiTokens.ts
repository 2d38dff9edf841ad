/**
 * Integration API tokens: `pdk_` + 256 random bits (base64url), stored only as their SHA-256.
 * Each token acts through its own service user (disabled: it can never log in), so every
 * document access goes through the sync access rules unchanged: a token bound to a team is a
 * manager in that team, a token bound to all teams is an admin.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { isApiScope, type ApiScope } from '../../src-shared/api/scopes';
import type { UserRole } from '../../src-shared/sync/protocol';
import { AdminInputError } from '../admin/adminService';
import { runFeedWrite } from '../storage/changeFeed';
import type { Db, Queryable } from '../storage/db';
import { refreshPartnerAccess } from '../storage/partnerAccess';
import { addMembership, findTeamByName, setDisabled } from '../storage/userStore';
import { isStorableText } from '../validation/untrustedInput';

const API_TOKEN_PATTERN = /^pdk_[A-Za-z0-9_-]{43}$/;
const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export type ApiToken = {
  id: string;
  name: string;
  scopes: ApiScope[];
  /** The team the token is bound to; null: all teams. */
  team: string | null;
  userId: string;
  userEmail: string;
  role: UserRole;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
};

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The API token of an `Authorization: Bearer pdk_…` header, or null. */
export function apiBearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer (\S+)$/i.exec(header.trim());
  return match?.[1] && API_TOKEN_PATTERN.test(match[1]) ? match[1] : null;
}

/** `updatedBy` of every document a token writes. */
export function tokenAuthor(token: Pick<ApiToken, 'name'>): string {
  return `token:${token.name}`;
}

type TokenRow = {
  id: string;
  name: string;
  scopes: string[];
  team_name: string | null;
  user_id: string;
  email: string;
  role: UserRole;
  created_at: Date | string;
  revoked_at: Date | string | null;
  last_used_at: Date | string | null;
};

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function toToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes.filter(isApiScope),
    team: row.team_name,
    userId: row.user_id,
    userEmail: row.email,
    role: row.role,
    createdAt: iso(row.created_at) as string,
    revokedAt: iso(row.revoked_at),
    lastUsedAt: iso(row.last_used_at),
  };
}

const SELECT_TOKENS = `SELECT t.id, t.name, t.scopes, tm.name AS team_name, t.user_id, u.email, u.role, t.created_at, t.revoked_at, t.last_used_at
  FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN teams tm ON tm.id = t.team_id`;

/** The live (not revoked) token, or null. */
export async function findApiToken(q: Queryable, token: string): Promise<ApiToken | null> {
  const rows = await q.query<TokenRow>(`${SELECT_TOKENS} WHERE t.token_hash = $1 AND t.revoked_at IS NULL`, [hashApiToken(token)]);
  return rows[0] ? toToken(rows[0]) : null;
}

export type NewApiToken = { name: string; scopes: readonly string[]; team?: string | null };

export function createApiTokenService(db: Db, now: () => Date) {
  return {
    /** Creates a token; the secret is returned only here. */
    async create(input: NewApiToken): Promise<{ token: string; info: ApiToken }> {
      const name = input.name.trim();
      if (!NAME_PATTERN.test(name)) throw new AdminInputError(`token name must be 1-64 lower-case letters, digits, - or _ (got ${JSON.stringify(input.name)})`);
      const scopes = [...new Set(input.scopes.map((scope) => scope.trim()).filter((scope) => scope !== ''))];
      if (scopes.length === 0) throw new AdminInputError('a token needs at least one scope: read, deals:write, trainings:write, surveys:write, partners:write, webhooks:admin');
      const unknown = scopes.find((scope) => !isApiScope(scope));
      if (unknown !== undefined) throw new AdminInputError(`unknown scope ${JSON.stringify(unknown)}: use read, deals:write, trainings:write, surveys:write, partners:write, webhooks:admin`);
      const teamName = input.team?.trim() || null;
      if (teamName !== null && !isStorableText(teamName)) throw new AdminInputError('team name must not contain a NUL character or an unpaired surrogate');
      const token = `pdk_${randomBytes(32).toString('base64url')}`;
      const id = randomUUID();
      await runFeedWrite(db, async (w) => {
        const existing = await w.query(`SELECT 1 FROM api_tokens WHERE name = $1`, [name]);
        if (existing.length > 0) throw new AdminInputError(`a token named ${name} already exists (revoke it first or pick another name)`);
        const team = teamName === null ? null : await findTeamByName(w, teamName);
        if (teamName !== null && !team) throw new AdminInputError(`no team named ${teamName}`);
        const userId = `token-${id}`;
        const role: UserRole = team ? 'manager' : 'admin';
        await w.query(`INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, NULL, $5)`, [
          userId,
          `token+${name}.${id.slice(0, 8)}@api.partnerdesk.invalid`,
          `API token ${name}`,
          role,
          now().toISOString(),
        ]);
        await setDisabled(w, userId, true);
        if (team) await addMembership(w, userId, team.id, 0);
        await w.query(`INSERT INTO api_tokens (id, name, token_hash, scopes, team_id, user_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
          id,
          name,
          hashApiToken(token),
          scopes,
          team?.id ?? null,
          userId,
          now().toISOString(),
        ]);
        await refreshPartnerAccess(w, 'all', { bump: false });
      });
      const info = (await db.query<TokenRow>(`${SELECT_TOKENS} WHERE t.id = $1`, [id]))[0] as TokenRow;
      return { token, info: toToken(info) };
    },

    async list(): Promise<ApiToken[]> {
      return (await db.query<TokenRow>(`${SELECT_TOKENS} ORDER BY t.created_at, t.name`)).map(toToken);
    },

    /** Revokes a token at once: its next request is a 401. */
    async revoke(name: string): Promise<void> {
      const rows = await db.query(`UPDATE api_tokens SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL RETURNING id`, [name, now().toISOString()]);
      if (rows.length === 0) throw new AdminInputError(`no live token named ${name}`);
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
