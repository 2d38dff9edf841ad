import { describe, expect, it } from 'vitest';
import { drillPartnerIds } from '../../../../src-shared/kpi/dashboardData';

describe('drillPartnerIds', () => {
  const filtered = { partnerIds: ['isv-1', 'isv-2'], tiles: [{ key: 'churn', partnerIds: [] as string[] }] };

  it('reads a tile’s partners again under the current filters (churn "0 of 4" lists nobody)', () => {
    expect(drillPartnerIds(filtered, { tileKey: 'churn', partnerIds: ['reseller-1', 'si-1', 'reseller-2', 'si-2'] })).toEqual([]);
  });

  it('keeps a chart datum’s partners to the filtered set', () => {
    expect(drillPartnerIds(filtered, { partnerIds: ['reseller-1', 'isv-2'] })).toEqual(['isv-2']);
  });
});
