
/**
 * A stored document as screens, exports and backups see it: its own fields, without the sync
 * engine's bookkeeping (`sync`: server version, pending change and its base), which is the
 * laptop's business and must never travel in a file.
 */
export function documentData<T>(doc: { toJSON: () => unknown }): T {
  const { sync: _bookkeeping, ...data } = doc.toJSON() as T & { sync?: unknown };
  return data as T;
}
