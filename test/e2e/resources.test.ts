import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, format } from 'date-fns';
import { createServer, type SyncServer } from '../../src-server/createServer';
import { formatDate } from '../../src-shared/util/formatDate';
import { insertRow, partnerDoc, taskDoc } from '../integration/server/support/docFactories';
import { apiFor } from '../integration/server/support/syncClient';
import { AppPage } from './pages/appPage';
import { SettingsPage, type Credentials } from './pages/settingsPage';
import { SyncIndicator } from './pages/syncIndicator';
import { TemplatesPage } from './pages/templatesPage';
import { printWelcomeKitPdf } from './pages/welcomeKitPage';
import { WorkspacePage } from './pages/workspacePage';
import { launchChromium, serveRenderer } from './support/browser';

type Laptop = { context: BrowserContext; page: Page; app: AppPage; settings: SettingsPage; sync: SyncIndicator; errors: string[] };

const PARTNER_ID = 'northwind-partner';
const ISV_ID = 'fjord-software';
const ISV_NAME = 'Fjord Software AB';
const iso = (days: number) => format(addDays(new Date(), days), 'yyyy-MM-dd');
/** Fjord signed two days ago. */
const ISV_DAY0 = -2;

/**
 * The program lead adds a datasheet to the resource library on her laptop; it goes to the server.
 * A journey task of Ann's partner links it. Ann's laptop caches the file after sync, goes
 * offline in the partner's office, and opens the datasheet from the task: the same bytes.
 */
