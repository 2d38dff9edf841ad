import { z } from 'zod';
import type { IpcChannel, MenuCommand } from './channels';
import { MENU_COMMANDS } from './channels';

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
  isIpcChannel,
  isMenuCommand,
} from './channels';
export type { IpcChannel, MenuCommand } from './channels';

const fileFilter = z.object({
  name: z.string().min(1).max(80),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).min(1).max(10),
});

type ChannelSchemas = { request: z.ZodType; response: z.ZodType };

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
} as const satisfies Record<IpcChannel, ChannelSchemas>;

export type IpcRequest<C extends IpcChannel> = z.infer<(typeof ipcSchemas)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof ipcSchemas)[C]['response']>;

export const menuCommandSchema = z.enum(MENU_COMMANDS);

/** What the preload puts on `window.partnerDesk`. */
export type PartnerDeskBridge = {
  invoke: <C extends IpcChannel>(channel: C, request: IpcRequest<C>) => Promise<IpcResponse<C>>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};
