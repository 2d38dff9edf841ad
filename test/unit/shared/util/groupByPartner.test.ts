import { describe, expect, it } from 'vitest';
import { groupByPartner } from '../../../../src-shared/util/groupByPartner';

type Doc = { id: string; partnerId: string };
const doc = (id: string, partnerId: string): Doc => ({ id, partnerId });

describe('groupByPartner', () => {
  it('groups documents by partner, keeping their order', () => {
    const docs = [doc('a', 'p1'), doc('b', 'p2'), doc('c', 'p1')];
    const grouped = groupByPartner(docs);
    expect([...grouped.keys()]).toEqual(['p1', 'p2']);
    expect(grouped.get('p1')?.map((d) => d.id)).toEqual(['a', 'c']);
  });

  it('keeps the previous array of a partner whose documents did not change, and only of those', () => {
    const a = doc('a', 'p1');
    const b = doc('b', 'p2');
    const c = doc('c', 'p3');
    const before = groupByPartner([a, b, c]);
    const edited = { ...b, title: 'edited' };
    const after = groupByPartner([a, edited, c, doc('d', 'p3')], before);
    expect(after.get('p1')).toBe(before.get('p1'));
    expect(after.get('p2')).not.toBe(before.get('p2'));
    expect(after.get('p2')).toEqual([edited]);
    expect(after.get('p3')?.map((d) => d.id)).toEqual(['c', 'd']);
    // A removed document or a new order is a change too.
    expect(groupByPartner([a], groupByPartner([a, doc('x', 'p1')])).get('p1')).toEqual([a]);
    const x = doc('x', 'p1');
    const reordered = groupByPartner([x, a], groupByPartner([a, x]));
    expect(reordered.get('p1')).toEqual([x, a]);
  });
});
