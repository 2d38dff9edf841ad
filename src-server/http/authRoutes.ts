/** `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/me`. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { normaliseEmail } from '../../src-shared/sync/accessRules';
import type { LoginResponse, MeResponse } from '../../src-shared/sync/protocol';
import { verifyPassword } from '../auth/passwords';
import { createSession, endSession } from '../auth/sessions';
import type { ServerContext } from '../serverContext';
import { findUserByEmail, publicUser } from '../storage/userStore';
import { sendApiError } from './apiErrors';
import { requireViewer } from './requireViewer';
import { storableString } from '../validation/untrustedInput';

export type LoginRateLimit = { max: number; timeWindowMs: number };

const loginBody = z.object({
  email: storableString().min(1).max(320),
  password: storableString().min(1).max(1024),
});

/** `field /email: must not contain a NUL character …`: what is wrong and where. */
function describeLoginProblem(issues: z.ZodError['issues']): string {
  const issue = issues[0];
  const field = issue?.path.length ? `/${issue.path.map(String).join('/')}` : '/';
  return `body must be {"email": string, "password": string}; field ${field}: ${issue?.message ?? 'is invalid'}`;
}

export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext, loginLimit: LoginRateLimit): void {
  app.post(
    '/api/auth/login',
    {
      bodyLimit: 16 * 1024,
      config: { rateLimit: { max: loginLimit.max, timeWindow: loginLimit.timeWindowMs, groupId: 'login' } },
    },
    async (request, reply) => {
      const parsed = loginBody.safeParse(request.body);
      if (!parsed.success) return sendApiError(reply, 400, 'bad_request', describeLoginProblem(parsed.error.issues));
      const user = await findUserByEmail(ctx.db, normaliseEmail(parsed.data.email));
      const valid = await verifyPassword(user?.passwordHash ?? null, parsed.data.password, ctx.passwordHashing);
      if (!user || !valid || user.disabled) return sendApiError(reply, 401, 'unauthorized', 'wrong email or password');
      const session = await createSession(ctx.db, user.id, ctx.now(), ctx.tokenTtlMs);
      request.log.info({ userId: user.id }, 'login');
      const body: LoginResponse = { token: session.token, expiresAt: session.expiresAt, user: await publicUser(ctx.db, user) };
      return reply.send(body);
    },
  );

  app.post('/api/auth/logout', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    const viewer = await requireViewer(ctx, request, reply);
    if (!viewer) return reply;
    await endSession(ctx.db, viewer.tokenHash, ctx.now());
    request.log.info({ userId: viewer.id }, 'logout');
    return reply.code(204).send();
  });

  app.get('/api/me', async (request, reply) => {
    const viewer = await requireViewer(ctx, request, reply);
    if (!viewer) return reply;
    const body: MeResponse = { user: await publicUser(ctx.db, viewer), expiresAt: viewer.expiresAt };
    return reply.send(body);
  });
}
