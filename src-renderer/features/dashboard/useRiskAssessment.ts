import { useEffect, useMemo, useState } from 'react';
import { partnerRisk, programRiskModel, type PartnerRecords, type PartnerRisk, type RiskModel } from '../../../src-shared/kpi/riskModel';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { forPartner, useAppData, type AppData } from '../../db/useAppData';

export type RiskAssessment = { model: RiskModel | null; risks: Map<string, PartnerRisk> };

/** A partner's records from the live data, in the shape the risk model reads. */
export function recordsFromAppData(data: AppData): (id: string) => PartnerRecords {
  return (id) => ({
    tasks: forPartner(data.tasksByPartner, id),
    meetings: forPartner(data.meetingsByPartner, id),
    deals: forPartner(data.dealsByPartner, id),
    plans: forPartner(data.plansByPartner, id),
    trainings: forPartner(data.trainingsByPartner, id),
    surveys: forPartner(data.surveysByPartner, id),
  });
}

/** One fitted model per data snapshot and day, shared by every screen that asks. */
const fitted = new WeakMap<AppData, { today: string; model: RiskModel }>();

function cachedModel(data: AppData, today: string): RiskModel | null {
  const hit = fitted.get(data);
  return hit && hit.today === today ? hit.model : null;
}

/**
 * The at-risk model fitted on this laptop's program history (expert weights until there is
 * enough). Fitting scores every past partner on three days, so it runs after the screen has
 * painted, once per data change, and the previous model is shown meanwhile (null at first).
 */
export function useRiskModel(): RiskModel | null {
  const data = useAppData();
  const { today } = usePortfolioOverview();
  const [latest, setLatest] = useState<RiskModel | null>(null);
  const cached = cachedModel(data, today);
  useEffect(() => {
    if (cached || data.loading) return undefined;
    const handle = setTimeout(() => {
      const model = programRiskModel(data.partners.filter((p) => p.day0 <= today), recordsFromAppData(data), today);
      fitted.set(data, { today, model });
      setLatest(model);
    }, 0);
    return () => clearTimeout(handle);
  }, [data, today, cached]);
  return cached ?? latest;
}

/** The model and every partner's risk of not being activated by day 90, from its health measures. */
export function useRiskAssessment(): RiskAssessment {
  const data = useAppData();
  const { rows, today } = usePortfolioOverview();
  const model = useRiskModel();
  return useMemo(() => {
    if (!model) return { model, risks: new Map() };
    const recordsOf = recordsFromAppData(data);
    return { model, risks: new Map(rows.map((row) => [row.partner.id, partnerRisk(model, row.partner, recordsOf(row.partner.id), row.health.contributions ?? [], today)])) };
  }, [data, rows, today, model]);
}
