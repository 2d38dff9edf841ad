import type { Deal } from '../../../src-shared/domain/types';

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
  const ka = accountKey(a);
  const kb = accountKey(b);
  if (ka === '' || kb === '') return false;
  if (ka === kb) return true;
  const ca = ka.replace(/ /g, '');
  const cb = kb.replace(/ /g, '');
  if (ca === cb) return true;
  const [short, long] = ca.length <= cb.length ? [ca, cb] : [cb, ca];
  if (short.length >= 5 && long.includes(short)) return true;
  return editDistance(ca, cb) <= (long.length > 8 ? 2 : 1);
}

/**
 * The duplicate pre-check before a deal is saved: every deal in the local store (any partner)
 * whose account is the same or similar, lost ones included (a re-registration is still worth a
 * look). Runs offline against whatever this laptop holds.
 */
export function findSimilarDeals(account: string, deals: readonly Deal[], exceptId?: string): Deal[] {
  return deals.filter((d) => d.id !== exceptId && similarAccounts(account, d.account));
}
