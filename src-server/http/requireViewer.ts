import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticateToken } from '../auth/sessions';
import { bearerToken } from '../auth/tokens';
import type { ServerContext } from '../serverContext';
import type { Viewer } from '../storage/userStore';
import { sendApiError } from './apiErrors';

/** The authenticated viewer, or null after answering 401 (missing, malformed, expired, revoked). */
export async function requireViewer(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply): Promise<Viewer | null> {
  const viewer = await authenticateToken(ctx.db, bearerToken(request.headers.authorization), ctx.now());
  if (!viewer) {
    sendApiError(reply, 401, 'unauthorized', 'missing, expired or revoked token');
    return null;
  }
  return viewer;
}
