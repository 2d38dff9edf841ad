import { useEffect, useState } from 'react';
import type { PlanItem } from '../../../src-shared/domain/types';
import { useDatabase } from '../../db/useDatabase';

/** Every plan row of a partner (all versions), live; null while loading. */
export function usePlanItems(partnerId: string | undefined): PlanItem[] | null {
  const db = useDatabase();
  const [items, setItems] = useState<{ partnerId: string; items: PlanItem[] } | null>(null);
  useEffect(() => {
    if (!partnerId) return;
    const subscription = db.planitems.find({ selector: { partnerId } }).$.subscribe((docs) => {
      setItems({ partnerId, items: docs.map((doc) => doc.toJSON() as PlanItem) });
    });
    return () => subscription.unsubscribe();
  }, [db, partnerId]);
  return items && items.partnerId === partnerId ? items.items : null;
}
