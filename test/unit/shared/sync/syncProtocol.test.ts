import { describe, expect, it } from 'vitest';
import { canEditProgramDocument, canSeePartner, canSeeProgramDocument, isAdminWrittenCollection, isProgramCollection, partnerTeamEmails, PROGRAM_COLLECTIONS } from '../../../../src-shared/sync/accessRules';
import { formatCheckpoint, isSyncCheckpoint, parseCheckpoint } from '../../../../src-shared/sync/checkpoint';
import { deepEqual, isSameDocument } from '../../../../src-shared/sync/documentEquality';
import { pullPath, pushPath } from '../../../../src-shared/sync/protocol';
import { createSseParser, parseFeedStreamEvent, parseSyncStreamEvent, type SseMessage } from '../../../../src-shared/sync/sseParser';

describe('checkpoint format', () => {
  it('round-trips and rejects malformed values', () => {
    expect(formatCheckpoint({ epoch: 'ab12', seq: 42 })).toBe('ab12.42');
    expect(formatCheckpoint(null)).toBe('');
    expect(parseCheckpoint('ab12.42')).toEqual({ ok: true, checkpoint: { epoch: 'ab12', seq: 42 } });
    expect(parseCheckpoint('')).toEqual({ ok: true, checkpoint: null });
    expect(parseCheckpoint(undefined)).toEqual({ ok: true, checkpoint: null });
    for (const bad of ['42', '.42', 'ab.', 'AB.1', 'ab.-1', 'ab.01', 'ab.1.2', 'ab.1e3', 'ab.99999999999999999', `${'a'.repeat(33)}.1`]) {
      expect(parseCheckpoint(bad).ok, bad).toBe(false);
    }
    expect(isSyncCheckpoint({ epoch: 'ab', seq: 1 })).toBe(true);
    expect(isSyncCheckpoint({ epoch: 'ab', seq: -1 })).toBe(false);
    expect(isSyncCheckpoint('ab.1')).toBe(false);
  });

  it('builds request paths', () => {
    expect(pullPath('tasks', { epoch: 'e1', seq: 7 }, 50)).toBe('/api/sync/tasks/pull?checkpoint=e1.7&limit=50');
    expect(pullPath('tasks', null, 50)).toBe('/api/sync/tasks/pull?checkpoint=&limit=50');
    expect(pushPath('deals')).toBe('/api/sync/deals/push');
  });
});

describe('document equality', () => {
  it('ignores key order, undefined members, RxDB local fields and a missing _deleted', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: null }, { a: undefined })).toBe(false);
    expect(isSameDocument({ id: 'x', v: 1, _meta: { lwt: 1 }, _rev: '1-a' }, { v: 1, id: 'x', _deleted: false, _attachments: {} })).toBe(true);
    expect(isSameDocument({ id: 'x', _deleted: true }, { id: 'x' })).toBe(false);
  });
});

describe('access rules', () => {
  const ann = { id: 'u1', email: 'Ann@North.example', role: 'manager' as const, teamIds: ['north'] };
  it('grants owners, team members by email, the shared team, and admins', () => {
    const facts = { ownerEmail: 'someone@else.example', teamEmails: [], sharedTeamId: null };
    expect(canSeePartner(ann, facts)).toBe(false);
    expect(canSeePartner(ann, { ...facts, ownerEmail: 'ann@north.example' })).toBe(true);
    expect(canSeePartner(ann, { ...facts, teamEmails: partnerTeamEmails([{ email: ' ANN@north.example' }, { name: 'no email' }, 5]) })).toBe(true);
    expect(canSeePartner(ann, { ...facts, sharedTeamId: 'north' })).toBe(true);
    expect(canSeePartner(ann, { ...facts, sharedTeamId: 'south' })).toBe(false);
    expect(canSeePartner({ ...ann, role: 'admin', teamIds: [] }, facts)).toBe(true);
    expect(partnerTeamEmails('not an array')).toEqual([]);
  });
  it('shows templates to their creator and the creator’s teammates', () => {
    expect(canSeeProgramDocument(ann, { id: 'u1', role: 'manager', teamIds: [] })).toBe(true);
    expect(canSeeProgramDocument(ann, { id: 'u2', role: 'manager', teamIds: ['south', 'north'] })).toBe(true);
    expect(canSeeProgramDocument(ann, { id: 'u2', role: 'manager', teamIds: ['south'] })).toBe(false);
    expect(canSeeProgramDocument({ ...ann, teamIds: [] }, { id: 'u2', role: 'manager', teamIds: [] })).toBe(false);
  });
  it('shows an admin’s template to every manager, whatever their teams, and lets only the admin’s teammates change it', () => {
    const lead = { id: 'u9', role: 'admin' as const, teamIds: ['hq'] };
    expect(canSeeProgramDocument(ann, lead)).toBe(true);
    expect(canSeeProgramDocument({ ...ann, teamIds: [] }, lead)).toBe(true);
    expect(canEditProgramDocument(ann, lead, 'templates')).toBe(false);
    expect(canEditProgramDocument({ ...ann, teamIds: ['hq'] }, lead, 'templates')).toBe(true);
    expect(canEditProgramDocument({ ...ann, role: 'admin' }, { id: 'u2', role: 'manager', teamIds: ['south'] }, 'templates')).toBe(true);
    // Whoever may change a program document may see it.
    expect(canSeeProgramDocument({ ...ann, role: 'admin', teamIds: [] }, { id: 'u2', role: 'manager', teamIds: [] })).toBe(true);
  });
  it('lets only admins change the resource library, even the creator’s teammates may only read it', () => {
    const lead = { id: 'u9', role: 'admin' as const, teamIds: ['hq'] };
    expect(canSeeProgramDocument(ann, lead)).toBe(true);
    expect(canEditProgramDocument({ ...ann, teamIds: ['hq'] }, lead, 'resources')).toBe(false);
    expect(canEditProgramDocument(ann, { id: ann.id, role: 'manager', teamIds: ['north'] }, 'resources')).toBe(false);
    expect(canEditProgramDocument({ ...ann, role: 'admin', teamIds: [] }, lead, 'resources')).toBe(true);
    expect(isAdminWrittenCollection('resources')).toBe(true);
    expect(isAdminWrittenCollection('templates')).toBe(false);
  });
  it('counts templates and resources, and no partner-owned collection, among the program collections', () => {
    expect(PROGRAM_COLLECTIONS).toEqual(['templates', 'resources']);
    expect(isProgramCollection('templates')).toBe(true);
    for (const collection of ['partners', 'tasks', 'deals', 'conflicts'] as const) expect(isProgramCollection(collection)).toBe(false);
  });
});

