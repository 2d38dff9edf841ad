import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ResourceFileRef } from '../../src-shared/domain/types';
import { clearFileCache, listCached, removeCached, syncFiles, type CachedFile, type FileServer, type FileSyncReport } from './fileCache';

export type FileCacheState = {
  running: boolean;
  lastReport: FileSyncReport | null;
  /** Bumped after every change to the cache, so lists re-read it. */
  version: number;
};

let state: FileCacheState = { running: false, lastReport: null, version: 0 };
const listeners = new Set<() => void>();
const emit = (next: Partial<FileCacheState>) => {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Tells the lists that the cache changed (after an upload queued or a file removed). */
export function fileCacheChanged(): void {
  emit({ version: state.version + 1 });
}

let queued: { server: FileServer; wanted: readonly ResourceFileRef[] } | null = null;
let running: Promise<void> | null = null;

/** Runs one cache sync at a time; a request made meanwhile runs right after with the newest list. */
export async function requestFileSync(server: FileServer, wanted: readonly ResourceFileRef[]): Promise<void> {
  queued = { server, wanted };
  if (running) return;
  emit({ running: true });
  running = (async () => {
    try {
      while (queued) {
        const next = queued;
        queued = null;
        const report = await syncFiles(next.server, next.wanted);
        emit({ lastReport: report, version: state.version + (report.downloaded + report.uploaded > 0 ? 1 : 0) });
      }
    } finally {
      running = null;
      emit({ running: false });
    }
  })();
  return running;
}

/**
 * Empties the laptop's file cache when the account's data leaves (sign-out, store removed):
 * drops the sync waiting to run, lets the one running finish (so it cannot put a file back
 * afterwards), clears, and tells the lists (the library's "cached, N MB" reads 0).
 */
export async function clearFileCacheNow(options: { keepPendingUploads: boolean }): Promise<{ files: number; bytes: number }> {
  queued = null;
  await running?.catch(() => undefined);
  const removed = await clearFileCache(options);
  emit({ lastReport: null, version: state.version + 1 });
  return removed;
}

export function useFileCacheState(): FileCacheState {
  return useSyncExternalStore(subscribe, () => state);
}

/** The cached files (without their bytes), re-read when the cache changes. */
export function useCachedFiles(): { loading: boolean; files: Omit<CachedFile, 'bytes'>[]; remove: (sha256: string) => Promise<void> } {
  const { version } = useFileCacheState();
  const [files, setFiles] = useState<Omit<CachedFile, 'bytes'>[] | null>(null);
  useEffect(() => {
    let live = true;
    void listCached()
      .then((all) => live && setFiles(all))
      .catch(() => live && setFiles([]));
    return () => {
      live = false;
    };
  }, [version]);
  const remove = useCallback(async (sha256: string) => {
    await removeCached(sha256);
    fileCacheChanged();
  }, []);
  return { loading: files === null, files: files ?? [], remove };
}
