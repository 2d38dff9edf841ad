/**
 * What to highlight in a text for a search: the part of each word that a query word matched, by
 * the same rule as the index (src-shared/search/searchIndex.ts: the start of a word, ignoring case
 * and accents), so "sao" marks "Sã" in "São Paulo" and "an" marks "An" in "Ann" but not the "an"
 * inside "Banana". A word the palette found despite a typo (one of the index's matched terms) is
 * marked whole.
 */
import { normaliseTerm, PARTNER_FIELDS, partnerFieldValues, queryTerms, type PartnerField } from './searchIndex';
import type { Partner } from '../domain/types';

export type Segment = { text: string; match: boolean };

const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/** How many characters of `word` make up its first `length` normalised characters. */
function originalLength(word: string, length: number): number {
  let normalised = 0;
  let index = 0;
  for (const char of word) {
    if (normalised >= length) break;
    normalised += normaliseTerm(char).length;
    index += char.length;
  }
  return index;
}

/** The text cut into marked and unmarked runs for the query words (and whole matched terms). */
export function highlightSegments(text: string, terms: readonly string[], wholeTerms: readonly string[] = []): Segment[] {
  const ranges: [number, number][] = [];
  if (terms.length > 0 || wholeTerms.length > 0) {
    for (const found of text.matchAll(WORD)) {
      const word = found[0];
      const normalised = normaliseTerm(word);
      let length = wholeTerms.includes(normalised) ? normalised.length : 0;
      for (const term of terms) if (term.length > length && normalised.startsWith(term)) length = term.length;
      if (length > 0) ranges.push([found.index, found.index + originalLength(word, length)]);
    }
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), match: false });
  return segments;
}

/** True when some word of the text starts with the term (the index's rule). */
export function hasWordStartingWith(text: string, term: string): boolean {
  for (const found of text.matchAll(WORD)) if (normaliseTerm(found[0]).startsWith(term)) return true;
  return false;
}

/** True when every query word starts a word of one of the texts (commands are matched like documents). */
export function matchesEveryTerm(texts: readonly string[], terms: readonly string[]): boolean {
  return terms.every((term) => texts.some((text) => hasWordStartingWith(text, term)));
}

/** The words a fuzzy search found that no query word starts (typos): they are marked whole. */
export function typoTerms(found: readonly string[], terms: readonly string[]): string[] {
  return found.filter((word) => !terms.some((term) => word.startsWith(term)));
}

const FIELD_LABELS: Record<Exclude<PartnerField, 'name'>, string> = {
  contacts: 'contact',
  owner: 'owner',
  tags: 'tag',
  region: 'region',
  website: 'website',
  tier: 'tier',
  type: 'type',
};

/** Why a partner matched beyond its name: "contact" – "Jo Park", one per value, in field order. */
export type MatchReason = { field: Exclude<PartnerField, 'name'>; label: string; value: string };

/**
 * What a partner row says it matched for the query words its name does not account for: the
 * contact, owner, tag… values holding those words. Empty when the name matches every word.
 */
export function matchReasons(partner: Partner, query: string, ownerLabel: (email: string) => string): MatchReason[] {
  const missing = queryTerms(query).filter((term) => !hasWordStartingWith(partner.name, term));
  if (missing.length === 0) return [];
  const reasons: MatchReason[] = [];
  for (const field of PARTNER_FIELDS) {
    if (field === 'name') continue;
    for (const value of partnerFieldValues(partner, field, ownerLabel)) {
      if (missing.some((term) => hasWordStartingWith(value, term))) reasons.push({ field, label: FIELD_LABELS[field], value });
    }
  }
  return reasons;
}
