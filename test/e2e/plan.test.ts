import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage, DEMO_IDENTITY } from './pages/appPage';
import { buildPlanDocs, insertPlanDocs, PlanPage, printPlanPdf, storedPartners, waitForPrintReady } from './pages/planPage';
import { PortfolioPage } from './pages/portfolioPage';
import { openAppSession, type AppSession } from './support/appSession';

const PDF_DIR = resolve(import.meta.dirname, '../../test-results/plan-pdf');

/** Whitespace collapsed, and a word hyphenated at a line end joined again ("pre- sales" → "pre-sales"). */
const normalise = (text: string): string => text.replace(/\s+/g, ' ').replace(/- /g, '-');

/** The text of a PDF (or of one page) in drawing order, normalised so wrapped table cells read as one line. */
function pdfText(file: string, pageNumber?: number): string {
  const range = pageNumber === undefined ? [] : ['-f', String(pageNumber), '-l', String(pageNumber)];
  return normalise(execFileSync('pdftotext', ['-raw', ...range, file, '-'], { encoding: 'utf8' }));
}

/** The plan date the footer shows: the last "· <date>" of page 1's footer line, e.g. "Dec 1, 2026". */
function footerDate(file: string): string {
  const match = /· Version 2 · (.+?) Page 1 of/.exec(pdfText(file, 1));
  expect(match, 'page 1 footer has a date after the version').not.toBeNull();
  expect(match?.[1]).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/); // the user's locale (en-US here), never ISO
  return match?.[1] ?? '';
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** Every page as a PNG next to the PDF (to look at), returns their paths. */
function pdfToPngs(file: string, prefix: string): string[] {
  execFileSync('pdftoppm', ['-png', '-r', '60', file, resolve(PDF_DIR, prefix)]);
  return readdirSync(PDF_DIR)
    .filter((name) => name.startsWith(`${prefix}-`) && name.endsWith('.png'))
    .map((name) => resolve(PDF_DIR, name));
}

/**
 * A partner manager plans with a partner: starts the plan from the template, adds goals, a target
 * account and an MDF request, gets told off for a target that is not a number, finalises version
 * 1, edits, finalises version 2, compares the two and hands over a PDF.
 */
