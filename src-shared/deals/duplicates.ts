import type { Deal, IsoDate } from '../domain/types';
import { formatDate } from '../util/formatDate';
import { isProtected } from './registration';

/** Legal forms and filler words that don't tell two accounts apart. */
const NOISE = new Set(['inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'gmbh', 'ag', 'sa', 'sas', 'srl', 'bv', 'nv', 'ab', 'oy', 'as', 'co', 'corp', 'corporation', 'company', 'the', 'and', 'pty', 'pte', 'kk', 'spa', 'sl']);

/**
 * The words that identify an account: lower case, accents and punctuation gone, a web address
 * reduced to its name (`https://www.harbor-bank.co.uk/x` → `harbor bank`), legal forms dropped.
 */
export function accountKey(account: string): string {
  let s = account.trim().toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const domain = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:\/.*)?$/.exec(s);
  if (domain?.[1]) s = domain[1].split('.')[0] ?? s;
  return s
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && !NOISE.has(w))
    .join(' ');
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/**
 * Two account names are the same customer when their keys match, or match with spaces removed
 * (a domain `harborbank.com` and `Harbor Bank`), or one contains the other (at least 5 letters),
 * or they differ by a typo or two (1 edit up to 8 letters, 2 beyond).
 */
export function similarAccounts(a: string, b: string): boolean {
  const da = webDomain(a);
  if (da !== null && da === webDomain(b)) return true;
  const ka = accountKey(a);
  const kb = accountKey(b);
  return keysSimilar(ka, ka.replace(/ /g, ''), kb, kb.replace(/ /g, ''));
}

const DOMAIN = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\d*\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?::\d+)?(?:[/?#].*)?$/;

/**
 * The customer's web domain when the account is written as one (`https://www.acme.com/x` →
 * `acme.com`, `Acme.COM` → `acme.com`), otherwise null (a name like `Acme Inc.`).
 */
export function webDomain(account: string): string | null {
  const s = account.trim().toLowerCase();
  if (s.includes(' ') || s.includes('@')) return null;
  return DOMAIN.exec(s)?.[1] ?? null;
}

/** Why two accounts look alike: the same web domain, or a similar name. */
export type MatchKind = 'domain' | 'name';

/** A deal the pre-check found, how it matched and, when it protects its account, until when. */
export type DuplicateMatch = { deal: Deal; match: MatchKind; protectedUntil?: IsoDate };

/** The pre-check's answer: every similar deal, and the first other partner's protected registration among them. */
export type DuplicateCheck = { matches: DuplicateMatch[]; blocking?: DuplicateMatch };

type Keyed = { deal: Deal; key: string; compact: string; domain: string | null };

/** Deals with their account keys computed once (reuse it across keystrokes: the pre-check then only compares). */
export type DealIndex = readonly Keyed[];

export function indexDeals(deals: readonly Deal[]): DealIndex {
  return deals.map((deal) => {
    const key = accountKey(deal.account);
    return { deal, key, compact: key.replace(/ /g, ''), domain: webDomain(deal.account) };
  });
}

function keysSimilar(ka: string, ca: string, kb: string, cb: string): boolean {
  if (ka === '' || kb === '') return false;
  if (ka === kb || ca === cb) return true;
  const [short, long] = ca.length <= cb.length ? [ca, cb] : [cb, ca];
  if (short.length >= 5 && long.includes(short)) return true;
  const limit = long.length > 8 ? 2 : 1;
  if (long.length - short.length > limit) return false;
  return editDistance(ca, cb) <= limit;
}

/**
 * The duplicate pre-check before a deal is saved: every deal in the local store (any partner)
 * whose account has the same web domain or a similar name, lost ones included (a re-registration
 * is still worth a look). `blocking` is another partner's registration that protects the account
 * on `today`, the one that decides who owns the opportunity. Runs offline against this laptop.
 */
export function checkDuplicates(account: string, index: DealIndex, options: { partnerId: string; today: IsoDate; exceptId?: string }): DuplicateCheck {
  const key = accountKey(account);
  const compact = key.replace(/ /g, '');
  const domain = webDomain(account);
  const matches: DuplicateMatch[] = [];
  let blocking: DuplicateMatch | undefined;
  for (const k of index) {
    if (k.deal.id === options.exceptId) continue;
    let match: MatchKind | null = null;
    if (domain !== null && k.domain === domain) match = 'domain';
    else if (keysSimilar(key, compact, k.key, k.compact)) match = 'name';
    if (match === null) continue;
    const found: DuplicateMatch = isProtected(k.deal, options.today) ? { deal: k.deal, match, protectedUntil: k.deal.protectedUntil } : { deal: k.deal, match };
    matches.push(found);
    if (found.protectedUntil && k.deal.partnerId !== options.partnerId && (!blocking || (blocking.protectedUntil ?? '') < found.protectedUntil)) blocking = found;
  }
  return blocking ? { matches, blocking } : { matches };
}

/** Every deal whose account is the same customer (see checkDuplicates). */
export function findSimilarDeals(account: string, deals: readonly Deal[], exceptId?: string): Deal[] {
  return checkDuplicates(account, indexDeals(deals), { partnerId: '', today: '0000-01-01', exceptId }).matches.map((m) => m.deal);
}

/** The message shown before saving when another partner's protected registration holds the account. */
export function protectedCollisionMessage(blocking: DuplicateMatch, partnerName: string): string {
  const how = blocking.match === 'domain' ? 'the same web domain' : 'a similar account';
  return `${partnerName} holds a protected registration for “${blocking.deal.account}” (${how}) until ${blocking.protectedUntil ? formatDate(blocking.protectedUntil) : 'its expiry'}.`;
}
