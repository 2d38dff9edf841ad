import { useEffect, useMemo, useState } from 'react';
import { combineLatest, map, of } from 'rxjs';
import type { CollectionName, ConflictRecord } from '../../../src-shared/domain/types';
import { isCollectionName } from '../../../src-shared/sync/protocol';
import { useDatabase } from '../../db/useDatabase';

export type ConflictDocuments = Map<string, Record<string, unknown>>;

export const documentKey = (collection: string, id: string) => `${collection}/${id}`;

/** The current state of every document the records are about (to name them); deleted ones are absent. */
export function useConflictDocuments(records: ConflictRecord[] | null): ConflictDocuments {
  const db = useDatabase();
  const [documents, setDocuments] = useState<ConflictDocuments>(() => new Map());
  const wanted = useMemo(() => {
    const byCollection = new Map<CollectionName, Set<string>>();
    for (const record of records ?? []) {
      if (!isCollectionName(record.collectionName)) continue;
      const ids = byCollection.get(record.collectionName) ?? new Set<string>();
      ids.add(record.documentId);
      byCollection.set(record.collectionName, ids);
    }
    return [...byCollection].map(([collection, ids]) => `${collection}:${[...ids].sort().join(',')}`).sort().join(';');
  }, [records]);

  useEffect(() => {
    const queries = wanted === '' ? [] : wanted.split(';').map((entry) => {
      const [collection, ids] = entry.split(':') as [CollectionName, string];
      return (db[collection] as unknown as typeof db.partners).findByIds(ids.split(',')).$.pipe(
        map((found) => [...found.values()].map((doc) => [documentKey(collection, doc.primary), doc.toJSON() as unknown as Record<string, unknown>] as const)),
      );
    });
    const subscription = (queries.length === 0 ? of([]) : combineLatest(queries)).subscribe((lists) => setDocuments(new Map(lists.flat())));
    return () => subscription.unsubscribe();
  }, [db, wanted]);

  return documents;
}
