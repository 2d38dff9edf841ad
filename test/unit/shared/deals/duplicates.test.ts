import { describe, expect, it } from 'vitest';
import { accountKey, findSimilarDeals, similarAccounts } from '../../../../src-shared/deals/duplicates';
import { checkDuplicates, indexDeals, protectedCollisionMessage, webDomain } from '../../../../src-shared/deals/duplicates';
import type { Deal } from '../../../../src-shared/domain/types';

const deal = (id: string, account: string, extra: Partial<Deal> = {}): Deal => ({
  id, createdAt: '', updatedAt: '', partnerId: 'p', account, amount: 1, currency: 'USD', stage: 'registered', registeredOn: '2026-01-01', source: 'sourced', ...extra,
});

describe('duplicate deal pre-check', () => {
  it('matches the same customer written differently', () => {
    expect(accountKey('https://www.Harbor-Bank.co.uk/contact')).toBe('harbor bank');
    expect(similarAccounts('Zephyr Logistics Ltd', 'zephyr-logistics.com')).toBe(true);
    expect(similarAccounts('Harbor Bank', 'harborbank.com')).toBe(true);
    expect(similarAccounts('Harbour Bank Inc.', 'Harbor Bank')).toBe(true);
    expect(similarAccounts('Meridian Health Group', 'Meridian Health')).toBe(true);
  });

  it('keeps different customers apart', () => {
    expect(similarAccounts('Harbor Bank', 'Alpine Bank')).toBe(false);
    expect(similarAccounts('Atlas Motors', 'Atlas Pharma')).toBe(false);
    expect(similarAccounts('Ltd', 'Inc')).toBe(false);
  });

  it('finds similar deals across every partner, except the one being edited', () => {
    const deals = [deal('a', 'Zephyr Logistics'), deal('b', 'Orion Health'), deal('c', 'zephyr logistics gmbh')];
    expect(findSimilarDeals('Zephyr Logistics Ltd', deals).map((d) => d.id)).toEqual(['a', 'c']);
    expect(findSimilarDeals('Zephyr Logistics', deals, 'a').map((d) => d.id)).toEqual(['c']);
  });
});


describe('duplicate pre-check by web domain', () => {
  it('reduces a web address to its domain, and a name to nothing', () => {
    expect(webDomain('https://www.acme.com/x')).toBe('acme.com');
    expect(webDomain('http://WWW.Acme.com:8080/contact?x=1')).toBe('acme.com');
    expect(webDomain('acme.co.uk')).toBe('acme.co.uk');
    expect(webDomain('shop.acme.com')).toBe('shop.acme.com');
    expect(webDomain('Acme Inc.')).toBeNull();
    expect(webDomain('sales@acme.com')).toBeNull();
  });

  it('matches the same domain written as a URL or bare, and says it matched by domain', () => {
    const deals = [deal('a', 'acme.com'), deal('b', 'Acme Corporation'), deal('c', 'globex.com')];
    const check = checkDuplicates('https://www.acme.com/about', indexDeals(deals), { partnerId: 'p', today: '2026-03-01' });
    expect(check.matches.map((m) => [m.deal.id, m.match])).toEqual([['a', 'domain'], ['b', 'name']]);
    expect(similarAccounts('https://acme.com', 'www.acme.com/contact')).toBe(true);
  });
});

describe('collision with another partner’s protected registration', () => {
  const today = '2026-03-01';
  const approved = { stage: 'approved' as const, decision: { outcome: 'approved' as const, reason: 'ok', on: '2026-02-01' }, protectedUntil: '2026-05-02' };

  it('names the partner and the expiry of the protected registration that holds the account', () => {
    const deals = [deal('mine', 'acme.com', { partnerId: 'me', ...approved }), deal('theirs', 'Acme Inc', { partnerId: 'other', ...approved })];
    const check = checkDuplicates('https://www.acme.com', indexDeals(deals), { partnerId: 'me', today });
    expect(check.blocking?.deal.id).toBe('theirs');
    expect(check.blocking?.protectedUntil).toBe('2026-05-02');
    if (!check.blocking) throw new Error('expected a blocking registration');
    expect(protectedCollisionMessage(check.blocking, 'Northwind Partners')).toMatch(/^Northwind Partners holds a protected registration for “Acme Inc” \(a similar account\) until .*2026/);
  });

  it('does not block on an expired, pending, rejected or closed registration, nor on the partner’s own', () => {
    const deals = [
      deal('expired', 'acme.com', { partnerId: 'other', ...approved, protectedUntil: '2026-02-28' }),
      deal('pending', 'acme.com', { partnerId: 'other' }),
      deal('rejected', 'acme.com', { partnerId: 'other', decision: { outcome: 'rejected', reason: 'no', on: '2026-02-01' } }),
      deal('won', 'acme.com', { partnerId: 'other', ...approved, stage: 'won', closedOn: '2026-02-20' }),
      deal('own', 'acme.com', { partnerId: 'me', ...approved }),
    ];
    const check = checkDuplicates('acme.com', indexDeals(deals), { partnerId: 'me', today });
    expect(check.matches).toHaveLength(5);
    expect(check.blocking).toBeUndefined();
  });

  it('leaves the deal being edited out', () => {
    const deals = [deal('self', 'acme.com', { partnerId: 'other', ...approved })];
    expect(checkDuplicates('acme.com', indexDeals(deals), { partnerId: 'me', today, exceptId: 'self' }).matches).toEqual([]);
  });
});
