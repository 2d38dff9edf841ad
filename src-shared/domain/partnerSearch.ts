/**
 * How owners are named, for the Owner column and for the search (which finds a partner by its
 * owner's name too). What a search matches is the index's rule: src-shared/search/searchIndex.ts,
 * used by the app's table and by the benchmark that waits for exactly the rows a query shows
 * (scripts/bench/search.ts).
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
