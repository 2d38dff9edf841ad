/**
 * File content (resource-library files, proofs of MDF claims):
 * - `PUT /api/files/:sha256` (any signed-in user: a manager uploads the proof of a claim; what
 *   they may read back is decided by the documents referencing the file): the raw bytes (`application/octet-stream`, at most 25 MB);
 *   the server hashes them and refuses a body whose SHA-256 is not the one in the path (400), a
 *   body above the limit (413, before reading it when the length is announced);
 * - `GET /api/files/:sha256` (any signed-in user who can see a resource or an MDF claim referencing the file):
 *   the bytes, with an ETag and an immutable cache header (the content never changes under its hash).
 * The raw-body parser is registered in this plugin only; every other route stays JSON-only.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { MAX_RESOURCE_FILE_BYTES } from '../../src-shared/domain/types';
import { formatBytes, isSha256Hex } from '../../src-shared/resources/resourceRules';
import { sendApiError } from '../http/apiErrors';
import { requireViewer } from '../http/requireViewer';
import type { ServerContext } from '../serverContext';
import { canReadFile, loadFile, saveFile } from './fileStore';

export type FileUploadResponse = { sha256: string; size: number; stored: boolean };

const TOO_LARGE = `the file is larger than ${formatBytes(MAX_RESOURCE_FILE_BYTES)}, the most the resource library stores`;
const BAD_HASH = 'the file path must end with the SHA-256 of the file: 64 lowercase hex digits';

export async function registerFileRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_RESOURCE_FILE_BYTES }, (_request, body, done) => done(null, body));

    scope.put<{ Params: { sha256: string } }>(
      '/api/files/:sha256',
      {
        bodyLimit: MAX_RESOURCE_FILE_BYTES,
        // Refuse an announced oversized body before reading 25 MB of it, with a message that says why.
        onRequest: async (request, reply) => {
          const length = Number(request.headers['content-length'] ?? 0);
          if (length > MAX_RESOURCE_FILE_BYTES) return sendApiError(reply, 413, 'payload_too_large', `${TOO_LARGE} (this one is ${formatBytes(length)})`);
        },
      },
      async (request, reply) => {
        const viewer = await requireViewer(ctx, request, reply);
        if (!viewer) return reply;
        const { sha256 } = request.params;
        if (!isSha256Hex(sha256)) return sendApiError(reply, 400, 'bad_request', BAD_HASH);
        const body = request.body;
        if (!(body instanceof Uint8Array)) return sendApiError(reply, 400, 'bad_request', 'send the file bytes with content-type application/octet-stream');
        if (body.byteLength > MAX_RESOURCE_FILE_BYTES) return sendApiError(reply, 413, 'payload_too_large', TOO_LARGE);
        const actual = createHash('sha256').update(body).digest('hex');
        if (actual !== sha256) {
          return sendApiError(reply, 400, 'bad_request', `the file's SHA-256 is ${actual}, not ${sha256} as the path says: the upload was damaged or names another file`);
        }
        const stored = await saveFile(ctx.db, { sha256, content: body, uploadedBy: viewer.email, now: ctx.now() });
        const response: FileUploadResponse = { sha256, size: body.byteLength, stored };
        return reply.code(stored ? 201 : 200).send(response);
      },
    );

    scope.get<{ Params: { sha256: string } }>('/api/files/:sha256', async (request, reply) => {
      const viewer = await requireViewer(ctx, request, reply);
      if (!viewer) return reply;
      const { sha256 } = request.params;
      if (!isSha256Hex(sha256)) return sendApiError(reply, 400, 'bad_request', BAD_HASH);
      // The same answer for "no such file" and "not yours": a manager learns nothing about other teams' files.
      const notFound = () => sendApiError(reply, 404, 'not_found', `no file ${sha256} in a resource or MDF claim you can see`);
      if (!(await canReadFile(ctx.db, viewer, sha256))) return notFound();
      const etag = `"${sha256}"`;
      reply.header('etag', etag).header('cache-control', 'private, max-age=31536000, immutable');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      const file = await loadFile(ctx.db, sha256);
      if (!file) return notFound();
      return reply.type('application/octet-stream').header('content-length', file.size).send(Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength));
    });
  });
}
