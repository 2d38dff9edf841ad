type SchedulerWithYield = { yield?: () => Promise<void> };

/**
 * Lets the browser handle input and paint before the caller goes on: `scheduler.yield()` where
 * the engine has it (it resumes ahead of other queued tasks), otherwise a new macrotask.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `step` over `items`, yielding to the browser whenever a slice has run `sliceMs`, so a
 * long computation never blocks input for longer than about one slice. Stops early (false)
 * once `cancelled()` says the result is no longer wanted.
 */
export async function inSlices<T>(items: readonly T[], step: (item: T) => void, cancelled: () => boolean, sliceMs = 8): Promise<boolean> {
  let sliceEnd = performance.now() + sliceMs;
  for (const item of items) {
    if (cancelled()) return false;
    step(item);
    if (performance.now() >= sliceEnd) {
      await yieldToBrowser();
      sliceEnd = performance.now() + sliceMs;
    }
  }
  return !cancelled();
}
