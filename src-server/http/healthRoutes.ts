import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '../../src-shared/sync/protocol';
import type { ServerContext } from '../serverContext';
import { sendApiError } from './apiErrors';

/** `GET /api/health`: 200 when the database answers, else 503. No authentication. */
export function registerHealthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/health', async (request, reply) => {
    try {
      await ctx.db.query('SELECT 1');
    } catch (error) {
      request.log.error({ err: error }, 'health check failed');
      return sendApiError(reply, 503, 'unavailable', 'database unavailable');
    }
    const body: HealthResponse = { status: 'ok', time: ctx.now().toISOString() };
    return reply.send(body);
  });
}
