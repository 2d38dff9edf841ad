import type { SyncUser } from '../../src-shared/sync/protocol';

const PREFIX = 'partner-desk:last-synced:';

/**
 * When an account last finished a sync on this laptop, kept in the renderer's localStorage (per
 * server and user) so the indicator can say "Last synced 2 hours ago" after a restart while
 * offline. A missing or unusable store only loses that hint.
 */
export const lastSyncedStore = {
  read(serverUrl: string, user: Pick<SyncUser, 'id'>): string | null {
    try {
      const value = window.localStorage.getItem(`${PREFIX}${serverUrl}|${user.id}`);
      return value && !Number.isNaN(Date.parse(value)) ? value : null;
    } catch {
      return null;
    }
  },
  write(serverUrl: string, user: Pick<SyncUser, 'id'>, at: string): void {
    try {
      window.localStorage.setItem(`${PREFIX}${serverUrl}|${user.id}`, at);
    } catch {
      // storage full or disabled: the hint is lost, nothing else
    }
  },
};
