import { describe, expect, it } from 'vitest';
import { mdfKpiTiles } from '../../../src-renderer/features/dashboard/mdfKpiTiles';
import type { MdfCurrencyKpis } from '../../../src-shared/kpi/mdfKpis';

const row = (over: Partial<MdfCurrencyKpis>): MdfCurrencyKpis => ({ currency: 'EUR', approvedCount: 0, approved: 0, claimed: 0, paid: 0, utilisation: null, invested: 0, wonRevenue: 0, wonDeals: 0, roi: null, ...over });

describe('mdfKpiTiles', () => {
  it('shows utilisation and return per currency, with what they are made of, and leaves out currencies with nothing to say', () => {
    const tiles = mdfKpiTiles([
      row({ currency: 'EUR', approvedCount: 2, approved: 20000, claimed: 15000, utilisation: 0.75, invested: 15000, wonRevenue: 63000, wonDeals: 3, roi: 4.2 }),
      row({ currency: 'GBP' }),
      row({ currency: 'USD', wonRevenue: 5000, wonDeals: 1 }),
    ]);
    expect(tiles).toEqual([
      { currency: 'EUR', utilisation: '75%', utilisationHint: 'EUR 15,000 claimed of EUR 20,000 approved (2 requests)', roi: '4.2×', roiHint: 'EUR 63,000 won in 3 linked deals on EUR 15,000 of MDF' },
      { currency: 'USD', utilisation: '—', utilisationHint: 'No USD MDF approved', roi: '—', roiHint: 'USD 5,000 won in linked deals, with no USD MDF to compare' },
    ]);
  });
});
