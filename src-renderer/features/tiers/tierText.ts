import type { TierDecision } from '../../../src-shared/domain/types';
import type { TierMove } from '../../../src-shared/tiers/tierRecommendation';

export const MOVE_LABELS: Record<TierMove, string> = { promote: 'Promotion', demote: 'Demotion', keep: 'Keep', change: 'Change' };
export const MOVE_COLORS: Record<TierMove, string> = { promote: 'teal', demote: 'orange', keep: 'gray', change: 'blue' };

/** "Approved Silver → Gold" / "Rejected Gold → Silver": one history line's title. */
export function decisionTitle(decision: Pick<TierDecision, 'outcome' | 'fromTier' | 'toTier'>): string {
  return `${decision.outcome === 'approved' ? 'Approved' : 'Rejected'} ${decision.fromTier || 'no tier'} → ${decision.toTier}`;
}

/** The recommendation's sentence as a line of its own: "Holds Gold: …" when it keeps the tier, capitalised. */
export function summarySentence(recommendation: { move: string; recommendedTier: string; summary: string }): string {
  const qualifies = `qualifies for ${recommendation.recommendedTier}`;
  const text = recommendation.move === 'keep' && recommendation.summary.startsWith(qualifies) ? `holds ${recommendation.recommendedTier}${recommendation.summary.slice(qualifies.length)}` : recommendation.summary;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
