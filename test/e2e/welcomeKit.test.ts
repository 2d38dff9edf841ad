import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHASE_INFO } from '../../src-shared/domain/journey';
import { PHASES, type Partner, type Task } from '../../src-shared/domain/types';
import { AppPage, DEMO_IDENTITY } from './pages/appPage';
import { buildPlanDocs, insertPlanDocs, printPlanPdf, storedPartners } from './pages/planPage';
import { BrandingPanel, printWelcomeKitPdf, storedTasks } from './pages/welcomeKitPage';
import { openAppSession, type AppSession } from './support/appSession';

const PDF_DIR = resolve(import.meta.dirname, '../../test-results/welcome-kit-pdf');
const ACCENT = '#0ca678';
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60" viewBox="0 0 240 60"><rect width="60" height="60" rx="12" fill="${ACCENT}"/><text x="30" y="40" font-family="Arial" font-size="26" font-weight="700" fill="#fff" text-anchor="middle">NW</text><text x="72" y="40" font-family="Arial" font-size="24" font-weight="700" fill="#1a1b1e">North Wind</text></svg>`;

const normalise = (text: string): string => text.replace(/\s+/g, ' ').replace(/- /g, '-');
const pdfText = (file: string): string => normalise(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
const pdfPages = (file: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
/** How the app shows a date in the test browser (en-US): "Dec 2, 2026". */
const shown = (iso: string): string => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

function pdfToPngs(file: string, prefix: string): string[] {
  execFileSync('pdftoppm', ['-png', '-r', '60', file, resolve(PDF_DIR, prefix)]);
  return readdirSync(PDF_DIR)
    .filter((name) => name.startsWith(`${prefix}-`) && name.endsWith('.png'))
    .map((name) => resolve(PDF_DIR, name));
}

/**
 * A manager brands their PDFs (logo, accent colour), hands a demo partner its welcome kit (the
 * roadmap with dates, their manager and contacts, only the first steps), says it was sent and sees
 * the "Send the welcome kit" step ticked; the business plan carries the logo too.
 */
describe('welcome kit: branding, the partner’s PDF, ticked when sent', () => {
  let session: AppSession;
  let context: BrowserContext;
  let page: Page;
  let app: AppPage;
  let branding: BrandingPanel;
  let partner: Partner;
  let tasks: Task[];

  beforeAll(async () => {
    rmSync(PDF_DIR, { recursive: true, force: true });
    mkdirSync(PDF_DIR, { recursive: true });
    writeFileSync(resolve(PDF_DIR, 'logo.svg'), LOGO_SVG);
    writeFileSync(resolve(PDF_DIR, 'notes.txt'), 'not an image');
    session = await openAppSession();
    ({ context, page } = session);
    app = new AppPage(page, `${session.url}?automation`);
    branding = new BrandingPanel(page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('sets a logo and an accent colour in Profile & branding, refusing a non-image and a wrong colour', async () => {
    await app.open();
    await app.loadDemoPortfolio();
    await app.goTo('Settings');
    await branding.pickLogo(resolve(PDF_DIR, 'notes.txt'));
    expect(await branding.logoError().innerText()).toBe('“notes.txt” is not a PNG, JPEG or SVG image');
    await branding.pickLogo(resolve(PDF_DIR, 'logo.svg'));
    await branding.card.getByTestId('logo-preview').waitFor();
    expect(await branding.logoError().count()).toBe(0);
    await branding.setAccent('green');
    await branding.save();
    await branding.card.getByText('“green” is not a colour: use a hex colour such as #1c7ed6').waitFor();
    await branding.setAccent(ACCENT);
    await branding.save();
    await page.getByText('Profile saved.').waitFor();
    await app.screenshot('welcome-kit-01-branding');
    await page.getByText('Dark', { exact: true }).click();
    await app.screenshot('welcome-kit-01-branding-dark');
    await page.getByText('System', { exact: true }).click();
  });

  it('exports the kit from the partner header and asks whether it was sent', async () => {
    const all = await storedTasks(page);
    const partners = await storedPartners(page);
    // A partner still to receive its kit, with work in later phases too.
    const candidates = partners.filter((candidate) => all.some((task) => task.partnerId === candidate.id && task.key === 'welcome-kit' && task.status === 'open'));
    expect(candidates.length).toBeGreaterThan(0);
    partner = candidates[0]!;
    tasks = all.filter((task) => task.partnerId === partner.id);
    await app.open(`/partners/${partner.id}`);
    await page.getByTestId('partner-header').waitFor();
    const [popup] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Welcome kit (PDF)' }).click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toContain(`#/print/welcome-kit/${encodeURIComponent(partner.id)}?paper=`);
    await popup.getByTestId('welcome-kit-print').waitFor();
    await popup.close();
    await page.getByRole('dialog', { name: 'Did you send it to the partner?' }).waitFor();
    await app.screenshot('welcome-kit-02-sent-question');
  });

  it('prints the roadmap with real dates, the manager, contacts and only the first phases’ steps', async () => {
    const printPage = await context.newPage();
    const file = resolve(PDF_DIR, 'welcome-kit.pdf');
    await printWelcomeKitPdf(printPage, `${session.url}?automation`, partner.id, 'a4', file);
    expect(await printPage.getByTestId('print-logo').isVisible()).toBe(true);
    const steps = (await printPage.getByTestId('welcome-kit-steps').locator('li > strong').allInnerTexts()).map((title) => title.trim());
    await printPage.close();
    const text = pdfText(file);
    writeFileSync(resolve(PDF_DIR, 'welcome-kit.txt'), text);

    expect(text).toContain(partner.name);
    expect(text).toContain(`Welcome to the ${DEMO_IDENTITY.company} partner program`);
    const manager = partner.team.find((member) => member.role === 'partner_manager' && member.name.trim())?.name ?? DEMO_IDENTITY.name;
    expect(text).toContain(`Your partner manager ${manager}`);
    for (const contact of partner.contacts) expect(text).toContain(contact.name);

    const live = tasks.filter((task) => task.status !== 'not_applicable');
    for (const phase of PHASES) {
      const dates = live.filter((task) => task.phase === phase).map((task) => task.dueDate).sort();
      if (dates.length === 0) continue;
      const first = dates[0]!;
      const last = dates.at(-1)!;
      expect(text).toContain(`${PHASE_INFO[phase].label} ${first === last ? shown(first) : `${shown(first)} – ${shown(last)}`}`);
    }

    // The first steps: open tasks of the first two phases with open work; nothing from later phases.
    const openSteps = live.filter((task) => task.status === 'open' && task.key !== 'welcome-kit');
    const firstPhases = PHASES.filter((phase) => openSteps.some((task) => task.phase === phase)).slice(0, 2);
    const early = new Set(openSteps.filter((task) => firstPhases.includes(task.phase)).map((task) => task.title));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(early.has(step), step).toBe(true);
    const stepsSection = text.slice(text.indexOf('Your first steps'));
    for (const title of steps) expect(stepsSection).toContain(normalise(title));
    const later = openSteps.filter((task) => !firstPhases.includes(task.phase) && !early.has(task.title));
    expect(later.length).toBeGreaterThan(0);
    for (const task of later) expect(stepsSection, task.title).not.toContain(normalise(task.title));

    const pages = pdfPages(file);
    for (let index = 1; index <= pages; index += 1) expect(text).toContain(`Page ${index} of ${pages}`);
    expect(text).toContain(`${DEMO_IDENTITY.company} and ${partner.name} · Welcome kit`);
    expect(pdfToPngs(file, 'welcome-kit').length).toBe(pages);
  });

  it('ticks “Send the welcome kit” when the manager says it was sent, with Undo', async () => {
    await page.getByRole('dialog', { name: 'Did you send it to the partner?' }).getByRole('button', { name: 'Yes, mark it sent' }).click();
    await page.getByTestId('undo-toast').filter({ hasText: '“Send the welcome kit” marked done' }).waitFor();
    await page.waitForFunction(
      async (id) => {
        const automation = (globalThis as unknown as { partnerDeskAutomation: { db: { tasks: { findOne: (id: string) => { exec: () => Promise<{ status: string } | null> } } } } }).partnerDeskAutomation;
        return (await automation.db.tasks.findOne(id).exec())?.status === 'done';
      },
      tasks.find((task) => task.key === 'welcome-kit')!.id,
    );
    await page.getByTestId('next-steps').getByText('Send the welcome kit').waitFor({ state: 'detached' });
    await app.screenshot('welcome-kit-03-ticked');
  });

  it('prints the business plan with the logo on its cover', async () => {
    const docs = buildPlanDocs(partner, { goals: 4, accounts: 2, initiatives: 2 });
    await insertPlanDocs(page, docs);
    const printPage = await context.newPage();
    const file = resolve(PDF_DIR, 'plan-branded.pdf');
    await printPlanPdf(printPage, `${session.url}?automation`, docs.plan.id, 'a4', file);
    expect(await printPage.getByTestId('print-logo').isVisible()).toBe(true);
    await printPage.close();
    expect(pdfToPngs(file, 'plan-branded').length).toBe(pdfPages(file));
  });

  it('raised no page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
