import { addDays, format, parseISO } from 'date-fns';
import type { Deal, IsoDate, Partner, Survey, Training } from '../domain/types';
import { sameCourse, tierIndex, type TierCriteria, type TierDefinition } from './tierDefinition';

/** What the rules read about one partner. */
export type TierFacts = {
  partner: Pick<Partner, 'tier' | 'onboardingCompletedOn'> & Partial<Pick<Partner, 'status'>>;
  trainings: readonly Pick<Training, 'course' | 'status'>[];
  deals: readonly Pick<Deal, 'amount' | 'currency' | 'stage' | 'registeredOn' | 'closedOn'>[];
  surveys: readonly Pick<Survey, 'score' | 'takenOn'>[];
  today: IsoDate;
};

/** The partner's figures over the last 12 months, as the criteria read them. */
export type TierMeasures = {
  completedCourses: string[];
  /** Won revenue in the base currency, counting only currencies that have a rate. */
  wonRevenue: number;
  /** Won revenue per currency that has no rate, left out of `wonRevenue` (never added across). */
  uncounted: { currency: string; amount: number }[];
  dealsRegistered: number;
  /** Average PSAT, or null with no response in 12 months. */
  psat: number | null;
  onboardingComplete: boolean;
};

export type CriterionResult = { criterion: keyof TierCriteria; met: boolean; text: string; missing: string };

/** `change`: the current tier is not one the definition knows (renamed or retired), so neither up nor down. */
export type TierMove = 'promote' | 'demote' | 'keep' | 'change';

export type TierRecommendation = {
  currentTier: string;
  recommendedTier: string;
  move: TierMove;
  /** One sentence: "qualifies for Gold: 4/4 certifications, USD 412k won in 12 months ≥ 250k". */
  summary: string;
  /** The criteria of the recommended tier (met), and for a demotion those of the current tier not met. */
  reasons: string[];
  /** The tier above the recommended one and what the partner still needs for it; null at the top. */
  next: { tier: string; missing: string[] } | null;
  measures: TierMeasures;
};

/** "412k", "1.2M", "950": amounts in criteria sentences. */
const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function compactAmount(amount: number): string {
  return COMPACT.format(amount).replace('K', 'k');
}

function psatText(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

export function measureTierFacts(definition: TierDefinition, facts: TierFacts): TierMeasures {
  const since = format(addDays(parseISO(facts.today), -365), 'yyyy-MM-dd');
  const inWindow = (day: IsoDate | undefined) => day !== undefined && day > since && day <= facts.today;
  let wonRevenue = 0;
  const uncounted = new Map<string, number>();
  for (const deal of facts.deals) {
    if (deal.stage !== 'won' || !inWindow(deal.closedOn ?? deal.registeredOn)) continue;
    if (deal.currency === definition.baseCurrency) wonRevenue += deal.amount;
    else if (definition.rates[deal.currency] !== undefined) wonRevenue += deal.amount * definition.rates[deal.currency]!;
    else uncounted.set(deal.currency, (uncounted.get(deal.currency) ?? 0) + deal.amount);
  }
  const scores = facts.surveys.filter((s) => inWindow(s.takenOn)).map((s) => s.score);
  return {
    completedCourses: facts.trainings.filter((t) => t.status === 'completed').map((t) => t.course),
    wonRevenue: Math.round(wonRevenue * 100) / 100,
    uncounted: [...uncounted].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => a.currency.localeCompare(b.currency)),
    dealsRegistered: facts.deals.filter((d) => inWindow(d.registeredOn)).length,
    psat: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    onboardingComplete: facts.partner.onboardingCompletedOn !== undefined && facts.partner.onboardingCompletedOn <= facts.today,
  };
}

