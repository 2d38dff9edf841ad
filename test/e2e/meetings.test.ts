import { readFileSync } from 'node:fs';
import { addDays, format } from 'date-fns';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage, DEMO_IDENTITY } from './pages/appPage';
import { KickoffCallPage, MeetingsTabPage } from './pages/meetingsPage';
import { PortfolioPage } from './pages/portfolioPage';
import { WorkspacePage } from './pages/workspacePage';
import { openAppSession, type AppSession } from './support/appSession';

/** The call clock ticks once a second; on a loaded machine a repaint can lag far behind. */
const CLOCK_TICK_LIMIT_MS = 30_000;

const day = (offset: number) => format(addDays(new Date(), offset), 'yyyy-MM-dd');

/**
 * A partner manager runs a new partner's kick-off call offline, survives a reload mid-call,
 * ends it, then records a check-in and exports the next meeting to a calendar. One browser
 * profile, in order, like one laptop.
 */
describe('meetings: kick-off call and check-ins, offline', () => {
  let session: AppSession;
  let page: Page;
  let app: AppPage;
  let call: KickoffCallPage;
  let meetings: MeetingsTabPage;
  let partnerName = '';

  beforeAll(async () => {
    session = await openAppSession({ acceptDownloads: true, clipboard: true });
    ({ page } = session);
    app = new AppPage(page, session.url);
    call = new KickoffCallPage(page);
    meetings = new MeetingsTabPage(page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens a demo partner in its first week', async () => {
    await app.open();
    await app.loadDemoPortfolio();
    await app.goTo('Portfolio');
    const portfolio = new PortfolioPage(page);
    await portfolio.rows().first().waitFor();
    // Filter the portfolio to partners in their first week, as a manager looking for kick-offs would.
    await page.getByRole('combobox', { name: 'Phase' }).click();
    await page.getByRole('option', { name: 'Initial immersion' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await portfolio.rows().allInnerTexts()).every((text) => text.includes('Initial immersion'))).toBe(true);
    const row = portfolio.rows().first();
    partnerName = (await row.locator('td:nth-child(2) p').first().innerText()).trim();
    await portfolio.openPartner(partnerName);
  });

  it('prepares the kick-off: three agenda items, reordered, with attendees', async () => {
    await page.getByRole('button', { name: /^(Run|Resume) kick-off$/ }).click();
    await page.getByRole('heading', { level: 2, name: `Kick-off call: ${partnerName}` }).waitFor();
    // A kick-off may already be planned for this partner; start from the standard agenda.
    await page.getByRole('button', { name: 'Use the default agenda' }).click();
    await call.agendaTitle(1).and(page.locator('[value="Introductions and team contacts"]')).waitFor();
    expect(await call.agendaRows().count()).toBe(7);
    for (const title of ['Systems and portal access check', 'Training plan', 'First target accounts', 'Next steps']) await call.removeAgendaItem(title);
    await expect.poll(() => call.agendaRows().count()).toBe(3);
    await call.moveUp('The 30-60-90 day roadmap');
    await expect.poll(async () => call.agendaTitle(2).inputValue()).toBe('The 30-60-90 day roadmap');
    await call.attendees().locator('label').first().click();
    await call.addGuest('Guest Observer');
    await app.expectNoErrorBoundary();
  });

  it('runs the call: notes, a decision and two action items, one without a due date', async () => {
    await call.start();
    expect(await call.currentItemTitle().innerText()).toBe('Introductions and team contacts');
    await call.typeNotes('Anna leads sales; Luis owns the technical side.');
    await call.addAction(`Send MDF guide @partner Anna due:${day(10)}`);
    await call.addAction('Create portal logins @vendor', { acceptOfferedDue: true });
    await call.addDecision('Focus on the retail segment first');
    expect(await call.actionItems().count()).toBe(2);
    const inAWeek = await app.shownDate(day(7));
    await expect.poll(async () => (await call.actionItems().nth(1).innerText()).includes(inAWeek)).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('meetings-01-call-mode');
  });

  it('continues where it was after a reload mid-call', async () => {
    const seconds = (text: string) => text.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
    // The call clock is visibly running before the reload.
    await expect.poll(async () => seconds(await call.totalElapsed().innerText()), { timeout: CLOCK_TICK_LIMIT_MS }).toBeGreaterThan(0);
    const before = await call.totalElapsed().innerText();
    await app.reload();
    await call.currentItemTitle().waitFor();
    expect(await call.currentItemTitle().innerText()).toBe('Introductions and team contacts');
    expect(await call.notes().inputValue()).toBe('Anna leads sales; Luis owns the technical side.');
    expect(await call.actionItems().count()).toBe(2);
    await expect.poll(async () => seconds(await call.totalElapsed().innerText()), { timeout: CLOCK_TICK_LIMIT_MS }).toBeGreaterThan(seconds(before));
    await call.nextItem();
    await expect.poll(() => call.currentItemTitle().innerText()).toBe('The 30-60-90 day roadmap');
    await call.typeNotes('Roadmap agreed: certification by day 30.');
  });

  it('ends the call: the recap lists attendees, decisions and actions, and copies as text', async () => {
    await call.endCall();
    const recap = await call.recapText().innerText();
    expect(recap).toContain('Send MDF guide (owner: Anna (Partner)');
    expect(recap).toContain(`Create portal logins (owner: ${DEMO_IDENTITY.company}`);
    expect(recap).toContain('Focus on the retail segment first');
    expect(recap).toContain('Guest Observer');
    expect(recap).toMatch(/Next meeting: \w+day/);
    await page.getByRole('button', { name: 'Copy as text' }).click();
    await page.getByText('Recap copied as text').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(recap.trim());
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('### Action items');
    await app.screenshot('meetings-02-recap');
  });

  it('shows the action items as journey tasks and the kick-off as done', async () => {
    await page.getByRole('link', { name: 'Open the journey' }).click();
    const workspace = new WorkspacePage(page);
    const journey = await workspace.showFullJourney();
    const mdf = journey.getByTestId('task-line').filter({ hasText: 'Send MDF guide' });
    await mdf.waitFor();
    expect(await mdf.innerText()).toMatch(/from kick-off/i);
    expect(await journey.getByTestId('task-line').filter({ has: page.getByText('Create portal logins', { exact: true }) }).count()).toBe(1);
    const kickoff = journey.getByTestId('task-line').filter({ hasText: 'Hold the kick-off call' });
    expect(await kickoff.count()).toBe(1);
    expect(await kickoff.getByRole('checkbox').isChecked()).toBe(true);
  });

  it('refuses a check-in in the future, then records one', async () => {
    await meetings.open();
    const dialog = await meetings.openCheckinForm();
    await meetings.setHeldOn(day(1));
    await meetings.fillCheckin({ sentiment: 4, blockers: 'Waiting for the demo environment', notes: 'Good energy after the kick-off.', nextStep: `Book the sales training @partner Luis due:${day(5)}` });
    await meetings.submitCheckin();
    await dialog.getByText(/can't be recorded in the future/).waitFor();
    await meetings.setHeldOn(day(0));
    await app.screenshot('meetings-03-checkin');
    await meetings.submitCheckin();
    await page.getByText('Check-in recorded').waitFor();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the check-in in the timeline with its sentiment, filterable by kind', async () => {
    const checkin = meetings.timelineEntries().filter({ hasText: 'sentiment 4/5' });
    await checkin.first().waitFor();
    expect(await checkin.first().innerText()).toContain('Waiting for the demo environment');
    expect(await meetings.timelineEntries().filter({ hasText: 'Kick-off call' }).count()).toBeGreaterThan(0);
    await meetings.filterTimeline('Tasks done');
    await expect.poll(() => meetings.timelineKinds()).toContain('task');
    expect(new Set(await meetings.timelineKinds())).toEqual(new Set(['task']));
    await meetings.filterTimeline('All');
    expect(await page.getByRole('img', { name: /^Sentiment over time/ }).count()).toBe(1);
    await app.screenshot('meetings-04-timeline');
  });

  it('lists due check-ins in Today, without the partner just checked in with', async () => {
    await app.goTo('Today');
    const card = page.getByRole('region', { name: 'Check-ins due' });
    await card.waitFor();
    expect(await card.innerText()).not.toContain(partnerName);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('meetings-05-today');
    // Each due check-in is one click from recording it.
    const first = card.getByTestId('checkin-due').first();
    if ((await first.count()) > 0) {
      const name = (await first.getByRole('link').first().innerText()).trim();
      await first.getByRole('link', { name: 'Record' }).click();
      await page.getByRole('dialog', { name: `Check-in with ${name}` }).waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
  });

  it('exports the next check-in as an .ics file a calendar app reads', async () => {
    await app.goTo('Portfolio');
    await new PortfolioPage(page).openPartner(partnerName);
    await meetings.open();
    await meetings.scheduleNextCheckin();
    const download = await meetings.exportUpcoming();
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const path = await download.path();
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.some((e) => e.summary === `Check-in: ${partnerName}` && e.startDate.isDate && e.startDate.toString() >= day(0))).toBe(true);
    expect(session.pageErrors).toEqual([]);
  });
});
