/**
 * Structural checks on untrusted JSON before it is validated or stored: bounded nesting depth
 * and size, strings PostgreSQL `jsonb` accepts (no NUL, no lone surrogates), finite numbers.
 * Iterative, so a deeply nested body cannot overflow the stack.
 */
export type JsonProblem = { field: string; message: string };

export type InspectLimits = { maxDepth: number; maxNodes: number };

// eslint-disable-next-line no-control-regex
const BAD_STRING = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const pointer = (parent: string, key: string | number) => `${parent}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;

export function inspectJson(value: unknown, limits: InspectLimits): JsonProblem | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  let nodes = 0;
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; depth: number; path: string };
    nodes += 1;
    if (nodes > limits.maxNodes) return { field: item.path || '/', message: `document has more than ${limits.maxNodes} values` };
    const current = item.value;
    if (typeof current === 'string') {
      if (BAD_STRING.test(current)) return { field: item.path || '/', message: 'string contains a NUL character or an unpaired surrogate' };
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
      if (BAD_STRING.test(key)) return { field: item.path || '/', message: 'key contains a NUL character or an unpaired surrogate' };
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') return { field: pointer(item.path, key), message: 'forbidden key' };
      stack.push({ value: (current as Record<string, unknown>)[key], depth: item.depth + 1, path: pointer(item.path, key) });
    }
  }
  return null;
}
