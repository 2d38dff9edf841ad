import { useEffect, useState } from 'react';
import type { Template } from '../../../src-shared/domain/types';
import { liveCollection } from '../../db/liveCollection';
import { useDatabase } from '../../db/useDatabase';

/** Every stored template document, live; `loading` until the first read. */
export function useTemplateDocs(): { loading: boolean; docs: Template[]; error: string | null } {
  const db = useDatabase();
  const [state, setState] = useState<{ loading: boolean; docs: Template[]; error: string | null }>({ loading: true, docs: [], error: null });
  useEffect(() => {
    const subscription = liveCollection(db.templates).subscribe({
      next: (docs) => setState({ loading: false, docs, error: null }),
      error: (error: unknown) => setState({ loading: false, docs: [], error: error instanceof Error ? error.message : String(error) }),
    });
    return () => subscription.unsubscribe();
  }, [db]);
  return state;
}
