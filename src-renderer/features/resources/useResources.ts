import { useEffect, useState } from 'react';
import type { Resource } from '../../../src-shared/domain/types';
import { liveCollection } from '../../db/liveCollection';
import { useDatabase } from '../../db/useDatabase';

export type ResourcesState = { loading: boolean; resources: Resource[]; error: string | null };

/** Every resource of the library on this laptop, live; `loading` until the first read. */
export function useResources(): ResourcesState {
  const db = useDatabase();
  const [state, setState] = useState<ResourcesState>({ loading: true, resources: [], error: null });
  useEffect(() => {
    const subscription = liveCollection(db.resources).subscribe({
      next: (resources) => setState({ loading: false, resources, error: null }),
      error: (error: unknown) => setState({ loading: false, resources: [], error: error instanceof Error ? error.message : String(error) }),
    });
    return () => subscription.unsubscribe();
  }, [db]);
  return state;
}
