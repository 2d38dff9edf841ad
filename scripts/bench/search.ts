import { ownerLabelFor, ownerNames, partnerSearchText } from '../../src-shared/domain/partnerSearch';
import type { Partner } from '../../src-shared/domain/types';

/**
 * How many portfolio rows a search shows: every whitespace-separated word must occur in the
 * partner's search text (`partnerSearchText`, the rule the portfolio table uses), owners named as
 * the table names them for a user with no profile name (the bench sets none).
 */
export function expectedMatches(partners: Partner[], query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return partners.length;
  const ownerLabel = ownerLabelFor(ownerNames(partners, { email: '', name: '' }));
  return partners.filter((partner) => {
    const text = partnerSearchText(partner, ownerLabel);
    return words.every((word) => text.includes(word));
  }).length;
}

/** The partners the portfolio lists with no filter set: churned ones are hidden by default (portfolioRows.ts CURRENT_STATUSES). */
export function shownByDefault(partners: Partner[]): Partner[] {
  return partners.filter((partner) => partner.status !== 'churned');
}