describe('SSE parser', () => {
  it('parses events split across chunks, with CRLF, comments and multi-line data', () => {
    const messages: SseMessage[] = [];
    const parser = createSseParser((message) => messages.push(message));
    parser.push('retry: 3000\n\n: ping\n\nevent: resync\nda');
    parser.push('ta: {}\n\nevent: change\r\ndata: {"collection":"tasks",\r\ndata: "documents":[],"checkpoint":{"epoch":"e1","seq":3}}\r\n\r\n');
    parser.push('event: closed\ndata: {"reason":"unauthorized"}\n');
    expect(messages).toHaveLength(2);
    parser.push('\n');
    expect(messages.map((message) => message.event)).toEqual(['resync', 'change', 'closed']);
    expect(messages.map(parseSyncStreamEvent)).toEqual([
      { type: 'resync' },
      { type: 'change', collection: 'tasks', documents: [], checkpoint: { epoch: 'e1', seq: 3 } },
      { type: 'closed', reason: 'unauthorized' },
    ]);
    expect(parseSyncStreamEvent({ event: 'change', data: '{"collection":"nope","documents":[],"checkpoint":{"epoch":"e","seq":1}}' })).toBeNull();
    expect(parseSyncStreamEvent({ event: 'change', data: 'not json' })).toBeNull();
  });

  it('keeps an event whose CRLF is split across two chunks (the hand-written parser dropped it)', () => {
    const messages: SseMessage[] = [];
    const parser = createSseParser((message) => messages.push(message));
    parser.push('event: resync\r\ndata: {}\r');
    parser.push('\n\r\nevent: resync\r\ndata: {}\r\n\r\n');
    expect(messages.map((message) => message.event)).toEqual(['resync', 'resync']);
  });

  it('reads the first event after a byte-order mark (the hand-written parser lost it)', () => {
    const messages: SseMessage[] = [];
    const parser = createSseParser((message) => messages.push(message));
    parser.push('\uFEFFevent: resync\ndata: {}\n\n');
    expect(messages).toEqual([{ event: 'resync', data: '{}' }]);
  });
});

describe('protocol 2 stream events', () => {
  const change = { collection: 'tasks', seq: 12, document: { id: 't1', _deleted: false } };
  it('parses changes with their versions and the from position', () => {
    expect(parseFeedStreamEvent({ event: 'changes', data: JSON.stringify({ changes: [change], from: 10, checkpoint: { epoch: 'e1', seq: 12 } }) })).toEqual({
      type: 'changes',
      changes: [change],
      from: 10,
      checkpoint: { epoch: 'e1', seq: 12 },
    });
    expect(parseFeedStreamEvent({ event: 'resync', data: '{}' })).toEqual({ type: 'resync' });
  });

  it.each([
    ['a change without a version', { changes: [{ ...change, seq: undefined }], from: 1, checkpoint: { epoch: 'e1', seq: 12 } }],
    ['an unknown collection', { changes: [{ ...change, collection: 'nope' }], from: 1, checkpoint: { epoch: 'e1', seq: 12 } }],
    ['no from', { changes: [change], checkpoint: { epoch: 'e1', seq: 12 } }],
    ['a malformed checkpoint', { changes: [change], from: 1, checkpoint: { seq: 12 } }],
  ])('refuses %s', (_label, body) => {
    expect(parseFeedStreamEvent({ event: 'changes', data: JSON.stringify(body) })).toBeNull();
  });
});
