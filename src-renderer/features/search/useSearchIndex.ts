import { useMemo } from 'react';
import { ownerLabelFor, ownerNames } from '../../../src-shared/domain/partnerSearch';
import { SearchIndex } from '../../../src-shared/search/searchIndex';
import { useProfile } from '../../app/useProfile';
import { useAppData } from '../../db/useAppData';

/**
 * The app's one search index (src-shared/search), shared by the portfolio's search box and the
 * command palette: built on the first data, then synced with each change of the data, which adds,
 * replaces or discards only the partners, tasks and deals that changed. Syncing twice with the
 * same data is a no-op, so every reader calls it and whichever renders first does the work.
 */
const shared = new SearchIndex();

export type LiveSearchIndex = {
  index: SearchIndex;
  /** Changes whenever what is indexed does (a dependency for memoised searches). */
  version: number;
  /** The owner as the Owner column names them (what the index searched owners by). */
  ownerLabel: (email: string) => string;
  /** The partners a query finds (null for a blank query), each query answered once per version. */
  partnerMatches: (query: string) => ReadonlySet<string> | null;
};

export function useSearchIndex(): LiveSearchIndex {
  const { partners, tasksByPartner, dealsByPartner } = useAppData();
  const [profile] = useProfile();
  const owners = useMemo(() => ownerNames(partners, profile), [partners, profile]);
  const ownerLabel = useMemo(() => ownerLabelFor(owners), [owners]);
  const version = useMemo(() => {
    shared.sync({ partners, tasksByPartner, dealsByPartner, ownerLabel });
    return shared.version;
  }, [partners, tasksByPartner, dealsByPartner, ownerLabel]);
  return useMemo(() => {
    // The table asks twice per query (its rows and the "hidden by status" count): answer once.
    const answers = new Map<string, ReadonlySet<string> | null>();
    const partnerMatches = (query: string) => {
      if (!answers.has(query)) {
        if (answers.size >= 32) answers.clear();
        answers.set(query, shared.partnerMatches(query));
      }
      return answers.get(query) ?? null;
    };
    return { index: shared, version, ownerLabel, partnerMatches };
  }, [version, ownerLabel]);
}
