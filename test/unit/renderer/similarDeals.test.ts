import { describe, expect, it } from 'vitest';
import { attentionOrder } from '../../../src-renderer/features/dashboard/attention';
import { accountKey, findSimilarDeals, similarAccounts } from '../../../src-renderer/features/deals/similarDeals';
import type { Deal } from '../../../src-shared/domain/types';

const deal = (id: string, account: string): Deal => ({
  id, createdAt: '', updatedAt: '', partnerId: 'p', account, amount: 1, currency: 'USD', stage: 'registered', registeredOn: '2026-01-01', source: 'sourced',
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

describe('Today attention order', () => {
  it('puts red and at-risk partners first, then the rest by health, and leaves churned partners out', () => {
    const health = (score: number, band: 'green' | 'yellow' | 'red') => ({ score, band, reasons: [{ text: `h${score}`, impact: score - 100 }] });
    const risk = (id: string, probability: number | null) => ({ partnerId: id, probability, atRisk: (probability ?? 0) >= 0.5, reasons: ['no deal'] });
    const order = attentionOrder(
      [
        { partnerId: 'green-risky', health: health(80, 'green'), churned: false },
        { partnerId: 'yellow', health: health(60, 'yellow'), churned: false },
        { partnerId: 'red', health: health(40, 'red'), churned: false },
        { partnerId: 'red-risky', health: health(45, 'red'), churned: false },
        { partnerId: 'gone', health: health(0, 'red'), churned: true },
      ],
      new Map([
        ['green-risky', risk('green-risky', 0.7)],
        ['red-risky', risk('red-risky', 0.9)],
        ['yellow', risk('yellow', 0.2)],
      ]),
    );
    expect(order.map((i) => i.partnerId)).toEqual(['red-risky', 'red', 'green-risky', 'yellow']);
    expect(order[0]).toMatchObject({ flagged: true, reasons: ['h45', 'no deal'] });
    expect(order[3]?.flagged).toBe(false);
  });
});