describe('joint business plan: plan together, version, export as PDF', () => {
  let session: AppSession;
  let context: BrowserContext;
  let page: Page;
  let app: AppPage;
  let plan: PlanPage;
  let partnerName = '';
  let printUrl = '';

  beforeAll(async () => {
    rmSync(PDF_DIR, { recursive: true, force: true });
    mkdirSync(PDF_DIR, { recursive: true });
    session = await openAppSession();
    ({ context, page } = session);
    app = new AppPage(page, `${session.url}?automation`);
    plan = new PlanPage(page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('starts a plan for a demo partner from the template of its type, goals pre-filled from the journey', async () => {
    await app.open();
    await app.loadDemoPortfolio();
    await app.goTo('Portfolio');
    const portfolio = new PortfolioPage(page);
    await portfolio.rows().first().waitFor();
    partnerName = (await portfolio.names())[0] ?? '';
    await portfolio.openPartner(partnerName);
    await plan.open();
    await page.getByRole('heading', { name: 'No business plan yet' }).waitFor();
    await plan.startFromTemplate();
    await plan.rows('goal').first().waitFor();
    expect(await plan.rows('goal').count()).toBeGreaterThanOrEqual(2);
    await app.screenshot('plan-01-template');
  });

  it('shows each goal status in full, never cut short ("ACHIE…")', async () => {
    const labels = plan.section('goal').locator('.mantine-Badge-label');
    await labels.first().waitFor();
    const cut = await labels.evaluateAll((elements) => elements.filter((element) => element.scrollWidth > element.clientWidth).map((element) => element.textContent));
    expect(cut).toEqual([]);
  });

  it('rejects a target that is not a number with a message on the field, and saves nothing until it is fixed', async () => {
    const before = await plan.rows('goal').count();
    await plan.openAdd('goal');
    await plan.fillGoal({ title: 'Close three partner-sourced deals', metric: 'Deals won', target: 'three', dueDate: '2027-02-30' });
    await plan.submit('Add goal');
    expect(await plan.fieldError('Target')).toBe('Target must be a number, e.g. 10 (got “three”)');
    expect(await plan.fieldError('Due date')).toMatch(/^“2027-02-30” is not a date/);
    await app.screenshot('plan-02-invalid-target');
    expect(await plan.rows('goal').count()).toBe(before);
    await plan.field('Target').fill('3');
    await plan.field('Due date').fill('2027-03-31');
    await plan.submitAndClose('Add goal');
    await expect.poll(() => plan.rows('goal').count()).toBe(before + 1);
    expect(await plan.rows('goal').filter({ hasText: 'Close three partner-sourced deals' }).count()).toBe(1);
  });

  it('adds a target account and an MDF request, with the MDF total shown', async () => {
    await plan.addAccount({ name: 'Globex Industries', segment: 'Enterprise', fit: '85', nextStep: 'Joint discovery workshop' });
    await plan.rows('account').filter({ hasText: 'Globex Industries' }).waitFor();
    await plan.addMdfRequest({ title: 'Q1 demand generation MDF', amount: '25,000', currency: 'eur', status: 'Approved' });
    await plan.rows('initiative').filter({ hasText: 'Q1 demand generation MDF' }).waitFor();
    await expect.poll(() => plan.mdfTotal().innerText()).toBe('MDF total: EUR 25,000');
  });

  it('finalises version 1 as a read-only, dated copy and keeps editing the draft', async () => {
    await plan.finalise(1);
    await expect.poll(() => plan.versionSelect().inputValue()).toBe('Draft (version 2)');
    // Finalised today, shown in the browser's locale.
    const today = await app.shownDate(new Date().toISOString().slice(0, 10));
    await plan.viewVersion(new RegExp(`^Version 1 · finalised ${today.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    await page.getByText('Read-only', { exact: true }).waitFor();
    expect(await plan.section('goal').getByRole('button', { name: 'Add goal' }).count()).toBe(0);
    await plan.viewVersion(/^Draft \(version 2\)/);
    await plan.section('goal').getByRole('button', { name: 'Add goal' }).waitFor();
  });

  it('edits the draft, finalises version 2 and compares it with version 1', async () => {
    await plan.editRow('goal', 'Close three partner-sourced deals');
    await plan.field('Actual').fill('1');
    await plan.submitAndClose('Save');
    await plan.addAccount({ name: 'Initech', segment: 'Mid-market', fit: '70' });
    await plan.rows('account').filter({ hasText: 'Initech' }).waitFor();
    await plan.finalise(2);

    const panel = await plan.compare(/^Version 1/, /^Version 2/);
    await expect.poll(() => panel.getByTestId('plan-compare-summary').innerText()).toMatch(/^1 added, 1 changed, 0 removed/);
    const rows = panel.getByTestId('plan-diff-row');
    expect(await rows.filter({ hasText: 'Initech' }).filter({ hasText: 'Added' }).count()).toBe(1);
    const changed = rows.filter({ hasText: 'Close three partner-sourced deals' });
    expect(await changed.innerText()).toMatch(/changed[\s\S]*Actual: 0[\s\S]*Actual: 1/i);
    await app.screenshot('plan-03-compare');
  });

  it('exports version 2 through the browser print layout (no app shell)', async () => {
    await plan.viewVersion(/^Version 2/);
    const [popup, missing] = await Promise.all([context.waitForEvent('page'), plan.exportPdfAnyway()]);
    expect(missing).toContain('Our sign-off');
    await popup.waitForLoadState();
    printUrl = popup.url();
    expect(printUrl).toMatch(/#\/print\/plan\/[^?]+\?paper=(a4|letter)&autoprint=1$/);
    await waitForPrintReady(popup);
    expect(await popup.getByTestId('plan-print').isVisible()).toBe(true);
    expect(await popup.getByRole('navigation').count()).toBe(0);
    await popup.close();
  });

  it('prints a PDF with the app’s printToPDF options: partner, every goal, MDF total, page X of Y', async () => {
    const planId = decodeURIComponent(/#\/print\/plan\/([^?]+)/.exec(printUrl)?.[1] ?? '');
    const printPage = await context.newPage();
    const file = resolve(PDF_DIR, 'plan-v2.pdf');
    await printPlanPdf(printPage, `${session.url}?automation`, planId, 'a4', file);
    const goalTitles = (await printPage.getByTestId('print-goal-row').locator('td:first-child').allInnerTexts()).map((title) => title.trim());
    await printPage.close();

    const text = pdfText(file);
    const pages = pdfPages(file);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain(partnerName);
    expect(goalTitles.length).toBeGreaterThanOrEqual(3);
    for (const title of goalTitles) expect(text).toContain(normalise(title));
    expect(text).toContain('Close three partner-sourced deals');
    expect(text).toContain('MDF request Status Due Owner Amount');
    expect(text).toContain('MDF total in EUR (1 request: EUR 25,000 approved) EUR 25,000');
    expect(text).toContain('Version 2');
    // One identity: the manager and the vendor are named (first run asked them), never a placeholder.
    const cover = pdfText(file, 1);
    expect(cover).toContain(`Prepared by ${DEMO_IDENTITY.company}`);
    expect(cover).toContain(`Partner manager ${DEMO_IDENTITY.name}`);
    expect(text).not.toContain('Partner manager Partner manager');
    expect(text).not.toContain('Our side');
    expect(pdfText(file, pages)).toContain(`Sign-off ${partnerName}`);
    expect(pdfText(file, pages)).toContain(DEMO_IDENTITY.company);
    // The cover fills page 1 on its own: both companies, the headline goals, nothing of the body.
    expect(cover).toMatch(/Headline goals/i);
    expect(cover).not.toContain('Objectives and summary');
    // Goals come grouped into 30 / 60 / 90 day windows, with a chart of the windows at a glance.
    expect(text).toMatch(/First 30 days · \d+ goals?/);
    expect(text).toContain('Goals at a glance');
    // Every page: the partner, the version and the plan's date in the footer, and page X of Y.
    const dated = footerDate(file);
    for (let index = 1; index <= pages; index += 1) {
      expect(pdfText(file, index)).toContain(`${partnerName} · Version 2 · ${dated}`);
      expect(pdfText(file, index)).toContain(`Page ${index} of ${pages}`);
    }
    expect(pdfText(file, 1)).toContain(`Page 1 of ${pages}`);
    expect(pdfText(file, pages)).toContain(`Page ${pages} of ${pages}`);
    const pngs = pdfToPngs(file, 'plan-v2');
    expect(pngs.length).toBe(pages);
  });

  it('paginates a 40-goal plan on Letter: no row split across pages, the table header on every goals page', async () => {
    const partners = await storedPartners(page);
    const partner = partners.find((candidate) => candidate.name !== partnerName) ?? partners[0]!;
    const docs = buildPlanDocs(partner, { goals: 40, accounts: 10, initiatives: 5 });
    await insertPlanDocs(page, docs);
    const printPage = await context.newPage();
    const file = resolve(PDF_DIR, 'plan-40-goals.pdf');
    await printPlanPdf(printPage, `${session.url}?automation`, docs.plan.id, 'letter', file);
    await printPage.close();

    const pages = pdfPages(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    const pageTexts = Array.from({ length: pages }, (_, index) => pdfText(file, index + 1));
    const goals = docs.items.filter((item) => item.kind === 'goal');
    for (const goal of goals) {
      // A whole row (its wrapped title and its progress) is on exactly one page.
      // (The cover, page 1, repeats the first few as headline goals.)
      const holding = pageTexts.slice(1).filter((pageText) => pageText.includes(normalise(goal.title)));
      expect(holding.length, goal.title).toBe(1);
    }
    const goalPages = pageTexts.filter((pageText) => /Goal \d\d: /.test(pageText) && pageText.includes('Engineers certified'));
    expect(goalPages.length).toBeGreaterThanOrEqual(2);
    for (const pageText of goalPages) expect(pageText).toContain('Goal Metric Target Actual Due Owner Status Progress');
    for (let index = 0; index < pages; index += 1) expect(pageTexts[index]).toContain(`Page ${index + 1} of ${pages}`);
    expect(pdfToPngs(file, 'plan-40-goals').length).toBe(pages);
    writeFileSync(resolve(PDF_DIR, 'plan-40-goals.txt'), pageTexts.map((pageText, index) => `--- page ${index + 1}\n${pageText}`).join('\n'));
  });

  it('raised no page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
