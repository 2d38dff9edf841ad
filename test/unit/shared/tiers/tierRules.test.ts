import { describe, expect, it } from 'vitest';
import type { Deal, Partner, Template } from '../../../../src-shared/domain/types';
import { awaitsDecision, decideTier } from '../../../../src-shared/tiers/tierDecision';
import { DEFAULT_TIER_DEFINITION, parseTierDefinition, validateTierDefinition, type TierDefinition } from '../../../../src-shared/tiers/tierDefinition';
import { activeTierDefinition, createTierRecommender, portfolioTierRecommendations, tierMoveCounts } from '../../../../src-shared/tiers/tierPortfolio';
import { evaluateCriteria, measureTierFacts, recommendTier, type TierFacts } from '../../../../src-shared/tiers/tierRecommendation';

const TODAY = '2026-12-01';

const definition: TierDefinition = {
  baseCurrency: 'USD',
  rates: { EUR: 1.1 },
  tiers: [
    { name: 'Registered', criteria: { certifications: [], wonRevenue: 0, dealsRegistered: 0, onboardingComplete: false } },
    { name: 'Silver', criteria: { certifications: ['Core'], wonRevenue: 50_000, dealsRegistered: 2, onboardingComplete: true } },
    {
      name: 'Gold',
      criteria: { certifications: ['Core', 'Tech', 'Cloud', 'Security'], wonRevenue: 250_000, dealsRegistered: 4, minPsat: 4, onboardingComplete: true },
    },
  ],
};

const won = (amount: number, currency = 'USD', closedOn = '2026-10-01'): Pick<Deal, 'amount' | 'currency' | 'stage' | 'registeredOn' | 'closedOn'> => ({
  amount,
  currency,
  stage: 'won',
  registeredOn: '2026-06-01',
  closedOn,
});

function goldFacts(overrides: Partial<TierFacts> = {}): TierFacts {
  return {
    partner: { tier: 'Silver', onboardingCompletedOn: '2026-04-01' },
    trainings: ['Core', 'Tech', 'cloud ', 'Security'].map((course) => ({ course, status: 'completed' as const })),
    deals: [won(212_000), won(100_000), won(100_000), won(0)],
    surveys: [{ score: 5, takenOn: '2026-09-01' }, { score: 4, takenOn: '2026-11-01' }],
    today: TODAY,
    ...overrides,
  };
}

describe('tier criteria', () => {
  it('counts completed certifications only, ignoring case and spaces', () => {
    const m = measureTierFacts(definition, goldFacts({ trainings: [{ course: 'core', status: 'completed' }, { course: 'Tech', status: 'enrolled' }] }));
    const [certs] = evaluateCriteria(definition, definition.tiers[2]!.criteria, m);
    expect(certs).toMatchObject({ criterion: 'certifications', met: false, text: '1/4 certifications', missing: 'certifications Tech, Cloud, Security' });
  });

  it('sums won revenue of the last 12 months only, converting at the rate table', () => {
    const m = measureTierFacts(definition, goldFacts({ deals: [won(100_000), won(100_000, 'EUR'), won(500_000, 'USD', '2025-11-30'), { ...won(90_000), stage: 'registered' }] }));
    expect(m.wonRevenue).toBe(210_000);
    expect(m.dealsRegistered).toBe(4);
  });

  it('never adds a currency without a rate: it is left out and named', () => {
    const m = measureTierFacts(definition, goldFacts({ deals: [won(240_000), won(30_000, 'JPY')] }));
    expect(m.wonRevenue).toBe(240_000);
    expect(m.uncounted).toEqual([{ currency: 'JPY', amount: 30_000 }]);
    const revenue = evaluateCriteria(definition, definition.tiers[2]!.criteria, m).find((r) => r.criterion === 'wonRevenue');
    expect(revenue).toMatchObject({ met: false, text: 'USD 240k won in 12 months < 250k (not counted, no rate: JPY 30k)' });
  });

  it('counts deals registered in the window whatever their stage', () => {
    const m = measureTierFacts(definition, goldFacts({ deals: [{ ...won(1), stage: 'lost' }, { ...won(1), stage: 'registered', registeredOn: '2025-01-01' }] }));
    expect(m.dealsRegistered).toBe(1);
  });

  it('averages PSAT over 12 months and says when there is none', () => {
    const none = measureTierFacts(definition, goldFacts({ surveys: [{ score: 5, takenOn: '2025-01-01' }] }));
    expect(none.psat).toBeNull();
    expect(evaluateCriteria(definition, definition.tiers[2]!.criteria, none).find((r) => r.criterion === 'minPsat')).toMatchObject({ met: false, text: 'no PSAT response in 12 months (needs 4)' });
    const low = measureTierFacts(definition, goldFacts({ surveys: [{ score: 3, takenOn: '2026-11-01' }, { score: 4, takenOn: '2026-11-02' }] }));
    expect(evaluateCriteria(definition, definition.tiers[2]!.criteria, low).find((r) => r.criterion === 'minPsat')).toMatchObject({ met: false, text: 'PSAT 3.5 < 4' });
  });

  it('needs an onboarding completed on or before today', () => {
    expect(measureTierFacts(definition, goldFacts({ partner: { tier: 'Silver' } })).onboardingComplete).toBe(false);
    expect(measureTierFacts(definition, goldFacts()).onboardingComplete).toBe(true);
  });
});

