import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type SyncServer } from '../../src-server/createServer';
import type { Plan } from '../../src-shared/domain/types';
import { insertRow, partnerDoc } from '../integration/server/support/docFactories';
import { apiFor } from '../integration/server/support/syncClient';
import { AppPage } from './pages/appPage';
import { MdfPage } from './pages/mdfPage';
import { PlanPage, printPlanPdf } from './pages/planPage';
import { PortfolioPage } from './pages/portfolioPage';
import { SettingsPage, type Credentials } from './pages/settingsPage';
import { SyncIndicator } from './pages/syncIndicator';
import { openAppSession, type AppSession } from './support/appSession';
import { launchChromium, serveRenderer } from './support/browser';

const PDF_DIR = resolve(import.meta.dirname, '../../test-results/mdf-pdf');
const INITIATIVE = 'Spring webinar series';
const ACTIVITY = 'Three webinars with the partner’s customers';

/** The text of a PDF in drawing order, whitespace collapsed. */
const pdfText = (file: string): string => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

type Automation = { partnerDeskAutomation?: { db: { plans: { find: () => { exec: () => Promise<{ toJSON: () => unknown }[]> } } } } };

/**
 * MDF from request to payment: a manager sets the partner's quarter budget, requests funds for an
 * initiative of the joint plan, approves them, is refused a claim above the approved amount (the
 * message names both amounts), claims with a proof file, approves the claim and records the
 * payment; the proof opens from the laptop's cache, and the plan PDF shows the initiative's
 * requested / approved / claimed / paid amounts.
 */
