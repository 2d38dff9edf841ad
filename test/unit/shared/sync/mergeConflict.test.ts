import { describe, expect, it } from 'vitest';
import { conflictRecordId, mergeConflict } from '../../../../src-shared/sync/mergeConflict';

type Doc = Record<string, unknown>;

const T0 = '2026-11-20T09:00:00.000Z';
const T1 = '2026-11-20T10:00:00.000Z';
const T2 = '2026-11-20T11:00:00.000Z';

const base: Doc = {
  id: 'm1',
  partnerId: 'p1',
  createdAt: T0,
  updatedAt: T0,
  title: 'Kick-off',
  notes: '',
  status: 'scheduled',
  attendees: ['Ann'],
  agenda: [
    { id: 'a1', title: 'Intro', plannedMinutes: 5, notes: '' },
    { id: 'a2', title: 'Roadmap', plannedMinutes: 20, notes: '' },
  ],
  _deleted: false,
};

const merge = (local: Doc, remote: Doc, ancestor: Doc | null = base) =>
  mergeConflict({ newDocumentState: local, assumedMasterState: ancestor, realMasterState: remote }, { collection: 'meetings', localLabel: 'ann@laptop', remoteLabel: 'server' });

describe('mergeConflict', () => {
  it('keeps a field changed on one side only, from either side, without conflicts', () => {
    const local = { ...base, notes: 'local notes', updatedAt: T1 };
    const remote = { ...base, status: 'in_progress', updatedAt: T2 };
    const { merged, conflicts } = merge(local, remote);
    expect(merged).toMatchObject({ notes: 'local notes', status: 'in_progress', title: 'Kick-off', updatedAt: T2, _deleted: false });
    expect(conflicts).toEqual([]);
  });

  it('takes the later edit of a field changed on both sides and records the losing value', () => {
    const local = { ...base, title: 'Local title', updatedAt: T2 };
    const remote = { ...base, title: 'Remote title', updatedAt: T1 };
    const { merged, conflicts } = merge(local, remote);
    expect(merged.title).toBe('Local title');
    expect(merged.updatedAt).toBe(T2);
    expect(conflicts).toEqual([
      {
        partnerId: 'p1',
        collectionName: 'meetings',
        documentId: 'm1',
        field: 'title',
        keptValue: 'Local title',
        lostValue: 'Remote title',
        keptBy: 'ann@laptop',
        lostBy: 'server',
        keptAt: T2,
        lostAt: T1,
      },
    ]);

    const serverLater = merge({ ...local, updatedAt: T1 }, { ...remote, updatedAt: T2 });
    expect(serverLater.merged.title).toBe('Remote title');
    expect(serverLater.conflicts[0]).toMatchObject({ keptValue: 'Remote title', lostValue: 'Local title', keptBy: 'server', lostBy: 'ann@laptop' });
  });

  it('lets the server win a tie and treats scalar arrays as atomic values', () => {
    const local = { ...base, attendees: ['Ann', 'Bob'], updatedAt: T1 };
    const remote = { ...base, attendees: ['Ann', 'Cem'], updatedAt: T1 };
    const { merged, conflicts } = merge(local, remote);
    expect(merged.attendees).toEqual(['Ann', 'Cem']);
    expect(conflicts).toMatchObject([{ field: 'attendees', keptValue: ['Ann', 'Cem'], lostValue: ['Ann', 'Bob'] }]);
  });

  it('merges arrays of objects by id: additions on both sides, field edits on both sides', () => {
    const agenda = base.agenda as Doc[];
    const local = {
      ...base,
      updatedAt: T1,
      agenda: [{ ...agenda[0], notes: 'said hello' }, agenda[1], { id: 'a3', title: 'Local extra', plannedMinutes: 5, notes: '' }],
    };
    const remote = {
      ...base,
      updatedAt: T2,
      agenda: [{ ...agenda[0], plannedMinutes: 10 }, agenda[1], { id: 'a4', title: 'Remote extra', plannedMinutes: 5, notes: '' }],
    };
    const { merged, conflicts } = merge(local, remote);
    expect(merged.agenda).toEqual([
      { id: 'a1', title: 'Intro', plannedMinutes: 10, notes: 'said hello' },
      agenda[1],
      { id: 'a4', title: 'Remote extra', plannedMinutes: 5, notes: '' },
      { id: 'a3', title: 'Local extra', plannedMinutes: 5, notes: '' },
    ]);
    expect(conflicts).toEqual([]);
  });

  it('records a same-field clash inside an array item with its path', () => {
    const agenda = base.agenda as Doc[];
    const local = { ...base, updatedAt: T1, agenda: [{ ...agenda[0], title: 'Welcome' }, agenda[1]] };
    const remote = { ...base, updatedAt: T2, agenda: [{ ...agenda[0], title: 'Hello' }, agenda[1]] };
    const { merged, conflicts } = merge(local, remote);
    expect((merged.agenda as Doc[])[0]?.title).toBe('Hello');
    expect(conflicts).toMatchObject([{ field: 'agenda[a1].title', keptValue: 'Hello', lostValue: 'Welcome' }]);
  });

  it('removes an item deleted on one side and untouched on the other', () => {
    const agenda = base.agenda as Doc[];
    const local = { ...base, updatedAt: T1, agenda: [agenda[1]] };
    const remote = { ...base, updatedAt: T2, notes: 'remote notes', agenda: [...agenda, { id: 'a5', title: 'New', plannedMinutes: 1, notes: '' }] };
    const { merged, conflicts } = merge(local, remote);
    expect((merged.agenda as Doc[]).map((item) => item.id)).toEqual(['a2', 'a5']);
    expect(merged.notes).toBe('remote notes');
    expect(conflicts).toEqual([]);
  });

  it('decides an item deleted on one side and edited on the other by updatedAt, recording the loser', () => {
    const agenda = base.agenda as Doc[];
    const deletedLocally = { ...base, updatedAt: T1, agenda: [agenda[1]] };
    const editedRemotely = { ...base, updatedAt: T2, agenda: [{ ...agenda[0], notes: 'important' }, agenda[1]] };
    const editWins = merge(deletedLocally, editedRemotely);
    expect((editWins.merged.agenda as Doc[]).map((item) => item.id)).toEqual(['a1', 'a2']);
    expect(editWins.conflicts).toMatchObject([{ field: 'agenda[a1]', keptValue: { id: 'a1', notes: 'important' }, lostValue: null }]);

    const deleteWins = merge({ ...deletedLocally, updatedAt: T2 }, { ...editedRemotely, updatedAt: T1 });
    expect((deleteWins.merged.agenda as Doc[]).map((item) => item.id)).toEqual(['a2']);
    expect(deleteWins.conflicts).toMatchObject([{ field: 'agenda[a1]', keptValue: null, lostValue: { id: 'a1', notes: 'important' } }]);
  });

  it('merges nested objects by field', () => {
    const template = { id: 'tp', createdAt: T0, updatedAt: T0, kind: 'agenda', name: 'Std', data: { minutes: 30, owner: 'Ann' }, _deleted: false };
    const { merged, conflicts } = mergeConflict(
      {
        newDocumentState: { ...template, updatedAt: T1, data: { minutes: 45, owner: 'Ann' } },
        assumedMasterState: template,
        realMasterState: { ...template, updatedAt: T2, data: { minutes: 30, owner: 'Bob', extra: true } },
      },
      { collection: 'templates' },
    );
    expect(merged.data).toEqual({ minutes: 45, owner: 'Bob', extra: true });
    expect(conflicts).toEqual([]);
  });

  it('handles deletes: against an untouched doc the delete wins; against an edit the later wins and the loser is recorded', () => {
    const deletedLocally = { ...base, updatedAt: T1, _deleted: true };
    const untouched = merge(deletedLocally, { ...base });
    expect(untouched.merged._deleted).toBe(true);
    expect(untouched.conflicts).toEqual([]);

    const editedLater = { ...base, title: 'Still needed', updatedAt: T2 };
    const editWins = merge(deletedLocally, editedLater);
    expect(editWins.merged).toMatchObject({ _deleted: false, title: 'Still needed', updatedAt: T2 });
    expect(editWins.conflicts).toMatchObject([{ field: '_deleted', keptValue: false, lostValue: true, keptBy: 'server' }]);

    const deleteWins = merge({ ...deletedLocally, updatedAt: T2 }, { ...editedLater, updatedAt: T1 });
    expect(deleteWins.merged._deleted).toBe(true);
    expect(deleteWins.conflicts).toHaveLength(1);
    expect(deleteWins.conflicts[0]).toMatchObject({ field: '_deleted', keptValue: true, lostValue: { title: 'Still needed', _deleted: false } });

    const both = merge({ ...base, _deleted: true, updatedAt: T1 }, { ...base, _deleted: true, updatedAt: T2 });
    expect(both.merged).toMatchObject({ _deleted: true, updatedAt: T2 });
    expect(both.conflicts).toEqual([]);
  });

  it('merges without an ancestor (both sides created the id) and drops RxDB local fields', () => {
    const local = { ...base, notes: 'mine', updatedAt: T1, _meta: { lwt: 1 }, _rev: '1-a', _attachments: {} };
    const remote = { ...base, notes: 'theirs', updatedAt: T2 };
    const { merged, conflicts } = merge(local, remote, null);
    expect(merged.notes).toBe('theirs');
    expect(merged).not.toHaveProperty('_meta');
    expect(merged).not.toHaveProperty('_rev');
    expect(merged).not.toHaveProperty('_attachments');
    expect(conflicts.map((conflict) => conflict.field)).toEqual(['notes']);
  });

  it('gives drafts a deterministic id and feeds them to the RxDB-shaped handler', async () => {
    const local = { ...base, title: 'L', updatedAt: T2 };
    const remote = { ...base, title: 'R', updatedAt: T1 };
    const first = merge(local, remote).conflicts[0];
    const second = merge(local, remote).conflicts[0];
    expect(first && conflictRecordId(first)).toBe(second && conflictRecordId(second));
    expect(first && conflictRecordId(first)).toMatch(/^conflict-[0-9a-f]{16}$/);

  });
});

