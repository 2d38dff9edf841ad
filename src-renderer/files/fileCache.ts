/**
 * The laptop's copy of resource-library files and MDF claim proofs, so a manager opens or hands
 * over a datasheet (or shows a proof) with no network: bytes in IndexedDB (Dexie, a database of its
 * own, apart from RxDB's), keyed by SHA-256 and checked with Web Crypto before they are kept.
 * Uploads (an admin's library file, a manager's proof) wait in `uploads` until the server has them
 * (retried on the next sync when offline); their bytes are cached at once.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ResourceFileRef } from '../../src-shared/domain/types';

export type CachedFile = ResourceFileRef & { bytes: Blob; cachedAt: string };
export type PendingUpload = { sha256: string; queuedAt: string; lastError?: string };

type FileCacheDb = Dexie & {
  files: EntityTable<CachedFile, 'sha256'>;
  uploads: EntityTable<PendingUpload, 'sha256'>;
};

let opened: FileCacheDb | null = null;

/** The file cache database (one per browser profile / desktop install: content-addressed, so shared safely between accounts' copies of the same bytes). */
export function fileCacheDb(): FileCacheDb {
  if (!opened) {
    const db = new Dexie('partner-desk-files') as FileCacheDb;
    db.version(1).stores({ files: 'sha256, cachedAt', uploads: 'sha256' });
    opened = db;
  }
  return opened;
}

export async function sha256Hex(data: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Keeps bytes under their hash after checking it; throws when they are not the named file. */
export async function cacheBytes(ref: ResourceFileRef, bytes: ArrayBuffer, now = new Date()): Promise<void> {
  const actual = await sha256Hex(bytes);
  if (actual !== ref.sha256) throw new Error(`“${ref.name}” arrived damaged (its SHA-256 is ${actual.slice(0, 12)}…, expected ${ref.sha256.slice(0, 12)}…); it was not kept.`);
  await fileCacheDb().files.put({ ...ref, size: bytes.byteLength, bytes: new Blob([bytes], { type: ref.mime || 'application/octet-stream' }), cachedAt: now.toISOString() });
}

export async function cachedFile(sha256: string): Promise<CachedFile | undefined> {
  return fileCacheDb().files.get(sha256);
}

/** What is cached, without the bytes' content. */
export async function listCached(): Promise<Omit<CachedFile, 'bytes'>[]> {
  const all = await fileCacheDb().files.toArray();
  return all.map(({ bytes: _bytes, ...rest }) => rest);
}

export async function removeCached(sha256: string): Promise<void> {
  await fileCacheDb().files.delete(sha256);
}

/**
 * Empties the cache when the account's data leaves this laptop (sign-out, the store removed):
 * the files came from the server behind that account's session and must not stay readable
 * after it. `keepPendingUploads` keeps the files not uploaded yet (library files, MDF proofs) (with their queue
 * entries) when the account's store stays: they exist nowhere else and go up at the next
 * sign-in. Returns what was removed.
 */
export async function clearFileCache(options: { keepPendingUploads: boolean }): Promise<{ files: number; bytes: number }> {
  const db = fileCacheDb();
  return db.transaction('rw', db.files, db.uploads, async () => {
    const keep = options.keepPendingUploads ? new Set((await db.uploads.toCollection().primaryKeys()) as string[]) : new Set<string>();
    const removed = { files: 0, bytes: 0 };
    const gone: string[] = [];
    await db.files.each((file) => {
      if (keep.has(file.sha256)) return;
      gone.push(file.sha256);
      removed.files += 1;
      removed.bytes += file.size;
    });
    await db.files.bulkDelete(gone);
    if (!options.keepPendingUploads) await db.uploads.clear();
    return removed;
  });
}

/** A new file (library or proof): cached now, uploaded when the server is reachable. */
export async function queueUpload(ref: ResourceFileRef, bytes: ArrayBuffer, now = new Date()): Promise<void> {
  await cacheBytes(ref, bytes, now);
  await fileCacheDb().uploads.put({ sha256: ref.sha256, queuedAt: now.toISOString() });
}

export type FileServer = { serverUrl: string; token: string; fetch?: typeof fetch };

export type FileSyncReport = { downloaded: number; uploaded: number; failed: { sha256: string; message: string }[] };

/**
 * Sends queued uploads, then downloads every wanted file not cached yet. A failure is reported
 * per file and retried on the next run; nothing already cached is touched.
 */
export async function syncFiles(server: FileServer, wanted: readonly ResourceFileRef[]): Promise<FileSyncReport> {
  const doFetch = server.fetch ?? fetch;
  const db = fileCacheDb();
  const report: FileSyncReport = { downloaded: 0, uploaded: 0, failed: [] };
  const auth = { authorization: `Bearer ${server.token}` };
  for (const pending of await db.uploads.toArray()) {
    const file = await db.files.get(pending.sha256);
    if (!file) {
      await db.uploads.delete(pending.sha256);
      continue;
    }
    try {
      const response = await doFetch(`${server.serverUrl}/api/files/${pending.sha256}`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        body: file.bytes,
      });
      if (response.ok) {
        await db.uploads.delete(pending.sha256);
        report.uploaded += 1;
      } else {
        const message = await problem(response);
        await db.uploads.put({ ...pending, lastError: message });
        report.failed.push({ sha256: pending.sha256, message });
      }
    } catch (error) {
      report.failed.push({ sha256: pending.sha256, message: `not uploaded yet: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const have = new Set(await db.files.toCollection().primaryKeys());
  for (const ref of wanted) {
    if (have.has(ref.sha256)) continue;
    try {
      const response = await doFetch(`${server.serverUrl}/api/files/${ref.sha256}`, { headers: auth });
      if (!response.ok) {
        report.failed.push({ sha256: ref.sha256, message: await problem(response) });
        continue;
      }
      await cacheBytes(ref, await response.arrayBuffer());
      report.downloaded += 1;
    } catch (error) {
      report.failed.push({ sha256: ref.sha256, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

async function problem(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: string };
    return body.message ?? `the server answered ${response.status}`;
  } catch {
    return `the server answered ${response.status}`;
  }
}

/**
 * Opens a cached file the way the platform allows without a network: an object URL the browser
 * (or Electron's download handling) saves or shows. `download: false` opens it in a new tab.
 */
export async function openCachedFile(sha256: string, options: { download: boolean } = { download: true }): Promise<boolean> {
  const file = await cachedFile(sha256);
  if (!file) return false;
  const url = URL.createObjectURL(file.bytes);
  const anchor = document.createElement('a');
  anchor.href = url;
  if (options.download) anchor.download = file.name;
  else anchor.target = '_blank';
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Let the browser start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
