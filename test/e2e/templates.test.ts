import { addDays, format } from 'date-fns';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src-shared/util/formatDate';
import { AppPage, DEMO_IDENTITY } from './pages/appPage';
import { PortfolioPage } from './pages/portfolioPage';
import { TemplatesPage } from './pages/templatesPage';
import { WorkspacePage } from './pages/workspacePage';
import { openAppSession, type AppSession } from './support/appSession';

const today = new Date();
const iso = (days: number) => format(addDays(today, days), 'yyyy-MM-dd');
/** A date as the app shows it, in the browser's locale (read once the page is open). */
let locale = 'en-US';
const shown = (days: number) => formatDate(iso(days), locale);
/** Both partners signed ten days ago: the welcome kit (day 1) is nine days overdue. */
const DAY0_OFFSET = -10;
const PARTNERS = ['Northwind Resale', 'Bluebird Partners'];
const REGIONS: Record<string, string> = { 'Northwind Resale': 'APAC', 'Bluebird Partners': 'EMEA' };

/**
 * A program lead makes the kick-off wait for the welcome kit, publishes the reseller journey as
 * version 2, moves two partners to it, and each partner's journey shows the kick-off moved by the
 * welcome kit's delay (finished late for one, still overdue for the other).
 */
describe('journey templates: edit, publish, apply to partners, dates that move', () => {
  let session: AppSession;
  let page: Page;
  let app: AppPage;
  let templates: TemplatesPage;

  beforeAll(async () => {
    session = await openAppSession();
    ({ page } = session);
    app = new AppPage(page, `${session.url}?automation`);
    templates = new TemplatesPage(page);
    locale = await page.evaluate(() => navigator.language);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('creates two reseller partners on the built-in journey; one sends the welcome kit late', async () => {
    await app.open();
    await app.identityStep().or(page.getByRole('button', { name: 'Load demo portfolio' })).first().waitFor();
    if (await app.identityStep().isVisible()) await app.answerIdentity(DEMO_IDENTITY);
    for (const name of PARTNERS) {
      const form = await app.openNewPartnerForm();
      await form.fill({ name, type: 'Reseller', day0: iso(DAY0_OFFSET), region: REGIONS[name] });
      await form.submit();
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    // Bluebird is open: it sends the welcome kit today, nine days after it was due.
    const workspace = new WorkspacePage(page);
    await workspace.completeNextStep('Send the welcome kit');
    await expect.poll(async () => (await workspace.nextSteps().allInnerTexts()).some((t) => t.includes('Send the welcome kit'))).toBe(false);
  });

  it('edits the reseller template as version 2: a day outside the phase is refused on the field', async () => {
    await templates.open();
    await expect.poll(() => templates.versionBadge().textContent()).toBe('Version 1 · published');
    await templates.startNewVersion(2);
    const dialog = await templates.editStep('Hold the kick-off call');
    await templates.setDueDay(dialog, 12);
    await templates.saveStep(dialog);
    await expect.poll(() => templates.errorTexts(dialog)).toEqual(['Due on day 12, outside Initial immersion (days 1–7). Move the day or the phase.']);
    await app.screenshot('templates-step-invalid');

    await templates.setDueDay(dialog, 6);
    await templates.addDependency(dialog, 'Send the welcome kit (welcome-kit)');
    await templates.saveStep(dialog);
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('step-kickoff-call');
    await expect.poll(() => row.innerText()).toMatch(/^6\b[\s\S]*welcome-kit/);
    // A step for EMEA partners only.
    await templates.addStep({ title: 'Sign the EU data-processing addendum', key: 'eu-dpa', dueDay: 14, onlyRegions: ['EMEA'] });
    await expect.poll(() => page.getByTestId('step-eu-dpa').innerText()).toMatch(/^14\b[\s\S]*Only EMEA/);
    await app.dismissNotifications();
    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('templates-draft');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('templates-draft-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('publishes version 2 and previews the change for both partners on version 1', async () => {
    await templates.publish(2);
    await expect.poll(() => templates.versionBadge().textContent()).toBe('Version 2 · published');
    await expect.poll(() => templates.publishPanel().innerText()).toContain('2 partners are on an older version');
    // The EMEA-only step is added for Bluebird (EMEA), not for Northwind (APAC).
    expect(await templates.preview('Bluebird Partners').innerText()).toContain('1 added · 1 re-dated');
    expect(await templates.preview('Northwind Resale').innerText()).not.toContain('added');
    for (const name of PARTNERS) {
      const preview = templates.preview(name);
      expect(await preview.innerText()).toContain('1 re-dated');
      await preview.getByRole('button', { name: new RegExp(name) }).click();
      await expect.poll(() => preview.innerText()).toContain(`Hold the kick-off call: ${shown(DAY0_OFFSET + 5)} → ${shown(DAY0_OFFSET + 6)}`);
    }
    await app.screenshot('templates-publish-preview');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('templates-publish-preview-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('applies version 2 to the two partners the lead ticks', async () => {
    for (const name of PARTNERS) await templates.pickPartner(name, 2);
    await page.getByRole('button', { name: 'Apply to 2 partners' }).click();
    await page.getByText('Version 2 applied').waitFor();
    await expect.poll(() => templates.publishPanel().innerText()).toContain('Every partner on this template follows version 2.');
    await app.dismissNotifications();
  });

  it('shows each partner’s kick-off moved by the welcome kit’s delay, and the forecast against day 90', async () => {
    const reasons: Record<string, string> = {
      'Bluebird Partners': '9 days later than planned: “Send the welcome kit” was finished 9 days late.',
      'Northwind Resale': '9 days later than planned: “Send the welcome kit” is 9 days overdue.',
    };
    for (const name of PARTNERS) {
      await app.goTo('Portfolio');
      await new PortfolioPage(page).openPartner(name);
      const card = page.getByTestId('schedule-card');
      await card.waitFor();
      const move = card.getByTestId('schedule-move');
      await expect.poll(() => move.innerText()).toContain(`Hold the kick-off call: ${shown(DAY0_OFFSET + 6)} → ${shown(DAY0_OFFSET + 15)}`);
      expect(await move.innerText()).toContain(reasons[name]);
      expect(await card.getByTestId('forecast-end').innerText()).toMatch(/^Forecast /);
      expect(await card.innerText()).toContain(`target day 90, ${shown(DAY0_OFFSET + 90)}`);
      await card.getByRole('button', { name: 'Move 1 due date' }).click();
      await expect.poll(() => card.innerText()).not.toContain('not moved yet');
      expect(await move.innerText()).toContain(reasons[name]);
      // Only the EMEA partner has the EMEA-only step.
      const journey = await new WorkspacePage(page).showFullJourney();
      expect((await journey.innerText()).includes('Sign the EU data-processing addendum')).toBe(REGIONS[name] === 'EMEA');
    }
    await app.screenshot('journey-schedule-moved');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('journey-schedule-moved-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('pins the kick-off date: it is listed as pinned and moves no more', async () => {
    const card = page.getByTestId('schedule-card');
    await card.getByRole('button', { name: 'Pin the date of Hold the kick-off call' }).click();
    await expect.poll(() => card.textContent()).toContain('Pinned dates');
    expect(await card.innerText()).toContain(`Hold the kick-off call: ${shown(DAY0_OFFSET + 15)}`);
    expect(await card.getByTestId('schedule-move').count()).toBe(0);
    await app.screenshot('journey-schedule-pinned');
  });

  it('raised no uncaught page errors', async () => {
    await app.expectNoErrorBoundary();
    expect(session.pageErrors).toEqual([]);
  });
});
