import { Text } from '@mantine/core';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Partner } from '../../../src-shared/domain/types';
import { matchReasons } from '../../../src-shared/search/highlight';
import { queryTerms } from '../../../src-shared/search/searchIndex';
import { Highlighted } from './Highlighted';

type SearchQuery = { query: string; terms: readonly string[]; ownerLabel: (email: string) => string };

const SearchQueryContext = createContext<SearchQuery>({ query: '', terms: [], ownerLabel: (email) => email });

/**
 * The query the table below is filtered by. A context rather than a row prop, so a keystroke
 * re-renders only the name cells (the rows stay memoised).
 */
export function SearchQueryProvider({ query, ownerLabel, children }: { query: string; ownerLabel: (email: string) => string; children: ReactNode }) {
  const value = useMemo(() => ({ query, terms: queryTerms(query), ownerLabel }), [query, ownerLabel]);
  return <SearchQueryContext.Provider value={value}>{children}</SearchQueryContext.Provider>;
}

/** A partner's name (the matched part marked), its region, and what else matched: "Matched contact: Jo Park". */
export function PartnerSearchName({ partner }: { partner: Partner }) {
  const { query, terms, ownerLabel } = useContext(SearchQueryContext);
  const reasons = useMemo(() => (terms.length > 0 ? matchReasons(partner, query, ownerLabel) : []), [partner, query, terms, ownerLabel]);
  return (
    <>
      <Highlighted text={partner.name} terms={terms} fw={600} size="sm" />
      <Highlighted text={partner.region} terms={terms} size="xs" c="dimmed" />
      {reasons
        .filter((reason) => reason.field !== 'region')
        .slice(0, 2).map((reason) => (
        <Text key={`${reason.field}:${reason.value}`} size="xs" c="dimmed" data-testid="search-reason">
          Matched {reason.label}: <Highlighted component="span" inherit text={reason.value} terms={terms} />
        </Text>
      ))}
    </>
  );
}
