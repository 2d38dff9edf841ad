/** `GET /api/sync/schemas`: the document schemas as JSON Schema 2020-12. No authentication. */
import type { FastifyInstance } from 'fastify';
import { wireSchemas, type SchemasResponse } from '../../src-shared/schemas/wireSchemas';

export function registerSchemaRoutes(app: FastifyInstance): void {
  // The same for every request and every user: built once.
  const body: SchemasResponse = { collections: wireSchemas() };
  const text = JSON.stringify(body);
  app.get('/api/sync/schemas', async (_request, reply) => reply.type('application/json; charset=utf-8').send(text));
}
