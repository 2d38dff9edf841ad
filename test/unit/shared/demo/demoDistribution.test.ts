import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio, type DemoPortfolio } from '../../../../src-shared/demo/demoPortfolio';
import { overdueSteps } from '../../../../src-shared/domain/journey';
import { partnerOverview } from '../../../../src-shared/domain/partnerOverview';
import type { IsoDate, Partner } from '../../../../src-shared/domain/types';

const TODAY = '2026-03-15';
const OWNER = { ownerEmail: 'pam@vendor.example', ownerName: 'Pat Manager' };
const SEEDS = [20_240_601, 1, 7];

const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

type Row = { partner: Partner; oldestOverdue: number; overdue: number; health: number };

/** Each partner as Today and the portfolio see it: how late its oldest open step is, and its health. */
function rows(demo: DemoPortfolio): Row[] {
  return demo.partners.map((partner) => {
    const tasks = demo.tasks.filter((t) => t.partnerId === partner.id);
    const late = overdueSteps(tasks, TODAY);
    const overview = partnerOverview({
      partner,
      tasks,
      meetings: demo.meetings.filter((m) => m.partnerId === partner.id),
      deals: demo.deals.filter((d) => d.partnerId === partner.id),
      plans: [],
      trainings: demo.trainings.filter((t) => t.partnerId === partner.id),
      surveys: demo.surveys.filter((s) => s.partnerId === partner.id),
      today: TODAY,
    });
    return { partner, oldestOverdue: late[0] ? daysBetween(late[0].dueDate, TODAY) : 0, overdue: late.length, health: overview.health.score };
  });
}

describe.each(SEEDS)('the demo portfolio a manager believes (seed %i)', (seed) => {
  const demo = generateDemoPortfolio({ seed, today: TODAY, ...OWNER });
  const all = rows(demo);
  const current = all.filter((r) => r.partner.status === 'onboarding' || r.partner.status === 'active' || r.partner.status === 'at_risk');
  const late = (r: Row) => `${r.partner.name} (${r.partner.status}): oldest open step ${r.oldestOverdue} days overdue`;

  it('has current partners mostly on track: ≥ 80% with no step more than 30 days overdue', () => {
    const onTrack = current.filter((r) => r.oldestOverdue <= 30);
    expect(current.length).toBeGreaterThanOrEqual(50);
    expect(onTrack.length / current.length).toBeGreaterThanOrEqual(0.8);
  });

  it('has no current partner with a step months overdue (nothing like 348 days dominating Today)', () => {
    expect(current.filter((r) => r.oldestOverdue > 90).map(late)).toEqual([]);
    // Onboarding and active partners are on track by their status: at most a month late.
    const onTrackStatus = current.filter((r) => r.partner.status !== 'at_risk');
    expect(onTrackStatus.filter((r) => r.oldestOverdue > 30).map(late)).toEqual([]);
  });

  it('has a few partners slipping: at risk partners behind on recent work, some on-track partners a little late', () => {
    const atRisk = current.filter((r) => r.partner.status === 'at_risk');
    expect(atRisk.length).toBeGreaterThanOrEqual(3);
    expect(atRisk.filter((r) => r.overdue === 0).map((r) => r.partner.name)).toEqual([]);
    const slipping = current.filter((r) => r.oldestOverdue > 7);
    expect(slipping.length).toBeGreaterThanOrEqual(3);
    expect(slipping.length / current.length).toBeLessThanOrEqual(0.35);
  });

  it('marks churned partners as churned: every partner at health 0 or with a churn date has status churned', () => {
    const churned = all.filter((r) => r.partner.status === 'churned');
    expect(churned.length).toBeGreaterThanOrEqual(2);
    expect(all.filter((r) => (r.health === 0 || r.partner.churnedOn !== undefined) && r.partner.status !== 'churned').map((r) => r.partner.name)).toEqual([]);
    for (const r of churned) expect(r.partner.churnedOn, r.partner.name).toBeDefined();
    // The current portfolio is what is left once churned partners are hidden, and its health reads as a portfolio a manager keeps.
    expect(current.filter((r) => r.health === 0).map((r) => r.partner.name)).toEqual([]);
  });
});
