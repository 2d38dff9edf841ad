/**
 * The one place that says which untrusted text and JSON keys the server accepts, for every
 * input: HTTP bodies, query parameters, admin CLI arguments, pushed documents.
 * - Text must be storable in PostgreSQL `text`/`jsonb`: no NUL character (PostgreSQL rejects
 *   the byte, which would surface as a 500) and no unpaired UTF-16 surrogate (the drivers would
 *   silently turn it into U+FFFD, so a lookup would not match what was sent).
 * - JSON object keys `__proto__`, `constructor` and `prototype` are refused everywhere: they
 *   are the prototype-poisoning keys, and no document of ours has a field by those names.
 */
import { z } from 'zod';

// eslint-disable-next-line no-control-regex
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain a NUL character or an unpaired surrogate';

/** True when PostgreSQL can store `value` exactly as given. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE_TEXT.test(value);
}

/** A zod string that refuses text PostgreSQL cannot store; chain `.min()`/`.max()` as usual. */
export function storableString() {
  return z.string().refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE });
}

export const FORBIDDEN_JSON_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A JSON pointer segment (RFC 6901). */
export function jsonPointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

export type ForbiddenKey = { key: string; at: string };

/**
 * The first forbidden key in `value` (document order) and the JSON pointer of the object that
 * holds it ('' for the top level), or null. Iterative, so deep nesting cannot overflow the stack.
 */
export function findForbiddenKey(value: unknown): ForbiddenKey | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; path: string };
    const current = item.value;
    if (typeof current !== 'object' || current === null) continue;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push({ value: current[i], path: jsonPointer(item.path, i) });
      continue;
    }
    const keys = Object.keys(current);
    const forbidden = keys.find((key) => FORBIDDEN_JSON_KEYS.has(key));
    if (forbidden !== undefined) return { key: forbidden, at: item.path };
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const key = keys[i] as string;
      stack.push({ value: (current as Record<string, unknown>)[key], path: jsonPointer(item.path, key) });
    }
  }
  return null;
}

/** The message a client gets for a forbidden key, e.g. `forbidden key "__proto__" at /0/newDocumentState`. */
export function describeForbiddenKey(found: ForbiddenKey): string {
  return `forbidden key ${JSON.stringify(found.key)} at ${found.at === '' ? '/' : found.at}`;
}
