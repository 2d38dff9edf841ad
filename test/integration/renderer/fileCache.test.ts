import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { cachedFile, clearFileCache, fileCacheDb, listCached, queueUpload, removeCached, syncFiles } from '../../../src-renderer/files/fileCache';
import { clearFileCacheNow, requestFileSync } from '../../../src-renderer/files/useFileCache';

const bytesOf = (text: string) => new TextEncoder().encode(text);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const refFor = (name: string, bytes: Uint8Array) => ({ sha256: sha(bytes), name, mime: 'application/pdf', size: bytes.byteLength });
const copy = (bytes: Uint8Array) => bytes.slice().buffer;

/** A file server in memory: what was PUT, and what GET answers (optionally damaged). */
function fakeServer(files: Map<string, Uint8Array>, options: { damage?: string; offline?: boolean } = {}) {
  const puts: string[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    if (options.offline) throw new TypeError('Failed to fetch');
    const hash = String(input).split('/').pop() ?? '';
    if (init?.method === 'PUT') {
      puts.push(hash);
      files.set(hash, new Uint8Array(await new Response(init.body as Blob).arrayBuffer()));
      return new Response(JSON.stringify({ sha256: hash, stored: true }), { status: 201 });
    }
    const content = files.get(hash);
    if (!content) return new Response(JSON.stringify({ error: 'not_found', message: `no file ${hash} in a resource you can see` }), { status: 404 });
    return new Response(copy(hash === options.damage ? bytesOf('tampered') : content), { status: 200 });
  }) as typeof fetch;
  return { server: { serverUrl: 'http://sync.test', token: 't', fetch: fetchImpl }, puts };
}

describe('the laptop file cache', () => {
  beforeEach(async () => {
    await fileCacheDb().files.clear();
    await fileCacheDb().uploads.clear();
  });

  it('downloads the wanted files once, checked by their SHA-256, and lists them with their size', async () => {
    const sheet = bytesOf('%PDF datasheet');
    const deck = bytesOf('%PDF deck');
    const { server } = fakeServer(new Map([[sha(sheet), sheet], [sha(deck), deck]]));
    const report = await syncFiles(server, [refFor('sheet.pdf', sheet), refFor('deck.pdf', deck)]);
    expect(report).toEqual({ downloaded: 2, uploaded: 0, failed: [] });
    expect((await listCached()).map((file) => [file.name, file.size]).sort()).toEqual([['deck.pdf', deck.byteLength], ['sheet.pdf', sheet.byteLength]]);
    const stored = await cachedFile(sha(sheet));
    expect(new Uint8Array(await (stored?.bytes as Blob).arrayBuffer())).toEqual(sheet);
    // Already cached: nothing is fetched again.
    expect(await syncFiles(server, [refFor('sheet.pdf', sheet)])).toEqual({ downloaded: 0, uploaded: 0, failed: [] });
  });

  it('keeps nothing of a damaged download and says so; a missing file is reported, not thrown', async () => {
    const sheet = bytesOf('%PDF datasheet');
    const missing = bytesOf('never uploaded');
    const { server } = fakeServer(new Map([[sha(sheet), sheet]]), { damage: sha(sheet) });
    const report = await syncFiles(server, [refFor('sheet.pdf', sheet), refFor('gone.pdf', missing)]);
    expect(report.downloaded).toBe(0);
    expect(report.failed.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^“sheet\.pdf” arrived damaged \(its SHA-256 is [0-9a-f]{12}…, expected [0-9a-f]{12}…\); it was not kept\.$/),
      `no file ${sha(missing)} in a resource you can see`,
    ]);
    expect(await listCached()).toEqual([]);
  });

  it('caches an admin upload at once, keeps it queued while offline, and sends it when the server answers', async () => {
    const sheet = bytesOf('%PDF new datasheet');
    const files = new Map<string, Uint8Array>();
    await queueUpload(refFor('new.pdf', sheet), copy(sheet));
    expect((await listCached()).map((file) => file.name)).toEqual(['new.pdf']);

    const offline = fakeServer(files, { offline: true });
    const first = await syncFiles(offline.server, []);
    expect(first.failed.map((problem) => problem.message)).toEqual(['not uploaded yet: Failed to fetch']);
    expect(await fileCacheDb().uploads.count()).toBe(1);

    const online = fakeServer(files);
    expect(await syncFiles(online.server, [])).toEqual({ downloaded: 0, uploaded: 1, failed: [] });
    expect(online.puts).toEqual([sha(sheet)]);
    expect(files.get(sha(sheet))).toEqual(sheet);
    expect(await fileCacheDb().uploads.count()).toBe(0);

    await removeCached(sha(sheet));
    expect(await listCached()).toEqual([]);
  });

  it('refuses to queue bytes that are not the file they claim to be', async () => {
    const sheet = bytesOf('%PDF datasheet');
    await expect(queueUpload({ ...refFor('sheet.pdf', sheet), sha256: 'a'.repeat(64) }, copy(sheet))).rejects.toThrow(/^“sheet\.pdf” arrived damaged/);
    expect(await fileCacheDb().uploads.count()).toBe(0);
  });

  it('is emptied when the account signs out, keeping only an admin upload not sent yet while the account store stays', async () => {
    const sheet = bytesOf('%PDF datasheet');
    const draft = bytesOf('%PDF not uploaded yet');
    const { server } = fakeServer(new Map([[sha(sheet), sheet]]));
    await syncFiles(server, [refFor('sheet.pdf', sheet)]);
    await queueUpload(refFor('draft.pdf', draft), copy(draft));

    expect(await clearFileCache({ keepPendingUploads: true })).toEqual({ files: 1, bytes: sheet.byteLength });
    expect((await listCached()).map((file) => file.name)).toEqual(['draft.pdf']);
    expect(await fileCacheDb().uploads.count()).toBe(1);

    // The account's data removed from the laptop: nothing of it stays, queued uploads included.
    expect(await clearFileCache({ keepPendingUploads: false })).toEqual({ files: 1, bytes: draft.byteLength });
    expect(await listCached()).toEqual([]);
    expect(await fileCacheDb().uploads.count()).toBe(0);
  });

  it('lets a download already running finish before clearing, so it cannot put a file back after sign-out', async () => {
    const sheet = bytesOf('%PDF datasheet');
    let release!: () => void;
    const barrier = new Promise<void>((resolve) => (release = resolve));
    let fetched!: () => void;
    const started = new Promise<void>((resolve) => (fetched = resolve));
    const slowFetch = (async () => {
      fetched();
      await barrier;
      return new Response(copy(sheet), { status: 200 });
    }) as typeof fetch;
    const sync = requestFileSync({ serverUrl: 'http://sync.test', token: 't', fetch: slowFetch }, [refFor('sheet.pdf', sheet)]);
    await started;
    const cleared = clearFileCacheNow({ keepPendingUploads: true });
    release();
    await sync;
    expect(await cleared).toEqual({ files: 1, bytes: sheet.byteLength });
    expect(await listCached()).toEqual([]);
  });
});
