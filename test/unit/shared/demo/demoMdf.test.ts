import { describe, expect, it } from 'vitest';
import { demoMdf } from '../../../../src-shared/demo/demoMdf';
import { generateDemoPortfolio } from '../../../../src-shared/demo/demoPortfolio';
import { mdfKpis } from '../../../../src-shared/kpi/mdfKpis';
import { isMdfRequest } from '../../../../src-shared/mdf/mdfRules';

describe('demoMdf', () => {
  it('gives the demo portfolio a few MDF requests at every step, funding won deals, so the MDF tiles show figures', () => {
    const today = '2026-12-02';
    const demo = generateDemoPortfolio({ today, ownerEmail: 'pat@example.com', ownerName: 'Pat' });
    const docs = demoMdf(demo.partners, demo.deals, today, `${today}T09:00:00.000Z`);
    const requests = docs.filter(isMdfRequest);
    expect(requests.length).toBeGreaterThanOrEqual(4);
    expect(new Set(requests.map((r) => r.state))).toEqual(new Set(['approved', 'claimed', 'claim_approved', 'paid']));
    for (const r of requests) expect(r.plannedOn <= today && (r.paidOn ?? r.plannedOn) <= today).toBe(true);
    const kpis = mdfKpis(demo.partners, docs, demo.deals, today);
    expect(kpis.some((k) => k.utilisation !== null && k.roi !== null && k.roi > 0)).toBe(true);
    // The same input gives the same documents (the demo is reproducible).
    expect(demoMdf(demo.partners, demo.deals, today, `${today}T09:00:00.000Z`)).toEqual(docs);
  });
});
