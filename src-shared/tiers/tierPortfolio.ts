import type { Deal, IsoDate, Partner, Survey, Template, Training } from '../domain/types';
import { awaitsDecision } from './tierDecision';
import { DEFAULT_TIER_DEFINITION, parseTierDefinition, type TierDefinition, type TierDefinitionIssue } from './tierDefinition';
import { recommendTier, type TierRecommendation } from './tierRecommendation';

export type ActiveTierDefinition = {
  definition: TierDefinition;
  /** The stored template, or null when the built-in default applies. */
  template: Template | null;
  /** Problems with the stored definition; when it cannot be used the default applies instead. */
  issues: TierDefinitionIssue[];
};

/** The definition in force: the latest stored `tiers` template that is valid, else the default. */
export function activeTierDefinition(templates: readonly Template[]): ActiveTierDefinition {
  const stored = templates.filter((t) => t.kind === 'tiers').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id))[0];
  if (!stored) return { definition: DEFAULT_TIER_DEFINITION, template: null, issues: [] };
  const { definition, issues } = parseTierDefinition(stored.data);
  if (!definition || issues.length) return { definition: DEFAULT_TIER_DEFINITION, template: stored, issues };
  return { definition, template: stored, issues };
}

export type PartnerTierRow = { partner: Partner; recommendation: TierRecommendation; awaiting: boolean };

/** A recommendation for every partner (churned partners are left out: they have no program tier to review). */
export function portfolioTierRecommendations(
  definition: TierDefinition,
  data: {
    partners: readonly Partner[];
    trainingsByPartner: ReadonlyMap<string, readonly Training[]>;
    dealsByPartner: ReadonlyMap<string, readonly Deal[]>;
    surveysByPartner: ReadonlyMap<string, readonly Survey[]>;
  },
  today: IsoDate,
): PartnerTierRow[] {
  return createTierRecommender()(definition, data, today);
}

type TierInputs = { partner: Partner; trainings: readonly Training[]; deals: readonly Deal[]; surveys: readonly Survey[] };
const NONE: readonly never[] = Object.freeze([]);

/**
 * `portfolioTierRecommendations` that remembers its rows: a partner whose partner document,
 * trainings, deals and surveys are the same objects as last time (the app's groupings keep the
 * arrays of unchanged partners) keeps its row; another definition or day recomputes them all.
 * Going back to the portfolio, or one edit, then costs the changed partners' work, not 500.
 * Definitions are compared by content: each screen parses the stored one into an object of its
 * own, and an equal definition must not throw the rows away.
 */
export function createTierRecommender(): typeof portfolioTierRecommendations {
  let basis: { definition: TierDefinition; key: string; today: IsoDate } | null = null;
  let rows = new Map<string, TierInputs & { row: PartnerTierRow }>();
  return (definition, data, today) => {
    if (basis?.definition !== definition || basis.today !== today) {
      const key = JSON.stringify(definition);
      if (basis?.key !== key || basis.today !== today) rows = new Map();
      basis = { definition, key, today };
    }
    const next = new Map<string, TierInputs & { row: PartnerTierRow }>();
    const result: PartnerTierRow[] = [];
    for (const partner of data.partners) {
      if (partner.status === 'churned') continue;
      const inputs: TierInputs = {
        partner,
        trainings: data.trainingsByPartner.get(partner.id) ?? NONE,
        deals: data.dealsByPartner.get(partner.id) ?? NONE,
        surveys: data.surveysByPartner.get(partner.id) ?? NONE,
      };
      const kept = rows.get(partner.id);
      const same = kept && kept.partner === partner && kept.trainings === inputs.trainings && kept.deals === inputs.deals && kept.surveys === inputs.surveys;
      let row: PartnerTierRow;
      if (same) row = kept.row;
      else {
        const recommendation = recommendTier(definition, { ...inputs, today });
        row = { partner, recommendation, awaiting: awaitsDecision(partner, recommendation) };
      }
      next.set(partner.id, { ...inputs, row });
      result.push(row);
    }
    rows = next;
    return result;
  };
}

/** Counts for the dashboard tile: recommendations still awaiting a decision, by direction. */
export function tierMoveCounts(rows: readonly PartnerTierRow[]): { promote: number; demote: number } {
  let promote = 0;
  let demote = 0;
  for (const row of rows) {
    if (!row.awaiting) continue;
    if (row.recommendation.move === 'promote') promote += 1;
    else if (row.recommendation.move === 'demote') demote += 1;
  }
  return { promote, demote };
}

export type TierMoveFilter = 'promote' | 'demote';

/** The partners a tier list shows: those awaiting a decision, for one direction or both; by name. */
export function rowsAwaitingDecision(rows: readonly PartnerTierRow[], move: TierMoveFilter | null): PartnerTierRow[] {
  return rows
    .filter((r) => r.awaiting && (move === null || r.recommendation.move === move))
    .sort((a, b) => a.partner.name.localeCompare(b.partner.name) || a.partner.id.localeCompare(b.partner.id));
}

/** Reads `?move=` from a link (dashboard tile, portfolio filter); anything else shows both directions. */
export function parseTierMoveFilter(value: string | null): TierMoveFilter | null {
  return value === 'promote' || value === 'demote' ? value : null;
}

/** Partner id → the move awaiting a decision, for filters that ask per partner. */
export function tierMoveLookup(rows: readonly PartnerTierRow[]): (partnerId: string) => TierMoveFilter | undefined {
  const moves = new Map<string, TierMoveFilter>();
  for (const row of rows) {
    const { move } = row.recommendation;
    if (row.awaiting && (move === 'promote' || move === 'demote')) moves.set(row.partner.id, move);
  }
  return (partnerId) => moves.get(partnerId);
}
