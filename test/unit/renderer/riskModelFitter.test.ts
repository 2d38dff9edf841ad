import { describe, expect, it } from 'vitest';
import type { AppData } from '../../../src-renderer/db/useAppData';
import { createRiskModelFitter, recordsFromAppData } from '../../../src-renderer/features/dashboard/useRiskAssessment';
import { DEMO_SIZE, generateDemoPortfolio, type DemoPortfolio } from '../../../src-shared/demo/demoPortfolio';
import { programRiskModel } from '../../../src-shared/kpi/riskModel';
import { groupByPartner } from '../../../src-shared/util/groupByPartner';

const TODAY = '2026-11-26';

function appData(demo: DemoPortfolio, previous?: AppData): AppData {
  return {
    loading: false,
    partnersReady: true,
    pending: null,
    partners: demo.partners,
    partnersById: new Map(demo.partners.map((p) => [p.id, p])),
    tasksByPartner: groupByPartner(demo.tasks, previous?.tasksByPartner),
    meetingsByPartner: groupByPartner(demo.meetings, previous?.meetingsByPartner),
    dealsByPartner: groupByPartner(demo.deals, previous?.dealsByPartner),
    plansByPartner: new Map(),
    trainingsByPartner: groupByPartner(demo.trainings, previous?.trainingsByPartner),
    surveysByPartner: groupByPartner(demo.surveys, previous?.surveysByPartner),
  };
}

const fromScratch = (data: AppData) => programRiskModel(data.partners.filter((p) => p.day0 <= TODAY), recordsFromAppData(data), TODAY);

describe('at-risk model fitter', () => {
  const demo = generateDemoPortfolio({ today: TODAY, size: DEMO_SIZE, ownerEmail: 'me@example.com', ownerName: 'Me' });
  const dayOf = (partnerId: string) => (Date.parse(TODAY) - Date.parse(demo.partners.find((p) => p.id === partnerId)?.day0 ?? TODAY)) / 86_400_000;

  it('fits the same model as from scratch, and refits only when a past partner changes', () => {
    const fit = createRiskModelFitter();
    const first = appData(demo);
    const model = fit(first, TODAY);
    expect(model).toEqual(fromScratch(first));
    expect(model.quality?.examples ?? 0).toBeGreaterThan(0);

    // Ticking a task of a partner still in onboarding (day 90 ahead) leaves the model as it is.
    const onboardingTask = demo.tasks.find((t) => t.status === 'open' && dayOf(t.partnerId) < 60);
    if (!onboardingTask) throw new Error('no onboarding task in the demo');
    const ticked = { ...demo, tasks: demo.tasks.map((t) => (t === onboardingTask ? { ...t, status: 'done' as const, completedOn: TODAY } : t)) };
    const second = appData(ticked, first);
    expect(fit(second, TODAY)).toBe(model);

    // A change to a past partner's records refits, and matches a fit from scratch.
    const pastTask = ticked.tasks.find((t) => t.status === 'open' && dayOf(t.partnerId) > 120);
    if (!pastTask) throw new Error('no past partner with an open task in the demo');
    const changed = { ...ticked, tasks: ticked.tasks.map((t) => (t === pastTask ? { ...t, status: 'done' as const, completedOn: TODAY } : t)) };
    const third = appData(changed, second);
    const refitted = fit(third, TODAY);
    expect(refitted).not.toBe(model);
    expect(refitted).toEqual(fromScratch(third));
  });
});