/** Each criterion of a tier, met or not, in words ("USD 412k won in 12 months ≥ 250k"). */
export function evaluateCriteria(definition: TierDefinition, criteria: TierCriteria, m: TierMeasures): CriterionResult[] {
  const results: CriterionResult[] = [];
  const base = definition.baseCurrency;
  if (criteria.certifications.length) {
    const have = criteria.certifications.filter((name) => m.completedCourses.some((c) => sameCourse(c, name)));
    const lacking = criteria.certifications.filter((name) => !have.includes(name));
    results.push({
      criterion: 'certifications',
      met: lacking.length === 0,
      text: `${have.length}/${criteria.certifications.length} certifications`,
      missing: lacking.length ? `certification${lacking.length > 1 ? 's' : ''} ${lacking.join(', ')}` : '',
    });
  }
  if (criteria.wonRevenue > 0) {
    const met = m.wonRevenue >= criteria.wonRevenue;
    const left = m.uncounted.length ? ` (not counted, no rate: ${m.uncounted.map((u) => `${u.currency} ${compactAmount(u.amount)}`).join(', ')})` : '';
    results.push({
      criterion: 'wonRevenue',
      met,
      text: `${base} ${compactAmount(m.wonRevenue)} won in 12 months ${met ? '≥' : '<'} ${compactAmount(criteria.wonRevenue)}${left}`,
      missing: met ? '' : `${base} ${compactAmount(criteria.wonRevenue - m.wonRevenue)} more won revenue${left}`,
    });
  }
  if (criteria.dealsRegistered > 0) {
    const met = m.dealsRegistered >= criteria.dealsRegistered;
    const more = criteria.dealsRegistered - m.dealsRegistered;
    results.push({
      criterion: 'dealsRegistered',
      met,
      text: `${m.dealsRegistered} deal${m.dealsRegistered === 1 ? '' : 's'} registered in 12 months ${met ? '≥' : '<'} ${criteria.dealsRegistered}`,
      missing: met ? '' : `${more} more deal${more === 1 ? '' : 's'} registered`,
    });
  }
  if (criteria.minPsat !== undefined) {
    const met = m.psat !== null && m.psat >= criteria.minPsat;
    results.push({
      criterion: 'minPsat',
      met,
      text: m.psat === null ? `no PSAT response in 12 months (needs ${psatText(criteria.minPsat)})` : `PSAT ${psatText(m.psat)} ${met ? '≥' : '<'} ${psatText(criteria.minPsat)}`,
      missing: met ? '' : `PSAT of ${psatText(criteria.minPsat)} or more`,
    });
  }
  if (criteria.onboardingComplete) {
    results.push({
      criterion: 'onboardingComplete',
      met: m.onboardingComplete,
      text: m.onboardingComplete ? 'onboarding complete' : 'onboarding not complete',
      missing: m.onboardingComplete ? '' : 'onboarding complete',
    });
  }
  return results;
}

/**
 * The tier the partner qualifies for (the highest whose criteria, and those of every tier below,
 * are all met; the lowest tier when none is), compared with its current tier. A recommendation
 * only: nothing changes until a manager approves it (tierDecision.ts).
 */
export function recommendTier(definition: TierDefinition, facts: TierFacts): TierRecommendation {
  const measures = measureTierFacts(definition, facts);
  const evaluated = definition.tiers.map((tier) => evaluateCriteria(definition, tier.criteria, measures));
  let qualified = 0;
  for (let i = 0; i < definition.tiers.length; i += 1) {
    if (evaluated[i]!.every((r) => r.met)) qualified = i;
    else break;
  }
  const recommended = definition.tiers[qualified]!;
  const currentIndex = tierIndex(definition, facts.partner.tier);
  const currentTier = facts.partner.tier;
  const unknownTier = currentIndex === -1 && currentTier.trim() !== '';
  // A partner still being onboarded is not demoted: the tier it signed at stands until onboarding is done.
  const grace = !measures.onboardingComplete && (facts.partner.status === 'recruited' || facts.partner.status === 'onboarding');
  const move: TierMove = unknownTier ? 'change' : currentIndex === qualified || (currentIndex > qualified && grace) ? 'keep' : currentIndex < qualified ? 'promote' : 'demote';
  const met = evaluated[qualified]!.map((r) => r.text);
  const qualifiesText = `qualifies for ${recommended.name}${met.length ? `: ${met.join(', ')}` : ''}`;
  let reasons = met.length ? met : [`${recommended.name} has no criteria`];
  let summary = qualifiesText;
  if (grace && currentIndex > qualified) summary = `keeps ${currentTier} while onboarding (no demotion before onboarding is complete); ${qualifiesText}`;
  if (move === 'demote') {
    const unmet = (i: number) => evaluated[i]!.filter((r) => !r.met).map((r) => r.text);
    // What the current tier asks and is not met; when it is met, what a tier below it is missing.
    let shown = unmet(currentIndex);
    for (let i = qualified + 1; shown.length === 0 && i < currentIndex; i += 1) shown = unmet(i);
    summary = `no longer meets ${definition.tiers[currentIndex]!.name}: ${shown.join(', ')}; ${qualifiesText}`;
    reasons = [...shown.map((t) => `no longer meets ${definition.tiers[currentIndex]!.name}: ${t}`), ...reasons];
  } else if (unknownTier) {
    summary = `${qualifiesText} (current tier "${currentTier}" is not in the tier definition)`;
  }
  const nextTier = definition.tiers[qualified + 1];
  const next = nextTier ? { tier: nextTier.name, missing: evaluated[qualified + 1]!.filter((r) => !r.met).map((r) => r.missing) } : null;
  return { currentTier, recommendedTier: recommended.name, move, summary, reasons, next, measures };
}
