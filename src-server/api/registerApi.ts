/**
 * Mounts `/api/v1` on the app: API-token authentication and scopes (and an admin's session for
 * webhook administration: apiAccess.ts), a rate limit per token, `Idempotency-Key` replays, NDJSON bodies for the bulk routes, the OpenAPI description
 * and the list of registered routes (for the test that keeps both in step).
 */
import scalarApiReference from '@scalar/fastify-api-reference';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_V1 } from '../../src-shared/api/scopes';
import type { ServerContext } from '../serverContext';
import type { WebhookService } from '../webhooks/subscriptions';
import { bearerToken, hashToken } from '../auth/tokens';
import { authorizeApiCall } from './apiAccess';
import { apiBearerToken, hashApiToken } from './apiTokens';
import { API_ROUTES, IDEMPOTENCY_HASH } from './apiRoutes';
import { ApiFailure, type ApiActor } from './apiTypes';
import { buildOpenApi } from './openapi';

export type ApiOptions = {
  /** Requests per token (or per IP without one) in the window; default 600 per minute. */
  rateLimit: { max: number; timeWindowMs: number };
  /** Body limit of the NDJSON bulk routes (default 32 MiB: 10,000 records). */
  bulkBodyLimitBytes: number;
};

export const DEFAULT_API_OPTIONS: ApiOptions = { rateLimit: { max: 600, timeWindowMs: 60_000 }, bulkBodyLimitBytes: 32 * 1024 * 1024 };

export type RegisteredRoute = { method: string; url: string };

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function send(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

function fail(reply: FastifyReply, error: ApiFailure): FastifyReply {
  return send(reply, error.status, { error: error.code, message: error.message, ...error.extra });
}

const registeredRoutes = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** The `/api/v1` routes Fastify registered on `app` (method and path), as its router has them. */
export function registeredApiRoutes(app: FastifyInstance): RegisteredRoute[] {
  return [...(registeredRoutes.get(app) ?? [])];
}

export async function registerApi(app: FastifyInstance, ctx: ServerContext, webhooks: WebhookService, options: ApiOptions): Promise<void> {
  const registered: RegisteredRoute[] = [];
  registeredRoutes.set(app, registered);
  await app.register(async (api) => {
    api.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) if (method !== 'HEAD' && route.url.startsWith(API_V1)) registered.push({ method, url: route.url });
    });
    api.addContentTypeParser('application/x-ndjson', { parseAs: 'string', bodyLimit: options.bulkBodyLimitBytes }, (_request, body, done) => done(null, body));

    const actors = new WeakMap<FastifyRequest, ApiActor>();
    for (const route of API_ROUTES) {
      api.route({
        method: route.method,
        url: route.url,
        ...(route.bodyContentType === 'application/x-ndjson' ? { bodyLimit: options.bulkBodyLimitBytes } : {}),
        schema: {
          ...(route.params ? { params: route.params } : {}),
          ...(route.querystring ? { querystring: route.querystring } : {}),
          ...(route.body && route.bodyContentType !== 'application/x-ndjson' ? { body: route.body } : {}),
        },
        config: {
          rateLimit: {
            max: options.rateLimit.max,
            timeWindow: options.rateLimit.timeWindowMs,
            keyGenerator: (request: FastifyRequest) => {
              const token = apiBearerToken(request.headers.authorization);
              if (token) return `api:${hashApiToken(token)}`;
              const session = bearerToken(request.headers.authorization);
              return session ? `api-session:${hashToken(session)}` : `api-ip:${request.ip}`;
            },
          },
        },
        // Authentication and scope before the body is validated: a caller without a token learns nothing about the schema.
        preValidation: async (request, reply) => {
          try {
            actors.set(request, await authorizeApiCall(ctx, request.headers.authorization, route.scope));
          } catch (error) {
            if (error instanceof ApiFailure) return fail(reply, error);
            throw error;
          }
        },
        handler: async (request, reply) => {
          try {
            const actor = actors.get(request);
            if (!actor) throw new ApiFailure(401, 'unauthorized', 'missing, malformed or revoked API token (Authorization: Bearer pdk_…)');
            const tokenId = actor.token?.id ?? null;
            if (route.bodyContentType === 'application/x-ndjson' && typeof request.body !== 'string') {
              throw new ApiFailure(415, 'unsupported_media_type', 'send NDJSON (one JSON object per line) with content-type application/x-ndjson');
            }
            const header = request.headers['idempotency-key'];
            // Replays are kept per API token; a session (webhook administration) has no idempotent route.
            const key = route.idempotent && tokenId !== null && typeof header === 'string' ? header : null;
            if (key !== null && !IDEMPOTENCY_KEY.test(key)) throw new ApiFailure(400, 'bad_request', 'Idempotency-Key must be 1-200 printable ASCII characters');
            const requestHash = key === null ? '' : IDEMPOTENCY_HASH(route.method, request.url, request.body);
            if (key !== null) {
              const previous = await ctx.db.query<{ request_hash: string; status: number; body: unknown }>(
                `SELECT request_hash, status, body FROM api_idempotency WHERE token_id = $1 AND key = $2`,
                [tokenId, key],
              );
              if (previous[0]) {
                if (previous[0].request_hash !== requestHash) throw new ApiFailure(422, 'idempotency_key_reused', `Idempotency-Key ${JSON.stringify(key)} was used before with a different request`);
                reply.header('idempotent-replayed', 'true');
                return send(reply, previous[0].status, previous[0].body);
              }
            }
            const answer = await route.handler(
              { ctx, webhooks },
              {
                actor,
                params: (request.params ?? {}) as Record<string, string>,
                query: (request.query ?? {}) as Record<string, string | undefined>,
                body: request.body,
                idempotencyKey: key,
              },
            );
            if (key !== null) {
              await ctx.db.query(
                `INSERT INTO api_idempotency (token_id, key, request_hash, status, body, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6) ON CONFLICT DO NOTHING`,
                [tokenId, key, requestHash, answer.status, JSON.stringify(answer.body), ctx.now().toISOString()],
              );
            }
            if (route.method !== 'GET') request.log.info({ actor: actor.name, route: route.operationId, status: answer.status }, 'api write');
            return send(reply, answer.status, answer.body);
          } catch (error) {
            if (error instanceof ApiFailure) return fail(reply, error);
            throw error;
          }
        },
      });
    }

    api.get(`${API_V1}/openapi.json`, async (request, reply) => {
      const host = request.headers.host;
      return send(reply, 200, buildOpenApi(host ? `${request.protocol}://${host}` : undefined));
    });
  });
  // The readable reference (Scalar, its script served from the npm package: no CDN, no web fonts).
  // Registered beside the API, not in it: it is a page about the API, not one of its routes.
  await app.register(scalarApiReference, {
    routePrefix: `${API_V1}/docs`,
    configuration: {
      url: `${API_V1}/openapi.json`,
      pageTitle: 'Partner Desk integration API',
      withDefaultFonts: false,
      telemetry: false,
      hideClientButton: true,
      showDeveloperTools: 'never',
      agent: { disabled: true },
    },
  });
}
