import type { IsoTimestamp, Partner, TierDecision, TierDecisionOutcome } from '../domain/types';
import type { TierRecommendation } from './tierRecommendation';

export type TierDecisionInput = {
  id: string;
  outcome: TierDecisionOutcome;
  note: string;
  decidedBy: string;
  decidedAt: IsoTimestamp;
};

/**
 * The partner change a manager's decision makes: the decision joins `tierHistory` (from → to, the
 * recommendation's reasons, who, when, the note), and only an approval sets `tier`. A
 * recommendation to keep the tier has nothing to decide.
 */
export function decideTier(
  partner: Pick<Partner, 'tier' | 'tierHistory'>,
  recommendation: Pick<TierRecommendation, 'recommendedTier' | 'move' | 'summary' | 'reasons'>,
  input: TierDecisionInput,
): Pick<Partner, 'tier' | 'tierHistory'> {
  if (recommendation.move === 'keep') throw new Error(`Nothing to decide: the partner already holds ${recommendation.recommendedTier}.`);
  if (!input.decidedBy.trim()) throw new Error('A tier decision needs who made it (the signed-in email).');
  const note = input.note.trim();
  if (input.outcome === 'rejected' && !note) throw new Error('Say why the recommendation is rejected (a note), so the next review knows.');
  const decision: TierDecision = {
    id: input.id,
    fromTier: partner.tier,
    toTier: recommendation.recommendedTier,
    outcome: input.outcome,
    reasons: [recommendation.summary, ...recommendation.reasons].slice(0, 20).map((r) => r.slice(0, 300)),
    note: note.slice(0, 2000),
    decidedBy: input.decidedBy,
    decidedAt: input.decidedAt,
  };
  return {
    tier: input.outcome === 'approved' ? recommendation.recommendedTier : partner.tier,
    tierHistory: [...(partner.tierHistory ?? []), decision],
  };
}

/** The last decision on the same move (from the current tier to the recommended one), if any. */
export function lastDecisionOn(partner: Pick<Partner, 'tier' | 'tierHistory'>, toTier: string): TierDecision | undefined {
  return [...(partner.tierHistory ?? [])].reverse().find((d) => d.fromTier === partner.tier && d.toTier === toTier);
}

/**
 * A recommendation the manager still has to act on: a move, not rejected already for the same
 * from → to (a rejected promotion is not asked again until the tier or the recommendation changes).
 */
export function awaitsDecision(partner: Pick<Partner, 'tier' | 'tierHistory'>, recommendation: Pick<TierRecommendation, 'move' | 'recommendedTier'>): boolean {
  if (recommendation.move === 'keep') return false;
  return lastDecisionOn(partner, recommendation.recommendedTier)?.outcome !== 'rejected';
}
