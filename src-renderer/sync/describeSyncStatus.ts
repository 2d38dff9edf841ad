import type { SyncState, SyncStatus } from './syncTypes';

export type SyncTone = 'gray' | 'orange' | 'blue' | 'teal' | 'red' | 'yellow';

/** What the header indicator shows: a short text, a colour, and the full story for its tooltip. */
export type SyncDescription = { state: SyncState; text: string; tone: SyncTone; detail: string };

const count = new Intl.NumberFormat('en-US');

const plural = (n: number, one: string, many = `${one}s`) => `${count.format(n)} ${n === 1 ? one : many}`;

/** "just now", "2 min ago", "3 h ago", "yesterday", then the date. */
export function timeAgo(iso: string | null, now: Date): string {
  if (!iso) return 'never';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'never';
  const seconds = Math.max(0, Math.round((now.getTime() - then) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  if (hours < 48) return 'yesterday';
  return new Date(then).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The indicator's words for each state; see SyncState for what the states mean. */
export function describeSyncStatus(status: SyncStatus, now: Date): SyncDescription {
  const pending = status.pending > 0 ? plural(status.pending, 'change') : null;
  const last = status.lastSyncedAt ? `Last synced ${timeAgo(status.lastSyncedAt, now)}.` : 'Not synced yet.';
  switch (status.state) {
    case 'signed_out':
      return {
        state: status.state,
        text: 'Local only',
        tone: 'gray',
        detail: 'Everything is saved on this laptop. Sign in to a sync server in Settings to share with your team.',
      };
    case 'unauthorized':
      return {
        state: status.state,
        text: 'Sign in again',
        tone: 'orange',
        detail: `Your sync session has ended. Sign in again to keep syncing; ${pending ? `your ${pending} stay` : 'your changes stay'} on this laptop.`,
      };
    case 'offline':
      return {
        state: status.state,
        text: pending ? `Offline · ${pending} not sent` : 'Offline',
        tone: 'yellow',
        detail: `The sync server cannot be reached. Keep working: ${pending ? `${pending} will be sent` : 'changes are sent'} when the connection is back. ${last}`,
      };
    case 'error':
      return {
        state: status.state,
        text: 'Sync error',
        tone: 'red',
        detail: `${status.error ?? 'The server refused a change.'} Sync retries by itself; your changes stay on this laptop.`,
      };
    case 'syncing':
      return {
        state: status.state,
        text:
          status.initial && status.initial.received > 0
            ? `Syncing ${plural(status.initial.received, 'record')}${status.initial.percent !== null ? ` · ${status.initial.percent}%` : ''}…`
            : 'Syncing…',
        tone: 'blue',
        detail: status.initial ? 'Bringing your account onto this laptop for the first time.' : `Sending and receiving changes. ${last}`,
      };
    case 'idle':
      return {
        state: status.state,
        text: status.lastSyncedAt ? `Up to date · ${timeAgo(status.lastSyncedAt, now)}` : 'Up to date',
        tone: 'teal',
        detail: `Everything on this laptop is on the server. ${last}`,
      };
  }
}

export const SYNC_STATE_LABELS: Record<SyncState, string> = {
  signed_out: 'Local only',
  unauthorized: 'Signed out by the server',
  offline: 'Offline',
  error: 'Error',
  syncing: 'Syncing',
  idle: 'Up to date',
};
