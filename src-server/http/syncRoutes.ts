/** `GET /api/sync/:collection/pull`, `POST /api/sync/:collection/push`, `GET /api/sync/stream`. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { parseCheckpoint } from '../../src-shared/sync/checkpoint';
import { isCollectionName, PULL_LIMIT_DEFAULT, PULL_LIMIT_MAX, type PushResponse } from '../../src-shared/sync/protocol';
import type { ServerContext } from '../serverContext';
import { pullChanges } from '../sync/pullService';
import { applyPush } from '../sync/pushService';
import { validatePushBody } from '../sync/validatePushBody';
import { sendApiError } from './apiErrors';
import { registerFeedRoutes } from './feedRoutes';
import { requireViewer } from './requireViewer';

const pullQuery = z.object({
  checkpoint: z.string().max(100).optional(),
  limit: z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .optional(),
});

const collectionParams = z.object({ collection: z.string().max(64) });

/** `?protocol=2` selects protocol 2's stream; absent (or 1) is protocol 1's. */
const streamQuery = z.object({ protocol: z.enum(['1', '2']).optional() });

function unknownCollection(reply: FastifyReply, name: string): FastifyReply {
  return sendApiError(reply, 404, 'unknown_collection', `unknown collection ${JSON.stringify(name.slice(0, 64))}`);
}

export function registerSyncRoutes(app: FastifyInstance, ctx: ServerContext, pushBodyLimit: number): void {
  // Protocol 2 lives beside protocol 1 (registered here so buildApp needs no change).
  registerFeedRoutes(app, ctx, pushBodyLimit);
  app.get('/api/sync/stream', async (request, reply) => {
    const viewer = await requireViewer(ctx, request, reply);
    if (!viewer) return reply;
    const query = streamQuery.safeParse(request.query);
    if (!query.success) return sendApiError(reply, 400, 'bad_request', 'query must be empty or ?protocol=2 (once)');
    const hub = query.data.protocol === '2' ? ctx.feedHub : ctx.hub;
    reply.hijack();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = String(value);
    reply.raw.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    request.log.info({ userId: viewer.id, protocol: query.data.protocol ?? '1' }, 'stream opened');
    try {
      await hub.open(viewer, reply.raw);
    } catch (error) {
      request.log.error({ err: error }, 'stream failed to open');
      reply.raw.end();
    }
  });

  app.get('/api/sync/:collection/pull', async (request, reply) => {
    const viewer = await requireViewer(ctx, request, reply);
    if (!viewer) return reply;
    const params = collectionParams.safeParse(request.params);
    if (!params.success || !isCollectionName(params.data.collection)) return unknownCollection(reply, params.data?.collection ?? '');
    const query = pullQuery.safeParse(request.query);
    if (!query.success) return sendApiError(reply, 400, 'bad_request', 'query must be ?checkpoint=<epoch>.<seq>&limit=<positive integer>');
    const checkpoint = parseCheckpoint(query.data.checkpoint);
    if (!checkpoint.ok) return sendApiError(reply, 400, 'bad_request', checkpoint.message);
    const limit = Math.min(query.data.limit ? Number(query.data.limit) : PULL_LIMIT_DEFAULT, PULL_LIMIT_MAX);
    return reply.send(await pullChanges(ctx.db, ctx.epoch, viewer, params.data.collection, checkpoint.checkpoint, limit));
  });

  app.post('/api/sync/:collection/push', { bodyLimit: pushBodyLimit }, async (request, reply) => {
    const viewer = await requireViewer(ctx, request, reply);
    if (!viewer) return reply;
    const params = collectionParams.safeParse(request.params);
    if (!params.success || !isCollectionName(params.data.collection)) return unknownCollection(reply, params.data?.collection ?? '');
    const collection = params.data.collection;
    const validated = validatePushBody(collection, request.body);
    if (!validated.ok) return reply.code(400).send(validated.error);
    const outcome = await applyPush(ctx.db, ctx.now, viewer, collection, validated.rows);
    if (outcome.kind === 'forbidden') {
      request.log.warn({ userId: viewer.id, collection, rows: outcome.documents.length }, 'push rejected: forbidden');
      const first = outcome.documents[0];
      return sendApiError(reply, 403, 'forbidden', `document ${first?.index ?? 0}${first?.id ? ` (id ${JSON.stringify(first.id)})` : ''}: ${first?.message ?? 'forbidden'}`, outcome.documents);
    }
    request.log.info({ userId: viewer.id, collection, rows: validated.rows.length, written: outcome.written, conflicts: outcome.conflicts.length }, 'push');
    const body: PushResponse = outcome.conflicts;
    return reply.send(body);
  });
}
