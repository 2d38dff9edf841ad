import { useMemo } from 'react';
import { activeTierDefinition, createTierRecommender, portfolioTierRecommendations, type ActiveTierDefinition, type PartnerTierRow } from '../../../src-shared/tiers/tierPortfolio';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { useAppData } from '../../db/useAppData';
import { useTemplateDocs } from '../templates/useJourneyTemplates';

/** The tier definition in force (stored, or the built-in default), live. */
export function useTierDefinition(): { loading: boolean; error: string | null; active: ActiveTierDefinition } {
  const { loading, docs, error } = useTemplateDocs();
  const active = useMemo(() => activeTierDefinition(docs), [docs]);
  return { loading, error, active };
}

/** Shared by the portfolio, the tiers page and the dashboard tile: rows are kept between visits. */
const recommendTiers = createTierRecommender();

/** Every partner's tier recommendation under the definition in force, live; only changed partners are recomputed. */
export function useTierRecommendations(): { loading: boolean; error: string | null; active: ActiveTierDefinition; rows: PartnerTierRow[]; rowsById: Map<string, PartnerTierRow> } {
  const data = useAppData();
  const { today } = usePortfolioOverview();
  const { loading, error, active } = useTierDefinition();
  const rows = useMemo(() => (data.loading ? [] : recommendTiers(active.definition, data, today)), [active.definition, data, today]);
  const rowsById = useMemo(() => new Map(rows.map((r) => [r.partner.id, r])), [rows]);
  return { loading: loading || data.loading, error, active, rows, rowsById };
}

/**
 * One partner's tier recommendation (undefined while the records load, and for a churned
 * partner): the partner workspace costs one partner's work, not the whole portfolio's.
 */
export function useTierRecommendation(partnerId: string): PartnerTierRow | undefined {
  const { loading, partnersById, trainingsByPartner, dealsByPartner, surveysByPartner } = useAppData();
  const { today } = usePortfolioOverview();
  const { active } = useTierDefinition();
  const partner = partnersById.get(partnerId);
  const trainings = trainingsByPartner.get(partnerId);
  const deals = dealsByPartner.get(partnerId);
  const surveys = surveysByPartner.get(partnerId);
  return useMemo(() => {
    if (loading || !partner) return undefined;
    const only = <T>(docs: readonly T[] | undefined) => new Map<string, readonly T[]>(docs ? [[partnerId, docs]] : []);
    const data = { partners: [partner], trainingsByPartner: only(trainings), dealsByPartner: only(deals), surveysByPartner: only(surveys) };
    return portfolioTierRecommendations(active.definition, data, today)[0];
  }, [loading, partner, partnerId, trainings, deals, surveys, active.definition, today]);
}
