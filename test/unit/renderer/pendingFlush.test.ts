import { describe, expect, it } from 'vitest';
import { flushPendingAutosaves, registerPendingFlush } from '../../../src-renderer/app/useAutosave';

describe('what the window writes before it closes', () => {
  it('includes every registered form draft, and none once it is unregistered', async () => {
    const flushed: string[] = [];
    const unregisterDeal = registerPendingFlush(() => {
      flushed.push('deal');
    });
    const unregisterCheckin = registerPendingFlush(async () => {
      flushed.push('check-in');
    });
    await flushPendingAutosaves();
    expect(flushed.sort()).toEqual(['check-in', 'deal']);
    unregisterDeal();
    unregisterCheckin();
    await flushPendingAutosaves();
    expect(flushed).toHaveLength(2);
  });

  it('a draft that fails to flush does not stop the others', async () => {
    const flushed: string[] = [];
    const unregisterBroken = registerPendingFlush(() => {
      throw new Error('storage refused');
    });
    const unregisterTask = registerPendingFlush(() => {
      flushed.push('task');
    });
    await flushPendingAutosaves();
    expect(flushed).toEqual(['task']);
    unregisterBroken();
    unregisterTask();
  });
});
