import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Deal, Partner } from '../../../../src-shared/domain/types';
import { kpiTableCsv, kpiTableRows } from '../../../../src-shared/kpi/kpiTable';
import { importProgram, withPartnerNames } from '../../../../src-shared/kpi/programReport';
import {
  activation,
  certificationCompletion,
  dealRegistrations,
  dealStageAsOf,
  filterKpiData,
  newPartnerChurn,
  partnerSourcedPipeline,
  programKpis,
  psat,
  timeToFirstRevenue,
  type KpiData,
} from '../../../../src-shared/kpi/programKpis';

/**
 * The fixture program in test/fixtures/kpi, as of 2026-06-30. Every expected figure below was
 * worked out by hand from the CSV files (see the comments); the code never computed them.
 */
const DIR = join(__dirname, '../../../fixtures/kpi');
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');
const AS_OF = '2026-06-30';
const program = importProgram(
  { partners: read('partners.csv'), deals: read('deals.csv'), trainings: read('trainings.csv'), surveys: read('surveys.csv') },
  { now: '2026-06-30T12:00:00.000Z', today: AS_OF },
);
const data = program.data;
const names = new Map(data.partners.map((p) => [p.id, p.name]));
const named = <T>(v: T): T => withPartnerNames(v, names);

describe('the fixture program imports cleanly', () => {
  it('reads every row of the four files', () => {
    expect(program.files.map((f) => [f.file, f.imported, f.errors.length])).toEqual([
      ['partners.csv', 6, 0],
      ['deals.csv', 12, 0],
      ['trainings.csv', 7, 0],
      ['surveys.csv', 5, 0],
    ]);
  });
});

describe('time to first revenue', () => {
  it('takes the earliest won deal closed by the as-of date, medians the even count and counts censored partners', () => {
    const ttv = named(timeToFirstRevenue(data, AS_OF));
    // Zeta: 2026-01-01 → 01-05 = 4; Alpha: 2025-10-01 → 12-01 = 61; Delta: 01-15 → 03-20 = 64; Beta: 2025-10-20 → 2026-02-15 = 118.
    expect(ttv.partners.map((t) => [t.partnerId, t.days])).toEqual([
      ['Zeta IT', 4],
      ['Alpha Systems', 61],
      ['Delta MSP', 64],
      ['Beta Labs', 118],
    ]);
    expect(ttv.medianDays).toBe(62.5);
    // Gamma's only won deal closed 2026-07-15, after the as-of date; Epsilon signed after it (not counted at all).
    expect(ttv.censored).toBe(1);
    expect(ttv.censoredPartnerIds).toEqual(['Gamma Consulting']);
    expect(ttv.distribution.map((b) => b.count)).toEqual([1, 0, 2, 1, 0]);
  });

  it('has no median with nobody past a first deal, and an odd count takes the middle', () => {
    expect(timeToFirstRevenue(data, '2025-11-30').medianDays).toBeNull();
    // As of 2026-02-14: Zeta 4, Alpha 61 → median 32.5; on 02-15 Beta's 118 joins: 4, 61, 118 → 61.
    expect(timeToFirstRevenue(data, '2026-02-14').medianDays).toBe(32.5);
    expect(timeToFirstRevenue(data, '2026-02-15').medianDays).toBe(61);
  });
});

describe('partner-sourced pipeline', () => {
  it('sums sourced, not-lost deals registered Day 0 to Day 180 inclusive, per currency', () => {
    const pipe = named(partnerSourcedPipeline(data, AS_OF));
    // USD: Alpha 50,000 + Delta 12,000 + 7,000 (Alpha's Metro Retail is day 212). EUR: Beta's day-180 deal only
    // (the day-181 one is out, Alpha's EUR deal was lost). GBP: Gamma's deal was still open on the as-of date.
    expect(pipe.byCurrency).toEqual({ EUR: 15000.5, GBP: 8000, USD: 69000 });
    expect(pipe.byPartner).toEqual({
      'Alpha Systems': { USD: 50000 },
      'Beta Labs': { EUR: 15000.5 },
      'Gamma Consulting': { GBP: 8000 },
      'Delta MSP': { USD: 19000 },
    });
    expect(pipe.deals).toBe(5);
  });

  it('ignores deals registered after the as-of date and treats a later loss as still open', () => {
    const lostLater: Deal = { ...(data.deals[1] as Deal) };
    expect(dealStageAsOf(lostLater, '2026-01-09')).toBe('approved');
    expect(dealStageAsOf(lostLater, '2026-01-10')).toBe('lost');
    expect(dealStageAsOf(lostLater, '2025-11-14')).toBeNull();
    expect(partnerSourcedPipeline(data, '2026-01-09').byCurrency).toEqual({ EUR: 20000, GBP: 8000, USD: 50000 });
  });
});

describe('certification completion', () => {
  it('counts required trainings completed by the as-of date over all required ones', () => {
    const cert = named(certificationCompletion(data, AS_OF));
    // Alpha 1 of 2 (Ben completes 07-05), Beta 0 of 1, Delta 1 of 2; optional course and Epsilon (signed later) left out.
    expect([cert.done, cert.total, cert.rate]).toEqual([2, 5, 0.4]);
    expect(cert.byPartner).toEqual({
      'Alpha Systems': { done: 1, total: 2, rate: 0.5 },
      'Beta Labs': { done: 0, total: 1, rate: 0 },
      'Delta MSP': { done: 1, total: 2, rate: 0.5 },
    });
    expect(cert.byPartner['Gamma Consulting']).toBeUndefined();
    expect(certificationCompletion({ ...data, trainings: [] }, AS_OF).rate).toBeNull();
  });
});

