import type { Partner } from '../../src-shared/domain/types';

/**
 * How many portfolio rows a search shows. Mirrors `portfolioRows` in
 * src-renderer/features/portfolio/portfolioRows.ts (the Node project may not import renderer
 * files): every whitespace-separated word must occur in the lower-cased name, region, website,
 * tier, type, tags and contact names. If the two ever drift apart, the bench fails: it waits for
 * exactly this many rows.
 */
/** The partners the portfolio lists with no filter set: churned ones are hidden by default (portfolioRows.ts CURRENT_STATUSES). */
export function shownByDefault(partners: Partner[]): Partner[] {
  return partners.filter((partner) => partner.status !== 'churned');
}

export function expectedMatches(partners: Partner[], query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return partners.length;
  return partners.filter((partner) => {
    const text = [partner.name, partner.region, partner.website, partner.tier, partner.type, ...partner.tags, ...partner.contacts.map((c) => c.name)]
      .join(' ')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  }).length;
}
