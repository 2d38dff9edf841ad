/** A main-thread task of 50 ms or more, in `performance.now()` milliseconds. */
export type LongTask = { start: number; end: number };

/**
 * Time to interactive from `from` (the rows painted), TTI-style: walking the long tasks by start,
 * the end of the last one before the first gap of `quietMs` without one; `from` itself when that
 * gap starts at once. Tasks that ended before `from` do not count.
 */
export function interactiveAt(from: number, tasks: readonly LongTask[], quietMs: number): number {
  let busyUntil = from;
  for (const task of [...tasks].sort((a, b) => a.start - b.start)) {
    if (task.end <= busyUntil) continue;
    if (task.start - busyUntil >= quietMs) break;
    busyUntil = task.end;
  }
  return busyUntil;
}
