import { PHASE_INFO } from '../domain/journey';
import { PHASES, type IsoDate, type Phase, type Task } from '../domain/types';
import { addDaysIso, monthOf, roundTo } from './calendar';
import { programKpis, recruitedPartners, signingCohort, trainingCompletedAsOf, type KpiData, type ProgramKpis } from './programKpis';

/**
 * Chart data for the program dashboard, shaped by pure functions so the Recharts components only
 * draw. Every datum carries the ids of the partners behind it, for the drill-down.
 */
export type Drill = { partnerIds: string[] };

export type KpiTile = {
  key: string;
  label: string;
  value: string;
  /** The same KPI 30 days earlier, and whether it moved the good way. */
  previous: string;
  trend: 'up' | 'down' | 'flat' | 'none';
  good: boolean | null;
  hint: string;
} & Drill;

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

function trendOf(now: number | null, before: number | null, higherIsBetter: boolean): Pick<KpiTile, 'trend' | 'good'> {
  if (now === null || before === null) return { trend: 'none', good: null };
  if (Math.abs(now - before) < 1e-9) return { trend: 'flat', good: null };
  const up = now > before;
  return { trend: up ? 'up' : 'down', good: up === higherIsBetter };
}

/** KPI tiles as of a date, each with its trend against 30 days earlier. */
export function kpiTiles(now: ProgramKpis, before: ProgramKpis): KpiTile[] {
  const sourcedNow = Object.entries(now.partnerSourcedPipeline.byCurrency);
  const mainCurrency = sourcedNow.sort((a, b) => b[1] - a[1])[0]?.[0];
  const pipeNow = mainCurrency ? (now.partnerSourcedPipeline.byCurrency[mainCurrency] ?? 0) : null;
  const pipeBefore = mainCurrency ? (before.partnerSourcedPipeline.byCurrency[mainCurrency] ?? 0) : null;
  const monthNow = now.dealRegistrations.byMonth.at(-1)?.count ?? 0;
  const monthBefore = before.dealRegistrations.byMonth.at(-1)?.count ?? 0;
  return [
    {
      key: 'ttv',
      label: 'Time to first revenue',
      value: now.timeToFirstRevenue.medianDays === null ? '—' : `${now.timeToFirstRevenue.medianDays} days`,
      previous: before.timeToFirstRevenue.medianDays === null ? '—' : `${before.timeToFirstRevenue.medianDays} days`,
      ...trendOf(now.timeToFirstRevenue.medianDays, before.timeToFirstRevenue.medianDays, false),
      hint: `median; ${now.timeToFirstRevenue.censored} without a won deal yet`,
      partnerIds: now.timeToFirstRevenue.partners.map((p) => p.partnerId),
    },
    {
      key: 'activation',
      label: 'Activation rate',
      value: pct(now.activation.rate),
      previous: pct(before.activation.rate),
      ...trendOf(now.activation.rate, before.activation.rate, true),
      hint: `${now.activation.activated} of ${now.activation.recruited} recruited`,
      partnerIds: now.activation.activatedPartnerIds,
    },
    {
      key: 'pipeline',
      label: 'Partner-sourced pipeline',
      value: mainCurrency ? `${mainCurrency} ${Math.round(pipeNow ?? 0).toLocaleString('en-US')}` : '—',
      previous: mainCurrency ? `${mainCurrency} ${Math.round(pipeBefore ?? 0).toLocaleString('en-US')}` : '—',
      ...trendOf(pipeNow, pipeBefore, true),
      hint: sourcedNow.length > 1 ? `first 180 days; + ${sourcedNow.length - 1} other currenc${sourcedNow.length === 2 ? 'y' : 'ies'}` : 'first 180 days',
      partnerIds: Object.keys(now.partnerSourcedPipeline.byPartner),
    },
    {
      key: 'certification',
      label: 'Certification completion',
      value: pct(now.certificationCompletion.rate),
      previous: pct(before.certificationCompletion.rate),
      ...trendOf(now.certificationCompletion.rate, before.certificationCompletion.rate, true),
      hint: `${now.certificationCompletion.done} of ${now.certificationCompletion.total} required`,
      partnerIds: Object.keys(now.certificationCompletion.byPartner),
    },
    {
      key: 'registrations',
      label: 'Deal registrations this month',
      value: String(monthNow),
      previous: String(monthBefore),
      ...trendOf(monthNow, monthBefore, true),
      hint: `${now.dealRegistrations.total} in total`,
      partnerIds: Object.keys(now.dealRegistrations.byPartner),
    },
    {
      key: 'psat',
      label: 'PSAT',
      value: now.psat.mean === null ? '—' : now.psat.mean.toFixed(2),
      previous: before.psat.mean === null ? '—' : before.psat.mean.toFixed(2),
      ...trendOf(now.psat.mean, before.psat.mean, true),
      hint: `${now.psat.count} responses`,
      partnerIds: Object.keys(now.psat.byPartner),
    },
    {
      key: 'churn',
      label: 'New-partner churn',
      value: pct(now.newPartnerChurn.rate),
      previous: pct(before.newPartnerChurn.rate),
      ...trendOf(now.newPartnerChurn.rate, before.newPartnerChurn.rate, false),
      hint: `${now.newPartnerChurn.churned} of ${now.newPartnerChurn.eligible} past day 180`,
      partnerIds: now.newPartnerChurn.churnedPartnerIds,
    },
  ];
}