describe('MDF: request, approval, claim with proof, payment, in the plan PDF', () => {
  let session: AppSession;
  let context: BrowserContext;
  let page: Page;
  let app: AppPage;
  let mdf: MdfPage;
  let partnerName = '';
  const proof = Buffer.from('Attendee list\nwebinar 1: 64\nwebinar 2: 58\nwebinar 3: 71\nleads: 19\n');

  beforeAll(async () => {
    rmSync(PDF_DIR, { recursive: true, force: true });
    mkdirSync(PDF_DIR, { recursive: true });
    session = await openAppSession({ acceptDownloads: true });
    ({ context, page } = session);
    app = new AppPage(page, `${session.url}?automation`);
    mdf = new MdfPage(page);
    await app.open();
    await app.loadDemoPortfolio();
    await app.goTo('Portfolio');
    const portfolio = new PortfolioPage(page);
    await portfolio.rows().first().waitFor();
    partnerName = (await portfolio.names())[0] ?? '';
    await portfolio.openPartner(partnerName);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('adds an initiative to the partner’s plan, then shows the MDF tab empty', async () => {
    const plan = new PlanPage(page);
    await plan.open();
    await page.getByRole('button', { name: /^Start from the .* template$/ }).click();
    await page.getByTestId('plan-tab').waitFor();
    await plan.openAdd('initiative');
    await plan.field('Initiative').fill(INITIATIVE);
    await plan.submitAndClose('Add initiative');
    await plan.rows('initiative').filter({ hasText: INITIATIVE }).waitFor();

    await mdf.open();
    await page.getByRole('heading', { name: 'No MDF yet' }).waitFor();
    await app.dismissNotifications();
    await app.screenshot('mdf-01-empty');
  });

  it('sets the quarter budget and requests MDF linked to the initiative', async () => {
    await mdf.setBudget({ amount: '20000', currency: 'EUR' });
    await mdf.request({ activity: ACTIVITY, amount: '11,000', currency: 'EUR', initiative: INITIATIVE });
    expect(await mdf.state(ACTIVITY)).toBe('Requested');
    // Still waiting for a decision: the request can be changed.
    const edit = await mdf.startStep(ACTIVITY, 'Edit', 'Change the MDF request');
    expect(await mdf.field(edit, 'Activity').inputValue()).toBe(ACTIVITY);
    await mdf.field(edit, 'Amount').fill('12,000');
    await mdf.submitAndClose(edit, 'Save request');
    expect(await mdf.card(ACTIVITY).innerText()).toContain(`funds “${INITIATIVE}”`);
    await expect.poll(async () => (await mdf.budgetRows().first().innerText()).replace(/\s+/g, ' ')).toMatch(/EUR 20,000 EUR 0 EUR 12,000 EUR 20,000/);
  });

  it('opens a step with the keyboard on its first field, and Escape closes it', async () => {
    const reject = await mdf.startStep(ACTIVITY, 'Reject', 'Reject the request');
    await expect.poll(() => reject.getByRole('textbox', { name: 'Reason' }).evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await reject.waitFor({ state: 'detached' });
    expect(await mdf.state(ACTIVITY)).toBe('Requested');
  });

  it('approves less than requested only with a reason, then approves', async () => {
    const form = await mdf.startStep(ACTIVITY, 'Approve', 'Approve the request');
    await mdf.field(form, 'Approved amount (EUR)').fill('10000');
    await mdf.submit(form, 'Approve');
    expect(await mdf.fieldError(form, 'Reason')).toBe('Say why less than the requested EUR 12,000 is approved');
    await form.getByRole('textbox', { name: 'Reason' }).fill('Two of the three webinars are funded this quarter');
    await mdf.submitAndClose(form, 'Approve');
    expect(await mdf.state(ACTIVITY)).toBe('Approved');
  });

  it('refuses a claim above the approved amount, naming both amounts on the amount field', async () => {
    const form = await mdf.startStep(ACTIVITY, 'File a claim', 'File a claim with proof of performance');
    await mdf.field(form, 'Claimed amount (EUR)').fill('11000');
    await form.getByRole('textbox', { name: 'Proof of performance' }).fill('193 attendees over three webinars, 19 qualified leads');
    await mdf.submit(form, 'File claim');
    expect(await mdf.fieldError(form, 'Claimed amount (EUR)')).toBe('The claim (EUR 11,000) is above the approved amount (EUR 10,000); claim at most EUR 10,000');
    await app.screenshot('mdf-02-claim-refused');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await app.screenshot('mdf-02-claim-refused-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await mdf.state(ACTIVITY)).toBe('Approved');
  });

  it('claims with a proof file, approves the claim and records the payment; the proof opens from the cache', async () => {
    const form = mdf.card(ACTIVITY).getByRole('form', { name: 'File a claim with proof of performance' });
    await mdf.field(form, 'Claimed amount (EUR)').fill('9500');
    await form.locator('input[type="file"]').setInputFiles({ name: 'attendees.txt', mimeType: 'text/plain', buffer: proof });
    await form.getByText(/attendees\.txt · \d+ bytes/).waitFor();
    await mdf.submitAndClose(form, 'File claim');
    expect(await mdf.state(ACTIVITY)).toBe('Claimed');

    const decide = await mdf.startStep(ACTIVITY, 'Approve claim', 'Approve the claim');
    await mdf.submitAndClose(decide, 'Approve claim');
    expect(await mdf.state(ACTIVITY)).toBe('Claim approved');
    const pay = await mdf.startStep(ACTIVITY, 'Mark paid', 'Record the payment');
    await mdf.submitAndClose(pay, 'Mark paid');
    expect(await mdf.state(ACTIVITY)).toBe('Paid');
    expect(await mdf.card(ACTIVITY).innerText()).toContain('Paid EUR 9,500');

    const [download] = await Promise.all([page.waitForEvent('download'), mdf.card(ACTIVITY).getByRole('button', { name: 'Open proof attendees.txt' }).click()]);
    expect(download.suggestedFilename()).toBe('attendees.txt');
    expect(readFileSync((await download.path()) ?? '')).toEqual(proof);
    await app.dismissNotifications();
    await app.screenshot('mdf-03-paid');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await app.screenshot('mdf-03-paid-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows requested / approved / claimed / paid for the initiative in the plan and its PDF', async () => {
    const plan = new PlanPage(page);
    await plan.open();
    const ledger = page.getByTestId('plan-mdf-ledger');
    await expect.poll(async () => (await ledger.innerText()).replace(/\s+/g, ' ')).toContain(`${INITIATIVE} EUR 12,000 EUR 10,000 EUR 9,500 EUR 9,500`);
    await ledger.scrollIntoViewIfNeeded();
    await app.screenshot('mdf-04-plan-ledger');

    const plans = (await page.evaluate(async () => (await (globalThis as unknown as Automation).partnerDeskAutomation!.db.plans.find().exec()).map((doc) => doc.toJSON()))) as Plan[];
    const draft = plans.find((p) => p.status === 'draft');
    expect(draft).toBeDefined();
    const printPage = await context.newPage();
    const file = resolve(PDF_DIR, 'plan-mdf.pdf');
    await printPlanPdf(printPage, `${session.url}?automation`, draft?.id ?? '', 'a4', file);
    await printPage.close();
    const text = pdfText(file);
    expect(text).toContain('Market development funds (MDF) by initiative');
    expect(text).toContain(`${INITIATIVE} EUR 12,000 EUR 10,000 EUR 9,500 EUR 9,500`);
    expect(text).toContain('Total in EUR EUR 12,000 EUR 10,000 EUR 9,500 EUR 9,500');
    execFileSync('pdftoppm', ['-png', '-r', '60', file, resolve(PDF_DIR, 'plan-mdf')]);
    expect(session.pageErrors).toEqual([]);
  });

  it('shows MDF utilisation and return per currency on the dashboard', async () => {
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const card = page.getByTestId('mdf-kpi-card');
    await card.waitFor();
    await card.getByTestId('mdf-utilisation-EUR').waitFor();
    expect(await card.getByTestId('mdf-utilisation-EUR').innerText()).toMatch(/^\d+%$/);
    expect(await card.innerText()).toMatch(/MDF RETURN · EUR/i);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('mdf-05-dashboard');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await app.screenshot('mdf-05-dashboard-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(session.pageErrors).toEqual([]);
  });
});

type Laptop = { context: BrowserContext; page: Page; app: AppPage; settings: SettingsPage; sync: SyncIndicator; mdf: MdfPage; errors: string[] };

/**
 * The proof travels with the claim: Ann files a claim with a proof file on her laptop; the file
 * reaches the server, where her teammate Bob may read it because he sees the partner; Bob's
 * laptop caches it after sync and opens it with no network.
 */
describe('MDF proof: uploaded with the claim, cached on a teammate’s laptop, opened offline', () => {
  const PARTNER_ID = 'northwind-mdf-partner';
  let dataDir: string;
  let server: SyncServer;
  let renderer: Awaited<ReturnType<typeof serveRenderer>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  let ann: Laptop;
  let bob: Laptop;
  const login = (who: 'ann' | 'bob'): Credentials => ({ serverUrl: server.url, email: `${who}@north.example`, password: `${who}-correct-horse` });
  const proof = Buffer.from(`Roadshow attendee list\n${'name,company,email\n'.repeat(200)}`);
  const proofSha = createHash('sha256').update(proof).digest('hex');

  const openLaptop = async (): Promise<Laptop> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { context, page, app: new AppPage(page, renderer.url), settings: new SettingsPage(page), sync: new SyncIndicator(page), mdf: new MdfPage(page), errors };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pd-e2e-mdf-'));
    server = await createServer({ dataDir, host: '127.0.0.1', port: 0, logger: false, passwordHashing: { memoryCost: 1024, timeCost: 1 }, streamHeartbeatMs: 1000 });
    await server.admin.addTeam('north');
    await server.admin.addUser({ email: 'ann@north.example', name: 'Ann Berg', role: 'manager', teams: ['north'], password: 'ann-correct-horse' });
    await server.admin.addUser({ email: 'bob@north.example', name: 'Bob Stone', role: 'manager', teams: ['north'], password: 'bob-correct-horse' });
    const annApi = apiFor(server, (await server.admin.issueToken('ann@north.example')).token);
    expect((await annApi.push('partners', [insertRow(partnerDoc(PARTNER_ID, { name: 'Northwind Channel Co', ownerEmail: 'ann@north.example' }))])).status).toBe(200);
    renderer = await serveRenderer();
    chromium = await launchChromium();
    browser = chromium.browser;
    ann = await openLaptop();
    bob = await openLaptop();
  });

  afterAll(async () => {
    await chromium?.close();
    await renderer?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('Ann claims with a proof file; the file reaches the server, readable by her teammate', async () => {
    await ann.app.open('/settings');
    await ann.settings.sync.signIn(login('ann'));
    await ann.settings.sync.expectSignedIn('ann@north.example');
    await ann.sync.waitFor(/^Up to date/);
    await ann.app.open(`/partners/${PARTNER_ID}/mdf`);
    await ann.page.getByRole('heading', { name: 'No MDF yet' }).waitFor({ timeout: 30_000 });
    await ann.mdf.request({ activity: 'Regional roadshow', amount: '6000', currency: 'USD' });
    await ann.mdf.submitAndClose(await ann.mdf.startStep('Regional roadshow', 'Approve', 'Approve the request'), 'Approve');
    expect(await ann.mdf.state('Regional roadshow')).toBe('Approved');
    const claim = await ann.mdf.startStep('Regional roadshow', 'File a claim', 'File a claim with proof of performance');
    await claim.getByRole('textbox', { name: 'Proof of performance' }).fill('Three cities, 140 attendees');
    await claim.locator('input[type="file"]').setInputFiles({ name: 'roadshow-attendees.csv', mimeType: 'text/csv', buffer: proof });
    await claim.getByText(/roadshow-attendees\.csv ·/).waitFor();
    await ann.mdf.submitAndClose(claim, 'File claim');
    expect(await ann.mdf.state('Regional roadshow')).toBe('Claimed');

    const bobToken = (await server.admin.issueToken('bob@north.example')).token;
    await expect
      .poll(async () => (await fetch(`${server.url}/api/files/${proofSha}`, { headers: { authorization: `Bearer ${bobToken}` } })).status, { timeout: 30_000, message: 'the proof and its claim reach the server' })
      .toBe(200);
    expect(ann.errors).toEqual([]);
  });

  it('Bob’s laptop caches the proof after sync and opens it offline from the claim', async () => {
    await bob.app.open('/settings');
    await bob.settings.sync.signIn(login('bob'));
    await bob.settings.sync.expectSignedIn('bob@north.example');
    await bob.sync.waitFor(/^Up to date/);
    await bob.app.open('/resources');
    await bob.page.getByTestId('cache-total').filter({ hasText: /^1 file/ }).waitFor({ timeout: 30_000 });

    await bob.context.setOffline(true);
    await bob.sync.waitFor(/^Offline/);
    await bob.app.open(`/partners/${PARTNER_ID}/mdf`);
    const card = bob.mdf.card('Regional roadshow');
    await card.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([bob.page.waitForEvent('download'), card.getByRole('button', { name: 'Open proof roadshow-attendees.csv' }).click()]);
    expect(download.suggestedFilename()).toBe('roadshow-attendees.csv');
    expect(createHash('sha256').update(readFileSync(await download.path())).digest('hex')).toBe(proofSha);
    await bob.app.dismissNotifications();
    await bob.app.screenshot('mdf-06-proof-offline');
    expect(bob.errors).toEqual([]);
  });
});
