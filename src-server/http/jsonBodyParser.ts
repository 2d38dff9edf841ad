/**
 * The server's only body parser (`application/json`), replacing Fastify's, so every JSON body is
 * checked the same way before a route sees it:
 * - bytes must be valid UTF-8 (decoded with a fatal TextDecoder; a lenient decoder would store
 *   U+FFFD in place of the bad bytes and answer 200);
 * - the text must be JSON;
 * - no object anywhere may have a `__proto__`, `constructor` or `prototype` key (Fastify's own
 *   checks catch only `__proto__` and `constructor.prototype`, and call both "malformed JSON").
 * Each refusal is a 400 `bad_request` whose message says what is wrong and where. Body limits
 * are Fastify's (the app's default and each route's `bodyLimit`), so an oversized body is
 * still a 413 before anything is decoded.
 */
import type { FastifyInstance } from 'fastify';
import type { DocumentProblem } from '../../src-shared/sync/protocol';
import { describeForbiddenKey, findForbiddenKey, jsonPointer, type ForbiddenKey } from '../validation/untrustedInput';

/** A body the client must fix: mapped to 400 `bad_request` with this message (apiErrors.ts). */
export class BadBodyError extends Error {
  readonly statusCode = 400;
  readonly code = 'PD_BAD_BODY';
  constructor(
    message: string,
    /** The rows of an array body (a push) the problem is in, so a client can drop just those. */
    readonly documents?: DocumentProblem[],
  ) {
    super(message);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Where JSON.parse stopped (1-based character, or the token), from V8's message, without echoing the body. */
function syntaxLocation(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return ` (at character ${Number(position) + 1})`;
  if (/end of JSON input/i.test(message)) return ' (unexpected end of input)';
  // V8 names the token but not where it is (and quotes part of the body, left out here).
  const token = /^Unexpected token '(.+?)'/u.exec(message)?.[1];
  if (token !== undefined) return ` (unexpected character ${JSON.stringify(token)})`;
  return '';
}

/**
 * In an array body (push rows), the row holding a forbidden key, as push reports a bad row:
 * `{index, id?, field?}` with `field` the key's pointer inside `newDocumentState` when it is there.
 */
function forbiddenKeyRow(body: unknown, found: ForbiddenKey): DocumentProblem[] | undefined {
  if (!Array.isArray(body)) return undefined;
  const match = /^\/(\d+)(\/newDocumentState(?=\/|$))?(.*)$/.exec(found.at);
  if (!match) return undefined;
  const index = Number(match[1]);
  const row: unknown = body[index];
  const state = typeof row === 'object' && row !== null ? (row as Record<string, unknown>).newDocumentState : undefined;
  const id = typeof state === 'object' && state !== null ? (state as Record<string, unknown>).id : undefined;
  return [
    {
      index,
      ...(typeof id === 'string' ? { id } : {}),
      ...(match[2] ? { field: jsonPointer(match[3] ?? '', found.key) } : {}),
      message: describeForbiddenKey({ key: found.key, at: found.at }),
    },
  ];
}

/** Decodes and parses a JSON body, or throws a BadBodyError saying what is wrong. */
export function parseJsonBody(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new BadBodyError('body is not valid UTF-8');
  }
  if (text.trim() === '') throw new BadBodyError('body is empty; send JSON');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BadBodyError(`malformed JSON body${syntaxLocation(error)}`);
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden) throw new BadBodyError(describeForbiddenKey(forbidden), forbiddenKeyRow(value, forbidden));
  return value;
}

export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
