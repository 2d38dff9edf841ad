/**
 * What the portfolio's search looks in, and how owners are named: one rule for the app's table
 * (src-renderer/features/portfolio/portfolioRows.ts) and the benchmark that waits for exactly the
 * rows a query shows (scripts/bench/search.ts).
 */
import type { Partner } from './types';

const normalise = (email: string | undefined): string => (email ?? '').trim().toLowerCase();

/**
 * Owner emails to names: the user's own name, then anyone named on a partner's team with that
 * email. An email nobody has named stays the email.
 */
export function ownerNames(partners: readonly Pick<Partner, 'team'>[], me: { email: string; name: string }): Map<string, string> {
  const names = new Map<string, string>();
  for (const partner of partners) {
    for (const member of partner.team) {
      const email = normalise(member.email);
      if (email && member.name.trim() && !names.has(email)) names.set(email, member.name.trim());
    }
  }
  if (me.email.trim() && me.name.trim()) names.set(normalise(me.email), me.name.trim());
  return names;
}

/** The owner as the Owner column shows it: their name where known, else the email, or "No owner". */
export function ownerLabelFor(names: ReadonlyMap<string, string>): (email: string) => string {
  return (email) => (normalise(email) === '' ? 'No owner' : (names.get(normalise(email)) ?? email.trim()));
}

/** The lower-cased text a search word must occur in: name, region, website, tier, type, owner (email and name), tags, contact names. */
export function partnerSearchText(partner: Pick<Partner, 'name' | 'region' | 'website' | 'tier' | 'type' | 'ownerEmail' | 'tags' | 'contacts'>, ownerLabel: (email: string) => string): string {
  return [partner.name, partner.region, partner.website, partner.tier, partner.type, partner.ownerEmail, ownerLabel(partner.ownerEmail), ...partner.tags, ...partner.contacts.map((c) => c.name)]
    .join(' ')
    .toLowerCase();
}
