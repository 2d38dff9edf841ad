/**
 * Protocol 2: `GET /api/sync/pull` (one feed across collections) and `POST /api/sync/push`
 * (rows of any collections with a base version). The protocol-2 stream shares
 * `GET /api/sync/stream` with protocol 1 (`?protocol=2`, see syncRoutes.ts).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CollectionName } from '../../src-shared/domain/types';
import { parseCheckpoint } from '../../src-shared/sync/checkpoint';
import { FEED_PULL_LIMIT_DEFAULT, FEED_PULL_LIMIT_MAX, isCollectionName, type FeedPushResponse } from '../../src-shared/sync/protocol';
import type { ServerContext } from '../serverContext';
import { pullFeed } from '../sync/feedPullService';
import { applyFeedPush } from '../sync/feedPushService';
import { validateFeedPushBody } from '../sync/validateFeedPushBody';
import { sendApiError } from './apiErrors';
import { requireViewer } from './requireViewer';

const feedPullQuery = z.object({
  checkpoint: z.string().max(100).optional(),
  limit: z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .optional(),
  collections: z.string().max(1000).optional(),
});

type ParsedCollections = { ok: true; collections: CollectionName[] | null } | { ok: false; status: 400 | 404; message: string };

function parseCollections(param: string | undefined): ParsedCollections {
  if (param === undefined) return { ok: true, collections: null };
  const names = param.split(',');
  if (names.some((name) => name === '')) return { ok: false, status: 400, message: 'collections must be a comma-separated list of collection names, e.g. partners,tasks' };
  const unknown = names.find((name) => !isCollectionName(name));
  if (unknown !== undefined) return { ok: false, status: 404, message: `unknown collection ${JSON.stringify(unknown.slice(0, 64))} in collections` };
  return { ok: true, collections: [...new Set(names as CollectionName[])] };
}

export function registerFeedRoutes(app: FastifyInstance, ctx: ServerContext, pushBodyLimit: number): void {
  app.get('/api/sync/pull', async (request, reply) => {
    const viewer = await requireViewer(ctx, request, reply);
    if (!viewer) return reply;
    const query = feedPullQuery.safeParse(request.query);
    if (!query.success) return sendApiError(reply, 400, 'bad_request', 'query must be ?checkpoint=<epoch>.<seq>&limit=<positive integer>&collections=<a,b>, each at most once');
    const checkpoint = parseCheckpoint(query.data.checkpoint);
    if (!checkpoint.ok) return sendApiError(reply, 400, 'bad_request', checkpoint.message);
    const collections = parseCollections(query.data.collections);
    if (!collections.ok) return sendApiError(reply, collections.status, collections.status === 404 ? 'unknown_collection' : 'bad_request', collections.message);
    const limit = Math.min(query.data.limit ? Number(query.data.limit) : FEED_PULL_LIMIT_DEFAULT, FEED_PULL_LIMIT_MAX);
    return reply.send(await pullFeed(ctx.db, ctx.epoch, viewer, checkpoint.checkpoint, limit, collections.collections));
  });

  app.post('/api/sync/push', { bodyLimit: pushBodyLimit }, async (request, reply) => {
    const viewer = await requireViewer(ctx, request, reply);
    if (!viewer) return reply;
    const validated = validateFeedPushBody(request.body);
    if (!validated.ok) return reply.code(400).send(validated.error);
    const outcome = await applyFeedPush(ctx.db, ctx.now, viewer, validated.rows);
    if (outcome.kind === 'forbidden') {
      request.log.warn({ userId: viewer.id, rows: outcome.documents.length }, 'feed push rejected: forbidden');
      const first = outcome.documents[0];
      return sendApiError(reply, 403, 'forbidden', `document ${first?.index ?? 0}${first?.id ? ` (id ${JSON.stringify(first.id)})` : ''}: ${first?.message ?? 'forbidden'}`, outcome.documents);
    }
    request.log.info(
      { userId: viewer.id, rows: validated.rows.length, written: outcome.written, conflicts: outcome.conflicts, rejected: outcome.rejected },
      'feed push',
    );
    const body: FeedPushResponse = { results: outcome.results };
    return reply.send(body);
  });
}