describe('deal registration volume', () => {
  it('counts deals per calendar month up to the as-of month, gaps as zero', () => {
    const reg = named(dealRegistrations(data, AS_OF));
    expect(reg.total).toBe(10);
    expect(reg.byMonth).toEqual([
      { month: '2025-11', count: 2 },
      { month: '2025-12', count: 3 },
      { month: '2026-01', count: 0 },
      { month: '2026-02', count: 1 },
      { month: '2026-03', count: 1 },
      { month: '2026-04', count: 2 },
      { month: '2026-05', count: 1 },
      { month: '2026-06', count: 0 },
    ]);
    expect(reg.byPartner).toEqual({ 'Alpha Systems': 3, 'Beta Labs': 3, 'Gamma Consulting': 1, 'Delta MSP': 2, 'Zeta IT': 1 });
  });
});

describe('PSAT', () => {
  it('means the scores of surveys taken by the as-of date', () => {
    // 4, 5, 2, 3 (Gamma's survey is dated after the as-of date).
    expect(named(psat(data, AS_OF))).toEqual({
      mean: 3.5,
      count: 4,
      byPartner: { 'Alpha Systems': { mean: 4.5, count: 2 }, 'Beta Labs': { mean: 2, count: 1 }, 'Delta MSP': { mean: 3, count: 1 } },
    });
    expect(psat(data, '2025-12-31')).toEqual({ mean: null, count: 0, byPartner: {} });
  });
});

describe('activation', () => {
  it('needs onboarding complete and a deal registered on or after Day 0, per signing cohort', () => {
    const act = named(activation(data, AS_OF));
    // Zeta completed onboarding but its only deal by the as-of date was registered before Day 0.
    expect([act.activated, act.recruited, act.rate]).toEqual([2, 5, 0.4]);
    expect(act.byCohort).toEqual([
      { cohort: '2025-10', activated: 2, recruited: 2, rate: 1 },
      { cohort: '2025-11', activated: 0, recruited: 1, rate: 0 },
      { cohort: '2026-01', activated: 0, recruited: 2, rate: 0 },
    ]);
    expect(act.funnel).toEqual({
      onboarded: ['Alpha Systems', 'Beta Labs', 'Zeta IT'],
      withDeal: ['Alpha Systems', 'Beta Labs', 'Gamma Consulting', 'Delta MSP'],
      activated: ['Alpha Systems', 'Beta Labs'],
    });
  });

  it('ignores an onboarding date after the as-of date', () => {
    // As of 2025-12-14 Alpha has its deal but onboarding completes the next day.
    expect(activation(data, '2025-12-14').activated).toBe(0);
    expect(activation(data, '2025-12-15').activated).toBe(1);
  });

  it('counts onboarding complete from the journey when every required step of phases 1–4 is done by then', () => {
    const p = data.partners.find((x) => x.name === 'Delta MSP') as Partner;
    const tasks = data.tasks.map((t) =>
      t.partnerId === p.id && t.required && t.phase !== 'growth' ? { ...t, status: 'done' as const, completedOn: '2026-04-10' } : t,
    );
    expect(activation({ ...data, tasks }, '2026-04-09').activatedPartnerIds).not.toContain(p.id);
    expect(activation({ ...data, tasks }, '2026-04-10').activatedPartnerIds).toContain(p.id);
  });
});

describe('new-partner churn', () => {
  it('looks at partners past their Day 180 (the day itself included) and churn on or before it', () => {
    const churn = named(newPartnerChurn(data, AS_OF));
    // Day 180: Alpha 2026-03-30, Beta 04-18, Gamma 05-04, Zeta 06-30 (edge, included); Delta's is 07-14.
    expect(churn.eligiblePartnerIds).toEqual(['Alpha Systems', 'Beta Labs', 'Gamma Consulting', 'Zeta IT']);
    expect([churn.churned, churn.eligible, churn.rate]).toEqual([1, 4, 0.25]);
    expect(newPartnerChurn(data, '2026-06-29').eligible).toBe(3);
    expect(newPartnerChurn(data, '2026-01-01')).toMatchObject({ eligible: 0, rate: null });
  });
});

describe('programKpis, filters and the KPI table', () => {
  it('filters by cohort, type and manager before computing', () => {
    const ana = filterKpiData(data, { ownerEmail: 'ana@vendor.example' });
    expect(ana.partners.map((p) => p.name)).toEqual(['Alpha Systems', 'Gamma Consulting', 'Epsilon Advisors', 'Zeta IT']);
    expect(programKpis(ana, AS_OF).recruited).toBe(3);
    expect(programKpis(filterKpiData(data, { cohort: '2026-01' }), AS_OF).partnerSourcedPipeline.byCurrency).toEqual({ USD: 19000 });
    expect(programKpis(filterKpiData(data, { type: 'isv' }), AS_OF).psat).toMatchObject({ mean: 2, count: 1 });
  });

  it('copes with a program without any data', () => {
    const empty: KpiData = { partners: [], tasks: [], deals: [], trainings: [], surveys: [] };
    const k = programKpis(empty, AS_OF);
    expect(k.recruited).toBe(0);
    expect(k.timeToFirstRevenue).toMatchObject({ medianDays: null, censored: 0 });
    expect(k.activation.rate).toBeNull();
    expect(kpiTableRows(k).map((r) => r.value)).toEqual(['0', '—', '—', '—', '0', '—', '—', '—']);
  });

  it('exports the KPI table as CSV', () => {
    const csv = kpiTableCsv(kpiTableRows(programKpis(data, AS_OF)));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('kpi,value,detail');
    expect(lines).toContain('Partner-sourced pipeline (first 180 days),"EUR 15,000.5 · GBP 8,000 · USD 69,000","5 sourced deals not lost, per currency"');
    expect(lines).toContain('Activation rate,40%,2 of 5 recruited partners activated');
  });
});
