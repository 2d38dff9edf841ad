/**
 * Structural checks on untrusted JSON before it is validated or stored: bounded nesting depth
 * and size, strings PostgreSQL `jsonb` accepts (no NUL, no lone surrogates), finite numbers.
 * Iterative, so a deeply nested body cannot overflow the stack.
 */
import { FORBIDDEN_JSON_KEYS, isStorableText, jsonPointer as pointer, UNSTORABLE_TEXT_MESSAGE } from '../validation/untrustedInput';

export type JsonProblem = { field: string; message: string };

export type InspectLimits = { maxDepth: number; maxNodes: number };

export function inspectJson(value: unknown, limits: InspectLimits): JsonProblem | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  let nodes = 0;
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; depth: number; path: string };
    nodes += 1;
    if (nodes > limits.maxNodes) return { field: item.path || '/', message: `document has more than ${limits.maxNodes} values` };
    const current = item.value;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return { field: item.path || '/', message: `string ${UNSTORABLE_TEXT_MESSAGE}` };
      continue;
    }
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return { field: item.path || '/', message: 'number is not finite' };
      continue;
    }
    if (current === null || typeof current === 'boolean') continue;
    if (typeof current !== 'object') return { field: item.path || '/', message: `unsupported value of type ${typeof current}` };
    if (item.depth >= limits.maxDepth) return { field: item.path || '/', message: `nesting deeper than ${limits.maxDepth} levels` };
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push({ value: current[i], depth: item.depth + 1, path: pointer(item.path, i) });
      continue;
    }
    for (const key of Object.keys(current)) {
      if (!isStorableText(key)) return { field: item.path || '/', message: `key ${UNSTORABLE_TEXT_MESSAGE}` };
      if (FORBIDDEN_JSON_KEYS.has(key)) return { field: pointer(item.path, key), message: 'forbidden key' };
      stack.push({ value: (current as Record<string, unknown>)[key], depth: item.depth + 1, path: pointer(item.path, key) });
    }
  }
  return null;
}
