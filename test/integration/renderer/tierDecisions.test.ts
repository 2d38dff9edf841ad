import { afterEach, describe, expect, it } from 'vitest';
import { createPartner } from '../../../src-renderer/features/partners/createPartner';
import { decideTierRecommendation, saveTierDefinition } from '../../../src-renderer/features/tiers/tierWrites';
import { DEFAULT_TIER_DEFINITION } from '../../../src-shared/tiers/tierDefinition';
import { activeTierDefinition } from '../../../src-shared/tiers/tierPortfolio';
import { recommendTier } from '../../../src-shared/tiers/tierRecommendation';
import type { Partner } from '../../../src-shared/domain/types';
import { allDocs, closeAll, openDatabase, partnerValue, PROFILE } from './support';

afterEach(closeAll);

const TODAY = '2026-12-01';
const promotion = (tier: string) =>
  recommendTier(DEFAULT_TIER_DEFINITION, {
    partner: { tier, onboardingCompletedOn: '2026-06-01' },
    trainings: [{ course: 'Core Sales Certification', status: 'completed' }],
    deals: [
      { amount: 40_000, currency: 'USD', stage: 'won', registeredOn: '2026-05-01', closedOn: '2026-07-01' },
      { amount: 20_000, currency: 'EUR', stage: 'won', registeredOn: '2026-05-01', closedOn: '2026-08-01' },
    ],
    surveys: [],
    today: TODAY,
  });

async function stored(db: Awaited<ReturnType<typeof openDatabase>>, id: string): Promise<Partner> {
  return (await allDocs(db, 'partners')).find((p) => p.id === id)!;
}

describe('tier decisions in the store', () => {
  it('an approval sets the tier and keeps the decision as history; a later rejection adds to it without changing the tier', async () => {
    const db = await openDatabase();
    const partner = await createPartner(db, partnerValue({ tier: 'Registered' }), PROFILE);
    const up = promotion('Registered');
    expect(up).toMatchObject({ move: 'promote', recommendedTier: 'Silver' });
    await decideTierRecommendation(db, partner.id, up, { outcome: 'approved', note: 'Well earned', decidedBy: PROFILE.email });
    const after = await stored(db, partner.id);
    expect(after.tier).toBe('Silver');
    expect(after.tierHistory).toEqual([
      expect.objectContaining({ fromTier: 'Registered', toTier: 'Silver', outcome: 'approved', note: 'Well earned', decidedBy: PROFILE.email, reasons: expect.arrayContaining([up.summary]) }),
    ]);

    const down = { ...up, currentTier: 'Silver', recommendedTier: 'Registered', move: 'demote' as const, summary: 'no longer meets Silver', reasons: ['no longer meets Silver'] };
    await decideTierRecommendation(db, partner.id, down, { outcome: 'rejected', note: 'Big deal closing in January', decidedBy: PROFILE.email });
    const later = await stored(db, partner.id);
    expect(later.tier).toBe('Silver');
    expect(later.tierHistory?.map((d) => `${d.fromTier}→${d.toTier} ${d.outcome}`)).toEqual(['Registered→Silver approved', 'Silver→Registered rejected']);
  });

  it('refuses a decision on a recommendation made for a tier the partner no longer holds', async () => {
    const db = await openDatabase();
    const partner = await createPartner(db, partnerValue({ tier: 'Gold' }), PROFILE);
    await expect(decideTierRecommendation(db, partner.id, promotion('Registered'), { outcome: 'approved', note: '', decidedBy: PROFILE.email })).rejects.toThrow(
      'The tier changed to Gold meanwhile; review the new recommendation.',
    );
    expect((await stored(db, partner.id)).tierHistory).toBeUndefined();
  });

  it('saves the definition as the tiers template, refusing one with problems', async () => {
    const db = await openDatabase();
    await expect(saveTierDefinition(db, { ...DEFAULT_TIER_DEFINITION, tiers: [] }, null)).rejects.toThrow('The definition has no tiers');
    const changed = { ...DEFAULT_TIER_DEFINITION, rates: { ...DEFAULT_TIER_DEFINITION.rates, JPY: 0.0067 } };
    const id = await saveTierDefinition(db, changed, null);
    expect(await saveTierDefinition(db, changed, id)).toBe(id);
    const templates = await allDocs(db, 'templates');
    expect(templates.filter((t) => t.kind === 'tiers')).toHaveLength(1);
    expect(activeTierDefinition(templates).definition.rates).toEqual({ EUR: 1.08, GBP: 1.27, JPY: 0.0067 });
  });
});