describe('tier recommendation', () => {
  it('recommends a promotion with the reasons in words', () => {
    const r = recommendTier(definition, goldFacts());
    expect(r).toMatchObject({ currentTier: 'Silver', recommendedTier: 'Gold', move: 'promote', next: null });
    expect(r.summary).toBe('qualifies for Gold: 4/4 certifications, USD 412k won in 12 months ≥ 250k, 4 deals registered in 12 months ≥ 4, PSAT 4.5 ≥ 4, onboarding complete');
  });

  it('says what is missing for the next tier', () => {
    const r = recommendTier(definition, goldFacts({ partner: { tier: 'Silver', onboardingCompletedOn: '2026-04-01' }, deals: [won(60_000), won(1), won(1)] }));
    expect(r).toMatchObject({ recommendedTier: 'Silver', move: 'keep' });
    expect(r.next).toEqual({ tier: 'Gold', missing: ['USD 190k more won revenue', '1 more deal registered'] });
  });

  it('recommends a demotion and names what the current tier asks and is not met', () => {
    const r = recommendTier(definition, goldFacts({ partner: { tier: 'Gold', onboardingCompletedOn: '2026-04-01' }, deals: [won(80_000), won(1)] }));
    expect(r).toMatchObject({ recommendedTier: 'Silver', move: 'demote' });
    expect(r.summary).toMatch(/^no longer meets Gold: USD 80k won in 12 months < 250k, 2 deals registered in 12 months < 4; qualifies for Silver/);
  });

  it('a tier counts only when every tier below it is met too', () => {
    const def: TierDefinition = { ...definition, tiers: [definition.tiers[0]!, { ...definition.tiers[1]!, criteria: { ...definition.tiers[1]!.criteria, onboardingComplete: true } }, definition.tiers[2]!] };
    const r = recommendTier(def, goldFacts({ partner: { tier: 'Registered' } }));
    expect(r.recommendedTier).toBe('Registered');
    expect(r.next).toEqual({ tier: 'Silver', missing: ['onboarding complete'] });
  });

  it('a current tier outside the definition is a change (neither up nor down) to what the partner qualifies for, and says so', () => {
    const r = recommendTier(definition, goldFacts({ partner: { tier: 'Platinum', onboardingCompletedOn: '2026-04-01' } }));
    expect(r.move).toBe('change');
    expect(recommendTier(definition, goldFacts({ partner: { tier: '', onboardingCompletedOn: '2026-04-01' } })).move).toBe('promote');
    expect(r.summary).toMatch(/current tier "Platinum" is not in the tier definition/);
  });
});

