import { randomUUID } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Largest file `file:openText` reads: the whole text crosses IPC and sits in renderer memory. */
export const MAX_OPEN_TEXT_BYTES = 50 * 1024 * 1024;

const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * Writes `content` (text as UTF-8, or bytes as they are, e.g. a PDF) so that `filePath` holds either the old file or the complete new one,
 * never a half-written mix: write a temporary file beside it, flush it to disk, then rename it over
 * the target. An existing file keeps its permission bits unless `mode` is given (e.g. 0o600 for a
 * file only the user may read, set before any content is written). On failure the temporary file
 * is removed.
 */
export const writeTextFileAtomic = async (filePath: string, content: string | Uint8Array, options: { mode?: number } = {}): Promise<void> => {
  const temporary = join(dirname(filePath), `.${basename(filePath)}.${randomUUID()}.tmp`);
  const existing = options.mode === undefined ? await stat(filePath).catch(() => null) : null;
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, 'wx', options.mode ?? 0o666);
    if (options.mode !== undefined) await handle.chmod(options.mode);
    else if (existing?.isFile()) await handle.chmod(existing.mode & 0o777);
    await handle.writeFile(content, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, filePath);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
};

/**
 * Reads a UTF-8 text file (a leading byte-order mark, as Excel writes in CSV exports, is dropped).
 * Refuses anything over `maxBytes` before reading it.
 */
export const readTextFile = async (
  filePath: string,
  maxBytes = MAX_OPEN_TEXT_BYTES,
): Promise<{ name: string; content: string }> => {
  const name = basename(filePath);
  const handle = await open(filePath, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`"${name}" is not a file.`);
    if (info.size > maxBytes) {
      throw new Error(`"${name}" is ${megabytes(info.size)}; Partner Desk opens text files up to ${megabytes(maxBytes)}.`);
    }
    const content = await handle.readFile('utf8');
    return { name, content: content.startsWith('\uFEFF') ? content.slice(1) : content };
  } finally {
    await handle.close();
  }
};

/** A name safe to propose in a save dialog: no folders, no characters Windows forbids. */
export const safeFileName = (name: string): string => {
  const cleaned = [...basename(name.replaceAll('\\', '/'))]
    .map((char) => (char < ' ' || '<>:"|?*'.includes(char) ? '-' : char))
    .join('')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return cleaned === '' ? 'untitled.txt' : cleaned;
};
