import { useEffect, useState } from 'react';
import { partnerExamples, partnerRisk, trainRiskModel, type PartnerRecords, type PartnerRisk, type RiskExample, type RiskModel } from '../../../src-shared/kpi/riskModel';
import { usePortfolioOverview, type PartnerRow } from '../../app/usePortfolioOverview';
import { createSnapshotCache, snapshotMemo } from '../../db/snapshotMemo';
import { createPartnerMemo, forPartner, useAppData, type AppData } from '../../db/useAppData';

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

const NO_EXAMPLES: RiskExample[] = [];

/**
 * Fits the at-risk model as `programRiskModel` does (every partner signed by `today`), reusing a
 * partner's training examples while its records are unchanged, and the fitted model while no
 * partner's examples changed. Only partners past day 90 give examples, so ticking a task of a
 * partner in onboarding no longer rescores every past partner on three days and refits.
 */
export function createRiskModelFitter(): (data: AppData, today: string) => RiskModel {
  const examplesOf = createPartnerMemo((data, partner, today) => {
    const examples = partnerExamples(partner, recordsFromAppData(data), today);
    return examples.length > 0 ? examples : NO_EXAMPLES;
  });
  let last: { perPartner: RiskExample[][]; model: RiskModel } | null = null;
  return (data, today) => {
    const perPartner = examplesOf(data, data.partners.filter((partner) => partner.day0 <= today), today).filter((examples) => examples !== NO_EXAMPLES);
    if (last && last.perPartner.length === perPartner.length && perPartner.every((examples, i) => examples === last?.perPartner[i])) return last.model;
    const model = trainRiskModel(perPartner.flat());
    last = { perPartner, model };
    return model;
  };
}

const fitRiskModel = createRiskModelFitter();

/** One fitted model per data snapshot and day, shared by every screen that asks. */
const fitted = createSnapshotCache<AppData, [today: string], RiskModel>();

/**
 * The at-risk model fitted on this laptop's program history (expert weights until there is
 * enough). Fitting scores every past partner on three days, so it runs after the screen has
 * painted, once per data change, and the previous model is shown meanwhile (null at first).
 */
export function useRiskModel(): RiskModel | null {
  const data = useAppData();
  const { today } = usePortfolioOverview();
  const [latest, setLatest] = useState<RiskModel | null>(null);
  const cached = fitted.peek(data, today) ?? null;
  useEffect(() => {
    if (cached || data.loading) return undefined;
    const handle = setTimeout(() => {
      const model = fitRiskModel(data, today);
      fitted.store(data, [today], model);
      setLatest(model);
    }, 0);
    return () => clearTimeout(handle);
  }, [data, today, cached]);
  return cached ?? latest;
}

/**
 * One assessment per overview rows, data snapshot, model and day, kept across mounts: Today and
 * the dashboard mount it on every visit, and nothing has usually changed since the last one.
 */
const assessmentOf = snapshotMemo((rows: PartnerRow[], data: AppData, model: RiskModel, today: string): RiskAssessment => {
  const recordsOf = recordsFromAppData(data);
  return { model, risks: new Map(rows.map((row) => [row.partner.id, partnerRisk(model, row.partner, recordsOf(row.partner.id), row.health.contributions ?? [], today)])) };
});

const NO_MODEL: RiskAssessment = { model: null, risks: new Map() };

/** The model and every partner's risk of not being activated by day 90, from its health measures. */
export function useRiskAssessment(): RiskAssessment {
  const data = useAppData();
  const { rows, today } = usePortfolioOverview();
  const model = useRiskModel();
  return model ? assessmentOf(rows, data, model, today) : NO_MODEL;
}