describe('tier definition validation', () => {
  it('accepts the default definition', () => {
    expect(validateTierDefinition(DEFAULT_TIER_DEFINITION)).toEqual([]);
  });

  it('refuses an empty tier list', () => {
    expect(validateTierDefinition({ ...definition, tiers: [] }).map((i) => i.message)).toEqual(['The definition has no tiers: add at least one (e.g. Registered).']);
  });

  it('refuses thresholds that go down from one tier to the next', () => {
    const tiers = structuredClone(definition.tiers);
    tiers[2]!.criteria.wonRevenue = 10_000;
    expect(validateTierDefinition({ ...definition, tiers })).toEqual([
      { tierIndex: 2, field: 'wonRevenue', message: 'Tier 3 (Gold) asks for less won revenue (10,000) than Silver below it (50,000); tiers go from lowest to highest.' },
    ]);
  });

  it('refuses a rate that is not a positive number, a bad currency code and duplicate names', () => {
    const messages = validateTierDefinition({ baseCurrency: 'usd', rates: { EUR: 0 }, tiers: [definition.tiers[0]!, { ...definition.tiers[1]!, name: 'registered' }] }).map((i) => i.message);
    expect(messages).toEqual([
      'Base currency "usd" is not a 3-letter currency code (e.g. USD).',
      'The rate for EUR must be a positive number (1 EUR in usd).',
      'Tier 2 (registered): another tier is already called "registered".',
    ]);
  });

  it('reads stored data and says where it is unreadable', () => {
    expect(parseTierDefinition({ baseCurrency: 'USD', tiers: [{ name: 'Gold', criteria: { wonRevenue: 'lots' } }] }).issues[0]!.message).toMatch(/^The tier definition cannot be read at tiers\.0\.criteria\.wonRevenue/);
    expect(parseTierDefinition({ baseCurrency: 'USD', tiers: [{ name: 'Registered' }] })).toMatchObject({ definition: { rates: {}, tiers: [{ name: 'Registered', criteria: { certifications: [] } }] }, issues: [] });
  });

  it('falls back to the default when none is stored or the stored one is invalid', () => {
    expect(activeTierDefinition([])).toMatchObject({ definition: DEFAULT_TIER_DEFINITION, template: null });
    const bad = { id: 't', createdAt: '', updatedAt: '2026-01-01', kind: 'tiers', name: 'Partner tiers', data: { baseCurrency: 'USD', tiers: [] } } satisfies Template;
    const active = activeTierDefinition([bad]);
    expect(active.definition).toBe(DEFAULT_TIER_DEFINITION);
    expect(active.issues).toHaveLength(1);
  });
});

describe('tier decisions', () => {
  const promote = recommendTier(definition, goldFacts());
  const input = { id: 'd1', note: '', decidedBy: 'sam@example.com', decidedAt: '2026-12-01T10:00:00.000Z' };

  it('an approval sets the tier and keeps the decision with its reasons', () => {
    const change = decideTier({ tier: 'Silver' }, promote, { ...input, outcome: 'approved' });
    expect(change.tier).toBe('Gold');
    expect(change.tierHistory).toEqual([
      expect.objectContaining({ id: 'd1', fromTier: 'Silver', toTier: 'Gold', outcome: 'approved', decidedBy: 'sam@example.com', reasons: expect.arrayContaining([promote.summary]) }),
    ]);
  });

  it('a rejection keeps the tier, needs a note, and is not asked again for the same move', () => {
    expect(() => decideTier({ tier: 'Silver' }, promote, { ...input, outcome: 'rejected' })).toThrow('Say why the recommendation is rejected');
    const change = decideTier({ tier: 'Silver' }, promote, { ...input, outcome: 'rejected', note: 'Wait for Q1 review' });
    expect(change.tier).toBe('Silver');
    expect(awaitsDecision(change, promote)).toBe(false);
    expect(awaitsDecision({ tier: 'Silver' }, promote)).toBe(true);
  });

  it('refuses to decide a recommendation to keep the tier', () => {
    const keep = recommendTier(definition, goldFacts({ partner: { tier: 'Gold', onboardingCompletedOn: '2026-04-01' } }));
    expect(() => decideTier({ tier: 'Gold' }, keep, { ...input, outcome: 'approved' })).toThrow('Nothing to decide: the partner already holds Gold.');
  });

  it('counts promotions and demotions awaiting a decision across the portfolio', () => {
    const partner = (id: string, tier: string, status: Partner['status'] = 'active') => ({ id, tier, status, onboardingCompletedOn: undefined }) as unknown as Partner;
    const rows = portfolioTierRecommendations(definition, { partners: [partner('a', 'Gold'), partner('b', 'Registered'), partner('c', 'Gold', 'churned'), partner('d', 'Silver')], trainingsByPartner: new Map(), dealsByPartner: new Map(), surveysByPartner: new Map() }, TODAY);
    expect(rows.map((r) => r.recommendation.move)).toEqual(['demote', 'keep', 'demote']);
    expect(tierMoveCounts(rows)).toEqual({ promote: 0, demote: 2 });
  });
});

