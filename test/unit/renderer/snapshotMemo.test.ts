import { describe, expect, it } from 'vitest';
import { createSnapshotCache, snapshotMemo } from '../../../src-renderer/db/snapshotMemo';

describe('snapshotMemo', () => {
  it('computes once per snapshot and inputs, and again when either changes', () => {
    const calls: string[] = [];
    const total = snapshotMemo((values: number[], today: string) => {
      calls.push(today);
      return { sum: values.reduce((a, b) => a + b, 0), today };
    });
    const snapshot = [1, 2, 3];
    const first = total(snapshot, '2026-12-04');
    expect(total(snapshot, '2026-12-04')).toBe(first);
    expect(calls).toEqual(['2026-12-04']);

    const nextDay = total(snapshot, '2026-12-05');
    expect(nextDay).toEqual({ sum: 6, today: '2026-12-05' });
    const changed = total([1, 2, 3, 4], '2026-12-05');
    expect(changed.sum).toBe(10);
    expect(calls).toEqual(['2026-12-04', '2026-12-05', '2026-12-05']);
  });

  it('compares inputs by identity, so a new object with the same content recomputes', () => {
    let runs = 0;
    const memo = snapshotMemo((_rows: object[], model: { weight: number }) => {
      runs += 1;
      return model.weight;
    });
    const rows: object[] = [];
    memo(rows, { weight: 1 });
    memo(rows, { weight: 1 });
    expect(runs).toBe(2);
  });
});

describe('createSnapshotCache', () => {
  it('gives back only what was stored for the same snapshot and inputs', () => {
    const cache = createSnapshotCache<object, [today: string], string>();
    const data = {};
    expect(cache.peek(data, '2026-12-04')).toBeUndefined();
    cache.store(data, ['2026-12-04'], 'model');
    expect(cache.peek(data, '2026-12-04')).toBe('model');
    expect(cache.peek(data, '2026-12-05')).toBeUndefined();
    expect(cache.peek({}, '2026-12-04')).toBeUndefined();
  });
});
