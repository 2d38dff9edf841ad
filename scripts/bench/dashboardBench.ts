/**
 * The program dashboard on the 500-partner benchmark portfolio: (1) the pure computation in Node
 * — every KPI as of today and 30 days earlier, the chart data, the at-risk model fitted on the
 * program's history with its cross-validation, and every partner's risk; (2) in headless
 * Chromium on the seeded store, a click on "Dashboard" in the navigation until the KPI tiles, all
 * charts and the model card are in the DOM and a frame has been painted.
 */
import { BENCH_SIZE, generateDemoPortfolio, type DemoSize } from '../../src-shared/demo/demoPortfolio';
import { partnerHealth } from '../../src-shared/domain/health';
import { dashboardData } from '../../src-shared/kpi/dashboardData';
import { partnerRisk, programRiskModel, recordsByPartner } from '../../src-shared/kpi/riskModel';
import { firstPage, launchPersistent } from './browser';
import { summarize, type Summary } from './stats';

export type DashboardBench = {
  computeMs: { total: Summary; kpisAndCharts: Summary; riskModel: Summary; risks: Summary };
  /** The first visit after opening the app: KPIs and chart data computed for this data snapshot. */
  firstVisitMs: number;
  /** Click → KPI tiles and the charts in view painted (all KPIs computed or reused): the target. */
  renderMs: Summary;
  /** Click → the at-risk model fitted after first paint and its quality card painted. */
  modelReadyMs: Summary;
  model: { kind: string; outcomes: number; auc: number | null };
};

const CHARTS = 7;

/** Pure computation, as the dashboard runs it, on the benchmark portfolio generated in Node. */
function computeRuns(today: string, runs: number, owner: { email: string; name: string }, size: DemoSize) {
  const demo = generateDemoPortfolio({ today, size, ownerEmail: owner.email, ownerName: owner.name });
  const data = { partners: demo.partners, tasks: demo.tasks, deals: demo.deals, trainings: demo.trainings, surveys: demo.surveys };
  const recordsOf = recordsByPartner(demo);
  // Health is computed once per data change by the portfolio overview for every screen; the risk reads it.
  const contributions = new Map(demo.partners.map((p) => [p.id, partnerHealth({ partner: p, today, ...recordsOf(p.id) }).contributions ?? []]));
  const kpis: number[] = [];
  const model: number[] = [];
  const risks: number[] = [];
  let last: ReturnType<typeof programRiskModel> | null = null;
  for (let run = 0; run < runs; run += 1) {
    const t0 = performance.now();
    dashboardData(data, today);
    const t1 = performance.now();
    last = programRiskModel(demo.partners, recordsOf, today);
    const t2 = performance.now();
    for (const p of demo.partners) partnerRisk(last, p, recordsOf(p.id), contributions.get(p.id) ?? [], today);
    const t3 = performance.now();
    kpis.push(t1 - t0);
    model.push(t2 - t1);
    risks.push(t3 - t2);
  }
  return {
    computeMs: {
      total: summarize(kpis.map((k, i) => k + (model[i] ?? 0) + (risks[i] ?? 0))),
      kpisAndCharts: summarize(kpis),
      riskModel: summarize(model),
      risks: summarize(risks),
    },
    model: { kind: last?.kind ?? 'none', outcomes: last?.outcomes ?? 0, auc: last?.quality?.auc ?? null },
  };
}

/** Click "Dashboard" → tiles and every chart painted, then the model card, measured in the page. */
async function renderRuns(profileDir: string, appUrl: string, runs: number): Promise<{ charts: number; model: number }[]> {
  const context = await launchPersistent(profileDir);
  try {
    const page = await firstPage(context);
    await page.goto(`${appUrl}#/portfolio`);
    await page.getByTestId('portfolio-row').first().waitFor({ timeout: 120_000 });
    const out: { charts: number; model: number }[] = [];
    for (let run = 0; run < runs; run += 1) {
      // A string, not a function: tsx would add a `__name` helper the page does not have.
      const ms = await page.evaluate<{ charts: number; model: number }>(`(async () => {
        const link = [...document.querySelectorAll('nav a')].find((a) => (a.textContent || '').startsWith('Dashboard'));
        if (!link) throw new Error('no Dashboard link');
        const start = performance.now();
        link.click();
        const until = (ready) => new Promise((resolve, reject) => {
          const check = () => {
            if (ready()) resolve();
            else if (performance.now() > start + 30000) reject(new Error('dashboard did not render'));
            else requestAnimationFrame(check);
          };
          check();
        });
        const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const inView = () => [...document.querySelectorAll('[data-testid^="chart-"]')].filter((c) => c.getBoundingClientRect().top < innerHeight);
        await until(() => document.querySelector('[data-testid="tile-activation"]') && document.querySelectorAll('[data-testid^="chart-"]').length >= ${CHARTS} && inView().every((c) => c.querySelector('.recharts-surface') || c.textContent.includes('No data for this yet')));
        await painted();
        const charts = performance.now() - start;
        await until(() => document.querySelector('[data-testid="model-quality"]'));
        await painted();
        return { charts, model: performance.now() - start };
      })()`);
      out.push(ms);
      await page.getByRole('navigation').getByRole('link', { name: /^Portfolio/ }).click();
      await page.getByTestId('portfolio-row').first().waitFor();
      await page.waitForTimeout(300);
    }
    return out;
  } finally {
    await context.close();
  }
}

export async function dashboardBench(profileDir: string, appUrl: string, options: { today: string; runs: number; owner: { email: string; name: string }; size?: DemoSize }): Promise<DashboardBench> {
  const compute = computeRuns(options.today, options.runs, options.owner, options.size ?? BENCH_SIZE);
  const render = await renderRuns(profileDir, appUrl, options.runs);
  return {
    ...compute,
    firstVisitMs: Math.round((render[0]?.charts ?? 0) * 10) / 10,
    renderMs: summarize(render.map((r) => r.charts)),
    modelReadyMs: summarize(render.map((r) => r.model)),
  };
}
