import type { TierDecision } from '../../../src-shared/domain/types';
import type { TierMove } from '../../../src-shared/tiers/tierRecommendation';

export const MOVE_LABELS: Record<TierMove, string> = { promote: 'Promotion', demote: 'Demotion', keep: 'Keep', change: 'Change' };
export const MOVE_COLORS: Record<TierMove, string> = { promote: 'teal', demote: 'orange', keep: 'gray', change: 'blue' };

/** "Approved Silver → Gold" / "Rejected Gold → Silver": one history line's title. */
export function decisionTitle(decision: Pick<TierDecision, 'outcome' | 'fromTier' | 'toTier'>): string {
  return `${decision.outcome === 'approved' ? 'Approved' : 'Rejected'} ${decision.fromTier || 'no tier'} → ${decision.toTier}`;
}
