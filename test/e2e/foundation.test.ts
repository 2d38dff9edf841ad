import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/appPage';
import { PortfolioPage } from './pages/portfolioPage';
import { WorkspacePage } from './pages/workspacePage';
import { openAppSession, type AppSession } from './support/appSession';

/**
 * A new partner manager's first session, in the real renderer build, real IndexedDB, headless
 * Chromium. Steps run in order and share one browser profile, like one laptop.
 */
describe('foundation: a new user builds a portfolio offline', () => {
  let session: AppSession;
  let context: BrowserContext;
  let page: Page;
  let app: AppPage;

  beforeAll(async () => {
    session = await openAppSession({ acceptDownloads: true });
    ({ context, page } = session);
    app = new AppPage(page, session.url);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('asks the manager’s name and company first, refusing blanks with a message on each field', async () => {
    await app.open();
    await page.getByRole('heading', { name: 'Welcome to Partner Desk' }).waitFor();
    const step = app.identityStep();
    await step.waitFor();
    expect(await page.getByRole('button', { name: 'Load demo portfolio' }).count()).toBe(0);
    await step.getByRole('button', { name: 'Continue' }).click();
    expect(await step.locator('[id$="-error"]').allInnerTexts()).toEqual([
      'Enter your name: it goes on the plans and recaps you send',
      'Enter your company’s name: partners see it on their plan',
    ]);
    await app.screenshot('00-first-run-identity');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await app.screenshot('00-first-run-identity-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('light');
    await app.answerIdentity({ name: 'Ann Berg', company: 'North Wind Software' });
  });

  it('shows a welcome with demo, new partner and import on first run', async () => {
    expect(await page.getByRole('button', { name: 'Load demo portfolio' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Add your first partner' }).isVisible()).toBe(true);
    await app.screenshot('01-first-run');
  });

  it('loads the demo portfolio and shows what is due today', async () => {
    await app.loadDemoPortfolio();
    await page.getByRole('heading', { level: 2, name: 'Today' }).waitFor();
    const attention = page.getByTestId('attention-row');
    await attention.first().waitFor();
    expect(await attention.count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'Overdue' }).isVisible()).toBe(true);
    await app.screenshot('02-today');
  });

  it('lists every demo partner in the portfolio and filters as you type', async () => {
    await app.goTo('Portfolio');
    const portfolio = new PortfolioPage(page);
    await portfolio.rows().first().waitFor();
    const all = await portfolio.partnerCount();
    expect(all).toBeGreaterThanOrEqual(35);
    await app.screenshot('03-portfolio');
    // The health score explains itself.
    await portfolio.rows().first().getByRole('button', { name: /^Health \d+ of 100/ }).click();
    await page.getByRole('dialog').getByText(/^Health \d+\/100$/).waitFor();
    await page.keyboard.press('Escape');
    const firstName = (await portfolio.names())[0] ?? '';
    await portfolio.search(firstName);
    await expect.poll(() => portfolio.rows().count()).toBeLessThan(all);
    expect(await portfolio.rows().first().innerText()).toContain(firstName);
    await portfolio.search('no partner is called this');
    await page.getByText('No partner matches').waitFor();
    await portfolio.search('');
    await expect.poll(() => portfolio.visibleCountText()).toBe(`${all} partners`);
    await expect.poll(() => portfolio.rows().count()).toBeGreaterThan(5);
  });

  it('rejects an invalid new partner with messages on the fields, then creates it with its journey', async () => {
    const form = await app.openNewPartnerForm();
    await form.fill({ website: 'not a website', ownerEmail: 'owner-at-example' });
    await form.submit();
    await app.screenshot('04-new-partner-invalid');
    const errors = await form.errorTexts();
    expect(errors.join(' | ')).toMatch(/name/i);
    expect(errors.join(' | ')).toMatch(/type/i);
    expect(errors.join(' | ')).toMatch(/Day 0/i);
    expect(errors.join(' | ')).toMatch(/website|URL/i);
    expect(errors.join(' | ')).toMatch(/email/i);

    await form.fill({ name: 'Harbor Lane Systems', type: 'System integrator', day0: '2026-11-20', website: 'harborlane.example', region: 'EMEA · Netherlands', ownerEmail: '' });
    await form.submit();
    await page.getByRole('heading', { level: 2, name: 'Harbor Lane Systems' }).waitFor();
    const workspace = new WorkspacePage(page);
    const steps = await workspace.nextSteps().count();
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBeLessThanOrEqual(5);
    expect(await page.getByText('Initial immersion').first().isVisible()).toBe(true);
    await app.screenshot('05-workspace-journey');
  });

  it('completes journey tasks and shows the full journey by phase', async () => {
    const workspace = new WorkspacePage(page);
    const first = workspace.nextSteps().first();
    const title = (await first.locator('p').first().innerText()).trim();
    await workspace.completeNextStep(title);
    await expect.poll(async () => (await workspace.nextSteps().allInnerTexts()).some((text) => text.includes(title))).toBe(false);
    // Set a step aside from its menu: it leaves the next steps.
    const second = (await workspace.nextSteps().first().locator('p').first().innerText()).trim();
    await workspace.nextSteps().first().getByRole('button', { name: `More actions for “${second}”` }).click();
    await page.getByRole('menuitem', { name: 'Mark not applicable' }).click();
    await expect.poll(async () => (await workspace.nextSteps().allInnerTexts()).some((text) => text.includes(second))).toBe(false);
    const journey = await workspace.showFullJourney();
    const done = journey.getByRole('checkbox', { name: `Reopen “${title}”` });
    await done.scrollIntoViewIfNeeded();
    expect(await done.isChecked()).toBe(true);
    await app.screenshot('06-full-journey');
  });

  it('adds partner contacts with validation', async () => {
    const workspace = new WorkspacePage(page);
    await workspace.openTab('Contacts & team');
    await page.getByRole('button', { name: 'Add contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a partner contact' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Femke de Vries');
    await dialog.getByRole('textbox', { name: 'Role' }).fill('Alliance lead');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('femke.devries');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.getByText('is not an email address').waitFor();
    await dialog.getByRole('textbox', { name: 'Email' }).fill('femke@harborlane.example');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Partner contacts' }).getByText('Femke de Vries').waitFor();
    await app.screenshot('07-contacts');
  });

  it('imports a CSV, reporting the bad row by its number and importing the good ones', async () => {
    await app.goTo('Import partners');
    const csv = [
      'name,type,maturity,tier,region,website,contract_signed,owner_email,status',
      'Bluefin Data Partners,reseller,new,Silver,NA · Canada,bluefin.example,2026-10-01,,onboarding',
      'Cobalt Ridge MSP,msp,experienced,Gold,EMEA · Ireland,https://cobaltridge.example,2026-02-30,,onboarding',
      'Driftwood Referral Co,referral,new,Registered,APAC · Australia,,2026-11-02,,onboarding',
    ].join('\n');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose CSV file' }).click();
    await (await chooser).setFiles({ name: 'partners.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-ready').waitFor();
    expect(await page.getByTestId('import-ready').innerText()).toContain('2 rows are ready');
    const errors = await page.getByTestId('import-errors').innerText();
    expect(errors).toContain('Row 3');
    expect(errors).toContain('2026-02-30');
    await app.screenshot('08-import-preview');
    await page.getByRole('button', { name: 'Import 2 partners' }).click();
    await page.getByRole('heading', { level: 2, name: 'Portfolio' }).waitFor();
    const portfolio = new PortfolioPage(page);
    await portfolio.search('Bluefin');
    await expect.poll(() => portfolio.rows().count()).toBe(1);
  });

  it('tells the user plainly when a file is not a CSV', async () => {
    await app.goTo('Import partners');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose CSV file' }).click();
    await (await chooser).setFiles({ name: 'partners.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) });
    const alert = page.getByRole('alert').filter({ hasText: 'cannot be imported' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/not a CSV file/i);
  });

  it('keeps everything after a reload', async () => {
    await app.reload();
    await app.goTo('Portfolio');
    const portfolio = new PortfolioPage(page);
    await portfolio.search('Harbor Lane');
    await expect.poll(() => portfolio.rows().count()).toBe(1);
    await portfolio.openPartner('Harbor Lane Systems');
    const workspace = new WorkspacePage(page);
    const journey = await workspace.showFullJourney();
    expect(await journey.getByRole('checkbox', { checked: true }).count()).toBeGreaterThanOrEqual(1);
    await workspace.openTab('Contacts & team');
    await page.getByText('Femke de Vries').waitFor();
    await portfolio.page.goBack();
    await app.goTo('Portfolio');
    await portfolio.search('Cobalt Ridge');
    await page.getByText('No partner matches').waitFor();
  });

  it('keeps working with the network gone', async () => {
    await context.setOffline(true);
    try {
      await app.goTo('Portfolio');
      const portfolio = new PortfolioPage(page);
      await portfolio.search('Bluefin');
      await portfolio.openPartner('Bluefin Data Partners');
      const workspace = new WorkspacePage(page);
      const title = (await workspace.nextSteps().first().locator('p').first().innerText()).trim();
      await workspace.completeNextStep(title);
      await expect.poll(async () => (await workspace.nextSteps().allInnerTexts()).some((text) => text.includes(title))).toBe(false);
      const form = await app.openNewPartnerForm();
      await form.fill({ name: 'Offline Harbour Ltd', type: 'Reseller', day0: '2026-11-24' });
      await form.submit();
      await page.getByRole('heading', { level: 2, name: 'Offline Harbour Ltd' }).waitFor();
      await app.screenshot('09-offline-workspace');
    } finally {
      await context.setOffline(false);
    }
    await app.reload();
    await app.goTo('Portfolio');
    await new PortfolioPage(page).search('Offline Harbour');
    await expect.poll(() => new PortfolioPage(page).rows().count()).toBe(1);
  });

  it('jumps to a partner from the command palette', async () => {
    await app.searchPalette('Bluefin');
    await page.getByRole('button', { name: /Bluefin Data Partners/ }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Bluefin Data Partners' }).waitFor();
  });

  it('finds screens and the open partner’s actions in the command palette, not only partners', async () => {
    await app.searchPalette('dashboard');
    await page.getByRole('button', { name: /Go to Dashboard/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Dashboard' }).waitFor();
    await app.searchPalette('Bluefin');
    await page.getByRole('button', { name: /Bluefin Data Partners/ }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Bluefin Data Partners' }).waitFor();
    await app.searchPalette('record check-in');
    await app.screenshot('09b-palette-actions');
    await page.getByRole('button', { name: /Record check-in with Bluefin Data Partners/ }).click();
    // The check-in form opens (three buttons read "Record check-in" once it is there: the
    // header's, the Meetings tab's and the form's own submit, so the form is what is waited for).
    await page.getByRole('form', { name: 'Check-in' }).waitFor();
    expect(page.url()).toContain('checkin=new');
    await app.open('/today');
  });

  it('changes the name and company in Settings → Profile & branding, kept after a reload', async () => {
    await app.goTo('Settings');
    const card = page.getByTestId('profile-card');
    expect(await card.getByRole('heading', { name: 'Profile & branding' }).isVisible()).toBe(true);
    expect(await card.getByRole('textbox', { name: 'Your name' }).inputValue()).toBe('Ann Berg');
    await card.getByRole('textbox', { name: /^Your company/ }).fill('');
    await card.getByRole('button', { name: 'Save profile' }).click();
    await card.getByText('Enter your company’s name: partners see it on their plan').waitFor();
    await card.getByRole('textbox', { name: /^Your company/ }).fill('North Wind Software Ltd');
    await card.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved.').waitFor();
    await app.reload();
    expect(await page.getByTestId('profile-card').getByRole('textbox', { name: /^Your company/ }).inputValue()).toBe('North Wind Software Ltd');
    await app.screenshot('10a-settings-profile');
  });

  it('exports all data as a JSON backup', async () => {
    await app.goTo('Settings');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export all data' }).click();
    const file = await (await download).path();
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { format: string; collections: { partners: { name: string }[]; tasks: unknown[] } };
    expect(backup.format).toBe('partner-desk-backup');
    expect(backup.collections.partners.map((p) => p.name)).toContain('Harbor Lane Systems');
    expect(backup.collections.tasks.length).toBeGreaterThan(500);
    await app.screenshot('10-settings');

    // Restoring the same backup changes nothing and says so before doing anything.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a backup' }).click();
    await (await chooser).setFiles(file);
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.waitFor();
    const summary = await dialog.getByRole('table', { name: 'What the restore changes' }).innerText();
    expect(summary).toMatch(/New records added\s+0/);
    const everything = Object.values(backup.collections as Record<string, unknown[]>).reduce((sum, docs) => sum + docs.length, 0);
    expect(summary).toMatch(new RegExp(`Already identical\\s+${everything}`));
    await app.screenshot('10b-restore-summary');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // A damaged backup is refused with the collection, document and field named.
    const damaged = structuredClone(backup) as { collections: { tasks: { dueDate: string; id: string }[] } };
    const broken = damaged.collections.tasks[3];
    if (!broken) throw new Error('backup has too few tasks');
    broken.dueDate = '31/12/2026';
    const refused = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a backup' }).click();
    await (await refused).setFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
    const alert = page.getByRole('alert').filter({ hasText: 'Backup not restored' });
    await alert.waitFor();
    const message = await alert.innerText();
    expect(message).toContain('tasks[3]');
    expect(message).toContain('dueDate');
    expect(message).toContain('Nothing on this laptop was changed');
  });

  it('exports the portfolio as a CSV that re-imports cleanly', async () => {
    await app.goTo('Portfolio');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header).toContain('name,type,maturity,tier,region,website,contract_signed,owner_email,status');
    expect(lines.some((line) => line.startsWith('Harbor Lane Systems,si,'))).toBe(true);
    await app.goTo('Import partners');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose CSV file' }).click();
    await (await chooser).setFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-ready').waitFor();
    // Every partner is already here, so each row is refused by name and nothing would be duplicated.
    expect(await page.getByTestId('import-ready').innerText()).toContain('0 rows are ready');
    expect(await page.getByTestId('import-errors').innerText()).toContain('already in your portfolio');
  });

  it('switches to dark mode and back', async () => {
    await app.goTo('Settings');
    await page.getByText('Dark', { exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await app.goTo('Today');
    await app.screenshot('11-today-dark');
    await app.goTo('Portfolio');
    await app.screenshot('12-portfolio-dark');
    await app.goTo('Settings');
    await page.getByText('System', { exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('light');
  });

  it('raised no uncaught page errors', async () => {
    await app.expectNoErrorBoundary();
    expect(session.pageErrors).toEqual([]);
  });
});