describe('mergeConflict: who made each side (updatedBy)', () => {
  const authored = { ...base, updatedBy: 'cem@north.example' };

  it('names each side by its updatedBy, falling back to the context labels', () => {
    const local = { ...authored, title: 'Ann title', updatedBy: 'ann@north.example', updatedAt: T2 };
    const remote = { ...authored, title: 'Bob title', updatedBy: 'bob@north.example', updatedAt: T1 };
    expect(merge(local, remote).conflicts).toEqual([
      expect.objectContaining({ field: 'title', keptValue: 'Ann title', lostValue: 'Bob title', keptBy: 'ann@north.example', lostBy: 'bob@north.example', keptAt: T2, lostAt: T1 }),
    ]);

    // A document written before updatedBy existed keeps the context's label for its side.
    const { updatedBy: _none, ...oldRemote } = { ...remote, updatedAt: T2 };
    const serverWins = merge({ ...local, updatedAt: T1 }, oldRemote);
    expect(serverWins.conflicts[0]).toMatchObject({ keptValue: 'Bob title', keptBy: 'server', lostBy: 'ann@north.example' });
  });

  it('never reports updatedBy itself as a conflict; the merged document names the later side', () => {
    const local = { ...authored, notes: 'from Ann', updatedBy: 'ann@north.example', updatedAt: T1 };
    const remote = { ...authored, status: 'done', updatedBy: 'bob@north.example', updatedAt: T2 };
    const bobLater = merge(local, remote);
    expect(bobLater.conflicts).toEqual([]);
    expect(bobLater.merged).toMatchObject({ notes: 'from Ann', status: 'done', updatedAt: T2, updatedBy: 'bob@north.example' });

    const annLater = merge({ ...local, updatedAt: T2 }, { ...remote, updatedAt: T1 });
    expect(annLater.merged).toMatchObject({ updatedAt: T2, updatedBy: 'ann@north.example' });

    // The later side has no author (an old document): the merged document claims none.
    const { updatedBy: _gone, ...anonymousLater } = remote;
    expect(merge(local, anonymousLater).merged).not.toHaveProperty('updatedBy');
  });

  it('a delete names its author whichever side wins', () => {
    const deletedByAnn = { ...authored, _deleted: true, updatedBy: 'ann@north.example', updatedAt: T2 };
    const editedByBob = { ...authored, title: 'Keep me', updatedBy: 'bob@north.example', updatedAt: T1 };
    const deleteWins = merge(deletedByAnn, editedByBob);
    expect(deleteWins.merged).toMatchObject({ _deleted: true, updatedBy: 'ann@north.example' });
    expect(deleteWins.conflicts).toEqual([
      expect.objectContaining({ field: '_deleted', keptValue: true, keptBy: 'ann@north.example', lostBy: 'bob@north.example', lostValue: expect.objectContaining({ title: 'Keep me' }) }),
    ]);

    const editWins = merge({ ...deletedByAnn, updatedAt: T1 }, { ...editedByBob, updatedAt: T2 });
    expect(editWins.merged).toMatchObject({ _deleted: false, title: 'Keep me', updatedBy: 'bob@north.example' });
    expect(editWins.conflicts).toEqual([expect.objectContaining({ field: '_deleted', keptValue: false, lostValue: true, keptBy: 'bob@north.example', lostBy: 'ann@north.example' })]);
  });

  it('an edit that only changed updatedBy/updatedAt counts as untouched against a delete', () => {
    const touched = { ...authored, updatedBy: 'bob@north.example', updatedAt: T2 };
    const deleted = { ...authored, _deleted: true, updatedBy: 'ann@north.example', updatedAt: T1 };
    const { merged, conflicts } = merge(deleted, touched);
    expect(merged._deleted).toBe(true);
    expect(conflicts).toEqual([]);
  });
});
