import { describe, expect, it } from 'vitest';
import { applyServerState, isPendingChange, localChangeMeta, revokedResolution, type SyncMeta } from '../../../../src-shared/sync/syncMeta';

type Doc = Record<string, unknown>;

const goal = (fields: Doc, sync?: SyncMeta): Doc => ({
  id: 'g1',
  partnerId: 'p1',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  title: 'Win 10 deals',
  metric: 'deals',
  ...fields,
  ...(sync ? { sync } : {}),
  _deleted: fields._deleted === true,
});

const server = (seq: number, fields: Doc) => ({ seq, document: goal(fields) });

describe('a local write puts the document in the outbox', () => {
  it('a new document is pending with no base (the server never had it)', () => {
    expect(localChangeMeta(undefined)).toEqual({ pending: true, base: null });
  });

  it('an edit of a synced document keeps the state it was made from as the base', () => {
    const synced = goal({ title: 'Win 10 deals' }, { seq: 7 });
    const meta = localChangeMeta(synced);
    expect(meta).toMatchObject({ seq: 7, pending: true });
    expect(meta.base).toMatchObject({ id: 'g1', title: 'Win 10 deals', _deleted: false });
    expect(meta.base).not.toHaveProperty('sync');
  });

  it('a second edit keeps the first edit base: the server still holds that state', () => {
    const first = goal({ title: 'Win 12 deals' }, localChangeMeta(goal({}, { seq: 7 })));
    const second = localChangeMeta(first);
    expect(second.base).toMatchObject({ title: 'Win 10 deals' });
    expect(second.seq).toBe(7);
  });

  it('a legacy document stays legacy until the upgrade settles it', () => {
    expect(localChangeMeta(goal({}, { legacy: true }))).toEqual({ legacy: true });
    expect(isPendingChange(goal({}, { legacy: true }))).toBe(true);
  });
});

