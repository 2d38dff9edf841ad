import { useEffect, useMemo, useState } from 'react';
import { partnerExamples, partnerRisk, trainRiskModel, type PartnerRecords, type PartnerRisk, type RiskExample, type RiskModel } from '../../../src-shared/kpi/riskModel';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { forPartner, partnerInputs, sameInputs, useAppData, type AppData } from '../../db/useAppData';

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

type CachedExamples = { inputs: readonly unknown[]; examples: RiskExample[] };

/**
 * Fits the at-risk model as `programRiskModel` does (every partner signed by `today`), reusing a
 * partner's training examples while its records are the same objects, and the fitted model while
 * no partner's examples changed. Only partners past day 90 give examples, so ticking a task of a
 * partner in onboarding no longer rescores every past partner on three days and refits.
 */
export function createRiskModelFitter(): (data: AppData, today: string) => RiskModel {
  let cache = new Map<string, CachedExamples>();
  let last: { order: string; model: RiskModel } | null = null;
  return (data, today) => {
    const recordsOf = recordsFromAppData(data);
    const next = new Map<string, CachedExamples>();
    const perPartner: RiskExample[][] = [];
    let changed = false;
    for (const partner of data.partners) {
      if (partner.day0 > today) continue;
      const inputs = partnerInputs(data, partner, today);
      const hit = cache.get(partner.id);
      let examples: RiskExample[];
      if (hit && sameInputs(hit.inputs, inputs)) {
        examples = hit.examples;
      } else {
        examples = partnerExamples(partner, recordsOf, today);
        if (examples.length > 0 || (hit?.examples.length ?? 0) > 0) changed = true;
      }
      next.set(partner.id, { inputs, examples });
      perPartner.push(examples);
    }
    cache = next;
    const order = perPartner.flatMap((examples) => (examples.length > 0 ? [examples[0]?.partnerId] : [])).join('\u0000');
    if (last && !changed && last.order === order) return last.model;
    const model = trainRiskModel(perPartner.flat());
    last = { order, model };
    return model;
  };
}

const fitRiskModel = createRiskModelFitter();

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
      const model = fitRiskModel(data, today);
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
