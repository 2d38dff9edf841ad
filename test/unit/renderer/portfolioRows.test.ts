import { describe, expect, it } from 'vitest';
import type { PartnerRow } from '../../../src-renderer/app/usePortfolioOverview';
import {
  EMPTY_FILTER,
  portfolioRows,
  type PortfolioFilter,
  type PortfolioSort,
  type PortfolioSortKey,
  whileRecordsLoad,
} from '../../../src-renderer/features/portfolio/portfolioRows';
import { PARTNER_STATUSES, PHASES } from '../../../src-shared/domain/types';
import { portfolio } from './fixtures';

const ROWS = portfolio();
const BY_NAME: PortfolioSort = { key: 'name', direction: 'asc' };

function names(filter: Partial<PortfolioFilter>, sort: PortfolioSort = BY_NAME): string[] {
  return portfolioRows(ROWS, { ...EMPTY_FILTER, ...filter }, sort).map((row) => row.partner.name);
}

function sortedNames(key: PortfolioSortKey, direction: 'asc' | 'desc'): string[] {
  return names({}, { key, direction });
}

/** The value a column sorts by, as a number or string. */
function sortValue(row: PartnerRow, key: PortfolioSortKey): number | string {
  const tierRank: Record<string, number> = { registered: 1, silver: 2, gold: 3, platinum: 4 };
  switch (key) {
    case 'name':
      return row.partner.name;
    case 'type':
      return row.partner.type;
    case 'tier':
      return tierRank[row.partner.tier.toLowerCase()] ?? 0;
    case 'owner':
      return row.partner.ownerEmail;
    case 'phase':
      return PHASES.indexOf(row.journey.phase);
    case 'day':
      return row.journey.day;
    case 'progress':
      return row.journey.progress;
    case 'health':
      return row.health.score;
  }
}

describe('portfolio fixtures (built with the real partnerOverview)', () => {
  it('cover every phase, several types and all three health bands', () => {
    const byName = Object.fromEntries(ROWS.map((r) => [r.partner.name, r]));
    expect(new Set(ROWS.map((r) => r.journey.phase))).toEqual(new Set(PHASES));
    expect(byName['Initech']?.health.band).toBe('red');
    expect(byName['Beta Resellers']?.health.band).toBe('yellow');
    expect(byName['Acme Cloud']?.health.band).toBe('green');
    expect(byName['acme labs']?.journey.day).toBe(-10);
  });
});

describe('portfolioRows search', () => {
  it('returns every row for an empty or blank query', () => {
    expect(names({ query: '' })).toHaveLength(ROWS.length);
    expect(names({ query: '   ' })).toHaveLength(ROWS.length);
  });

  it('is case-insensitive and matches inside words', () => {
    expect(names({ query: 'acme' })).toEqual(['Acme Cloud', 'acme labs']);
    expect(names({ query: 'ACME' })).toEqual(['Acme Cloud', 'acme labs']);
    expect(names({ query: 'glob' })).toEqual(['Globex Systems']);
  });

  it('requires every word to match (AND), in any field, ignoring extra spaces', () => {
    expect(names({ query: 'acme emea' })).toEqual(['Acme Cloud']);
    expect(names({ query: '  acme   labs ' })).toEqual(['acme labs']);
    expect(names({ query: 'acme zzz' })).toEqual([]);
  });

  it('matches contact names, region, tags, tier and type', () => {
    expect(names({ query: 'jane' })).toEqual(['Acme Cloud']);
    expect(names({ query: 'gibbons apac' })).toEqual(['Initech']);
    expect(names({ query: 'north america' })).toEqual(['Globex Systems']);
    expect(names({ query: 'emea' })).toEqual(['Acme Cloud', 'Beta Resellers', 'Umbrella MSP']);
    expect(names({ query: 'priority' })).toEqual(['Acme Cloud']);
    expect(names({ query: 'platinum' })).toEqual(['Initech']);
    expect(names({ query: 'isv' })).toEqual(['Globex Systems']);
  });
});

