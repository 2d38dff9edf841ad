/** The Fastify application: plugins, limits, error mapping and routes. */
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { PUSH_BODY_LIMIT_BYTES } from '../../src-shared/sync/protocol';
import { bearerToken, hashToken } from '../auth/tokens';
import { DEFAULT_API_OPTIONS, registerApi, type ApiOptions } from '../api/registerApi';
import type { ServerContext } from '../serverContext';
import { registerFileRoutes } from '../files/fileRoutes';
import { createWebhookService } from '../webhooks/subscriptions';
import { installErrorHandling } from './apiErrors';
import { registerAuthRoutes, type LoginRateLimit } from './authRoutes';
import { registerHealthRoutes } from './healthRoutes';
import { installJsonBodyParser } from './jsonBodyParser';
import { registerSchemaRoutes } from './schemaRoutes';
import { registerSyncRoutes } from './syncRoutes';

export type RateLimit = { max: number; timeWindowMs: number };

export type AppOptions = {
  logger: boolean;
  trustProxy: boolean;
  /** Login attempts per client IP (default 20 per minute). */
  loginRateLimit: LoginRateLimit;
  /** All other requests per token (or per IP without one); default 1200 per minute. */
  requestRateLimit: RateLimit;
  pushBodyLimitBytes: number;
  corsOrigin: boolean | string[];
  /** The integration API (`/api/v1`): its own per-token rate limit and bulk body limit. */
  api?: ApiOptions;
};

export const DEFAULT_APP_OPTIONS: AppOptions = {
  logger: true,
  trustProxy: false,
  loginRateLimit: { max: 20, timeWindowMs: 60_000 },
  requestRateLimit: { max: 1200, timeWindowMs: 60_000 },
  pushBodyLimitBytes: PUSH_BODY_LIMIT_BYTES,
  corsOrigin: true,
};

export async function buildApp(ctx: ServerContext, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.authorization'] } : false,
    trustProxy: options.trustProxy,
    bodyLimit: 64 * 1024,
    // Only Fastify's own JSON parser reads these; ours (jsonBodyParser.ts) replaces it and refuses
    // __proto__/constructor/prototype keys itself. Kept as a second line should it ever come back.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
  });
  installErrorHandling(app);
  // JSON only: any other content type is a 415.
  app.removeContentTypeParser('text/plain');
  installJsonBodyParser(app);
  await app.register(cors, {
    origin: options.corsOrigin,
    // PUT: a laptop uploads resource files (/api/files/:sha256); DELETE: an admin's laptop removes
    // webhook subscriptions (/api/v1/webhooks/:id).
    methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: true,
    max: options.requestRateLimit.max,
    timeWindow: options.requestRateLimit.timeWindowMs,
    keyGenerator: (request) => {
      const token = bearerToken(request.headers.authorization);
      return token ? `token:${hashToken(token)}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'rate_limited',
      message: `too many requests, retry in ${context.after}`,
    }),
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });
  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx, options.loginRateLimit);
  registerSchemaRoutes(app);
  registerSyncRoutes(app, ctx, options.pushBodyLimitBytes);
  await registerFileRoutes(app, ctx);
  await registerApi(app, ctx, createWebhookService(ctx.db, ctx.now), options.api ?? DEFAULT_API_OPTIONS);
  return app;
}