describe('resource library: a cached file opens offline from the task that links it', () => {
  let dataDir: string;
  let server: SyncServer;
  let renderer: Awaited<ReturnType<typeof serveRenderer>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  let lead: Laptop;
  let ann: Laptop;
  const leadLogin = (): Credentials => ({ serverUrl: server.url, email: 'lead@north.example', password: 'lead-correct-horse' });
  const annLogin = (): Credentials => ({ serverUrl: server.url, email: 'ann@north.example', password: 'ann-correct-horse' });
  const datasheet = Buffer.from(`%PDF-1.4\n% Northwind datasheet v2\n${'Partner pricing and specs.\n'.repeat(2000)}%%EOF\n`);
  const datasheetSha = createHash('sha256').update(datasheet).digest('hex');

  const openLaptop = async (): Promise<Laptop> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { context, page, app: new AppPage(page, renderer.url), settings: new SettingsPage(page), sync: new SyncIndicator(page), errors };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pd-e2e-resources-'));
    server = await createServer({ dataDir, host: '127.0.0.1', port: 0, logger: false, passwordHashing: { memoryCost: 1024, timeCost: 1 }, streamHeartbeatMs: 1000 });
    await server.admin.addTeam('north');
    await server.admin.addUser({ email: 'lead@north.example', name: 'Lena Lead', role: 'admin', teams: ['north'], password: 'lead-correct-horse' });
    await server.admin.addUser({ email: 'ann@north.example', name: 'Ann Berg', role: 'manager', teams: ['north'], password: 'ann-correct-horse' });
    renderer = await serveRenderer();
    chromium = await launchChromium();
    browser = chromium.browser;
    lead = await openLaptop();
    ann = await openLaptop();
  });

  afterAll(async () => {
    await chromium?.close();
    await renderer?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets the program lead add a file resource; its bytes reach the server', async () => {
    await lead.app.open('/settings');
    await lead.settings.sync.signIn(leadLogin());
    await lead.settings.sync.expectSignedIn('lead@north.example');
    await lead.app.open('/resources');
    await lead.page.getByRole('heading', { level: 2, name: 'Resource library' }).waitFor();
    await lead.page.getByText('The library is empty.').waitFor();
    await lead.page.getByRole('button', { name: 'Add resource' }).click();
    const dialog = lead.page.getByRole('dialog', { name: 'Add resource' });
    const file = join(dataDir, 'northwind-datasheet.pdf');
    writeFileSync(file, datasheet);
    await dialog.locator('input[type="file"]').setInputFiles(file);
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('northwind-datasheet');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Northwind datasheet');
    await lead.app.screenshot('resources-01-add-file');
    await dialog.getByRole('button', { name: 'Save resource' }).click();
    await dialog.waitFor({ state: 'detached' });
    await lead.page.getByRole('button', { name: 'Northwind datasheet', exact: true }).waitFor();

    const admin = apiFor(server, (await server.admin.issueToken('lead@north.example')).token);
    await expect
      .poll(async () => (await fetch(`${server.url}/api/files/${datasheetSha}`, { headers: { authorization: `Bearer ${admin.token}` } })).status, { timeout: 30_000, message: 'the upload reaches the server' })
      .toBe(200);
    await expect.poll(async () => (await admin.pullAll('resources')).documents.length, { timeout: 30_000 }).toBe(1);
    await lead.page.getByTestId('cache-total').filter({ hasText: '1 file' }).waitFor();
    await lead.app.screenshot('resources-02-library');
    expect(lead.errors).toEqual([]);
  });

  it('caches the file on Ann’s laptop after sync, and opens it offline from her partner’s task', async () => {
    const admin = apiFor(server, (await server.admin.issueToken('lead@north.example')).token);
    const [resource] = (await admin.pullAll('resources')).documents;
    expect(resource?.title).toBe('Northwind datasheet');
    const annApi = apiFor(server, (await server.admin.issueToken('ann@north.example')).token);
    expect((await annApi.push('partners', [insertRow(partnerDoc(PARTNER_ID, { name: 'Northwind Channel Co', ownerEmail: 'ann@north.example' }))])).status).toBe(200);
    const pushed = await annApi.push('tasks', [
      insertRow(taskDoc('send-datasheet', PARTNER_ID, { title: 'Hand over the datasheet', resourceIds: [resource?.id], dueDate: '2026-12-20', order: 1 })),
      insertRow(taskDoc('kickoff', PARTNER_ID, { title: 'Hold the kick-off call', dueDate: '2026-12-21', order: 2 })),
    ]);
    expect(pushed.status).toBe(200);

    await ann.app.open('/settings');
    await ann.settings.sync.signIn(annLogin());
    await ann.settings.sync.expectSignedIn('ann@north.example');
    await ann.sync.waitFor(/^Up to date/);
    await ann.app.open('/resources');
    await ann.page.getByTestId('cache-total').filter({ hasText: /^1 file · 5\d KB$/ }).waitFor({ timeout: 30_000 });
    // A manager reads the library; adding is for admins.
    expect(await ann.page.getByRole('button', { name: 'Add resource' }).count()).toBe(0);
    await ann.app.dismissNotifications();
    await ann.app.screenshot('resources-03-cached-on-manager-laptop');
    await ann.page.emulateMedia({ colorScheme: 'dark' });
    await ann.app.screenshot('resources-03-cached-on-manager-laptop-dark');
    await ann.page.emulateMedia({ colorScheme: 'light' });

    await ann.context.setOffline(true);
    await ann.sync.waitFor(/^Offline/);
    await ann.app.open(`/partners/${PARTNER_ID}/journey`);
    const task = ann.page.getByTestId('task-resources');
    await task.first().waitFor();
    // Only the task whose step links the datasheet shows it: no firehose on the others.
    expect(await task.count()).toBe(1);
    await ann.app.screenshot('resources-04-task-resources-offline');
    const [download] = await Promise.all([ann.page.waitForEvent('download'), task.getByRole('button', { name: 'Northwind datasheet' }).click()]);
    expect(download.suggestedFilename()).toBe('northwind-datasheet.pdf');
    const path = await download.path();
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(datasheetSha);

    // The welcome kit (still offline) lists the first phases' resources: the datasheet by title.
    await ann.page.goto(`${renderer.url}#/print/welcome-kit/${PARTNER_ID}`);
    const section = ann.page.getByRole('heading', { name: 'Resources for your first weeks' });
    await section.waitFor({ timeout: 30_000 });
    expect(await ann.page.locator('section', { has: section }).innerText()).toContain('Northwind datasheet (file northwind-datasheet.pdf, handed over by your partner manager)');
    await ann.app.screenshot('resources-05-welcome-kit-resources');
    expect(ann.errors).toEqual([]);
  });

  // The issue's "Done when": designed by the lead, applied, and used offline by the manager.
  it('the lead designs the experienced-ISV journey for EMEA (a dependency, the datasheet linked), publishes and applies it; Ann, offline, sees the step, its date and file, and prints the welcome kit', async () => {
    const annApi = apiFor(server, (await server.admin.issueToken('ann@north.example')).token);
    const fjord = partnerDoc(ISV_ID, {
      name: ISV_NAME,
      type: 'isv',
      maturity: 'experienced',
      region: 'EMEA',
      templateId: 'isv-experienced',
      day0: iso(ISV_DAY0),
      ownerEmail: 'ann@north.example',
      team: [{ id: 'ann-pm', name: 'Ann Berg', email: 'ann@north.example', role: 'partner_manager' }],
    });
    expect((await annApi.push('partners', [insertRow(fjord)])).status).toBe(200);

    // The lead edits the experienced-ISV journey as version 2: an EMEA-only step after the kick-off, with the datasheet.
    const templates = new TemplatesPage(lead.page);
    await lead.app.open('/templates/isv-experienced');
    // The built-in journeys become the team's program documents, once, by the lead's explicit action.
    await lead.page.getByRole('button', { name: 'Publish the built-in templates' }).click();
    await lead.page.getByText('10 built-in templates published as version 1').waitFor();
    await lead.page.getByTestId('publish-seeds').waitFor({ state: 'detached' });
    await expect.poll(async () => (await annApi.pullAll('templates')).documents.length, { timeout: 30_000 }).toBe(10);
    await lead.app.dismissNotifications();
    await expect.poll(() => templates.versionBadge().textContent(), { timeout: 30_000 }).toBe('Version 1 · published');
    await templates.startNewVersion(2);
    await templates.addStep({ title: 'Sign the EU data-processing addendum', key: 'eu-dpa', dueDay: 14, onlyRegions: ['EMEA'] });
    const dialog = await templates.editStep('Sign the EU data-processing addendum');
    await templates.addDependency(dialog, 'Hold the kick-off call (kickoff-call)');
    await dialog.getByLabel(/^Resources/).click();
    await lead.page.getByRole('option', { name: /^Northwind datasheet/ }).click();
    await lead.page.keyboard.press('Escape');
    await templates.saveStep(dialog);
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => lead.page.getByTestId('step-eu-dpa').innerText()).toMatch(/^14\b[\s\S]*kickoff-call[\s\S]*Only EMEA/);
    expect(await lead.page.getByTestId('step-eu-dpa').getByTestId('step-resources').innerText()).toBe('Northwind datasheet');
    await lead.page.getByTestId('step-eu-dpa').scrollIntoViewIfNeeded();
    await lead.app.dismissNotifications();
    await lead.app.screenshot('done-when-01-lead-designs-emea-isv');
    await lead.page.emulateMedia({ colorScheme: 'dark' });
    await lead.app.screenshot('done-when-01-lead-designs-emea-isv-dark');
    await lead.page.emulateMedia({ colorScheme: 'light' });

    await templates.publish(2);
    await expect.poll(() => templates.versionBadge().textContent()).toBe('Version 2 · published');
    await expect.poll(() => templates.publishPanel().innerText(), { timeout: 30_000 }).toContain(ISV_NAME);
    await templates.pickPartner(ISV_NAME, 2);
    await lead.page.getByRole('button', { name: 'Apply to 1 partner' }).click();
    await lead.page.getByText('Version 2 applied').waitFor();
    await lead.app.screenshot('done-when-02-applied');

    // Ann syncs once at the office door, then works offline.
    await ann.context.setOffline(false);
    await expect.poll(async () => (await annApi.pullAll('tasks')).documents.filter((t) => t.partnerId === ISV_ID && t.key === 'eu-dpa').length, { timeout: 30_000 }).toBe(1);
    await ann.app.open(`/partners/${ISV_ID}/journey`);
    await ann.sync.waitFor(/^Up to date/);
    const workspace = new WorkspacePage(ann.page);
    const journey = await workspace.showFullJourney();
    const step = journey.getByTestId('task-line').filter({ hasText: 'Sign the EU data-processing addendum' });
    await step.waitFor({ timeout: 30_000 });
    await ann.context.setOffline(true);
    await ann.sync.waitFor(/^Offline/);
    const locale = await ann.page.evaluate(() => navigator.language);
    expect(await step.innerText()).toContain(`Due ${formatDate(iso(ISV_DAY0 + 14), locale)}`);
    // The linked file, cached earlier, is on this step's task only.
    const files = step.getByTestId('task-resources');
    await files.waitFor();
    expect(await journey.getByTestId('task-resources').count()).toBe(1);
    // In the meeting, Ann starts the kick-off: it shows as started (a later template change keeps it as it is).
    const kickoff = journey.getByTestId('task-line').filter({ hasText: 'Hold the kick-off call' });
    await kickoff.getByRole('button', { name: 'More actions for “Hold the kick-off call”' }).click();
    await ann.page.getByRole('menuitem', { name: 'Mark started' }).click();
    await ann.page.getByText('“Hold the kick-off call” marked started').waitFor();
    expect(await kickoff.getByTestId('task-started').innerText()).toMatch(/^STARTED /i);
    await ann.app.dismissNotifications();
    await step.scrollIntoViewIfNeeded();
    await ann.app.screenshot('done-when-03-manager-offline-step-and-file');
    await ann.page.emulateMedia({ colorScheme: 'dark' });
    await ann.app.screenshot('done-when-03-manager-offline-step-and-file-dark');
    await ann.page.emulateMedia({ colorScheme: 'light' });
    const [download] = await Promise.all([ann.page.waitForEvent('download'), files.getByRole('button', { name: 'Northwind datasheet' }).click()]);
    expect(createHash('sha256').update(readFileSync(await download.path())).digest('hex')).toBe(datasheetSha);

    // Still offline: the welcome kit PDF for Fjord.
    const pdf = await printWelcomeKitPdf(ann.page, renderer.url, ISV_ID, 'a4', join(dataDir, 'fjord-welcome-kit.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const kit = await ann.page.locator('body').innerText();
    expect(kit).toContain(ISV_NAME);
    expect(kit).toContain('Ann Berg');
    expect(kit).toContain('Hold the kick-off call');
    // The kit lists the first phases' resources only: the datasheet belongs to a day-14 activation step.
    expect(kit).not.toContain('Northwind datasheet');
    await ann.app.screenshot('done-when-04-welcome-kit-offline');
    expect(lead.errors).toEqual([]);
    expect(ann.errors).toEqual([]);
  });

  it('empties Ann’s file cache when she signs out: the library shows nothing cached', async () => {
    await ann.context.setOffline(false);
    await ann.app.open('/resources');
    await ann.page.getByTestId('cache-total').filter({ hasText: /^1 file/ }).waitFor({ timeout: 30_000 });
    await ann.app.open('/settings');
    await ann.settings.sync.signOut();
    await ann.app.open('/resources');
    await ann.page.getByTestId('cache-total').filter({ hasText: 'Nothing cached yet' }).waitFor();
    await ann.app.screenshot('resources-06-signed-out-cache-empty');
    expect(ann.errors).toEqual([]);
  });
});