describe('portfolioRows filters', () => {
  it('keeps the rows in any of the chosen phases', () => {
    expect(names({ phases: ['preboarding'] })).toEqual(['Acme Cloud', 'acme labs']);
    expect(names({ phases: ['preboarding', 'growth'] })).toEqual(['Acme Cloud', 'acme labs', 'Umbrella MSP']);
  });

  it('keeps the rows of any of the chosen types', () => {
    expect(names({ types: ['reseller'] })).toEqual(['Acme Cloud', 'Beta Resellers']);
    expect(names({ types: ['si', 'msp'] })).toEqual(['Initech', 'Umbrella MSP']);
  });

  it('keeps the rows in any of the chosen health bands', () => {
    expect(names({ bands: ['red'] })).toEqual(['Initech']);
    expect(names({ bands: ['yellow', 'red'] })).toEqual(['Beta Resellers', 'Initech']);
  });

  it('combines phase, type, band and search with AND', () => {
    expect(names({ phases: ['preboarding', 'immersion'], types: ['reseller'] })).toEqual(['Acme Cloud', 'Beta Resellers']);
    expect(names({ phases: ['preboarding', 'immersion'], types: ['reseller'], bands: ['yellow'] })).toEqual(['Beta Resellers']);
    expect(names({ types: ['reseller', 'referral'], query: 'acme' })).toEqual(['Acme Cloud', 'acme labs']);
    expect(names({ types: ['reseller'], bands: ['red'] })).toEqual([]);
    expect(names({ phases: ['growth'], query: 'emea', bands: ['green'] })).toEqual(['Umbrella MSP']);
  });

  it('does not reorder or change the rows it was given', () => {
    const input = [...ROWS];
    const result = portfolioRows(input, { ...EMPTY_FILTER, types: ['reseller'] }, { key: 'health', direction: 'desc' });
    expect(input).toEqual(ROWS);
    expect(result).not.toBe(input);
  });
});

