/**
 * Who may call an `/api/v1` route — the one access rule of the integration API:
 * - an API token (`Bearer pdk_…`, not revoked) that has the route's scope; or,
 * - for the scopes in `SESSION_SCOPES` (webhook administration), the sync session of an
 *   **admin**: the laptop of a program lead signed in to this server manages webhooks from the
 *   app with the session it already has. A manager's session is refused (403) and says why.
 * Any other session is not an API credential: the data routes answer 401 to it, as before.
 */
import type { ApiScope } from '../../src-shared/api/scopes';
import { authenticateToken } from '../auth/sessions';
import { bearerToken } from '../auth/tokens';
import type { ServerContext } from '../serverContext';
import { apiBearerToken, findApiToken, tokenAuthor } from './apiTokens';
import { ApiFailure, type ApiActor } from './apiTypes';

/** Scopes an admin's sync session holds besides API tokens that carry them. */
export const SESSION_SCOPES: readonly ApiScope[] = ['webhooks:admin'];

export const acceptsAdminSession = (scope: ApiScope | null): boolean => scope !== null && SESSION_SCOPES.includes(scope);

const NO_TOKEN = 'missing, malformed or revoked API token (Authorization: Bearer pdk_…)';
const NO_TOKEN_OR_SESSION = 'missing, malformed, expired or revoked credentials: send an API token (Authorization: Bearer pdk_…) or the sync session of an admin';

/** The caller of `scope`'s route, or an ApiFailure (401: no valid credentials, 403: not allowed). */
export async function authorizeApiCall(ctx: ServerContext, authorization: string | string[] | undefined, scope: ApiScope | null): Promise<ApiActor> {
  const sessions = acceptsAdminSession(scope);
  const raw = apiBearerToken(authorization);
  if (raw !== null) {
    const token = await findApiToken(ctx.db, raw);
    if (!token) throw new ApiFailure(401, 'unauthorized', sessions ? NO_TOKEN_OR_SESSION : NO_TOKEN);
    if (scope && !token.scopes.includes(scope)) throw new ApiFailure(403, 'forbidden', `this token lacks the scope ${scope} (it has ${token.scopes.join(', ')})`);
    void ctx.db.query(`UPDATE api_tokens SET last_used_at = $2 WHERE id = $1`, [token.id, ctx.now().toISOString()]).catch(() => undefined);
    return { token, name: token.name, viewer: { id: token.userId, email: token.userEmail, role: token.role }, author: tokenAuthor(token) };
  }
  if (!sessions) throw new ApiFailure(401, 'unauthorized', NO_TOKEN);
  const viewer = await authenticateToken(ctx.db, bearerToken(authorization), ctx.now());
  if (!viewer) throw new ApiFailure(401, 'unauthorized', NO_TOKEN_OR_SESSION);
  if (viewer.role !== 'admin') throw new ApiFailure(403, 'forbidden', `webhook administration needs an admin account: ${viewer.email} is signed in as a ${viewer.role}`);
  return { token: null, name: `session:${viewer.email}`, viewer: { id: viewer.id, email: viewer.email, role: viewer.role }, author: viewer.email };
}
