import { describe, expect, it } from 'vitest';
import { describeSyncStatus, timeAgo } from '../../../src-renderer/sync/describeSyncStatus';
import { SIGNED_OUT_STATUS } from '../../../src-renderer/sync/useSync';
import type { SyncStatus } from '../../../src-renderer/sync/syncTypes';

const NOW = new Date('2026-11-26T10:00:00.000Z');
const status = (change: Partial<SyncStatus>): SyncStatus => ({ ...SIGNED_OUT_STATUS, ...change });

describe('the sync indicator', () => {
  it.each([
    ['signed out', status({}), 'Local only', 'gray'],
    ['offline with 3 changes queued', status({ state: 'offline', pending: 3 }), 'Offline · 3 changes not sent', 'yellow'],
    ['offline with one change queued', status({ state: 'offline', pending: 1 }), 'Offline · 1 change not sent', 'yellow'],
    ['offline with nothing queued', status({ state: 'offline' }), 'Offline', 'yellow'],
    ['syncing', status({ state: 'syncing' }), 'Syncing…', 'blue'],
    ['a first sync in progress', status({ state: 'syncing', initial: { received: 1200, percent: null } }), 'Syncing 1,200 records…', 'blue'],
    ['a first sync 40 % through the feed', status({ state: 'syncing', initial: { received: 1200, percent: 40 } }), 'Syncing 1,200 records · 40%…', 'blue'],
    ['up to date', status({ state: 'idle', lastSyncedAt: '2026-11-26T09:58:00.000Z' }), 'Up to date · 2 min ago', 'teal'],
    ['in error', status({ state: 'error', error: 'pull 500' }), 'Sync error', 'red'],
    ['signed out by the server', status({ state: 'unauthorized', pending: 2 }), 'Sign in again', 'orange'],
  ] as const)('reads when %s', (_label, value, text, tone) => {
    const description = describeSyncStatus(value, NOW);
    expect(description.text).toBe(text);
    expect(description.tone).toBe(tone);
  });

  it('puts the server’s message in the error details, and reassures about queued changes when offline', () => {
    expect(describeSyncStatus(status({ state: 'error', error: 'The server refused task “Kick-off”: dueDate is not a date.' }), NOW).detail).toContain(
      'dueDate is not a date',
    );
    expect(describeSyncStatus(status({ state: 'offline', pending: 3 }), NOW).detail).toContain('3 changes will be sent');
    expect(describeSyncStatus(status({ state: 'unauthorized', pending: 2 }), NOW).detail).toContain('your 2 changes stay on this laptop');
  });

  it.each([
    ['2026-11-26T09:59:40.000Z', 'just now'],
    ['2026-11-26T09:58:00.000Z', '2 min ago'],
    ['2026-11-26T07:00:00.000Z', '3 h ago'],
    ['2026-11-25T08:00:00.000Z', 'yesterday'],
    [null, 'never'],
    ['garbage', 'never'],
  ])('says when %s was, relative to now', (iso, text) => {
    expect(timeAgo(iso, NOW)).toBe(text);
  });
});
