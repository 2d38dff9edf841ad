import { readFileSync } from 'node:fs';
import { appCsp, syncServerOrigin } from '../src-shared/ipc/csp';
import { writeTextFileAtomic } from './textFiles';

/** The sync server origin the renderer may connect to, kept in userData so a restart keeps it. */
export const SYNC_SERVER_FILE = 'sync-server.json';

export type AllowedServer = { origin: string; reloadRequired: boolean };

/**
 * Which sync server the renderer may talk to: by default none (only the app's own origin), then
 * the one the user signs in to, until they sign out. Main puts it in the CSP of every app://
 * response. A CSP is fixed when a page loads, so `allow` tells whether the page on screen was
 * served with a different server and must reload before it can connect.
 */
export type SyncServerAccess = {
  origin: () => string | null;
  /** The CSP header of an app:// response; a `document` response is remembered as the page on screen. */
  csp: (kind: 'document' | 'resource') => string;
  /** Allows the origin of `serverUrl`; throws for an address the app may not talk to. */
  allow: (serverUrl: string) => Promise<AllowedServer>;
  /** Back to no sync server (signed out). */
  clear: () => Promise<void>;
};

const readOrigin = (file: string | undefined): string | null => {
  if (!file) return null;
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { origin?: unknown };
    return typeof stored.origin === 'string' ? syncServerOrigin(stored.origin) : null;
  } catch {
    return null;
  }
};

/** `file`: where the allowed origin is kept (read once, now); none in tests that need no disk. */
export const createSyncServerAccess = (file?: string): SyncServerAccess => {
  let allowed = readOrigin(file);
  let onScreen: string | null | undefined;
  const persist = async (): Promise<void> => {
    if (file) await writeTextFileAtomic(file, `${JSON.stringify({ origin: allowed })}\n`, { mode: 0o600 });
  };
  return {
    origin: () => allowed,
    csp: (kind) => {
      if (kind === 'document') onScreen = allowed;
      return appCsp(allowed);
    },
    allow: async (serverUrl) => {
      const origin = syncServerOrigin(serverUrl);
      if (origin === null) throw new Error('the sync server must be an https:// address (http:// only for localhost or 127.0.0.1)');
      const changed = origin !== allowed;
      allowed = origin;
      if (changed) await persist();
      // No page served through app:// yet (the dev server serves it): its policy is not ours to narrow.
      return { origin, reloadRequired: onScreen !== undefined && onScreen !== origin };
    },
    clear: async () => {
      if (allowed === null) return;
      allowed = null;
      await persist();
    },
  };
};
