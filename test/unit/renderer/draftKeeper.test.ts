import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftKeeper, type DraftStorage, type DraftState } from '../../../src-renderer/app/draftKeeper';

class MemoryStorage implements DraftStorage {
  items = new Map<string, string>();
  refuse = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.refuse) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

type Deal = { account: string; amount: string };

describe('a form draft kept on this laptop', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps what was typed after a pause and gives it back to the next form opened on the same key', () => {
    const keeper = new DraftKeeper<Deal>(storage, 'db:deal:new:p1', 400);
    keeper.change({ account: 'Ac', amount: '' });
    keeper.change({ account: 'Acme', amount: '' });
    expect(keeper.state).toBe('saving');
    expect(new DraftKeeper<Deal>(storage, 'db:deal:new:p1').read()).toBeNull();
    vi.advanceTimersByTime(400);
    expect(keeper.state).toBe('saved');
    expect(new DraftKeeper<Deal>(storage, 'db:deal:new:p1').read()).toEqual({ account: 'Acme', amount: '' });
    expect(new DraftKeeper<Deal>(storage, 'db:deal:new:p2').read()).toBeNull();
  });

  it('writes at once on flush (page hidden, window closing), before the pause is over', () => {
    const keeper = new DraftKeeper<Deal>(storage, 'k');
    keeper.change({ account: 'Acme', amount: '12' });
    keeper.flush();
    expect(keeper.pending).toBe(false);
    expect(new DraftKeeper<Deal>(storage, 'k').read()).toEqual({ account: 'Acme', amount: '12' });
  });

  it('forgets the draft once the record is saved or discarded, including typing still waiting', () => {
    const keeper = new DraftKeeper<Deal>(storage, 'k');
    keeper.change({ account: 'Acme', amount: '' });
    keeper.flush();
    keeper.change({ account: 'Acme Corp', amount: '' });
    keeper.clear();
    vi.advanceTimersByTime(1000);
    keeper.flush();
    expect(keeper.state).toBe('idle');
    expect(new DraftKeeper<Deal>(storage, 'k').read()).toBeNull();
  });

  it('drops an unreadable draft instead of failing the form', () => {
    storage.items.set('partner-desk:draft:k', '{not json');
    expect(new DraftKeeper<Deal>(storage, 'k').read()).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('says "error" when the laptop refuses to store the draft', () => {
    storage.refuse = true;
    const states: DraftState[] = [];
    const keeper = new DraftKeeper<Deal>(storage, 'k');
    keeper.subscribe((state) => states.push(state));
    keeper.change({ account: 'Acme', amount: '' });
    keeper.flush();
    expect(states).toEqual(['saving', 'error']);
  });
});
