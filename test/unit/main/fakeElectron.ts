/**
 * A stand-in for the `electron` module (no Electron binary exists on the build machines). Each
 * main-process test file mocks electron with it:
 *
 *   vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);
 *
 * and then drives the fakes (fire window events, call registered IPC handlers) and reads what the
 * code did (sent messages, opened URLs). `resetFakeElectron()` in beforeEach starts clean.
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

export type Bounds = { x: number; y: number; width: number; height: number };
type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;
type PermissionCheckHandler = (webContents: unknown, permission: string, requestingOrigin: string) => boolean;
type WindowOpenHandler = (details: { url: string }) => { action: string };
type InvokeHandler = (event: unknown, payload?: unknown) => Promise<unknown>;

export class FakeSession {
  requestHandler: PermissionRequestHandler | undefined;
  checkHandler: PermissionCheckHandler | undefined;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.checkHandler = handler;
  }

  /** What the app answers when a page at `requestingUrl` asks for `permission`. */
  request(permission: string, requestingUrl: string): boolean {
    let granted: boolean | undefined;
    this.requestHandler?.({}, permission, (answer) => (granted = answer), { requestingUrl, isMainFrame: true });
    if (granted === undefined) throw new Error('no permission request handler answered');
    return granted;
  }

  check(permission: string, requestingOrigin: string): boolean {
    if (!this.checkHandler) throw new Error('no permission check handler installed');
    return this.checkHandler({}, permission, requestingOrigin);
  }
}

export class FakeWebContents extends EventEmitter {
  readonly session = new FakeSession();
  readonly sent: unknown[][] = [];
  windowOpenHandler: WindowOpenHandler | undefined;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }

  /** What happens when the page calls window.open(url). */
  windowOpen(url: string): { action: string } {
    if (!this.windowOpenHandler) throw new Error('no window open handler installed');
    return this.windowOpenHandler({ url });
  }

  /** Fires a cancellable event the way Electron does; true when the app called preventDefault. */
  attempt(eventName: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url = ''): boolean {
    let prevented = false;
    this.emit(eventName, { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static focusedWindow: FakeBrowserWindow | null = null;

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((window) => !window.destroyed);
  }

  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.focusedWindow;
  }

  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
  }

  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  loadedUrl: string | undefined;
  bounds: Bounds;
  visible = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  focusCalls = 0;

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    const number = (key: string, fallback: number): number => (typeof options[key] === 'number' ? options[key] : fallback);
    this.bounds = { x: number('x', 100), y: number('y', 100), width: number('width', 800), height: number('height', 600) };
    FakeBrowserWindow.instances.push(this);
    // Like Electron: app-wide listeners see every new WebContents before the creator does.
    appEvents.emit('web-contents-created', {}, this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focusCalls += 1;
  }

  restore(): void {
    this.minimized = false;
  }

  maximize(): void {
    this.maximized = true;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getNormalBounds(): Bounds {
    return { ...this.bounds };
  }

  close(): void {
    this.emit('close', { preventDefault: () => undefined });
    this.destroyed = true;
    this.emit('closed');
  }
}

/** Knobs a test sets before running the code under test. */
export const fake = {
  lock: true,
  isPackaged: false,
  isReady: false,
  darkTheme: false,
  displays: [{ x: 0, y: 0, width: 1920, height: 1040 }] as Bounds[],
  paths: {} as Record<string, string>,
  appPath: '/opt/partner-desk',
  /** safeStorage: whether encryption works at all, and the Linux password store it picked. */
  encryptionAvailable: true,
  storageBackend: 'gnome_libsecret' as string,
  markReady: (): void => undefined,
};

export const appEvents = new EventEmitter();
export const ipcHandlers = new Map<string, InvokeHandler>();
export const protocolHandlers = new Map<string, (request: { url: string; method: string }) => Promise<Response>>();
export const exposedInMainWorld = new Map<string, unknown>();
export const ipcRendererEvents = new EventEmitter();

let readyPromise: Promise<void> = Promise.resolve();

export const app = {
  get isPackaged(): boolean {
    return fake.isPackaged;
  },
  requestSingleInstanceLock: vi.fn(() => fake.lock),
  quit: vi.fn<(...args: unknown[]) => void>(),
  exit: vi.fn<(...args: unknown[]) => void>(),
  setAppUserModelId: vi.fn<(...args: unknown[]) => void>(),
  getAppPath: () => fake.appPath,
  getPath: (name: string): string => {
    const path = fake.paths[name];
    if (path === undefined) throw new Error(`fake app.getPath: no path set for ${name}`);
    return path;
  },
  getVersion: () => '0.1.0',
  isReady: () => fake.isReady,
  whenReady: () => readyPromise,
  on: (event: string, listener: (...args: unknown[]) => void) => {
    appEvents.on(event, listener);
    return app;
  },
};

