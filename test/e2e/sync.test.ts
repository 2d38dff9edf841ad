import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type SyncServer } from '../../src-server/createServer';
import { AppPage } from './pages/appPage';
import { PortfolioPage } from './pages/portfolioPage';
import { SettingsPage, type Credentials } from './pages/settingsPage';
import { SyncIndicator } from './pages/syncIndicator';
import { WorkspacePage } from './pages/workspacePage';
import { launchChromium, serveRenderer } from './support/browser';

/** One laptop: its own browser profile (IndexedDB, session), its page and what the user sees. */
type Laptop = {
  name: string;
  context: BrowserContext;
  page: Page;
  app: AppPage;
  settings: SettingsPage;
  sync: SyncIndicator;
  portfolio: PortfolioPage;
  workspace: WorkspacePage;
  errors: string[];
};

const PARTNER = 'Northwind Channel Co';

/**
 * Two partner managers of one team, each on their own laptop (a browser context each), against
 * a real sync server (embedded PGlite in a temporary folder). They sign in through Settings, see
 * each other's partners, edit the same partner while one laptop is offline, and find the
 * overwritten value in "Changes merged", where one click restores it on both laptops.
 */
describe('sync: two laptops share a portfolio through the sync server', () => {
  let dataDir: string;
  let server: SyncServer;
  let renderer: Awaited<ReturnType<typeof serveRenderer>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  let ann: Laptop;
  let bob: Laptop;
  let annLogin: Credentials;
  let bobLogin: Credentials;

  const openLaptop = async (name: string): Promise<Laptop> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return {
      name,
      context,
      page,
      app: new AppPage(page, renderer.url),
      settings: new SettingsPage(page),
      sync: new SyncIndicator(page),
      portfolio: new PortfolioPage(page),
      workspace: new WorkspacePage(page),
      errors,
    };
  };

  const openPartner = async (laptop: Laptop, name: string) => {
    await laptop.app.goTo('Portfolio');
    await laptop.portfolio.search(name);
    await expect.poll(() => laptop.portfolio.rows().count(), { timeout: 30_000 }).toBe(1);
    await laptop.portfolio.openPartner(name);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pd-e2e-sync-'));
    server = await createServer({
      dataDir,
      host: '127.0.0.1',
      port: 0,
      logger: false,
      passwordHashing: { memoryCost: 1024, timeCost: 1 },
      streamHeartbeatMs: 1000,
    });
    await server.admin.addTeam('north');
    await server.admin.addUser({ email: 'ann@north.example', name: 'Ann Berg', role: 'manager', teams: ['north'], password: 'ann-correct-horse' });
    await server.admin.addUser({ email: 'bob@north.example', name: 'Bob Visser', role: 'manager', teams: ['north'], password: 'bob-battery-staple' });
    annLogin = { serverUrl: server.url, email: 'ann@north.example', password: 'ann-correct-horse' };
    bobLogin = { serverUrl: server.url, email: 'bob@north.example', password: 'bob-battery-staple' };
    renderer = await serveRenderer();
    chromium = await launchChromium();
    browser = chromium.browser;
    ann = await openLaptop('ann');
    bob = await openLaptop('bob');
  });

  afterAll(async () => {
    await chromium?.close();
    await renderer?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('works signed out ("Local only"), and explains a wrong address, a dead server and a wrong password', async () => {
    await ann.app.open();
    await ann.sync.waitFor('Local only');
    // Ann starts before she has an account: one partner of her own, on this laptop only.
    const form = await ann.app.openNewPartnerForm();
    await form.fill({ name: 'Harbor Lane Systems', type: 'System integrator', day0: '2026-11-02' });
    await form.submit();
    await ann.page.getByRole('heading', { level: 2, name: 'Harbor Lane Systems' }).waitFor();

    await ann.app.goTo('Settings');
    const panel = ann.settings.sync;
    await panel.card.scrollIntoViewIfNeeded();
    expect(await panel.card.getByRole('textbox', { name: 'Server address' }).inputValue()).toBe('http://127.0.0.1:8787');
    await panel.fillSignIn({ ...annLogin, password: '' });
    await ann.app.dismissNotifications();
    await ann.app.screenshot('sync-01-sign-in');

    await panel.signIn({ ...annLogin, serverUrl: 'ftp://sync.north.example' });
    expect(await panel.problem()).toMatch(/is not a web address: use one starting with https:\/\/ or http:\/\//);

    await panel.signIn({ ...annLogin, serverUrl: 'http://127.0.0.1:9' });
    expect(await panel.problem()).toBe('Could not reach 127.0.0.1:9 — check the address or your network; you can keep working offline.');

    await panel.signIn({ ...annLogin, password: 'not her password' });
    expect(await panel.problem()).toBe('Wrong email or password. Check both and try again.');
    await ann.app.screenshot('sync-02-sign-in-wrong-password');
    await ann.sync.waitFor('Local only');
  });

  it('signs Ann in; her local partner can come along into her account', async () => {
    await ann.settings.sync.signIn(annLogin);
    const offer = ann.page.getByRole('dialog', { name: 'Bring your 1 local partner into this account?' });
    await offer.waitFor({ timeout: 30_000 });
    await ann.page.getByText('Sync is on').waitFor();
    await ann.app.dismissNotifications();
    await ann.app.screenshot('sync-03-bring-local-partners');
    await offer.getByRole('button', { name: 'Bring 1 local partner in' }).click();
    await offer.waitFor({ state: 'detached' });
    await ann.settings.sync.expectSignedIn('ann@north.example');
    // Signing in fills who she is from the account: the name printed on her plans is Ann Berg.
    const profile = ann.page.getByTestId('profile-card');
    await expect.poll(() => profile.getByRole('textbox', { name: 'Your name' }).inputValue()).toBe('Ann Berg');
    expect(await profile.getByRole('textbox', { name: 'Your email' }).inputValue()).toBe('ann@north.example');
    expect(await profile.getByRole('textbox', { name: 'Your name' }).isDisabled()).toBe(true);
    await ann.sync.waitFor(/^Up to date/);
    await openPartner(ann, 'Harbor Lane Systems');
  });

  it('signs Bob in on his laptop: he receives the team’s partners', async () => {
    await bob.app.open();
    await bob.app.goTo('Settings');
    await bob.settings.sync.signIn(bobLogin);
    await bob.settings.sync.expectSignedIn('bob@north.example');
    await bob.sync.waitFor(/^Up to date/);
    await openPartner(bob, 'Harbor Lane Systems');
  });

  it('shows a partner Ann creates on Bob’s laptop', async () => {
    const form = await ann.app.openNewPartnerForm();
    await form.fill({ name: PARTNER, type: 'Reseller', day0: '2026-11-16', region: 'EMEA · Netherlands' });
    await form.submit();
    await ann.page.getByRole('heading', { level: 2, name: PARTNER }).waitFor();
    await ann.sync.waitFor(/^Up to date/);
    await openPartner(bob, PARTNER);
    expect(await bob.workspace.header().innerText()).toContain('EMEA · Netherlands');
  });

  it('merges edits made while Ann is offline: different fields both kept, the later of two same-field edits wins', async () => {
    await openPartner(ann, PARTNER);
    await ann.context.setOffline(true);
    await ann.sync.waitFor(/^Offline/);

    // Ann, offline: a new region and tier Gold.
    const annForm = await ann.workspace.editPartner(PARTNER);
    await annForm.fill({ region: 'EMEA · Benelux', tier: 'Gold' });
    await annForm.submit('Save changes');
    await annForm.dialog.waitFor({ state: 'detached' });
    await ann.sync.waitFor(/^Offline · \d+ changes? not sent$/);
    await ann.app.screenshot('sync-04-offline-changes-not-sent');

    // Bob, online and a little later: the website, and tier Platinum.
    const bobForm = await bob.workspace.editPartner(PARTNER);
    await bobForm.fill({ website: 'northwind.example', tier: 'Platinum' });
    await bobForm.submit('Save changes');
    await bobForm.dialog.waitFor({ state: 'detached' });
    await bob.sync.waitFor(/^Up to date/);

    await ann.context.setOffline(false);
    await ann.sync.waitFor(/^Up to date/, 60_000);
    for (const laptop of [ann, bob]) {
      await expect
        .poll(async () => {
          const header = (await laptop.workspace.header().innerText()).toLowerCase();
          return ['emea · benelux', 'northwind.example', 'platinum'].every((text) => header.includes(text)) && !header.includes('gold');
        }, { timeout: 30_000, message: `${laptop.name} sees the merged partner` })
        .toBe(true);
    }
    await ann.app.screenshot('sync-05-merged-up-to-date');
  });

  it('keeps the overwritten tier in "Changes merged" on both laptops, and restores it in one click', async () => {
    for (const laptop of [ann, bob]) {
      await laptop.workspace.openTab('Changes merged');
      await expect.poll(() => laptop.workspace.mergedRecords().count(), { timeout: 30_000, message: `${laptop.name} sees the record` }).toBe(1);
      const record = laptop.workspace.mergedRecords().first();
      const text = await record.innerText();
      expect(text).toContain('Partner details · Tier');
      expect(await record.getByTestId('conflict-kept-value').innerText()).toBe('Platinum');
      expect(await record.getByTestId('conflict-other-value').innerText()).toBe('Gold');
      expect(text).toContain('bob@north.example');
      expect(text).toContain('ann@north.example');
    }
    await ann.app.screenshot('sync-06-changes-merged');

    await bob.workspace.mergedRecords().first().getByRole('button', { name: 'Restore the other value' }).click();
    for (const laptop of [bob, ann]) {
      await laptop.workspace.mergedRecords().first().getByText('Restored', { exact: true }).waitFor({ timeout: 30_000 });
      await expect.poll(async () => (await laptop.workspace.header().innerText()).toLowerCase().includes('gold'), { timeout: 30_000 }).toBe(true);
      expect((await laptop.workspace.header().innerText()).toLowerCase()).not.toContain('platinum');
    }
    await ann.app.screenshot('sync-07-changes-merged-restored');
  });

  it('shows the account, the server and every collection in the sync details', async () => {
    const drawer = await ann.sync.openDetails();
    const text = await drawer.innerText();
    expect(text).toContain('ann@north.example');
    expect(text).toContain(server.url);
    expect(text).toMatch(/Up to date/);
    // Ann sent the partners she brought in and created (columns: what, state, not sent, received, sent).
    const partners = drawer.getByTestId('sync-collection-partners').locator('td');
    expect(await partners.nth(2).innerText()).toBe('0');
    expect(Number(await partners.nth(4).innerText())).toBeGreaterThanOrEqual(2);
    await drawer.getByRole('button', { name: 'Sync now' }).click();
    await ann.app.screenshot('sync-08-details-drawer');
    await ann.sync.closeDetails();
    await ann.sync.waitFor(/^Up to date/);
  });

  it('after a restart with the server out of reach, still says when Ann last synced', async () => {
    await ann.context.route(`${server.url}/**`, (route) => route.abort('connectionrefused'));
    try {
      await ann.app.reload();
      await ann.sync.waitFor(/^Offline/);
      const drawer = await ann.sync.openDetails();
      await expect.poll(() => drawer.innerText(), { timeout: 10_000 }).toMatch(/Last synced (just now|\d+ min ago)\./);
      expect(await drawer.innerText()).not.toContain('Not synced yet');
      await ann.sync.closeDetails();
    } finally {
      await ann.context.unroute(`${server.url}/**`);
    }
    await ann.sync.waitFor(/^Up to date/, 60_000);
  });

  it('asks Bob to sign in again when the server ends his session; what he changed meanwhile goes out after', async () => {
    await server.admin.disableUser('bob@north.example');
    await bob.sync.waitFor('Sign in again');
    const form = await bob.workspace.editPartner(PARTNER);
    await form.fill({ region: 'EMEA · Rotterdam' });
    await form.submit('Save changes');
    await form.dialog.waitFor({ state: 'detached' });
    expect((await bob.workspace.header().innerText()).toLowerCase()).toContain('emea · rotterdam');
    expect(await bob.sync.text()).toBe('Sign in again');

    await server.admin.enableUser('bob@north.example');
    await bob.app.goTo('Settings');
    await bob.settings.sync.card.getByText('Sign in again to keep syncing', { exact: true }).waitFor();
    await bob.app.dismissNotifications();
    await bob.settings.sync.fillSignIn({ ...bobLogin, password: '' });
    await bob.app.screenshot('sync-09-sign-in-again');
    await bob.settings.sync.signIn(bobLogin);
    await bob.sync.waitFor(/^Up to date/);
    await expect.poll(async () => (await ann.workspace.header().innerText()).toLowerCase().includes('emea · rotterdam'), { timeout: 30_000 }).toBe(true);
  });

  it('signs Bob out, keeping his account’s data for next time, back to his local profile', async () => {
    await bob.app.goTo('Settings');
    await bob.settings.sync.signOut();
    await bob.app.nav('Today').click();
    await bob.page.getByRole('heading', { name: 'Welcome to Partner Desk' }).waitFor();
    await bob.app.goTo('Settings');
    await bob.settings.sync.signIn(bobLogin);
    await bob.settings.sync.expectSignedIn('bob@north.example');
    await openPartner(bob, PARTNER);
  });

  it('reads well in dark mode too', async () => {
    await ann.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => ann.page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await ann.workspace.openTab('Changes merged');
    await ann.workspace.mergedRecords().first().waitFor();
    await ann.app.screenshot('sync-10-changes-merged-dark');
    await ann.sync.openDetails();
    await ann.app.screenshot('sync-11-details-drawer-dark');
    await ann.sync.closeDetails();
    await ann.page.emulateMedia({ colorScheme: 'light' });
  });

  it('raised no uncaught page errors', async () => {
    await ann.app.expectNoErrorBoundary();
    await bob.app.expectNoErrorBoundary();
    expect([...ann.errors, ...bob.errors]).toEqual([]);
  });
});
