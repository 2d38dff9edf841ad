import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/appPage';
import { PortfolioPage } from './pages/portfolioPage';
import { openAppSession, type AppSession } from './support/appSession';

type RowText = { name: string; phase: string; day: string; journey: string; health: string; next: string };

/** The rendered rows' cells, top to bottom. */
async function rowTexts(page: Page): Promise<RowText[]> {
  return page.getByTestId('portfolio-row').evaluateAll((rows) =>
    rows.map((row) => {
      const cell = (n: number) => (row.children[n]?.textContent ?? '').trim();
      return { name: cell(1), phase: cell(5), day: cell(6), journey: cell(7), health: cell(8), next: cell(9) };
    }),
  );
}

const releaseRecords = (page: Page) =>
  page.evaluate(() => {
    const automation = (window as { partnerDeskAutomation?: { releaseRecords: () => void } }).partnerDeskAutomation;
    if (!automation) throw new Error('window.partnerDeskAutomation is not there');
    automation.releaseRecords();
  });

/**
 * A cold open of a full store paints the partners before the tens of thousands of tasks,
 * meetings and deals are read. `?holdRecords` holds that second read back until the test
 * releases it (an explicit barrier, no timing): the screens are looked at in the state a large
 * store is in for seconds, then once everything has arrived they must show exactly what a
 * normal open shows.
 */
describe('cold open: partners first, the records behind a visible loading state', () => {
  let session: AppSession;
  let page: Page;
  let app: AppPage;
  let portfolio: PortfolioPage;
  let reference: RowText[] = [];

  beforeAll(async () => {
    session = await openAppSession();
    page = session.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    app = new AppPage(page, `${session.url}?automation`);
    portfolio = new PortfolioPage(page);
  });

  afterAll(async () => {
    expect(session?.pageErrors ?? []).toEqual([]);
    await session?.close();
  });

  it('opens the demo portfolio sorted by name (what a normal open shows)', async () => {
    await app.open();
    await app.loadDemoPortfolio();
    await app.goTo('Portfolio');
    await page.getByRole('button', { name: 'Sort by Partner' }).click();
    await page.locator('th[aria-sort="ascending"]', { hasText: 'Partner' }).waitFor();
    reference = await rowTexts(page);
    expect(reference.length).toBeGreaterThan(5);
    expect(reference.map((row) => row.name)).toEqual(reference.map((row) => row.name).sort((a, b) => a.localeCompare(b)));
    expect(reference.every((row) => row.health !== 'Loading')).toBe(true);
  });

  it('shows the portfolio’s partners while the records load, says how many, and never a health it does not know', async () => {
    await page.goto(`${session.url}?automation&holdRecords#/portfolio`);
    await portfolio.rows().first().waitFor({ timeout: 30_000 });
    const status = page.getByTestId('records-loading');
    await expect.poll(() => status.innerText()).toMatch(/^Loading [\d,]+ tasks and [\d,]+ other records… Journey, health and next steps follow\.$/);

    const loading = await rowTexts(page);
    expect(loading.map(({ name, phase, day }) => ({ name, phase, day }))).toEqual(reference.map(({ name, phase, day }) => ({ name, phase, day })));
    for (const row of loading) expect({ journey: row.journey, health: row.health, next: row.next }, row.name).toEqual({ journey: 'Loading', health: 'Loading', next: 'Loading' });
    expect(await page.getByRole('button', { name: 'Health: loading' }).isDisabled()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Health' }).isDisabled()).toBe(true);
    // No overdue badge on Today in the navigation: it would be counted from no tasks at all.
    expect(await app.nav('Today').locator('.mantine-Badge-root').count()).toBe(0);
    await app.screenshot('cold-open-portfolio-loading');

    // Input is not blocked: the search box filters the partners already there.
    const first = (await portfolio.names())[0] ?? '';
    await portfolio.search(first);
    await expect.poll(() => portfolio.names()).toContain(first);
    await portfolio.search('');
  });

  it('shows Today’s frame with the loading line and no count until the tasks are in', async () => {
    await app.nav('Today').click();
    await page.getByRole('heading', { level: 2, name: 'Today' }).waitFor();
    await expect.poll(() => page.getByTestId('records-loading').innerText()).toMatch(/^Loading [\d,]+ tasks and [\d,]+ other records… Overdue and due tasks/);
    expect(await page.getByRole('heading', { name: 'Overdue', exact: true }).count()).toBe(0);
    await app.screenshot('cold-open-today-loading');
  });

  it('once the records are in, Today and the portfolio show what a normal open shows', async () => {
    await releaseRecords(page);
    await page.getByTestId('records-loading').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('heading', { name: 'Overdue', exact: true }).waitFor();
    await app.screenshot('cold-open-today-loaded');

    await app.goTo('Portfolio');
    await expect.poll(() => rowTexts(page)).toEqual(reference);
    expect(await page.getByRole('button', { name: 'Sort by Health' }).isDisabled()).toBe(false);
    await app.screenshot('cold-open-portfolio-loaded');
  });
});
