import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/appPage';
import { PortfolioPage } from './pages/portfolioPage';
import { openAppSession, type AppSession } from './support/appSession';

/**
 * On the demo portfolio: the dashboard counts partners recommended for a tier change, the list
 * names why, a manager approves a promotion in the partner's workspace and the tier and its
 * history show; a rejected demotion needs a note and leaves the tier as it was.
 */
describe('tiers: recommendation, approval, history', () => {
  let session: AppSession;
  let page: Page;
  let app: AppPage;
  let promoted = '';

  beforeAll(async () => {
    session = await openAppSession();
    page = session.page;
    await page.setViewportSize({ width: 1280, height: 860 });
    app = new AppPage(page, session.url);
    await app.open();
    await app.loadDemoPortfolio();
    await app.dismissNotifications();
  });

  afterAll(async () => {
    expect(session?.pageErrors ?? []).toEqual([]);
    await session?.close();
  });

  it('the dashboard tile counts promotions and opens the list with the reasons', async () => {
    await app.open('/dashboard');
    const tile = page.getByTestId('tier-moves-tile');
    const promotions = tile.getByRole('button', { name: /^\d+ promotions: open the list$/ });
    const label = (await promotions.getAttribute('aria-label')) ?? '';
    const count = Number(label.split(' ')[0]);
    expect(count).toBeGreaterThan(0);
    await tile.scrollIntoViewIfNeeded();
    await app.screenshot('tiers-00-dashboard-tile-light');
    await promotions.click();
    await page.getByRole('heading', { level: 2, name: 'Partner tiers' }).waitFor();
    const rows = page.getByTestId('tier-awaiting').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(count);
    const first = rows.first();
    expect(await first.locator('td').nth(3).innerText()).toMatch(/^Qualifies for \w+: .*certifications/);
    promoted = (await first.locator('td').first().innerText()).trim();
    await app.screenshot('tiers-01-list-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('tiers-02-list-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await first.getByRole('link', { name: promoted }).click();
    await page.getByRole('heading', { level: 2, name: promoted }).waitFor();
  });

  it('the manager approves the promotion: the tier changes and the decision shows as history', async () => {
    const card = page.getByTestId('tier-card');
    const approve = card.getByRole('button', { name: /^Approve / });
    const target = ((await approve.innerText()).replace('Approve ', '')).trim();
    expect(await card.getByTestId('tier-summary').innerText()).toMatch(new RegExp(`^Qualifies for ${target}: `));
    await app.screenshot('tiers-03-recommendation-light');
    await approve.click();
    await card.getByRole('heading', { name: `Tier: ${target}` }).waitFor();
    await expect.poll(() => card.getByTestId('tier-history').innerText()).toMatch(new RegExp(`Approved \\w+ → ${target}`));
    expect(await page.getByTestId('partner-header').getByText(target, { exact: true }).count()).toBe(1);
    expect(await approve.count()).toBe(0);
    await app.screenshot('tiers-04-approved-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('tiers-05-approved-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('the promoted partner leaves the promotion filter of the portfolio', async () => {
    await app.open('/portfolio');
    const portfolio = new PortfolioPage(page);
    await portfolio.search(promoted);
    await expect.poll(() => portfolio.rows().filter({ hasText: promoted }).count()).toBe(1);
    await page.getByRole('combobox', { name: 'Tier' }).click();
    await page.getByRole('option', { name: 'Recommended for promotion' }).click();
    await expect.poll(() => portfolio.rows().filter({ hasText: promoted }).count()).toBe(0);
    await page.getByRole('combobox', { name: 'Tier' }).click();
    await page.getByRole('option', { name: 'Recommended for demotion' }).click();
    await portfolio.search('');
    await expect.poll(() => portfolio.rows().count()).toBeGreaterThan(0);
    await app.screenshot('tiers-06-portfolio-demotion-filter-light');
  });

  it('an admin editing the tiers is told when thresholds go down from one tier to the next', async () => {
    await app.open('/tiers');
    await page.getByRole('button', { name: 'Edit the tiers' }).click();
    const silver = page.getByRole('region', { name: 'Tier 2' });
    await silver.getByRole('textbox', { name: 'Won in 12 months (USD)' }).fill('300000');
    const alert = page.getByRole('alert').filter({ hasText: 'Fix these before saving' });
    await expect.poll(() => alert.innerText()).toContain('Tier 3 (Gold) asks for less won revenue (250,000) than Silver below it (300,000); tiers go from lowest to highest.');
    expect(await page.getByRole('button', { name: 'Save tier definition' }).isDisabled()).toBe(true);
    await alert.scrollIntoViewIfNeeded();
    await app.screenshot('tiers-07-editor-issue-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('tiers-08-editor-issue-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByTestId('tier-definition').waitFor();
  });

  it('a demotion is rejected with a note: the tier stays and the rejection is kept', async () => {
    await app.open('/tiers?move=demote');
    const rows = page.getByTestId('tier-awaiting').locator('tbody tr');
    await rows.first().waitFor();
    const name = (await rows.first().locator('td').first().innerText()).trim();
    const tier = (await rows.first().locator('td').nth(1).innerText()).trim();
    await rows.first().getByRole('link', { name }).click();
    const card = page.getByTestId('tier-card');
    await card.getByRole('button', { name: 'Reject', exact: true }).click();
    const confirm = card.getByRole('button', { name: 'Reject demotion' });
    expect(await confirm.isDisabled()).toBe(true);
    await card.getByRole('textbox', { name: 'Why reject it?' }).fill('Big renewal closes next quarter');
    await confirm.click();
    await expect.poll(() => card.getByTestId('tier-history').innerText()).toMatch(new RegExp(`Rejected ${tier} → \\w+.*Big renewal closes next quarter`));
    await card.getByRole('heading', { name: `Tier: ${tier}` }).waitFor();
    expect(await card.getByRole('button', { name: /^Approve / }).count()).toBe(0);
  });
});
