import { afterEach, describe, expect, it, vi } from 'vitest';
import { inSlices } from '../../../src-renderer/app/yieldToBrowser';

describe('inSlices', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs every step in order and yields to the browser between slices', async () => {
    // A clock the test controls: each step takes 5 ms, so a 8 ms slice holds two steps.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    const seen: number[] = [];
    const done = await inSlices([1, 2, 3, 4, 5], (item) => {
      seen.push(item);
      now += 5;
    }, () => false, 8);
    expect(done).toBe(true);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(timeout.mock.calls.filter(([, ms]) => ms === 0).length).toBe(2);
  });

  it('stops at the next step once cancelled, and says so', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    let cancelled = false;
    const seen: number[] = [];
    const done = await inSlices([1, 2, 3, 4], (item) => {
      seen.push(item);
      now += 10;
      if (item === 2) cancelled = true;
    }, () => cancelled, 8);
    expect(done).toBe(false);
    expect(seen).toEqual([1, 2]);
  });
});
