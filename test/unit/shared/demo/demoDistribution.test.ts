import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio, type DemoPortfolio } from '../../../../src-shared/demo/demoPortfolio';
import { overdueSteps } from '../../../../src-shared/domain/journey';
import { partnerOverview } from '../../../../src-shared/domain/partnerOverview';
import type { IsoDate, Partner } from '../../../../src-shared/domain/types';
import { expiredOpenRegistrations, expiringRegistrations, registrationStatus } from '../../../../src-shared/deals/registration';
import { dealRegistrationKpis } from '../../../../src-shared/kpi/dealRegistrationKpis';
import { tierDistributionOverTime } from '../../../../src-shared/kpi/tierDistribution';
import { DEFAULT_TIER_DEFINITION } from '../../../../src-shared/tiers/tierDefinition';
import { portfolioTierRecommendations, tierMoveCounts } from '../../../../src-shared/tiers/tierPortfolio';

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

describe.each(SEEDS)('the demo tiers follow the demo data (seed %i)', (seed) => {
  const demo = generateDemoPortfolio({ seed, today: TODAY, ...OWNER });
  const names = DEFAULT_TIER_DEFINITION.tiers.map((t) => t.name);
  const by = <T extends { partnerId: string }>(docs: T[]) => {
    const map = new Map<string, T[]>();
    for (const d of docs) map.set(d.partnerId, [...(map.get(d.partnerId) ?? []), d]);
    return map;
  };
  const rows = portfolioTierRecommendations(DEFAULT_TIER_DEFINITION, { partners: demo.partners, trainingsByPartner: by(demo.trainings), dealsByPartner: by(demo.deals), surveysByPartner: by(demo.surveys) }, TODAY);

  it('leaves only a few tier changes to decide: most partners hold the tier their data earns', () => {
    const moves = tierMoveCounts(rows);
    const holding = rows.filter((r) => r.recommendation.move === 'keep').length;
    expect(holding / rows.length, `${holding} of ${rows.length} hold their recommended tier`).toBeGreaterThanOrEqual(0.85);
    expect(moves.promote + moves.demote, `${moves.promote} promotions and ${moves.demote} demotions to decide`).toBeLessThanOrEqual(8);
    // At least one of each, so the tier screens and the dashboard tile have something to show.
    expect(moves.promote).toBeGreaterThanOrEqual(1);
    expect(moves.demote).toBeGreaterThanOrEqual(1);
  });

  it('gives partners above the lowest tier a history of approved promotions that ends at the tier they hold', () => {
    const above = demo.partners.filter((p) => p.status !== 'churned' && p.tier !== names[0]);
    const broken = above.flatMap((p) => {
      const approved = (p.tierHistory ?? []).filter((d) => d.outcome === 'approved');
      let tier = names[0];
      const problems: string[] = [];
      for (const d of approved) {
        if (d.fromTier !== tier) problems.push(`${p.name}: promoted from ${d.fromTier} while holding ${tier}`);
        if (d.decidedAt.slice(0, 10) < p.day0 || d.decidedAt.slice(0, 10) > TODAY) problems.push(`${p.name}: decided ${d.decidedAt} outside Day 0 (${p.day0}) to today`);
        tier = d.toTier;
      }
      if (tier !== p.tier) problems.push(`${p.name}: history ends at ${tier ?? 'nothing'} but holds ${p.tier}`);
      return problems;
    });
    expect(broken).toEqual([]);
  });

  it('has a tier distribution that changed over the last 12 months', () => {
    const { points } = tierDistributionOverTime(demo.partners, names, TODAY, 13);
    const [yearAgo, now] = [points[0]!, points.at(-1)!];
    expect(now.total).toBeGreaterThan(yearAgo.total);
    const aboveLowest = (p: typeof now) => p.total - (p.counts[names[0]!] ?? 0);
    expect(aboveLowest(now), `partners above ${names[0]} now`).toBeGreaterThanOrEqual(2);
    expect(demo.partners.filter((p) => p.tierHistory?.some((d) => d.outcome === 'approved' && d.decidedAt.slice(0, 10) > yearAgo.date)).length, 'partners promoted in the last 12 months').toBeGreaterThanOrEqual(2);
  });
});

describe.each(SEEDS)('the demo registrations were decided (seed %i)', (seed) => {
  const demo = generateDemoPortfolio({ seed, today: TODAY, ...OWNER });

  it('approved every approved, won and lost deal with a reason and a protection expiry, and rejected some that waited', () => {
    const undecided = demo.deals.filter((d) => d.stage !== 'registered' && (d.decision?.outcome !== 'approved' || !d.protectedUntil || !d.decision.reason));
    expect(undecided.map((d) => `${d.account} (${d.stage})`)).toEqual([]);
    expect(demo.deals.filter((d) => d.decision?.outcome === 'rejected').length).toBeGreaterThanOrEqual(1);
    expect(demo.deals.every((d) => !d.decision || (d.decision.on >= d.registeredOn && d.decision.on <= TODAY && (!d.closedOn || d.decision.on <= d.closedOn)))).toBe(true);
  });

  it('starts with no reminder due (nothing expiring this week), some protections already run out and listed to extend or close, and a believable approval time', () => {
    expect(expiringRegistrations(demo.deals, TODAY).map((d) => `${d.account} until ${d.protectedUntil}`)).toEqual([]);
    // The expired registrations still open wait on Today for the manager to extend or close them.
    const expiredOpen = expiredOpenRegistrations(demo.deals, TODAY);
    expect(expiredOpen.length).toBeGreaterThanOrEqual(1);
    expect(expiredOpen.every((d) => registrationStatus(d, TODAY).kind === 'expired')).toBe(true);
    const kpis = dealRegistrationKpis(demo.deals, TODAY);
    expect(kpis.expired).toBeGreaterThanOrEqual(1);
    expect(kpis.expiryRate ?? 1).toBeLessThan(0.5);
    expect(kpis.medianApprovalDays ?? 0).toBeGreaterThanOrEqual(1);
    expect(kpis.medianApprovalDays ?? 99).toBeLessThanOrEqual(7);
  });
});
