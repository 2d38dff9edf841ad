/**
 * Waits until the wall clock has passed `stamp` (an ISO timestamp, millisecond resolution), so the
 * next `nowIso()` is strictly later than it. It waits for that condition and nothing else: at most
 * the rest of the current millisecond, never a guessed duration.
 */
export function clockPast(stamp: string): void {
  const after = Date.parse(stamp);
  if (Number.isNaN(after)) throw new Error(`clockPast: not a timestamp: ${stamp}`);
  while (Date.now() <= after) {
    // The condition is the clock itself; nothing else can make it true sooner.
  }
}
