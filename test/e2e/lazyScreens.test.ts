import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/appPage';
import { openAppSession, type AppSession } from './support/appSession';

const BLOCKED_SCREENS = ['DashboardPage', 'PrintPlanPage'];

/**
 * Screens beyond the first ones load their code when needed (their own script files). When that
 * code cannot be loaded (an update replaced the files, a broken install), the screen says so in
 * the app's error message instead of staying blank, and opens once its code can be loaded.
 */
describe('screens loaded on demand', () => {
  let session: AppSession;
  let page: Page;
  let app: AppPage;
  let blocked = true;

  beforeAll(async () => {
    session = await openAppSession();
    page = session.page;
    app = new AppPage(page, session.url);
    await page.route(
      (url) => BLOCKED_SCREENS.some((name) => url.pathname.includes(`/assets/${name}-`)),
      (route: Route) => (blocked ? route.abort('failed') : route.continue()),
    );
    await app.open();
    await app.loadDemoPortfolio();
    await app.dismissNotifications();
  });

  afterAll(async () => {
    expect(session?.pageErrors ?? []).toEqual([]);
    await session?.close();
  });

  it('Today and Portfolio open without the code of the other screens', async () => {
    await page.getByRole('heading', { level: 2, name: 'Today' }).waitFor();
    await app.goTo('Portfolio');
    await page.getByTestId('portfolio-row').first().waitFor();
    await app.expectNoErrorBoundary();
  });

  it('a screen whose code cannot be loaded shows the error message, and opens on Try again once it can', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'This screen ran into a problem' });
    await problem.waitFor();
    expect(await problem.innerText()).toContain('DashboardPage');
    expect(await page.getByRole('heading', { level: 2, name: 'Dashboard' }).count()).toBe(0);

    blocked = false;
    await problem.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 2, name: 'Dashboard' }).waitFor();
    await app.expectNoErrorBoundary();
  });

  it('a print layout whose code cannot be loaded shows the error message too', async () => {
    blocked = true;
    // A fresh page load: the print layout's code has not been loaded in this one.
    await page.goto(`${session.url}#/print/plan/no-such-plan`);
    const problem = page.getByRole('alert').filter({ hasText: 'This screen ran into a problem' });
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.innerText()).toContain('PrintPlanPage');
  });
});
