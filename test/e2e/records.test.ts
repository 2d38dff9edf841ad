import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/appPage';
import { PortfolioPage } from './pages/portfolioPage';
import { RecordsPage } from './pages/recordsPage';
import { openAppSession, type AppSession } from './support/appSession';

/**
 * A partner manager records what happened with a partner — deals, certifications, a PSAT — and
 * the program lead reads the KPIs and drills from a chart to the partners behind it. Offline,
 * in the real renderer build and IndexedDB.
 */
describe('records and KPIs: deals, training, satisfaction and the dashboard', () => {
  let session: AppSession;
  let page: Page;
  let app: AppPage;
  let records: RecordsPage;
  let partnerName = '';

  beforeAll(async () => {
    session = await openAppSession();
    ({ page } = session);
    app = new AppPage(page, session.url);
    records = new RecordsPage(page);
    await app.open();
    await app.loadDemoPortfolio();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('puts red and at-risk partners first on Today, with their reasons', async () => {
    await page.getByRole('heading', { level: 2, name: 'Today' }).waitFor();
    const first = page.getByTestId('attention-row').first();
    await first.waitFor();
    const badge = await first.getByRole('button', { name: /^Health \d+ of 100/ }).getAttribute('aria-label');
    const atRisk = await first.getByText(/^(At risk \d+%|High risk|Elevated risk)$/).count();
    expect(/red/.test(badge ?? '') || atRisk > 0).toBe(true);
    await app.screenshot('records-01-today-attention');
  });

  it('registers a deal, warns about a duplicate account before saving, and marks the first win', async () => {
    await app.goTo('Portfolio');
    const portfolio = new PortfolioPage(page);
    await portfolio.rows().first().waitFor();
    partnerName = (await portfolio.names())[2] ?? '';
    await portfolio.openPartner(partnerName);
    await records.openTab('Deals');
    const before = await records.dealRows().count();

    await records.startDeal({ account: 'Zephyr Logistics Ltd', amount: '12,500', currency: 'EUR', stage: 'Won' });
    await records.submitDeal();
    await records.dealForm().waitFor({ state: 'detached' });
    await expect.poll(() => records.dealRows().count()).toBe(before + 1);
    expect(await records.dealRows().filter({ hasText: 'Zephyr Logistics Ltd' }).innerText()).toContain('EUR 12,500');

    await records.startDeal({ account: 'zephyr-logistics.com', amount: '8000', currency: 'EUR' });
    const warning = records.dealForm().getByRole('alert');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Possible duplicate');
    expect(await warning.innerText()).toContain('“Zephyr Logistics Ltd”');
    await records.submitDeal();
    // The first press only confirms the warning was seen; nothing is saved yet.
    expect(await records.dealRows().count()).toBe(before + 1);
    await app.screenshot('records-02-duplicate-warning');
    await records.submitDeal('Register anyway');
    await records.dealForm().waitFor({ state: 'detached' });
    await expect.poll(() => records.dealRows().count()).toBe(before + 2);

    const wins = await page.getByText('First win').count();
    expect(wins).toBe(1);
    await app.screenshot('records-03-deals');
  });

  it('moves a deal through its stages: approval takes a reason', async () => {
    const row = records.dealRows().filter({ hasText: 'zephyr-logistics.com' });
    await records.decideRegistration('zephyr-logistics.com', 'Approve', 'Customer confirmed the partner leads the project');
    await expect.poll(() => row.getByRole('combobox', { name: 'Stage of zephyr-logistics.com' }).inputValue()).toBe('Approved');
    expect(await records.registrationStatus('zephyr-logistics.com').innerText()).toMatch(/^Protected until /i);
  });

  it('records a certification and a PSAT', async () => {
    await records.openTab('Training');
    await records.recordTraining({ person: 'Anna Costa', course: 'Core Sales Certification', completed: true });
    const table = page.getByRole('table', { name: 'Trainings' });
    await table.getByText('Anna Costa').waitFor();
    expect(await table.innerText()).toMatch(/Core Sales Certification[\s\S]*Completed/i);
    await app.screenshot('records-04-training');

    await records.openTab('Satisfaction');
    await records.recordPsat(4, 'Clear plan, the certification track was well organised.');
    await page.getByText('Clear plan, the certification track was well organised.').waitFor();
    const response = page.getByLabel('PSAT responses').locator('.mantine-Card-root').filter({ hasText: 'Clear plan, the certification track' });
    expect(await response.innerText()).toMatch(/PSAT 4 of 5/i);
    await app.screenshot('records-05-satisfaction');
  });

  it('shows program feedback by journey phase', async () => {
    await page.getByRole('navigation').getByRole('link', { name: /^Program feedback/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Program feedback' }).waitFor();
    // Each phase lists its weakest twelve responses first; a good one may be behind "Show all".
    const more = page.getByRole('button', { name: /^Show all \d+ responses$/ });
    while ((await more.count()) > 0) await more.first().click();
    await page.getByText('Clear plan, the certification track was well organised.').waitFor();
    await app.screenshot('records-06-program-feedback');
  });

  it('opens the dashboard and drills down from a chart to the partners behind it', async () => {
    await records.openDashboard();
    await page.getByTestId('tile-activation').waitFor();
    expect(await page.getByTestId('model-quality').innerText()).toMatch(/AUC/);
    await app.screenshot('records-07-dashboard');
    await records.clickTallestBar('registrations');
    const drill = records.drillDown();
    await drill.waitFor();
    const links = drill.getByRole('link');
    expect(await links.count()).toBeGreaterThan(0);
    await page.screenshot({ path: await app.screenshot('records-08-drilldown') });
    const name = (await links.first().innerText()).trim();
    await links.first().click();
    await page.getByRole('heading', { level: 2, name }).waitFor();
    await app.expectNoErrorBoundary();
  });

  it('draws the pipeline one currency at a time, each on its own axis, never mixed', async () => {
    await records.openDashboard();
    const card = records.chart('pipeline');
    await card.scrollIntoViewIfNeeded();
    const chart = card.getByTestId('pipeline-chart');
    await chart.waitFor();
    const currencies = await card.getByRole('radio').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(currencies.length).toBeGreaterThan(1);
    expect(await chart.getAttribute('data-currency')).toBe(currencies[0]);
    // One currency's bars only, and its code on the axis.
    expect(await chart.locator('.recharts-legend-item').count()).toBe(0);
    expect(await chart.locator('.recharts-label').textContent()).toBe(currencies[0]);
    await card.getByText(currencies[1] ?? '', { exact: true }).click();
    await expect.poll(() => chart.getAttribute('data-currency')).toBe(currencies[1]);
    await card.screenshot({ path: await app.screenshot('records-07b-pipeline-per-currency') });
  });

  it('filters the dashboard by partner type', async () => {
    await records.openDashboard();
    await page.getByRole('combobox', { name: 'Partner type' }).click();
    await page.getByRole('option', { name: 'ISV', exact: true }).click();
    await page.getByTestId('tile-activation').waitFor();
    await app.expectNoErrorBoundary();
    expect(session.pageErrors).toEqual([]);
  });
});
