import { safeStorage } from 'electron';
import { readFile, rm } from 'node:fs/promises';
import type { StoredSession } from '../src-shared/ipc/contract';
import { storedSessionSchema } from '../src-shared/ipc/contract';
import { writeTextFileAtomic } from './textFiles';

/** The sync session lives in userData/sync-session.json, readable by the user only. */
export const SESSION_FILE = 'sync-session.json';

const FORMAT = 'partner-desk-session';

/** What is on disk: the session JSON, encrypted by safeStorage (base64) whenever it can be. */
type SessionEnvelope = { format: typeof FORMAT; version: 1; encrypted: boolean; data: string };

export type SecretStoreStatus = {
  /** safeStorage can encrypt at all. */
  available: boolean;
  /**
   * The key is guarded by the OS (Keychain, DPAPI, libsecret or KWallet). On Linux without a
   * secret service Chromium falls back to `basic_text`: a hard-coded key, i.e. obfuscation only.
   */
  secure: boolean;
};

export type SessionStore = {
  load: () => Promise<StoredSession | null>;
  save: (session: StoredSession) => Promise<{ secure: boolean }>;
  clear: () => Promise<{ cleared: boolean }>;
  status: () => Promise<SecretStoreStatus>;
};

export const secretStoreStatus = async (platform: NodeJS.Platform = process.platform): Promise<SecretStoreStatus> => {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const basicText = platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  return { available, secure: available && !basicText };
};

const isEnvelope = (value: unknown): value is SessionEnvelope => {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record.format === FORMAT && record.version === 1 && typeof record.encrypted === 'boolean' && typeof record.data === 'string';
};

/**
 * Keeps the sync token in main, never in the renderer's storage: encrypted with Electron's
 * safeStorage, written atomically with mode 0600. Without any encryption (no secret store at all)
 * the session is still kept, unencrypted, and `save` says so (`secure: false`) so the UI can warn.
 * Anything unreadable on load (a corrupt file, a key the OS no longer gives out) counts as signed
 * out: the user signs in again and nothing else is lost.
 */
export const createSessionStore = (filePath: string, platform: NodeJS.Platform = process.platform): SessionStore => {
  const status = () => secretStoreStatus(platform);

  const write = async (session: StoredSession, store: SecretStoreStatus): Promise<void> => {
    const json = JSON.stringify(session);
    const envelope: SessionEnvelope = store.available
      ? { format: FORMAT, version: 1, encrypted: true, data: (await safeStorage.encryptStringAsync(json)).toString('base64') }
      : { format: FORMAT, version: 1, encrypted: false, data: json };
    await writeTextFileAtomic(filePath, JSON.stringify(envelope), { mode: 0o600 });
  };

  const load = async (): Promise<StoredSession | null> => {
    let envelope: unknown;
    try {
      envelope = JSON.parse(await readFile(filePath, 'utf8'));
    } catch {
      return null;
    }
    if (!isEnvelope(envelope)) return null;
    let json = envelope.data;
    let reEncrypt = false;
    if (envelope.encrypted) {
      const store = await status();
      if (!store.available) return null;
      try {
        const decrypted = await safeStorage.decryptStringAsync(Buffer.from(envelope.data, 'base64'));
        json = decrypted.result;
        reEncrypt = decrypted.shouldReEncrypt;
      } catch {
        return null;
      }
    }
    let parsed;
    try {
      parsed = storedSessionSchema.safeParse(JSON.parse(json));
    } catch {
      return null;
    }
    if (!parsed.success) return null;
    if (reEncrypt) await write(parsed.data, await status()).catch(() => undefined);
    return parsed.data;
  };

  return {
    load,
    save: async (session) => {
      const store = await status();
      await write(session, store);
      return { secure: store.secure };
    },
    clear: async () => {
      await rm(filePath, { force: true });
      return { cleared: true };
    },
    status,
  };
};