describe('portfolioRows sort', () => {
  it('sorts by name', () => {
    expect(sortedNames('name', 'asc')).toEqual(['Acme Cloud', 'acme labs', 'Beta Resellers', 'Globex Systems', 'Initech', 'Umbrella MSP']);
    expect(sortedNames('name', 'desc')).toEqual(['Umbrella MSP', 'Initech', 'Globex Systems', 'Beta Resellers', 'acme labs', 'Acme Cloud']);
  });

  it('sorts by type, ties by name', () => {
    expect(sortedNames('type', 'asc')).toEqual(['Globex Systems', 'Umbrella MSP', 'acme labs', 'Acme Cloud', 'Beta Resellers', 'Initech']);
    expect(sortedNames('type', 'desc')).toEqual(['Initech', 'Acme Cloud', 'Beta Resellers', 'acme labs', 'Umbrella MSP', 'Globex Systems']);
  });

  it('sorts by tier rank (none < registered < silver < gold < platinum, any case), ties by name', () => {
    expect(sortedNames('tier', 'asc')).toEqual(['acme labs', 'Beta Resellers', 'Globex Systems', 'Acme Cloud', 'Umbrella MSP', 'Initech']);
    expect(sortedNames('tier', 'desc')).toEqual(['Initech', 'Acme Cloud', 'Umbrella MSP', 'Globex Systems', 'Beta Resellers', 'acme labs']);
  });

  it('sorts by phase in journey order, ties by name', () => {
    expect(sortedNames('phase', 'asc')).toEqual(['Acme Cloud', 'acme labs', 'Beta Resellers', 'Globex Systems', 'Initech', 'Umbrella MSP']);
    expect(sortedNames('phase', 'desc')).toEqual(['Umbrella MSP', 'Initech', 'Globex Systems', 'Beta Resellers', 'Acme Cloud', 'acme labs']);
  });

  it('sorts by journey day (a future Day 0 first)', () => {
    expect(sortedNames('day', 'asc')).toEqual(['acme labs', 'Acme Cloud', 'Beta Resellers', 'Globex Systems', 'Initech', 'Umbrella MSP']);
    expect(sortedNames('day', 'desc')).toEqual(['Umbrella MSP', 'Initech', 'Globex Systems', 'Beta Resellers', 'Acme Cloud', 'acme labs']);
  });

  const KEYS: PortfolioSortKey[] = ['name', 'type', 'tier', 'phase', 'day', 'progress', 'health'];

  it.each(KEYS.flatMap((key) => (['asc', 'desc'] as const).map((direction) => [key, direction] as const)))(
    'orders by %s %s and breaks ties by name A→Z',
    (key, direction) => {
      const sorted = portfolioRows(ROWS, EMPTY_FILTER, { key, direction });
      expect(sorted).toHaveLength(ROWS.length);
      for (let i = 1; i < sorted.length; i += 1) {
        const prev = sorted[i - 1] as PartnerRow;
        const cur = sorted[i] as PartnerRow;
        const a = sortValue(prev, key);
        const b = sortValue(cur, key);
        const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
        if (order === 0) {
          expect(prev.partner.name.localeCompare(cur.partner.name), `tie ${prev.partner.name} / ${cur.partner.name}`).toBeLessThan(0);
        } else {
          expect(direction === 'asc' ? order : -order, `${prev.partner.name} before ${cur.partner.name}`).toBeLessThan(0);
        }
      }
    },
  );

  it('puts churned partners after every active one when sorting by health, either way round', () => {
    const [first, ...rest] = ROWS as [PartnerRow, ...PartnerRow[]];
    const churned: PartnerRow = {
      ...first,
      partner: { ...first.partner, name: 'Zz Churned Co', status: 'churned' },
      health: { score: 0, band: 'red', reasons: [{ text: 'Churned', impact: -100 }] },
    };
    const rows = [churned, ...rest];
    // Churned partners are hidden unless the status filter asks for them.
    const withChurned = { ...EMPTY_FILTER, statuses: [...PARTNER_STATUSES] };
    for (const direction of ['asc', 'desc'] as const) {
      const sorted = portfolioRows(rows, withChurned, { key: 'health', direction });
      expect(sorted.at(-1)?.partner.name).toBe('Zz Churned Co');
    }
    expect(portfolioRows(rows, withChurned, { key: 'name', direction: 'desc' })[0]?.partner.name).toBe('Zz Churned Co');
  });

  it('has ties in progress and health, so the name tiebreak above is exercised', () => {
    const progress = ROWS.map((r) => r.journey.progress);
    const health = ROWS.map((r) => r.health.score);
    expect(new Set(progress).size).toBeLessThan(progress.length);
    expect(new Set(health).size).toBeLessThan(health.length);
  });

  it('gives the same order whatever the input order', () => {
    const reversed = [...ROWS].reverse();
    for (const key of KEYS) {
      const sort: PortfolioSort = { key, direction: 'desc' };
      expect(portfolioRows(reversed, EMPTY_FILTER, sort).map((r) => r.partner.id), key).toEqual(
        portfolioRows(ROWS, EMPTY_FILTER, sort).map((r) => r.partner.id),
      );
    }
  });
});

describe('whileRecordsLoad: the table while tasks, meetings and deals are still loading', () => {
  const filter = { ...EMPTY_FILTER, query: 'ac', bands: ['red' as const], tierMove: 'promote' as const, phases: ['activation' as const] };

  it('orders by name instead of health or journey, and leaves out the health and tier filters', () => {
    expect(whileRecordsLoad(filter, { key: 'health', direction: 'desc' }, true)).toEqual({
      filter: { ...filter, bands: [], tierMove: undefined },
      sort: { key: 'name', direction: 'asc' },
    });
    expect(whileRecordsLoad(filter, { key: 'progress', direction: 'asc' }, true).sort).toEqual({ key: 'name', direction: 'asc' });
  });

  it('keeps a sort by what the partner itself says, and everything once the records are in', () => {
    expect(whileRecordsLoad(filter, { key: 'day', direction: 'desc' }, true).sort).toEqual({ key: 'day', direction: 'desc' });
    expect(whileRecordsLoad(filter, { key: 'health', direction: 'asc' }, false)).toEqual({ filter, sort: { key: 'health', direction: 'asc' } });
  });
});
