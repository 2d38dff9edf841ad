import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/appPage';
import { KickoffCallPage } from './pages/meetingsPage';
import { PlanPage } from './pages/planPage';
import { PortfolioPage } from './pages/portfolioPage';
import { openAppSession, type AppSession } from './support/appSession';

/**
 * Nothing a partner manager types or ticks is lost: a ticked task can be undone, plan text
 * survives a reload, an empty plan is not exported, a dateless kick-off action survives a reload.
 */
describe('nothing typed is lost', () => {
  let session: AppSession;
  let page: Page;
  let app: AppPage;
  let plan: PlanPage;

  beforeAll(async () => {
    session = await openAppSession();
    ({ page } = session);
    app = new AppPage(page, session.url);
    plan = new PlanPage(page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('ticking a task on Today says so and can be undone', async () => {
    await app.open();
    await app.loadDemoPortfolio();
    await app.dismissNotifications();
    const first = page.getByRole('region', { name: 'Overdue' }).getByTestId('task-line').first();
    const title = (await first.locator('p').first().innerText()).trim();
    await first.getByRole('checkbox').click();
    const toast = page.getByTestId('undo-toast').filter({ hasText: `“${title}” marked done` });
    await toast.waitFor();
    await app.screenshot('undo-01-today-toast');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Undone.').waitFor();
    await page.getByRole('region', { name: 'Overdue' }).getByTestId('task-line').filter({ hasText: title }).first().waitFor();
  });

  it('refuses to export an empty plan and says what is missing', async () => {
    await app.goTo('Portfolio');
    const portfolio = new PortfolioPage(page);
    await portfolio.rows().first().waitFor();
    const name = (await portfolio.names())[0] ?? '';
    await portfolio.openPartner(name);
    await plan.open();
    await page.getByRole('button', { name: 'Start from scratch' }).click();
    await page.getByTestId('plan-tab').waitFor();
    expect(await plan.exportEmptyPlan()).toEqual(expect.arrayContaining(['Objectives', '30-60-90 day goals', 'Partner sign-off']));
    await app.screenshot('plan-export-empty');
    await page.getByRole('button', { name: 'Back to the plan' }).click();
  });

  it('keeps objectives typed without leaving the field across a reload, with "Saved" shown', async () => {
    const objectives = page.getByRole('textbox', { name: 'Objectives', exact: true });
    await objectives.click();
    await page.keyboard.type('Grow the Nordics pipeline');
    const card = page.getByRole('region', { name: 'Objectives and summary' });
    await card.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    await app.screenshot('plan-autosave-saved');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('plan-autosave-saved-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await app.reload();
    await plan.open();
    await expect.poll(() => page.getByRole('textbox', { name: 'Objectives', exact: true }).inputValue()).toBe('Grow the Nordics pipeline');
  });

  it('keeps a kick-off action typed without a due date across a reload, and the End dialog counts it', async () => {
    await page.getByRole('button', { name: /^(Run|Resume) kick-off$/ }).click();
    const call = new KickoffCallPage(page);
    await call.start();
    const input = page.getByRole('textbox', { name: 'New action item' });
    await input.fill('Create portal logins @vendor');
    await input.press('Enter');
    await page.getByRole('button', { name: 'Add with this date' }).waitFor();
    await app.reload();
    await call.currentItemTitle().waitFor();
    await call.actionItems().filter({ hasText: 'Create portal logins' }).waitFor();
    await page.getByRole('button', { name: 'End call' }).click();
    await page.getByText(/1 action item becomes journey tasks .*\(1 without a date: due 7 days after the call\)/).waitFor();
    await app.screenshot('kickoff-end-counts-draft');
  });

  it('raised no page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
