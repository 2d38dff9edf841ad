/**
 * The names the IPC contract is made of, as plain constants with no runtime dependency. The
 * sandboxed preload imports only this file (and types), so it bundles to a few hundred bytes
 * instead of carrying zod; contract.ts re-exports everything here next to the schemas.
 */

export const IPC_CHANNELS = [
  'app:getInfo',
  'shell:openExternal',
  'file:saveText',
  'file:openText',
  'session:load',
  'session:save',
  'session:clear',
  'session:status',
  'sync:allowServer',
  'plan:exportPdf',
  'welcomeKit:exportPdf',
  'notify:show',
  'window:flushed',
] as const;
export type IpcChannel = (typeof IPC_CHANNELS)[number];

export const isIpcChannel = (value: unknown): value is IpcChannel =>
  typeof value === 'string' && (IPC_CHANNELS as readonly string[]).includes(value);

export const MENU_COMMANDS = ['new-partner', 'search', 'settings', 'import-partners', 'today', 'portfolio'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);

/** Main → renderer event channel carrying application-menu commands. */
export const MENU_EVENT_CHANNEL = 'menu:command';

/**
 * Main → renderer: the window is closing, save what is typed (payload: a request id). The
 * renderer answers on `window:flushed` with the same id; main then lets the window close.
 */
export const FLUSH_REQUEST_CHANNEL = 'window:flush-request';

/** A flush request id as main makes them: `flush-` and a counter. */
export const isFlushRequestId = (value: unknown): value is string => typeof value === 'string' && /^flush-\d{1,15}$/.test(value);

/** URL protocols `shell:openExternal` (and links the window refuses to open itself) may hand to the OS. */
export const EXTERNAL_URL_PROTOCOLS = ['https:', 'mailto:'] as const;
