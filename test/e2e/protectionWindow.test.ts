import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/appPage';
import { PortfolioPage } from './pages/portfolioPage';
import { RecordsPage } from './pages/recordsPage';
import { openAppSession, type AppSession } from './support/appSession';

const DAY_MS = 86_400_000;
const isoInDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The program lead (local mode: the laptop's user is the admin) changes the protection window on
 * Partner tiers; the next approval is protected for the new window; the dashboard shows the
 * registration approval time and expiry rate, and the demo's tier distribution over time; once
 * the window has run out the registration reads as expired and the expiry rate counts it.
 */
describe('protection window setting, registration KPIs and tier distribution on the dashboard', () => {
  let session: AppSession;
  let page: Page;
  let app: AppPage;
  let records: RecordsPage;
  let portfolio: PortfolioPage;
  let partner = '';
  let expiredBefore = 0;
  let approvedBefore = 0;
  const expiredOf = async (card: ReturnType<Page['getByTestId']>) => {
    const [, expired = '0', approved = '0'] = /(\d+) of (\d+) approved registrations? expired/.exec(await card.innerText()) ?? [];
    return { expired: Number(expired), approved: Number(approved) };
  };

  const dark = async (name: string) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await app.screenshot(name);
    await page.emulateMedia({ colorScheme: 'light' });
  };

  beforeAll(async () => {
    session = await openAppSession();
    ({ page } = session);
    await page.setViewportSize({ width: 1280, height: 900 });
    app = new AppPage(page, session.url);
    records = new RecordsPage(page);
    portfolio = new PortfolioPage(page);
    await app.open();
    await app.loadDemoPortfolio();
    await app.dismissNotifications();
    await app.goTo('Portfolio');
    [partner = ''] = await portfolio.names();
  });

  afterAll(async () => {
    expect(session?.pageErrors ?? []).toEqual([]);
    await session?.close();
  });

  it('the admin changes the window on Partner tiers, and is told what a window must be', async () => {
    await app.open('/tiers');
    const card = page.getByRole('region', { name: 'Deal registration protection' });
    await expect.poll(() => card.getByTestId('protection-window').innerText()).toContain('for 90 days (the default)');
    await card.getByRole('button', { name: 'Change the window' }).click();
    const input = card.getByRole('textbox', { name: 'Protection window (days)' });
    await input.fill('0');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => card.innerText()).toContain('The protection window must be a whole number of days from 1 to 365 (got 0)');
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('protection-00-invalid-light');
    await dark('protection-00-invalid-dark');
    await input.fill('30');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => card.getByTestId('protection-window').innerText()).toContain('for 30 days;');
    // The tiers in force did not change by saving the setting on their document.
    expect(await page.getByTestId('tier-definition').innerText()).toContain('Platinum');
    await app.screenshot('protection-01-saved-light');
    await dark('protection-01-saved-dark');
  });

  it('the next approval is protected for the new window', async () => {
    await app.goTo('Portfolio');
    await portfolio.openPartner(partner);
    await records.openTab('Deals');
    await records.startDeal({ account: 'northwind-traders.com', amount: '25000', currency: 'USD' });
    await records.submitDeal();
    await records.dealForm().waitFor({ state: 'detached' });
    await app.dismissNotifications();
    await records.dealRows().filter({ hasText: 'northwind-traders.com' }).getByRole('button', { name: 'Registration of northwind-traders.com' }).click();
    await page.getByRole('menuitem', { name: 'Approve…' }).click();
    const dialog = page.getByRole('dialog');
    const expiry = await app.shownDate(isoInDays(30));
    expect(await dialog.innerText()).toContain(`The account is protected for 30 days, until ${expiry}.`);
    await dialog.getByRole('textbox', { name: /^Reason/ }).fill('Customer confirmed the partner runs the evaluation');
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => records.registrationStatus('northwind-traders.com').innerText()).toMatch(new RegExp(`^Protected until ${expiry}$`, 'i'));
    // An extension asks for another window by default.
    await records.dealRows().filter({ hasText: 'northwind-traders.com' }).getByRole('button', { name: 'Registration of northwind-traders.com' }).click();
    await page.getByRole('menuitem', { name: 'Request an extension…' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Extra days' }).inputValue()).toBe('30');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('the dashboard shows approval time, expiry rate and the tier distribution over time', async () => {
    await app.open('/dashboard');
    const registrations = page.getByTestId('chart-registration-kpis');
    await registrations.scrollIntoViewIfNeeded();
    // The demo's registrations were decided a few days after they came in; ours on the day.
    await expect.poll(() => registrations.getByTestId('registration-approval-time').innerText()).toMatch(/^\d+ days?$/);
    expect(await registrations.getByTestId('registration-expiry-rate').innerText()).toMatch(/^\d+%$/);
    expect(await registrations.innerText()).toMatch(/median from registration to decision, over \d+ decisions/);
    ({ expired: expiredBefore, approved: approvedBefore } = await expiredOf(registrations));
    expect(approvedBefore).toBeGreaterThan(1);
    await registrations.locator('.recharts-bar-rectangle').first().waitFor();
    const tiers = page.getByTestId('chart-tiers');
    await tiers.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await tiers.innerText()).toMatch(/now Registered \d+ · Silver \d+/);
    expect(await tiers.innerText()).not.toContain('No tier decision has been approved yet');
    await tiers.scrollIntoViewIfNeeded();
    await app.screenshot('dashboard-registrations-tiers-light');
    await dark('dashboard-registrations-tiers-dark');
  });

  it('once the window has run out the registration reads as expired and the expiry rate counts it', async () => {
    await page.clock.setFixedTime(new Date(Date.now() + 31 * DAY_MS));
    await app.reload();
    await app.open('/dashboard');
    const registrations = page.getByTestId('chart-registration-kpis');
    await registrations.getByTestId('registration-expiry-rate').waitFor();
    // Ours has run out (and perhaps some of the demo's): counted, over the same approved registrations.
    await expect.poll(async () => (await expiredOf(registrations)).expired).toBeGreaterThan(expiredBefore);
    expect((await expiredOf(registrations)).approved).toBe(approvedBefore);
    await app.goTo('Portfolio');
    await portfolio.openPartner(partner);
    await records.openTab('Deals');
    await expect.poll(() => records.registrationStatus('northwind-traders.com').innerText()).toMatch(new RegExp(`^Protection expired ${await app.shownDate(isoInDays(30))}$`, 'i'));
  });
});