export const ipcMain = {
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    ipcHandlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcHandlers.delete(channel);
  }),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn<(schemes: { scheme: string; privileges: Record<string, unknown> }[]) => void>(),
  handle: vi.fn((scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) => {
    protocolHandlers.set(scheme, handler);
  }),
};

/** Reads file:// URLs from disk like Electron's net.fetch, without a content type (as Chromium may). */
export const net = {
  fetch: vi.fn(async (url: string) => new Response(await readFile(fileURLToPath(url)), { status: 200 })),
};

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const dialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
  showOpenDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({
    canceled: true,
    filePaths: [],
  })),
  showErrorBox: vi.fn<(...args: unknown[]) => void>(),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn<(...args: unknown[]) => void>(),
};

export const nativeTheme = {
  get shouldUseDarkColors(): boolean {
    return fake.darkTheme;
  },
};

/** A reversible stand-in for OS encryption: the bytes are XOR-ed and prefixed, so plaintext never shows. */
const FAKE_CIPHER_PREFIX = Buffer.from('fake-os-cipher:');
const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ 0x5a));

export const safeStorage = {
  isAsyncEncryptionAvailable: vi.fn(async () => fake.encryptionAvailable),
  isEncryptionAvailable: vi.fn(() => fake.encryptionAvailable),
  getSelectedStorageBackend: vi.fn(() => fake.storageBackend),
  encryptStringAsync: vi.fn(async (plainText: string): Promise<Buffer> => {
    if (!fake.encryptionAvailable) throw new Error('Encryption is not available.');
    return Buffer.concat([FAKE_CIPHER_PREFIX, xor(Buffer.from(plainText, 'utf8'))]);
  }),
  decryptStringAsync: vi.fn(async (encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> => {
    if (!fake.encryptionAvailable) throw new Error('Decryption is not available.');
    if (!encrypted.subarray(0, FAKE_CIPHER_PREFIX.length).equals(FAKE_CIPHER_PREFIX)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { result: xor(encrypted.subarray(FAKE_CIPHER_PREFIX.length)).toString('utf8'), shouldReEncrypt: false };
  }),
};

export const screen = { getAllDisplays: () => fake.displays.map((workArea) => ({ workArea })) };

export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    exposedInMainWorld.set(key, api);
  }),
};

export const ipcRenderer = {
  invoke: vi.fn(async (channel: string, request: unknown) => ({ channel, request })),
  on: (channel: string, listener: (...args: unknown[]) => void) => {
    ipcRendererEvents.on(channel, listener);
    return ipcRenderer;
  },
  removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
    ipcRendererEvents.removeListener(channel, listener);
    return ipcRenderer;
  },
};

export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeTheme,
  net,
  protocol,
  safeStorage,
  screen,
  shell,
};

export const resetFakeElectron = (): void => {
  vi.resetAllMocks();
  Object.assign(fake, {
    lock: true,
    isPackaged: false,
    isReady: false,
    darkTheme: false,
    displays: [{ x: 0, y: 0, width: 1920, height: 1040 }],
    paths: {},
    appPath: '/opt/partner-desk',
    encryptionAvailable: true,
    storageBackend: 'gnome_libsecret',
  });
  readyPromise = new Promise<void>((resolve) => {
    fake.markReady = () => {
      fake.isReady = true;
      resolve();
    };
  });
  appEvents.removeAllListeners();
  ipcRendererEvents.removeAllListeners();
  ipcHandlers.clear();
  protocolHandlers.clear();
  exposedInMainWorld.clear();
  FakeBrowserWindow.instances = [];
  FakeBrowserWindow.focusedWindow = null;
};

/** The IPC event main sees for a call from a frame at `frameUrl` (null: the frame is gone). */
export const ipcEventFrom = (frameUrl: string | null, sender: unknown = {}): unknown => ({
  sender,
  senderFrame: frameUrl === null ? null : { url: frameUrl },
});

export const registeredIpcHandler = (channel: string): InvokeHandler => {
  const handler = ipcHandlers.get(channel);
  if (!handler) throw new Error(`no IPC handler registered for ${channel}`);
  return handler;
};