describe('tier recommender (kept rows)', () => {
  const partner = (id: string, tier: string) => ({ id, tier, status: 'active', onboardingCompletedOn: undefined }) as unknown as Partner;
  const deal = (partnerId: string, amount: number) => ({ ...won(amount), id: `${partnerId}-${amount}`, partnerId }) as unknown as Deal;

  it('keeps the rows of unchanged partners, recomputes a partner whose deals changed, and everything for another day or definition', () => {
    const recommend = createTierRecommender();
    const a = partner('a', 'Registered');
    const b = partner('b', 'Registered');
    const bDeals = [deal('b', 10_000)];
    const data = { partners: [a, b], trainingsByPartner: new Map(), dealsByPartner: new Map([['b', bDeals]]), surveysByPartner: new Map() };
    const first = recommend(definition, data, TODAY);
    expect(first).toEqual(portfolioTierRecommendations(definition, data, TODAY));

    const again = recommend(definition, { ...data, dealsByPartner: new Map([['b', bDeals]]) }, TODAY);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    // The same definition parsed again by another screen (an equal object, not the same one).
    const reparsed = recommend(structuredClone(definition), data, TODAY);
    expect(reparsed[0]).toBe(first[0]);

    // b wins 60,000 more: its row is recomputed (and now reads like a fresh computation), a's is kept.
    const moreDeals = { ...data, dealsByPartner: new Map([['b', [...bDeals, deal('b', 60_000)]]]) };
    const changed = recommend(definition, moreDeals, TODAY);
    expect(changed[0]).toBe(first[0]);
    expect(changed[1]).not.toBe(first[1]);
    expect(changed[1]?.recommendation.measures.wonRevenue).toBe(70_000);
    expect(changed).toEqual(portfolioTierRecommendations(definition, moreDeals, TODAY));

    const nextDay = recommend(definition, moreDeals, '2026-12-02');
    expect(nextDay[0]).not.toBe(first[0]);
    expect(nextDay).toEqual(portfolioTierRecommendations(definition, moreDeals, '2026-12-02'));
    expect(recommend(DEFAULT_TIER_DEFINITION, moreDeals, '2026-12-02')).toEqual(portfolioTierRecommendations(DEFAULT_TIER_DEFINITION, moreDeals, '2026-12-02'));
  });
});

describe('onboarding grace', () => {
  it('a partner still onboarding keeps its tier instead of a demotion, and says why', () => {
    const r = recommendTier(definition, goldFacts({ partner: { tier: 'Gold', status: 'onboarding' }, deals: [] }));
    expect(r.move).toBe('keep');
    expect(r.summary).toBe('keeps Gold while onboarding (no demotion before onboarding is complete); qualifies for Registered');
    expect(recommendTier(definition, goldFacts({ partner: { tier: 'Gold', status: 'active' }, deals: [] })).move).toBe('demote');
  });
});
