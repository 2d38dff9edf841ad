import type { IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { join } from 'node:path';
import type { IpcChannel, IpcRequest, IpcResponse } from '../src-shared/ipc/contract';
import { IPC_CHANNELS, ipcSchemas } from '../src-shared/ipc/contract';
import { openExternalUrl } from './externalUrls';
import { acknowledgeFlush } from './flushOnClose';
import { isAllowedOrigin } from './origins';
import { showNotification } from './notifications';
import { exportPlanPdf, exportWelcomeKitPdf } from './pdfExport';
import { createSessionStore, SESSION_FILE, type SessionStore } from './sessionStore';
import { createSyncServerAccess, type SyncServerAccess } from './syncServerAccess';
import { readTextFile, safeFileName, writeTextFileAtomic } from './textFiles';

export type IpcDeps = {
  /** Origins whose frames may call main: the app origin, plus the dev server's in development. */
  allowedOrigins: readonly string[];
  /** The sync server the renderer may connect to (the CSP of app:// responses). */
  syncServers?: SyncServerAccess;
};

type Handler<C extends IpcChannel> = (request: IpcRequest<C>, event: IpcMainInvokeEvent) => Promise<IpcResponse<C>>;
type Handlers = { [C in IpcChannel]: Handler<C> };

/** Only frames showing the app itself may use IPC: not file://, not other hosts, not a missing/destroyed frame. */
export const validateSender = (frameUrl: string | undefined, allowedOrigins: readonly string[]): boolean =>
  isAllowedOrigin(frameUrl, allowedOrigins);

/**
 * Parses a payload with the channel's zod schema. Invalid input throws an Error naming the channel
 * and each offending field, e.g. "file:saveText: defaultName: Too small: expected string to have >=1 characters".
 */
export const validateRequest = <C extends IpcChannel>(channel: C, payload: unknown): IpcRequest<C> => {
  if (!Object.hasOwn(ipcSchemas, channel)) throw new Error(`Unknown IPC channel: ${String(channel)}`);
  const result = ipcSchemas[channel].request.safeParse(payload);
  if (result.success) return result.data as IpcRequest<C>;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'request'}: ${issue.message}`);
  throw new Error(`${channel}: ${problems.join('; ')}`);
};

const parentWindow = (event: IpcMainInvokeEvent): BrowserWindow | null => BrowserWindow.fromWebContents(event.sender);

/** The session store in userData, resolved when first used (userData exists only once the app is ready). */
const lazySessionStore = (): (() => SessionStore) => {
  let store: SessionStore | undefined;
  return () => (store ??= createSessionStore(join(app.getPath('userData'), SESSION_FILE)));
};

const createHandlers = (syncServers: SyncServerAccess): Handlers => {
  const sessions = lazySessionStore();
  return {
    'app:getInfo': async () => ({
      version: app.getVersion(),
      platform: process.platform,
      electron: process.versions.electron ?? '',
    }),

    'shell:openExternal': async ({ url }) => ({ opened: await openExternalUrl(url) }),

    'file:saveText': async ({ defaultName, content, filters }, event) => {
      const options: SaveDialogOptions = {
        defaultPath: join(app.getPath('documents'), safeFileName(defaultName)),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = parentWindow(event);
      const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false };
      await writeTextFileAtomic(choice.filePath, content);
      return { saved: true, path: choice.filePath };
    },

    'file:openText': async ({ filters }, event) => {
      const options: OpenDialogOptions = { properties: ['openFile'], filters };
      const parent = parentWindow(event);
      const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      const [filePath] = choice.filePaths;
      if (choice.canceled || filePath === undefined) return null;
      return readTextFile(filePath);
    },

    'session:load': () => sessions().load(),
    'session:save': async (session) => {
      const saved = await sessions().save(session);
      // The signed-in server stays the one the renderer may reach (after a restart too).
      await syncServers.allow(session.serverUrl);
      return saved;
    },
    'session:clear': async () => {
      const cleared = await sessions().clear();
      await syncServers.clear();
      return cleared;
    },
    'sync:allowServer': ({ serverUrl }) => syncServers.allow(serverUrl),
    'session:status': async () => ({ secure: (await sessions().status()).secure }),
    'plan:exportPdf': (request, event) => exportPlanPdf(request, event),
    'welcomeKit:exportPdf': (request, event) => exportWelcomeKitPdf(request, event),
    'notify:show': (request, event) => showNotification(request, event),
    'window:flushed': async ({ requestId }) => ({ acknowledged: acknowledgeFlush(requestId) }),
  };
};

const handleChannel = <C extends IpcChannel>(channel: C, handler: Handler<C>, deps: IpcDeps): void => {
  ipcMain.removeHandler(channel);
  ipcMain.handle(channel, async (event, payload: unknown) => {
    if (!validateSender(event.senderFrame?.url, deps.allowedOrigins)) {
      throw new Error(`${channel}: refused a call from a frame outside the app`);
    }
    const request = validateRequest(channel, payload);
    try {
      return await handler(request, event);
    } catch (error) {
      throw new Error(`${channel}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
};

/** Registers a validated handler for every channel of the contract, and for nothing else. */
export const registerIpcHandlers = (deps: IpcDeps): void => {
  const handlers = createHandlers(deps.syncServers ?? createSyncServerAccess());
  for (const channel of IPC_CHANNELS) handleChannel(channel, handlers[channel] as Handler<typeof channel>, deps);
};
