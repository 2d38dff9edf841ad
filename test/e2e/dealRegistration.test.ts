import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/appPage';
import { PortfolioPage } from './pages/portfolioPage';
import { RecordsPage } from './pages/recordsPage';
import { openAppSession, type AppSession } from './support/appSession';

const DAY_MS = 86_400_000;
const isoInDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Deal registration as partners depend on it: a manager approves a registration with a reason and
 * it is protected for 90 days; another partner registering the same customer (written as a web
 * address) is told whose protected registration holds it and until when, before saving; a week
 * before the protection ends, the registration shows on Today, and once it has expired with the
 * deal still open it stays there (and the OS is asked for one notification) until the manager
 * extends it. Real renderer, real IndexedDB; the browser's Notification API is the recorded boundary.
 */
describe('deal registration: approval, protection and the duplicate pre-check', () => {
  let session: AppSession;
  let page: Page;
  let app: AppPage;
  let records: RecordsPage;
  let portfolio: PortfolioPage;
  let holder = '';
  let other = '';

  beforeAll(async () => {
    session = await openAppSession();
    ({ page } = session);
    app = new AppPage(page, session.url);
    records = new RecordsPage(page);
    portfolio = new PortfolioPage(page);
    await app.open();
    await app.loadDemoPortfolio();
    await app.goTo('Portfolio');
    [holder = '', other = ''] = await portfolio.names();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('approves a registration with a reason and shows its protection expiry', async () => {
    await portfolio.openPartner(holder);
    await records.openTab('Deals');
    await records.startDeal({ account: 'acme-robotics.com', amount: '40000', currency: 'USD' });
    await records.submitDeal();
    await records.dealForm().waitFor({ state: 'detached' });
    // The partner had no deal: its first one is celebrated and the journey's step is ticked.
    const celebration = page.locator('.mantine-Notification-root').filter({ hasText: `First deal for ${holder}!` });
    await celebration.waitFor();
    expect(await celebration.innerText()).toContain('the journey’s “first deal” step is ticked');
    await app.screenshot('deals-00-first-deal-celebrated');
    expect(await records.registrationStatus('acme-robotics.com').innerText()).toMatch(/^Awaiting approval$/i);

    await records.decideRegistration('acme-robotics.com', 'Approve', 'Customer confirmed the partner leads the evaluation');
    const expiry = await app.shownDate(isoInDays(90));
    await expect.poll(() => records.registrationStatus('acme-robotics.com').innerText()).toMatch(new RegExp(`^Protected until ${expiry}$`, 'i'));
    const row = records.dealRows().filter({ hasText: 'acme-robotics.com' });
    expect(await row.getByRole('combobox', { name: 'Stage of acme-robotics.com' }).inputValue()).toBe('Approved');
    await app.dismissNotifications();
    await app.screenshot('deals-01-approved');
  });

  it('names the other partner’s protected registration, and until when, before saving', async () => {
    await app.goTo('Portfolio');
    await portfolio.openPartner(other);
    await records.openTab('Deals');
    const before = await records.dealRows().count();
    await records.startDeal({ account: 'https://www.acme-robotics.com/contact', amount: '15000', currency: 'USD' });
    const collision = records.dealForm().getByTestId('protected-collision');
    await collision.waitFor();
    const expiry = await app.shownDate(isoInDays(90));
    expect(await collision.innerText()).toContain(`${holder} holds a protected registration for “acme-robotics.com” (the same web domain) until ${expiry}.`);
    await app.screenshot('deals-02-protected-collision');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await app.screenshot('deals-02-protected-collision-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    // The first press only confirms the warning was seen: nothing is saved.
    await records.submitDeal();
    expect(await records.dealRows().count()).toBe(before);
    await records.dealForm().getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows the registration on Today a week before its protection ends', async () => {
    await app.goTo('Today');
    const card = page.getByRole('region', { name: 'Registration protection' });
    expect(await card.innerText()).toContain('No protected registration ends in the next 7 days.');

    // Eighty-five days later (the app reads the date from the clock), five days are left.
    await page.clock.setFixedTime(new Date(Date.now() + 85 * DAY_MS));
    await app.reload();
    await page.getByRole('heading', { level: 2, name: 'Today' }).waitFor();
    const item = card.getByTestId('expiring-registration').filter({ hasText: 'acme-robotics.com' });
    await item.waitFor();
    expect(await item.innerText()).toContain(holder);
    expect(await item.innerText()).toContain(`Protection expires in 5 days (${await app.shownDate(isoInDays(90))})`);
    await app.dismissNotifications();
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('deals-03-today-expiring');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await app.screenshot('deals-03-today-expiring-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await item.getByRole('link', { name: 'acme-robotics.com' }).click();
    await expect.poll(() => records.registrationStatus('acme-robotics.com').innerText()).toMatch(/^Protection expires in 5 days/i);
  });

  it('lists the expired registration on Today, still open, with one notification, until it is extended', async () => {
    // The OS boundary: the browser's Notification API records what the app asks it to show.
    await page.addInitScript(() => {
      const shown: { title: string; body: string }[] = [];
      Object.assign(window, { shownNotifications: shown });
      class RecordedNotification {
        static permission = 'granted';
        static requestPermission = () => Promise.resolve('granted');
        onclick: (() => void) | null = null;
        constructor(title: string, options?: { body?: string }) {
          shown.push({ title, body: options?.body ?? '' });
        }
        close() {}
      }
      Object.assign(window, { Notification: RecordedNotification });
    });
    const shown = () => page.evaluate(() => (window as unknown as { shownNotifications: { title: string; body: string }[] }).shownNotifications.filter((n) => n.title.includes('acme-robotics.com')));
    // Ninety-two days after the approval the protection (90 days) ended yesterday.
    await page.clock.setFixedTime(new Date(Date.now() + 92 * DAY_MS));
    await app.reload();
    await app.goTo('Today');
    const card = page.getByRole('region', { name: 'Registration protection' });
    const expired = card.getByRole('region', { name: 'Expired, deal still open: extend or close' });
    const item = expired.getByTestId('expired-registration').filter({ hasText: 'acme-robotics.com' });
    await item.waitFor();
    expect(await item.innerText()).toContain(holder);
    expect(await item.innerText()).toContain(`Protection expired ${await app.shownDate(isoInDays(90))}`);
    expect(await card.getByTestId('expiring-registration').filter({ hasText: 'acme-robotics.com' }).count()).toBe(0);
    await expect.poll(shown).toEqual([
      { title: 'Registration expired: acme-robotics.com', body: expect.stringContaining(`protection ended ${await app.shownDate(isoInDays(90))} and the deal is still open`) as unknown as string },
    ]);
    await app.dismissNotifications();
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('deals-04-today-expired');

    // Reopened the same day: listed again, not notified again.
    await app.reload();
    await item.waitFor();
    expect(await shown()).toEqual([]);

    // The manager asks for another window (90 days from today) and approves it: it leaves the expired list.
    await item.getByRole('link', { name: 'acme-robotics.com' }).click();
    await records.decideRegistration('acme-robotics.com', 'Request an extension', 'The customer moved the purchase to next quarter');
    await records.dealRows().filter({ hasText: 'acme-robotics.com' }).getByRole('button', { name: 'Registration of acme-robotics.com' }).click();
    await page.getByRole('menuitem', { name: 'Approve the extension (90 days)' }).click();
    await expect.poll(() => records.registrationStatus('acme-robotics.com').innerText()).toMatch(new RegExp(`^Protected until ${await app.shownDate(isoInDays(92 + 90))}$`, 'i'));
    await app.goTo('Today');
    await card.waitFor();
    expect(await card.getByTestId('expired-registration').filter({ hasText: 'acme-robotics.com' }).count()).toBe(0);
  });
});
