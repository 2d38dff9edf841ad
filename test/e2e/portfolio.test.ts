import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTNER_CSV_COLUMNS } from '../../src-shared/import/partnerCsv';
import { AppPage, DEMO_IDENTITY } from './pages/appPage';
import { PortfolioPage, truncatedLabels } from './pages/portfolioPage';
import { openAppSession, type AppSession } from './support/appSession';

/**
 * The portfolio a manager lives in, on the demo portfolio: churned partners out of the way,
 * owners, My partners, saved views that survive a reload, and bulk actions with Undo.
 */
describe('portfolio: filters, saved views and bulk actions', () => {
  let session: AppSession;
  let page: Page;
  let app: AppPage;
  let portfolio: PortfolioPage;
  let churned = 0;
  let current = 0;
  let pair: [string, string] = ['', ''];

  beforeAll(async () => {
    session = await openAppSession({ acceptDownloads: true });
    page = session.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    app = new AppPage(page, session.url);
    portfolio = new PortfolioPage(page);
    await app.open();
  });

  afterAll(async () => {
    expect(session?.pageErrors ?? []).toEqual([]);
    await session?.close();
  });

  /** Closes the toasts with their close buttons (app.dismissNotifications would press Undo too). */
  const closeToasts = async () => {
    await page.locator('.mantine-Notification-root .mantine-Notification-closeButton').evaluateAll((buttons) => {
      for (const button of buttons) if (button instanceof HTMLElement) button.click();
    });
    await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' });
  };

  const undoLast = async () => {
    const toast = page.getByTestId('undo-toast').last();
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Undone.').waitFor();
    await closeToasts();
  };

  it('shows the first-run choices with whole labels at 1280 and 1024 wide', async () => {
    await app.identityStep().waitFor();
    await app.answerIdentity(DEMO_IDENTITY);
    await page.getByRole('button', { name: 'Add your first partner' }).waitFor();
    expect(await truncatedLabels(page)).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await truncatedLabels(page)).toEqual([]);
    await app.screenshot('first-run-1024');
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.screenshot('first-run-1280');
    await app.loadDemoPortfolio();
    await app.goTo('Portfolio');
    await portfolio.rows().first().waitFor();
    expect(await truncatedLabels(page)).toEqual([]);
  });

  it('hides churned partners by default, says how many, and shows them through the status filter', async () => {
    const hidden = await portfolio.hiddenText();
    const match = /(\d+) churned hidden/.exec(hidden);
    expect(match, hidden).not.toBeNull();
    churned = Number(match?.[1]);
    expect(churned).toBeGreaterThan(0);
    current = await portfolio.partnerCount();
    expect(await portfolio.visibleCountText()).toBe(`${current} partners`);
    expect(await portfolio.rows().getByText('Churned', { exact: true }).count()).toBe(0);

    await portfolio.chooseStatuses(['Churned']);
    await expect.poll(() => portfolio.visibleCountText()).toBe(`${churned} of ${current + churned} partners`);
    expect(await portfolio.rows().getByText('Churned', { exact: true }).count()).toBe(await portfolio.rows().count());
    await portfolio.clearFilters();
    await expect.poll(() => portfolio.visibleCountText()).toBe(`${current} partners`);
  });

  it('shows each partner’s owner by name, and My partners keeps the user’s own', async () => {
    await page.getByRole('button', { name: 'Sort by Partner' }).click();
    await expect.poll(async () => (await portfolio.names()).length).toBeGreaterThan(2);
    const [first = '', second = ''] = await portfolio.names();
    pair = [first, second];
    expect(await portfolio.row(first).innerText()).toContain(DEMO_IDENTITY.name);
    await portfolio.myPartners().check();
    // Every demo partner is the user's own.
    await expect.poll(() => portfolio.visibleCountText()).toBe(`${current} of ${current + churned} partners`);
    await portfolio.myPartners().uncheck();
  });

  it('searches by word starts with the match marked in the name, and says when the owner is what matched', async () => {
    const name = pair[0];
    const prefix = name.slice(0, 3).toLowerCase();
    await portfolio.search(prefix);
    const row = portfolio.row(name);
    await expect.poll(() => row.getByTestId('search-match').first().innerText()).toBe(name.slice(0, 3));
    for (const shown of await portfolio.names()) expect(shown.split(/[\s\p{P}]+/u).some((word) => word.toLowerCase().startsWith(prefix)), shown).toBe(true);
    await app.screenshot('portfolio-search-highlight');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('portfolio-search-highlight-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Every demo partner is the user's own: the owner's name finds them all, and says so.
    const owner = DEMO_IDENTITY.name.split(' ')[0] ?? '';
    await portfolio.search(owner.toUpperCase());
    await expect.poll(() => portfolio.visibleCountText()).toBe(`${current} of ${current + churned} partners`);
    const ownerReason = row.getByTestId('search-reason').filter({ hasText: 'Matched owner' });
    expect(await ownerReason.innerText()).toBe(`Matched owner: ${DEMO_IDENTITY.name}`);
    expect(await ownerReason.getByTestId('search-match').innerText()).toBe(owner);
    await portfolio.clearFilters();
  });

  it('finds a partner’s task and a deal in the command palette, marked, and opens the task’s tab by keyboard', async () => {
    const name = pair[0];
    await app.searchPalette('harbor');
    const deal = page.getByTestId('palette-deal').first();
    await deal.waitFor();
    expect(await deal.getByTestId('search-match').first().innerText()).toBe('Harbor');
    await app.screenshot('palette-deal');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('palette-deal-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByRole('textbox', { name: 'Search partners and actions' }).fill(`hold kick-off ${name}`);
    const task = page.getByTestId('palette-task').filter({ hasText: 'Hold the kick-off call' }).filter({ hasText: name });
    await task.first().waitFor();
    expect(await page.getByTestId('palette-task').count()).toBe(1);
    expect(await task.getByTestId('search-match').allInnerTexts()).toEqual(expect.arrayContaining(['Hold', 'kick', 'off']));
    await app.screenshot('palette-task');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name }).waitFor();
    await page.getByRole('tab', { name: 'Journey', selected: true }).waitFor();
    expect(page.url()).toMatch(/\/partners\/[^/]+\/journey$/);
    await app.goTo('Portfolio');
  });

  it('selects by keyboard (Space on a row) and all shown rows from the header', async () => {
    const row = portfolio.row(pair[0]);
    await row.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');
    expect(await portfolio.bulkBar().getByTestId('selection-count').innerText()).toBe('1 partner selected');
    await page.keyboard.press('Space');
    await portfolio.bulkBar().waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: `Select all ${current} shown` }).check();
    expect(await portfolio.bulkBar().getByTestId('selection-count').innerText()).toBe(`${current} partners selected`);
    await page.getByRole('checkbox', { name: 'Clear selection' }).uncheck();
    await portfolio.bulkBar().waitFor({ state: 'detached' });
  });

  it('assigns an owner to two selected partners, and Undo gives them back', async () => {
    await closeToasts();
    await portfolio.select(pair[0]);
    await portfolio.select(pair[1]);
    expect(await portfolio.bulkBar().getByTestId('selection-count').innerText()).toBe('2 partners selected');
    await app.screenshot('portfolio-bulk-selection');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('portfolio-bulk-selection-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await portfolio.assignOwner('sam.ortiz@northwind.example');
    await expect.poll(() => portfolio.row(pair[0]).innerText()).toContain('sam.ortiz@northwind.example');
    expect(await portfolio.row(pair[1]).innerText()).toContain('sam.ortiz@northwind.example');
    await page.getByText('2 partners assigned to sam.ortiz@northwind.example').waitFor();
    await undoLast();
    await expect.poll(() => portfolio.row(pair[0]).innerText()).toContain(DEMO_IDENTITY.name);
    expect(await portfolio.row(pair[1]).innerText()).toContain(DEMO_IDENTITY.name);

    // Assigned for good this time: My partners now leaves them out.
    await portfolio.assignOwner('sam.ortiz@northwind.example');
    await expect.poll(() => portfolio.row(pair[0]).innerText()).toContain('sam.ortiz@northwind.example');
    await closeToasts();
    await portfolio.bulkBar().getByRole('button', { name: 'Clear selection' }).click();
    await portfolio.myPartners().check();
    await expect.poll(() => portfolio.visibleCountText()).toBe(`${current - 2} of ${current + churned} partners`);
    expect(await portfolio.row(pair[0]).count()).toBe(0);
  });

  it('saves the view and finds it after a reload', async () => {
    await portfolio.saveView('Mine, A to Z');
    expect(await page.getByRole('button', { name: 'Saved views: Mine, A to Z' }).isVisible()).toBe(true);
    await app.reload();
    await portfolio.rows().first().waitFor();
    expect(await portfolio.myPartners().isChecked()).toBe(false);
    await portfolio.applyView('Mine, A to Z');
    expect(await portfolio.myPartners().isChecked()).toBe(true);
    await expect.poll(() => portfolio.visibleCountText()).toBe(`${current - 2} of ${current + churned} partners`);
    expect(await page.getByRole('button', { name: 'Saved views: Mine, A to Z' }).isVisible()).toBe(true);

    // Renamed, then deleted (and the delete undone): the menu follows.
    await page.getByRole('button', { name: /^Saved views/ }).click();
    await page.getByRole('button', { name: 'Rename view Mine, A to Z' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename view' });
    await rename.getByRole('textbox', { name: 'View name' }).fill('My book');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await rename.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Saved views: My book' }).waitFor();
    await page.getByRole('button', { name: /^Saved views/ }).click();
    await page.getByRole('button', { name: 'Delete view My book' }).click();
    await page.getByRole('button', { name: 'Saved views', exact: true }).waitFor();
    await undoLast();
    await page.getByRole('button', { name: 'Saved views: My book' }).waitFor();
    await portfolio.myPartners().uncheck();
  });

  it('exports the selected partners as a CSV the import reads', async () => {
    await portfolio.select(pair[0]);
    await portfolio.select(pair[1]);
    const download = await portfolio.exportSelected();
    const csv = readFileSync(await download.path(), 'utf8');
    const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
    expect(parsed.meta.fields).toEqual([...PARTNER_CSV_COLUMNS]);
    expect(parsed.data.map((row) => row.name).sort()).toEqual([...pair].sort());
    expect(parsed.data.every((row) => row.owner_email === 'sam.ortiz@northwind.example')).toBe(true);
  });

  it('archives the selected partners (hidden as churned), and Undo brings them back', async () => {
    expect(await portfolio.bulkBar().getByTestId('selection-count').innerText()).toBe('2 partners selected');
    await portfolio.bulkBar().getByRole('button', { name: 'Archive' }).click();
    await page.getByText('2 partners archived (marked churned, hidden from the portfolio)').waitFor();
    await expect.poll(() => portfolio.hiddenText()).toContain(`${churned + 2} churned hidden`);
    expect(await portfolio.row(pair[0]).count()).toBe(0);
    expect(await portfolio.bulkBar().count()).toBe(0);
    await undoLast();
    await expect.poll(() => portfolio.hiddenText()).toContain(`${churned} churned hidden`);
    await portfolio.row(pair[0]).waitFor();
    expect(await portfolio.row(pair[0]).getByText('Churned', { exact: true }).count()).toBe(0);

    await portfolio.select(pair[0]);
    await portfolio.select(pair[1]);
    expect(await portfolio.bulkBar().getByTestId('selection-count').innerText()).toBe('2 partners selected');
    await portfolio.bulkBar().getByRole('button', { name: 'Archive' }).click();
    await expect.poll(() => portfolio.hiddenText()).toContain(`${churned + 2} churned hidden`);
    await portfolio.chooseStatuses(['Churned']);
    await portfolio.row(pair[0]).getByText('Churned', { exact: true }).waitFor();
  });

  it('cuts a long partner name in the breadcrumb with an ellipsis, full name in its title', async () => {
    const name = 'The Extraordinarily Long-Named International Cloud Infrastructure and Managed Security Services Consortium of Northern Europe Ltd';
    const form = await app.openNewPartnerForm();
    await form.fill({ name, type: 'Reseller', day0: '2026-11-24' });
    await form.submit();
    await page.getByRole('heading', { level: 2, name }).waitFor();
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      const crumb = page.getByTestId('breadcrumbs').getByTitle(name);
      const box = await crumb.boundingBox();
      expect(box && box.x + box.width, `breadcrumb at ${width}`).toBeLessThanOrEqual(width);
      expect(await crumb.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
      const heading = await page.getByRole('heading', { level: 2, name }).boundingBox();
      expect(heading && heading.x + heading.width, `heading at ${width}`).toBeLessThanOrEqual(width);
      expect(await truncatedLabels(page)).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.screenshot('workspace-long-name');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('workspace-long-name-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await app.goTo('Portfolio');
  });

  it('keeps every tab’s labels whole at 1024 wide, for a new partner (empty states) and a demo one', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const tabs = ['Journey', 'Plan', 'Meetings', 'Deals', 'Training', 'Satisfaction', 'Contacts & team'];
    for (const partner of ['The Extraordinarily Long-Named', (await portfolio.names())[0] ?? '']) {
      await app.goTo('Portfolio');
      await portfolio.search(partner);
      await portfolio.rows().first().click();
      await page.getByRole('tab', { name: 'Journey' }).waitFor();
      for (const tab of tabs) {
        await page.getByRole('tab', { name: tab }).click();
        await page.getByRole('tab', { name: tab, selected: true }).waitFor();
        expect(await truncatedLabels(page), `${tab} of ${partner}`).toEqual([]);
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.goTo('Portfolio');
  });

  it('is whole at 1024 wide, light and dark', async () => {
    await closeToasts();
    await expect.poll(() => portfolio.visibleCountText()).toBe(`${current - 1} partners`);
    await page.setViewportSize({ width: 1024, height: 768 });
    await portfolio.select((await portfolio.names())[0] ?? '');
    expect(await truncatedLabels(page)).toEqual([]);
    await app.screenshot('portfolio-1024');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('portfolio-1024-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
