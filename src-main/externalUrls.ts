import { shell } from 'electron';
import { EXTERNAL_URL_PROTOCOLS } from '../src-shared/ipc/channels';

/**
 * Whether a URL may be handed to the operating system (browser, mail client). Only the protocols in
 * EXTERNAL_URL_PROTOCOLS; never file:, javascript:, plain http: or custom app schemes, and never
 * URLs carrying credentials (a classic phishing disguise).
 */
export const isAllowedExternalUrl = (url: string): boolean => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!(EXTERNAL_URL_PROTOCOLS as readonly string[]).includes(parsed.protocol)) return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return parsed.protocol === 'mailto:' ? parsed.pathname !== '' : parsed.hostname !== '';
};

/** Opens an allow-listed URL with the OS; refuses everything else. Resolves to whether it opened. */
export const openExternalUrl = async (url: string): Promise<boolean> => {
  if (!isAllowedExternalUrl(url)) return false;
  try {
    await shell.openExternal(url);
    return true;
  } catch (error) {
    console.warn('[partner-desk] could not open external URL', error);
    return false;
  }
};
