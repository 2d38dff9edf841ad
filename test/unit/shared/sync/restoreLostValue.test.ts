import { describe, expect, it } from 'vitest';
import { mergeConflict } from '../../../../src-shared/sync/mergeConflict';
import { parseFieldPath, restoreLostValue } from '../../../../src-shared/sync/restoreLostValue';

const partner = {
  id: 'p1',
  name: 'Harbor Lane',
  tier: 'Gold',
  updatedAt: '2026-11-25T10:00:00.000Z',
  contacts: [
    { id: 'c1', name: 'Femke', email: 'femke@harbor.example' },
    { id: 'c2', name: 'Joost', email: 'joost@harbor.example' },
  ],
  meta: { segment: 'SMB' },
};

describe('parseFieldPath', () => {
  it('reads the paths mergeConflict writes', () => {
    expect(parseFieldPath('tier')).toEqual([{ key: 'tier' }]);
    expect(parseFieldPath('meta.segment')).toEqual([{ key: 'meta' }, { key: 'segment' }]);
    expect(parseFieldPath('contacts[c1]')).toEqual([{ key: 'contacts' }, { itemId: 'c1' }]);
    expect(parseFieldPath('contacts[c1].email')).toEqual([{ key: 'contacts' }, { itemId: 'c1' }, { key: 'email' }]);
  });

  it.each(['', '.tier', 'tier.', '[c1]', 'contacts[]', 'contacts[c1', 'a..b', 'contacts[c1]email'])('refuses %j', (field) => {
    expect(parseFieldPath(field)).toBeNull();
  });
});

describe('restoreLostValue', () => {
  it('puts a lost scalar back and leaves everything else as it is now', () => {
    const plan = restoreLostValue(partner, 'tier', 'Platinum');
    expect(plan).toEqual({ kind: 'write', document: { ...partner, tier: 'Platinum' } });
    expect(partner.tier).toBe('Gold');
  });

  it('removes an optional field the losing side did not have', () => {
    const task = { id: 't1', status: 'done', completedOn: '2026-11-20' };
    expect(restoreLostValue(task, 'completedOn', null)).toEqual({ kind: 'write', document: { id: 't1', status: 'done' } });
  });

  it('restores a field of one list item, found by id wherever it moved', () => {
    const moved = { ...partner, contacts: [partner.contacts[1]!, partner.contacts[0]!] };
    const plan = restoreLostValue(moved, 'contacts[c1].email', 'femke@old.example');
    expect(plan.kind === 'write' && plan.document.contacts).toEqual([
      partner.contacts[1],
      { id: 'c1', name: 'Femke', email: 'femke@old.example' },
    ]);
  });

  it('brings back a list item the other side deleted, and removes one the other side had deleted', () => {
    const removed = { id: 'c3', name: 'Anouk', email: 'anouk@harbor.example' };
    const plan = restoreLostValue(partner, 'contacts[c3]', removed);
    expect(plan.kind === 'write' && plan.document.contacts).toEqual([...partner.contacts, removed]);
    const without = restoreLostValue(partner, 'contacts[c2]', null);
    expect(without.kind === 'write' && without.document.contacts).toEqual([partner.contacts[0]]);
  });

  it('restores nested object fields', () => {
    const plan = restoreLostValue(partner, 'meta.segment', 'Enterprise');
    expect(plan.kind === 'write' && plan.document.meta).toEqual({ segment: 'Enterprise' });
  });

  it('deletes again when the delete lost, and re-creates the edited document when the edit lost', () => {
    expect(restoreLostValue(partner, '_deleted', true)).toEqual({ kind: 'delete' });
    const edited = { ...partner, tier: 'Silver', _deleted: false, _rev: '3-abc' };
    expect(restoreLostValue(null, '_deleted', edited)).toEqual({ kind: 'write', document: { ...partner, tier: 'Silver' } });
    expect(restoreLostValue(null, '_deleted', true)).toMatchObject({ kind: 'unavailable' });
  });

  it('explains when there is nothing to restore into', () => {
    expect(restoreLostValue(null, 'tier', 'Gold')).toEqual({ kind: 'unavailable', reason: 'This record no longer exists on this laptop.' });
    expect(restoreLostValue(partner, 'contacts[gone].email', 'x@y.example')).toEqual({ kind: 'unavailable', reason: 'That entry has been removed since.' });
    expect(restoreLostValue(partner, 'tier[x]', 'x')).toMatchObject({ kind: 'unavailable' });
  });

  it('undoes exactly what a merge decided, for every recorded conflict', () => {
    const base = { ...partner };
    const local = {
      ...partner,
      tier: 'Silver',
      updatedAt: '2026-11-25T11:00:00.000Z',
      contacts: [{ ...partner.contacts[0]!, email: 'femke@local.example' }, partner.contacts[1]!],
    };
    const remote = {
      ...partner,
      tier: 'Platinum',
      updatedAt: '2026-11-25T12:00:00.000Z',
      contacts: [{ ...partner.contacts[0]!, email: 'femke@remote.example' }],
    };
    const { merged, conflicts } = mergeConflict({ newDocumentState: local, assumedMasterState: base, realMasterState: remote }, { collection: 'partners' });
    expect(conflicts.map((c) => c.field).sort()).toEqual(['contacts[c1].email', 'tier']);
    let document: Record<string, unknown> = merged;
    for (const conflict of conflicts) {
      const plan = restoreLostValue(document, conflict.field, conflict.lostValue);
      if (plan.kind !== 'write') throw new Error(plan.kind);
      document = plan.document;
    }
    expect(document.tier).toBe('Silver');
    expect((document.contacts as { email: string }[])[0]!.email).toBe('femke@local.example');
  });
});