export type BarDatum = { label: string; value: number } & Drill;

/** TTV distribution bars, with the censored partners as their own bar. */
export function ttvBars(k: ProgramKpis): BarDatum[] {
  return [
    ...k.timeToFirstRevenue.distribution.map((b) => ({ label: b.label, value: b.count, partnerIds: b.partnerIds })),
    { label: 'No won deal yet', value: k.timeToFirstRevenue.censored, partnerIds: k.timeToFirstRevenue.censoredPartnerIds },
  ];
}

/**
 * The activation funnel by phase: recruited partners, those with every required step of each
 * phase up to it done as of the date (pre-boarding → first engagement, or an imported onboarding
 * completion), and those activated (onboarding complete and a first deal).
 */
export function activationFunnel(data: KpiData, k: ProgramKpis, asOf: IsoDate): BarDatum[] {
  const recruited = recruitedPartners(data.partners, asOf);
  const tasksBy = new Map<string, Task[]>();
  for (const t of data.tasks) {
    const list = tasksBy.get(t.partnerId);
    if (list) list.push(t);
    else tasksBy.set(t.partnerId, [t]);
  }
  const through = (phase: Phase) => {
    const upTo = PHASES.slice(0, PHASES.indexOf(phase) + 1);
    return recruited
      .filter((p) => {
        if (p.onboardingCompletedOn !== undefined && p.onboardingCompletedOn <= asOf) return true;
        const req = (tasksBy.get(p.id) ?? []).filter((t) => t.required && upTo.includes(t.phase));
        return req.length > 0 && req.every((t) => t.status === 'not_applicable' || (t.status === 'done' && (t.completedOn ?? '') <= asOf));
      })
      .map((p) => p.id);
  };
  const steps: BarDatum[] = [{ label: 'Recruited', value: recruited.length, partnerIds: recruited.map((p) => p.id) }];
  for (const phase of ['preboarding', 'immersion', 'activation', 'engagement'] as const) {
    const ids = through(phase);
    steps.push({ label: `${PHASE_INFO[phase].label} done`, value: ids.length, partnerIds: ids });
  }
  steps.push({ label: 'Activated (first deal)', value: k.activation.activated, partnerIds: k.activation.activatedPartnerIds });
  return steps;
}

export type CohortPipeline = { cohort: string; partnerIds: string[] } & Record<string, number | string | string[]>;

/** Partner-sourced pipeline per signing cohort, one series per currency (never added together). */
export function pipelineByCohort(data: KpiData, k: ProgramKpis): { rows: CohortPipeline[]; currencies: string[] } {
  const cohortOf = new Map(data.partners.map((p) => [p.id, signingCohort(p)]));
  const rows = new Map<string, CohortPipeline>();
  const currencies = new Set<string>();
  for (const [partnerId, amounts] of Object.entries(k.partnerSourcedPipeline.byPartner)) {
    const cohort = cohortOf.get(partnerId) ?? '';
    const row = rows.get(cohort) ?? { cohort, partnerIds: [] };
    row.partnerIds = [...(row.partnerIds as string[]), partnerId];
    for (const [c, v] of Object.entries(amounts)) {
      currencies.add(c);
      row[c] = roundTo(((row[c] as number | undefined) ?? 0) + v, 2);
    }
    rows.set(cohort, row);
  }
  const list = [...rows.values()].sort((a, b) => (a.cohort < b.cohort ? -1 : 1));
  const cs = [...currencies].sort();
  for (const r of list) for (const c of cs) r[c] ??= 0;
  return { rows: list, currencies: cs };
}

export type RateDatum = { label: string; rate: number | null; done: number; total: number } & Drill;

/** Required-certification completion per signing cohort. */
export function certificationByCohort(data: KpiData, asOf: IsoDate): RateDatum[] {
  const recruited = new Map(recruitedPartners(data.partners, asOf).map((p) => [p.id, signingCohort(p)]));
  const by = new Map<string, { done: number; total: number; ids: Set<string> }>();
  for (const t of data.trainings) {
    const cohort = recruited.get(t.partnerId);
    if (!t.required || cohort === undefined) continue;
    const c = by.get(cohort) ?? { done: 0, total: 0, ids: new Set<string>() };
    c.total += 1;
    if (trainingCompletedAsOf(t, asOf)) c.done += 1;
    c.ids.add(t.partnerId);
    by.set(cohort, c);
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([label, c]) => ({ label, done: c.done, total: c.total, rate: c.total === 0 ? null : roundTo(c.done / c.total, 4), partnerIds: [...c.ids] }));
}

