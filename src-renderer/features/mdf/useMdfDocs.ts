import { useEffect, useState } from 'react';
import type { MdfDoc } from '../../../src-shared/domain/types';
import { documentData } from '../../db/documentData';
import { liveCollection } from '../../db/liveCollection';
import { useDatabase } from '../../db/useDatabase';

/** A partner's MDF budgets and requests, live; null while loading. */
export function useMdfDocs(partnerId: string | undefined): MdfDoc[] | null {
  const db = useDatabase();
  const [docs, setDocs] = useState<{ partnerId: string; docs: MdfDoc[] } | null>(null);
  useEffect(() => {
    if (!partnerId) return;
    const subscription = db.mdf.find({ selector: { partnerId } }).$.subscribe((found) => {
      setDocs({ partnerId, docs: found.map((doc) => documentData<MdfDoc>(doc)) });
    });
    return () => subscription.unsubscribe();
  }, [db, partnerId]);
  return docs && docs.partnerId === partnerId ? docs.docs : null;
}

/** Every MDF document on this laptop (the dashboard's KPIs, the proof-file cache), live; null while loading. */
export function useAllMdfDocs(): MdfDoc[] | null {
  const db = useDatabase();
  const [docs, setDocs] = useState<MdfDoc[] | null>(null);
  useEffect(() => {
    const subscription = liveCollection(db.mdf).subscribe(setDocs);
    return () => subscription.unsubscribe();
  }, [db]);
  return docs;
}
