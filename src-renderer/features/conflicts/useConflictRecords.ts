import { useEffect, useState } from 'react';
import type { ConflictRecord } from '../../../src-shared/domain/types';
import { useDatabase } from '../../db/useDatabase';

/** A partner's merged-conflict history, live, newest first; null while loading. */
export function useConflictRecords(partnerId: string): ConflictRecord[] | null {
  const db = useDatabase();
  const [records, setRecords] = useState<ConflictRecord[] | null>(null);
  useEffect(() => {
    const subscription = db.conflicts.find({ selector: { partnerId } }).$.subscribe((docs) => {
      const plain = docs.map((doc) => doc.toJSON() as ConflictRecord);
      plain.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.lostAt.localeCompare(a.lostAt) || a.id.localeCompare(b.id));
      setRecords(plain);
    });
    return () => subscription.unsubscribe();
  }, [db, partnerId]);
  return records;
}