/** Deal registrations per month, with the partners that registered in each month. */
export function registrationBars(data: KpiData, k: ProgramKpis, asOf: IsoDate): BarDatum[] {
  const recruited = new Set(recruitedPartners(data.partners, asOf).map((p) => p.id));
  const ids = new Map<string, Set<string>>();
  for (const d of data.deals) {
    if (!recruited.has(d.partnerId) || d.registeredOn > asOf) continue;
    const m = monthOf(d.registeredOn);
    ids.set(m, (ids.get(m) ?? new Set()).add(d.partnerId));
  }
  return k.dealRegistrations.byMonth.map((m) => ({ label: m.month, value: m.count, partnerIds: [...(ids.get(m.month) ?? [])] }));
}

export type PsatPoint = { label: string; mean: number | null; count: number } & Drill;

/** PSAT mean and responses per month of the surveys taken by the as-of date. */
export function psatOverTime(data: KpiData, asOf: IsoDate): PsatPoint[] {
  const recruited = new Set(recruitedPartners(data.partners, asOf).map((p) => p.id));
  const by = new Map<string, { sum: number; n: number; ids: Set<string> }>();
  for (const s of data.surveys) {
    if (!recruited.has(s.partnerId) || s.takenOn > asOf) continue;
    const m = monthOf(s.takenOn);
    const c = by.get(m) ?? { sum: 0, n: 0, ids: new Set<string>() };
    c.sum += s.score;
    c.n += 1;
    c.ids.add(s.partnerId);
    by.set(m, c);
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([label, c]) => ({ label, mean: roundTo(c.sum / c.n, 2), count: c.n, partnerIds: [...c.ids] }));
}

export type ChurnDatum = { label: string; eligible: number; churned: number } & Drill;

/** New-partner churn per signing cohort (cohorts with partners past day 180 only). */
export function churnByCohort(data: KpiData, k: ProgramKpis): ChurnDatum[] {
  const churned = new Set(k.newPartnerChurn.churnedPartnerIds);
  const byId = new Map(data.partners.map((p) => [p.id, p]));
  const by = new Map<string, ChurnDatum>();
  for (const id of k.newPartnerChurn.eligiblePartnerIds) {
    const p = byId.get(id);
    if (!p) continue;
    const label = signingCohort(p);
    const row = by.get(label) ?? { label, eligible: 0, churned: 0, partnerIds: [] };
    row.eligible += 1;
    if (churned.has(id)) {
      row.churned += 1;
      row.partnerIds.push(id);
    }
    by.set(label, row);
  }
  return [...by.values()].sort((a, b) => (a.label < b.label ? -1 : 1));
}

export type Dashboard = {
  asOf: IsoDate;
  /** Every partner the (filtered) figures read: the one set tiles, charts and lists share. */
  partnerIds: string[];
  kpis: ProgramKpis;
  tiles: KpiTile[];
  ttv: BarDatum[];
  funnel: BarDatum[];
  pipeline: { rows: CohortPipeline[]; currencies: string[] };
  certification: RateDatum[];
  registrations: BarDatum[];
  psat: PsatPoint[];
  churn: ChurnDatum[];
};

/** Everything the dashboard draws, as of a date (trends against 30 days earlier). */
export function dashboardData(data: KpiData, asOf: IsoDate): Dashboard {
  const kpis = programKpis(data, asOf);
  const before = programKpis(data, addDaysIso(asOf, -30));
  return {
    asOf,
    partnerIds: data.partners.map((p) => p.id),
    kpis,
    tiles: kpiTiles(kpis, before),
    ttv: ttvBars(kpis),
    funnel: activationFunnel(data, kpis, asOf),
    pipeline: pipelineByCohort(data, kpis),
    certification: certificationByCohort(data, asOf),
    registrations: registrationBars(data, kpis, asOf),
    psat: psatOverTime(data, asOf),
    churn: churnByCohort(data, kpis),
  };
}

/** A drill-down the manager opened: a tile (by key) or a chart datum (its partners). */
export type DrillSource = { tileKey?: string; partnerIds: readonly string[] };

/**
 * The partners a drill-down lists under the current filters: a tile's are read again from the
 * current tiles; a chart datum's are kept to the filtered set. So a list never shows partners
 * its tile does not count.
 */
export function drillPartnerIds(dashboard: { partnerIds: readonly string[]; tiles: readonly Pick<KpiTile, 'key' | 'partnerIds'>[] }, drill: DrillSource): string[] {
  if (drill.tileKey !== undefined) return dashboard.tiles.find((tile) => tile.key === drill.tileKey)?.partnerIds ?? [];
  const inView = new Set(dashboard.partnerIds);
  return drill.partnerIds.filter((id) => inView.has(id));
}
