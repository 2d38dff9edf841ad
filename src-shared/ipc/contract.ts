import { z } from 'zod';
import type { IpcChannel, MenuCommand } from './channels';
import { MENU_COMMANDS } from './channels';
import { syncServerOrigin } from './csp';

/**
 * The one IPC contract between the renderer and the main process. The preload exposes exactly
 * `PartnerDeskBridge` (checked with `satisfies`), and main validates every payload against these
 * schemas at runtime before acting on it. The channel and command names live in channels.ts
 * (no zod) so the sandboxed preload stays tiny; they are re-exported here.
 */

export {
  EXTERNAL_URL_PROTOCOLS,
  IPC_CHANNELS,
  MENU_COMMANDS,
  MENU_EVENT_CHANNEL,
  FLUSH_REQUEST_CHANNEL,
  isFlushRequestId,
  isIpcChannel,
  isMenuCommand,
} from './channels';
export type { IpcChannel, MenuCommand } from './channels';

const fileFilter = z.object({
  name: z.string().min(1).max(80),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).min(1).max(10),
});

type ChannelSchemas = { request: z.ZodType; response: z.ZodType };

const syncUser = z.object({
  id: z.string().min(1).max(200),
  email: z.string().min(3).max(320),
  name: z.string().max(200),
  role: z.enum(['manager', 'admin']),
  teams: z.array(z.object({ id: z.string().min(1).max(200), name: z.string().max(200) })).max(200),
});

/**
 * A signed-in sync session as the laptop keeps it (`session:save` / `session:load`). The token is
 * the server's opaque bearer token (43 base64url characters today; any base64url up to 512 allowed).
 */
export const storedSessionSchema = z.object({
  serverUrl: z
    .string()
    .max(2000)
    .url()
    .refine((url) => /^https?:\/\//i.test(url), 'must be an http:// or https:// address'),
  token: z.string().regex(/^[A-Za-z0-9_-]{16,512}$/, 'must be a bearer token (base64url)'),
  user: syncUser,
  expiresAt: z.string().datetime({ offset: true }),
});

export type StoredSession = z.infer<typeof storedSessionSchema>;

/** `satisfies Record<IpcChannel, …>`: every channel in IPC_CHANNELS has schemas, and no others exist. */
export const ipcSchemas = {
  'app:getInfo': {
    request: z.undefined(),
    response: z.object({ version: z.string(), platform: z.string(), electron: z.string() }),
  },
  'shell:openExternal': {
    request: z.object({ url: z.string().url().max(2000) }),
    response: z.object({ opened: z.boolean() }),
  },
  'file:saveText': {
    request: z.object({
      defaultName: z.string().min(1).max(200),
      content: z.string().max(200 * 1024 * 1024),
      filters: z.array(fileFilter).max(5),
    }),
    response: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  'file:openText': {
    request: z.object({ filters: z.array(fileFilter).max(5) }),
    response: z.union([z.object({ name: z.string(), content: z.string() }), z.null()]),
  },
  'session:load': {
    request: z.undefined(),
    response: z.union([storedSessionSchema, z.null()]),
  },
  'session:save': {
    request: storedSessionSchema,
    /** `secure: false` when this computer has no secret store and the token is kept unencrypted. */
    response: z.object({ secure: z.boolean() }),
  },
  'session:clear': {
    request: z.undefined(),
    response: z.object({ cleared: z.boolean() }),
  },
  'session:status': {
    request: z.undefined(),
    response: z.object({ secure: z.boolean() }),
  },
  /**
   * The sync server the user is signing in to. Main allows the renderer to connect to its origin
   * (the CSP's connect-src) and to nothing else; `reloadRequired` when the page on screen was
   * served with another policy (a CSP is fixed when the page loads).
   */
  'sync:allowServer': {
    request: z
      .object({
        serverUrl: z
          .string()
          .max(2000)
          .refine((url) => syncServerOrigin(url) !== null, 'must be an https:// address (http:// only for localhost or 127.0.0.1), without a user name or password'),
      })
      .strict(),
    response: z.object({ origin: z.string(), reloadRequired: z.boolean() }),
  },
  /** Prints a plan's print layout to PDF in a hidden window and saves it where the user picks. */
  'plan:exportPdf': {
    request: z.object({
      planId: z.string().min(1).max(64),
      paper: z.enum(['a4', 'letter']),
      suggestedName: z.string().min(1).max(200),
    }),
    response: z.object({ saved: z.boolean(), path: z.string().optional(), pages: z.number().int().optional() }),
  },
  /** Prints a partner's welcome kit to PDF the same way (hidden window, save dialog, open offer). */
  'welcomeKit:exportPdf': {
    request: z.object({
      partnerId: z.string().min(1).max(64),
      paper: z.enum(['a4', 'letter']),
      suggestedName: z.string().min(1).max(200),
    }),
    response: z.object({ saved: z.boolean(), path: z.string().optional(), pages: z.number().int().optional() }),
  },
  /**
   * A desktop notification (a check-in reminder). Main answers when it is clicked (the window is
   * brought to the front first) or dismissed, or at once with `shown: false` when the system has
   * no notifications; the renderer then opens what the notification was about.
   */
  'notify:show': {
    request: z.object({ title: z.string().trim().min(1).max(200), body: z.string().max(1000) }).strict(),
    response: z.object({ shown: z.boolean(), clicked: z.boolean() }),
  },
  /**
   * The renderer's answer to a flush request (`FLUSH_REQUEST_CHANNEL`): everything typed is
   * saved, the window may close. `acknowledged: false` for an id main is not waiting for.
   */
  'window:flushed': {
    request: z.object({ requestId: z.string().regex(/^flush-\d{1,15}$/, 'must be a flush request id') }).strict(),
    response: z.object({ acknowledged: z.boolean() }),
  },
} as const satisfies Record<IpcChannel, ChannelSchemas>;

export type IpcRequest<C extends IpcChannel> = z.infer<(typeof ipcSchemas)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof ipcSchemas)[C]['response']>;

export const menuCommandSchema = z.enum(MENU_COMMANDS);

/** What the preload puts on `window.partnerDesk`. */
export type PartnerDeskBridge = {
  invoke: <C extends IpcChannel>(channel: C, request: IpcRequest<C>) => Promise<IpcResponse<C>>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /**
   * Called when the window is about to close: the listener saves what is typed; once its promise
   * settles the preload tells main (`window:flushed`) and the window closes. Returns the unsubscribe function.
   */
  onFlushRequest: (listener: () => Promise<void>) => () => void;
};
