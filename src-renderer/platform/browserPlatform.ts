import { printRoute, welcomeKitPrintRoute } from '../../src-shared/plan/pdfOptions';
import type { FileKind, NotifyRequest, OpenedTextFile, Platform, StoredSession } from './platform';

const MAX_OPEN_BYTES = 50 * 1024 * 1024;

/** The Platform for a plain browser: downloads for saving, a file input for opening. */
export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    appVersion: async () => import.meta.env.VITE_APP_VERSION ?? 'web',
    openExternal: async (url) => {
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'mailto:') return;
      window.open(parsed.href, '_blank', 'noopener,noreferrer');
    },
    saveTextFile: async ({ suggestedName, content, kind }) => {
      const blob = new Blob([content], { type: `${kind.mimeType};charset=utf-8` });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { saved: true, location: suggestedName };
    },
    openTextFile: (kind) => pickFile(kind),
    onMenuCommand: () => () => undefined,
    onFlushRequest: () => () => undefined,
    notify: (request) => browserNotify(request),
    exportPlanPdf: async ({ planId, paper }) => openPrintLayout(printRoute(planId, paper)),
    exportWelcomeKitPdf: async ({ partnerId, paper }) => openPrintLayout(welcomeKitPrintRoute(partnerId, paper)),
    // No main process narrows the browser build's CSP (its <meta> policy allows https: servers).
    allowSyncServer: async () => ({ reloadRequired: false }),
    session: browserSession(),
  };
}

/**
 * The print layout in its own tab; it opens the browser's print dialog once rendered ("Save as
 * PDF" there). A blocked pop-up falls back to this tab.
 */
function openPrintLayout(route: string): { saved: false } {
  const url = `${window.location.pathname}${window.location.search}#${route}&autoprint=1`;
  if (!window.open(url, '_blank')) window.location.assign(url);
  return { saved: false };
}

const SESSION_KEY = 'partnerdesk.syncSession';

/** The shape check of a session read back from sessionStorage (the renderer bundles no zod). */
function isStoredSession(value: unknown): value is StoredSession {
  const session = value as Partial<StoredSession> | null;
  return (
    typeof session === 'object' &&
    session !== null &&
    typeof session.serverUrl === 'string' &&
    typeof session.token === 'string' &&
    typeof session.expiresAt === 'string' &&
    typeof session.user === 'object' &&
    session.user !== null &&
    typeof session.user.id === 'string' &&
    typeof session.user.email === 'string' &&
    Array.isArray(session.user.teams)
  );
}

/**
 * A browser has no secret store: the session lives in sessionStorage, so it ends with the tab
 * (reported as not secure). Anything unreadable there counts as signed out.
 */
function browserSession(): Platform['session'] {
  return {
    load: async () => {
      try {
        const parsed: unknown = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) ?? 'null');
        return isStoredSession(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    save: async (session: StoredSession) => {
      window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
      return { secure: false };
    },
    clear: async () => window.sessionStorage.removeItem(SESSION_KEY),
    secureStorage: async () => false,
  };
}

function pickFile(kind: FileKind): Promise<OpenedTextFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = [...kind.extensions.map((ext) => `.${ext}`), kind.mimeType].join(',');
    input.style.display = 'none';
    const cleanup = () => input.remove();
    input.addEventListener('cancel', () => {
      cleanup();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      cleanup();
      if (!file) return resolve(null);
      if (file.size > MAX_OPEN_BYTES) {
        return reject(new Error(`“${file.name}” is larger than 50 MB; split it into smaller files.`));
      }
      file.text().then((content) => resolve({ name: file.name, content }), reject);
    });
    document.body.append(input);
    input.click();
  });
}

/** The browser's Notification API; asks for permission the first time, shows nothing if refused. */
async function browserNotify({ title, body, onClick }: NotifyRequest): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  if (permission !== 'granted') return false;
  const notification = new Notification(title, { body, tag: `partnerdesk-${title}` });
  notification.onclick = () => {
    window.focus();
    notification.close();
    onClick?.();
  };
  return true;
}
