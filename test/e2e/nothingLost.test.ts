import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/appPage';
import { KickoffCallPage } from './pages/meetingsPage';
import { PlanPage } from './pages/planPage';
import { PortfolioPage } from './pages/portfolioPage';
import { WorkspacePage } from './pages/workspacePage';
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

  describe('every form keeps what was typed, unsubmitted, across a reload', () => {
    let partnerName = '';
    let partnerPath = '';
    const openTab = async (tab: 'journey' | 'plan' | 'deals' | 'training' | 'satisfaction' | 'contacts') => {
      await page.goto(`${session.url}#${partnerPath}/${tab}`);
      await page.getByRole('heading', { level: 2, name: partnerName }).waitFor();
    };
    /** The field is back (the screen may still be loading after the reload) with what was typed. */
    const expectTyped = async (field: Locator, text: string) => {
      await field.waitFor();
      await expect.poll(() => field.inputValue()).toBe(text);
    };
    /** Types like a person (no fill, no blur), then reloads at once: the page-hide flush must keep it. */
    const typeInto = async (field: Locator, text: string) => {
      await field.click();
      await page.keyboard.type(text);
    };

    beforeAll(async () => {
      await app.open('/portfolio');
      const portfolio = new PortfolioPage(page);
      partnerName = (await portfolio.names())[0] ?? '';
      await portfolio.openPartner(partnerName);
      partnerPath = /^#(\/partners\/[^/?]+)/.exec(new URL(page.url()).hash)?.[1] ?? '';
      expect(partnerPath).not.toBe('');
    });

    it('a deal being registered opens again with its account after a reload, and Cancel forgets it', async () => {
      await openTab('deals');
      await page.getByRole('button', { name: 'Register a deal' }).click();
      const form = page.getByRole('form', { name: 'Register a deal' });
      await typeInto(form.getByRole('textbox', { name: /^Account/ }), 'Fjord Retail Group');
      await form.locator('[data-testid="draft-state"][data-state="saved"]').waitFor();
      await app.screenshot('draft-01-deal-saved');
      await app.reload();
      await expectTyped(form.getByRole('textbox', { name: /^Account/ }), 'Fjord Retail Group');
      await form.getByText('Draft restored: what you typed before').waitFor();
      await app.screenshot('draft-02-deal-restored');
      await page.emulateMedia({ colorScheme: 'dark' });
      await app.screenshot('draft-02-deal-restored-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      // The one date field: the locale's date in the box, a calendar under it.
      const registered = form.getByRole('textbox', { name: /^Registered on/ });
      expect(await registered.inputValue()).toBe(await app.shownDate(new Date().toISOString().slice(0, 10)));
      await registered.click();
      await page.locator('.mantine-DateInput-day').first().waitFor();
      await app.screenshot('datefield-01-calendar');
      await page.emulateMedia({ colorScheme: 'dark' });
      await app.screenshot('datefield-01-calendar-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await registered.press('Escape');
      await form.getByRole('button', { name: 'Cancel' }).click();
      await app.reload();
      await page.getByRole('button', { name: 'Register a deal' }).waitFor();
      expect(await form.count()).toBe(0);
    });

    it('a training and a PSAT being recorded keep their course and comment', async () => {
      await openTab('training');
      await page.getByRole('button', { name: 'Record a training' }).first().click();
      await typeInto(page.getByRole('form', { name: 'Record a training' }).getByRole('textbox', { name: /^Course/ }), 'Certified installer');
      await app.reload();
      await expectTyped(page.getByRole('form', { name: 'Record a training' }).getByRole('textbox', { name: /^Course/ }), 'Certified installer');
      await page.getByRole('form', { name: 'Record a training' }).getByRole('button', { name: 'Cancel' }).click();

      await openTab('satisfaction');
      await page.getByRole('button', { name: /^Record (a )?PSAT$/ }).first().click();
      await typeInto(page.getByRole('form', { name: 'Record a PSAT' }).getByRole('textbox', { name: 'Comment' }), 'Onboarding calls were useful');
      await app.reload();
      await expectTyped(page.getByRole('form', { name: 'Record a PSAT' }).getByRole('textbox', { name: 'Comment' }), 'Onboarding calls were useful');
      await page.getByRole('form', { name: 'Record a PSAT' }).getByRole('button', { name: 'Cancel' }).click();
    });

    it('a contact and a task being added keep what was typed when their dialog is opened again', async () => {
      await openTab('contacts');
      await page.getByRole('button', { name: 'Add contact' }).click();
      const contact = page.getByRole('dialog', { name: 'Add a partner contact' });
      await typeInto(contact.getByRole('textbox', { name: /^Name/ }), 'Ingrid Solberg');
      await app.reload();
      await page.getByRole('button', { name: 'Add contact' }).click();
      await expectTyped(contact.getByRole('textbox', { name: /^Name/ }), 'Ingrid Solberg');
      await contact.getByText('Draft restored: what you typed before').waitFor();
      await app.screenshot('draft-03-contact-restored');
      await contact.getByRole('button', { name: 'Cancel' }).click();

      await openTab('journey');
      await page.getByRole('button', { name: 'Add task' }).click();
      const task = page.getByRole('dialog', { name: 'Add a task' });
      await typeInto(task.getByRole('textbox', { name: /^Task/ }), 'Send the demo licence');
      await app.reload();
      await page.getByRole('button', { name: 'Add task' }).click();
      await expectTyped(task.getByRole('textbox', { name: /^Task/ }), 'Send the demo licence');
      await task.getByRole('button', { name: 'Cancel' }).click();
    });

    it('a plan goal being added opens again with its title after a reload', async () => {
      await openTab('plan');
      await page.getByTestId('plan-tab').waitFor();
      await page.getByTestId('plan-section-goal').getByRole('button', { name: 'Add goal' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add goal' });
      await typeInto(dialog.getByRole('textbox', { name: /^Goal/ }), 'Certify two sales engineers');
      await app.reload();
      await expectTyped(dialog.getByRole('textbox', { name: /^Goal/ }), 'Certify two sales engineers');
      await app.screenshot('draft-04-plan-goal-restored');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    });

    it('a check-in being recorded keeps its blockers and the next step typed but not yet added', async () => {
      await openTab('journey');
      await page.getByRole('button', { name: 'Record check-in' }).first().click();
      const dialog = page.getByRole('dialog', { name: /^Check-in with/ });
      await typeInto(dialog.getByRole('textbox', { name: 'Blockers' }), 'Waiting for the reseller agreement');
      await typeInto(dialog.getByRole('textbox', { name: 'Next steps' }), 'Send the agreement @vendor');
      await app.reload();
      await expectTyped(dialog.getByRole('textbox', { name: 'Blockers' }), 'Waiting for the reseller agreement');
      expect(await dialog.getByRole('textbox', { name: 'Next steps' }).inputValue()).toBe('Send the agreement @vendor');
      await app.screenshot('draft-05-checkin-restored');
      await page.emulateMedia({ colorScheme: 'dark' });
      await app.screenshot('draft-05-checkin-restored-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    });

    it('a next step can be added with the plain form instead of the line syntax, its date typed in the calendar field', async () => {
      await page.getByRole('button', { name: 'Record check-in' }).first().click();
      const dialog = page.getByRole('dialog', { name: /^Check-in with/ });
      await dialog.getByRole('button', { name: 'Use a form instead' }).click();
      const form = dialog.getByRole('region', { name: 'Next steps' });
      await form.getByRole('textbox', { name: /^What needs doing/ }).fill('Send the signed agreement');
      await form.getByText('Partner', { exact: true }).click();
      const due = form.getByRole('textbox', { name: /^Due date/ });
      await due.fill('2027-01-15');
      await form.getByText('Owner side').click();
      await expect.poll(() => due.inputValue()).toMatch(/2027/);
      expect(await due.inputValue()).not.toBe('2027-01-15');
      await app.screenshot('action-form-01-filled');
      await form.getByRole('button', { name: 'Add action item' }).click();
      const step = dialog.getByTestId('next-step').filter({ hasText: 'Send the signed agreement' });
      await step.waitFor();
      const text = await step.innerText();
      expect(text).toMatch(/Partner/);
      expect(text).toMatch(/due .*15.*2027|due .*2027.*15/);
      await page.emulateMedia({ colorScheme: 'dark' });
      await app.screenshot('action-form-02-added-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    });

    it('the partner form, new and edit, keeps what was typed', async () => {
      const workspace = new WorkspacePage(page);
      const edit = await workspace.editPartner(partnerName);
      await typeInto(edit.field('Region'), ' · North');
      const typed = await edit.field('Region').inputValue();
      await app.reload();
      const again = await workspace.editPartner(partnerName);
      await expectTyped(again.field('Region'), typed);
      await again.dialog.getByRole('button', { name: 'Cancel' }).click();

      let form = await app.openNewPartnerForm();
      await typeInto(form.field('Partner name'), 'Lakeside Integration');
      await app.reload();
      form = await app.openNewPartnerForm();
      await expectTyped(form.field('Partner name'), 'Lakeside Integration');
      await form.dialog.getByRole('button', { name: 'Cancel' }).click();
      form = await app.openNewPartnerForm();
      expect(await form.field('Partner name').inputValue()).toBe('');
      await form.dialog.getByRole('button', { name: 'Cancel' }).click();
    });
  });

  it('raised no page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
