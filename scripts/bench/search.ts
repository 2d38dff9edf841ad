import { ownerLabelFor, ownerNames } from '../../src-shared/domain/partnerSearch';
import type { Partner } from '../../src-shared/domain/types';
import { SearchIndex } from '../../src-shared/search/searchIndex';

const indexes = new WeakMap<Partner[], SearchIndex>();

/**
 * How many portfolio rows a search shows: the partners the app's search index finds for the
 * query (src-shared/search, the rule the portfolio table uses: every word starts a word of the
 * partner's fields), owners named as the table names them for a user with no profile name (the
 * bench sets none).
 */
export function expectedMatches(partners: Partner[], query: string): number {
  let index = indexes.get(partners);
  if (!index) {
    index = new SearchIndex();
    index.sync({ partners, ownerLabel: ownerLabelFor(ownerNames(partners, { email: '', name: '' })) });
    indexes.set(partners, index);
  }
  return index.partnerMatches(query)?.size ?? partners.length;
}

/** The partners the portfolio lists with no filter set: churned ones are hidden by default (portfolioRows.ts CURRENT_STATUSES). */
export function shownByDefault(partners: Partner[]): Partner[] {
  return partners.filter((partner) => partner.status !== 'churned');
}
