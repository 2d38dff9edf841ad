import { useMemo } from 'react';
import { ownerLabelFor, ownerNames } from '../../../src-shared/domain/partnerSearch';
import { SearchIndex, type SearchHit } from '../../../src-shared/search/searchIndex';
import { useProfile } from '../../app/useProfile';
import { useAppData } from '../../db/useAppData';

/**
 * The app's one search index (src-shared/search), shared by the portfolio's search box and the
 * command palette. It is built on the first query, not at start (indexing 20,000 tasks and 5,000
 * deals cost ~400 ms of the cold open in a CPU profile, before any search), then synced with the
 * data whenever a query finds the data changed: the sync adds, replaces or discards only the
 * partners, tasks and deals that changed, and syncing twice with the same data is a no-op. The
 * portfolio's search box syncs the partners alone; tasks and deals are indexed when the palette
 * first searches.
 */
const shared = new SearchIndex();

export type LiveSearchIndex = {
  /** The owner as the Owner column names them (what the index searched owners by). */
  ownerLabel: (email: string) => string;
  /** The partners a query finds (null for a blank query), each query answered once per data. */
  partnerMatches: (query: string) => ReadonlySet<string> | null;
  /** Partners, tasks and deals for the palette, best first (empty for a blank query). */
  search: (query: string, limit: number) => SearchHit[];
};

export function useSearchIndex(): LiveSearchIndex {
  const { partners, tasksByPartner, dealsByPartner } = useAppData();
  const [profile] = useProfile();
  const owners = useMemo(() => ownerNames(partners, profile), [partners, profile]);
  const ownerLabel = useMemo(() => ownerLabelFor(owners), [owners]);
  return useMemo(() => liveIndex({ partners, tasksByPartner, dealsByPartner, ownerLabel }), [partners, tasksByPartner, dealsByPartner, ownerLabel]);
}

/** The shared index as of one state of the data: synced with it on the first query that needs it. */
function liveIndex(data: Parameters<SearchIndex['sync']>[0]): LiveSearchIndex {
  let synced: 'nothing' | 'partners' | 'all' = 'nothing';
  const current = (scope: 'partners' | 'all'): SearchIndex => {
    if (synced === 'all' || synced === scope) return shared;
    if (scope === 'all') shared.sync(data);
    else shared.syncPartners(data);
    synced = scope;
    return shared;
  };
  // The table asks twice per query (its rows and the "hidden by status" count): answer once.
  const answers = new Map<string, ReadonlySet<string> | null>();
  const partnerMatches = (query: string) => {
    if (query.trim() === '') return null;
    if (!answers.has(query)) {
      if (answers.size >= 32) answers.clear();
      answers.set(query, current('partners').partnerMatches(query));
    }
    return answers.get(query) ?? null;
  };
  const search = (query: string, limit: number) => (query.trim() === '' ? [] : current('all').search(query, limit));
  return { ownerLabel: data.ownerLabel, partnerMatches, search };
}