describe('a server state meets the local document', () => {
  it('a document the laptop does not have is written with its version', () => {
    const decision = applyServerState(null, server(3, { title: 'New' }), { collection: 'planitems' });
    expect(decision).toMatchObject({ kind: 'write', meta: { seq: 3 }, content: { title: 'New' } });
  });

  it('a newer state with nothing pending is taken', () => {
    const decision = applyServerState(goal({}, { seq: 3 }), server(9, { title: 'Win 20 deals' }), { collection: 'planitems' });
    expect(decision).toMatchObject({ kind: 'write', meta: { seq: 9 }, content: { title: 'Win 20 deals' } });
  });

  it('an older or equal state is ignored, so an accepted edit is never reverted by a late answer', () => {
    const local = goal({ title: 'Win 15 deals' }, { seq: 12 });
    expect(applyServerState(local, server(11, { title: 'Win 12 deals' }), { collection: 'planitems' })).toEqual({ kind: 'ignore' });
    expect(applyServerState(local, server(12, { title: 'Win 12 deals' }), { collection: 'planitems' })).toEqual({ kind: 'ignore' });
  });

  it('a pending change is merged onto a newer state, never skipped: both edits survive', () => {
    const base = goal({}, { seq: 5 });
    const local = goal({ title: 'Win 15 deals', updatedAt: '2026-11-02T10:00:00.000Z' }, localChangeMeta(base));
    const incoming = server(8, { metric: 'revenue', updatedAt: '2026-11-02T09:00:00.000Z' });
    const decision = applyServerState(local, incoming, { collection: 'planitems' });
    expect(decision).toMatchObject({ kind: 'write', content: { title: 'Win 15 deals', metric: 'revenue' }, meta: { seq: 8, pending: true } });
    if (decision.kind !== 'write') throw new Error('expected a write');
    expect(decision.meta.base).toMatchObject({ metric: 'revenue', title: 'Win 10 deals' });
    expect(decision.conflicts).toEqual([]);
  });

  it('the same field changed on both sides keeps the later edit and returns the other as a conflict', () => {
    const local = goal({ title: 'Mine', updatedAt: '2026-11-02T10:00:00.000Z' }, localChangeMeta(goal({}, { seq: 5 })));
    const decision = applyServerState(local, server(8, { title: 'Theirs', updatedAt: '2026-11-02T11:00:00.000Z' }), { collection: 'planitems' });
    if (decision.kind !== 'write') throw new Error('expected a write');
    expect(decision.content.title).toBe('Theirs');
    expect(decision.meta.pending).toBeUndefined();
    expect(decision.conflicts).toEqual([expect.objectContaining({ documentId: 'g1', field: 'title', keptValue: 'Theirs', lostValue: 'Mine', collectionName: 'planitems' })]);
  });

  it('the echo of the laptop own push settles the change', () => {
    const local = goal({ title: 'Mine' }, localChangeMeta(goal({}, { seq: 5 })));
    const decision = applyServerState(local, server(6, { title: 'Mine' }), { collection: 'planitems' });
    expect(decision).toMatchObject({ kind: 'write', meta: { seq: 6 } });
    if (decision.kind === 'write') expect(decision.meta.pending).toBeUndefined();
  });

  it('an accepted push settles only what was pushed: an edit made meanwhile stays pending', () => {
    const pushed = goal({ title: 'Pushed' });
    const local = goal({ title: 'Pushed', metric: 'typed meanwhile' }, { seq: 5, pending: true, base: goal({}) });
    const decision = applyServerState(local, { seq: 6, document: pushed }, { collection: 'planitems', answersPush: true, pushed });
    expect(decision).toMatchObject({ kind: 'write', content: { title: 'Pushed', metric: 'typed meanwhile' }, meta: { seq: 6, pending: true, base: { title: 'Pushed', metric: 'deals' } } });
  });

  it('an accepted push whose answer is older than a state already merged changes nothing', () => {
    const local = goal({ title: 'Merged' }, { seq: 9, pending: true, base: goal({ metric: 'revenue' }) });
    expect(applyServerState(local, { seq: 6, document: goal({ title: 'Pushed' }) }, { collection: 'planitems', answersPush: true, pushed: goal({ title: 'Pushed' }) })).toEqual({ kind: 'ignore' });
  });

  it('a replayed push answered at the version the laptop holds still settles it', () => {
    const local = goal({ title: 'Same' }, { seq: 6, pending: true, base: goal({ title: 'Same' }) });
    const decision = applyServerState(local, { seq: 6, document: goal({ title: 'Same' }) }, { collection: 'planitems', answersPush: true, pushed: goal({ title: 'Same' }) });
    expect(decision).toMatchObject({ kind: 'write', meta: { seq: 6 } });
  });

  it('after a server reset every state counts as newer', () => {
    const local = goal({ title: 'Old epoch' }, { seq: 900 });
    expect(applyServerState(local, server(4, { title: 'Restored' }), { collection: 'planitems', rebase: true })).toMatchObject({ kind: 'write', meta: { seq: 4 } });
  });

  it('a delete from the server against a local edit keeps the edit when it is later, and records the delete as lost', () => {
    const local = goal({ title: 'Edited', updatedAt: '2026-11-03T10:00:00.000Z' }, localChangeMeta(goal({}, { seq: 5 })));
    const decision = applyServerState(local, server(8, { _deleted: true, updatedAt: '2026-11-03T09:00:00.000Z' }), { collection: 'planitems' });
    if (decision.kind !== 'write') throw new Error('expected a write');
    expect(decision.content._deleted).toBe(false);
    expect(decision.meta.pending).toBe(true);
    expect(decision.conflicts).toEqual([expect.objectContaining({ field: '_deleted', lostValue: true })]);
  });
});

describe('a refused change to a partner the user lost', () => {
  it('removes the document as the last state the laptop saw, and keeps the edit as a conflict', () => {
    const local = goal({ title: 'Edited', updatedAt: '2026-11-03T10:00:00.000Z', updatedBy: 'ann@north.example' }, localChangeMeta(goal({ updatedBy: 'bob@north.example' }, { seq: 5 })));
    const decision = revokedResolution(local, 'planitems');
    if (decision.kind !== 'write') throw new Error('expected a write');
    expect(decision.content).toMatchObject({ id: 'g1', title: 'Win 10 deals', _deleted: true });
    expect(decision.content).not.toHaveProperty('updatedBy');
    expect(decision.meta).toEqual({ seq: 5 });
    expect(decision.conflicts).toEqual([expect.objectContaining({ field: '_deleted', keptValue: true, lostValue: expect.objectContaining({ title: 'Edited' }), lostBy: 'ann@north.example' })]);
  });

  it('still removes it when a revocation tombstone was merged into the pending edit first', () => {
    const tombstone = goal({ _deleted: true });
    const local = goal({ title: 'Edited', updatedAt: '2026-11-03T10:00:00.000Z' }, { seq: 9, pending: true, base: tombstone });
    const decision = revokedResolution(local, 'planitems');
    if (decision.kind !== 'write') throw new Error('expected a write');
    expect(decision.content._deleted).toBe(true);
    expect(decision.meta.pending).toBeUndefined();
  });
});
