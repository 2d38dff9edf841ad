import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type SyncServer } from '../../src-server/createServer';
import { verifyWebhookSignature } from '../../src-server/webhooks/signature';
import { AppPage } from './pages/appPage';
import { PortfolioPage } from './pages/portfolioPage';
import { RecordsPage } from './pages/recordsPage';
import { SettingsPage } from './pages/settingsPage';
import { SyncIndicator } from './pages/syncIndicator';
import { dropPostgresSchema } from '../integration/server/support/testBackends';
import { openAppSession, type AppSession } from './support/appSession';

type Backend = 'pglite' | 'postgres';
/** Embedded PGlite always (the default a team gets); PostgreSQL too when DATABASE_URL_TEST is set. */
const BACKENDS: Backend[] = process.env.DATABASE_URL_TEST ? ['pglite', 'postgres'] : ['pglite'];

const ROOT = resolve(import.meta.dirname, '../..');
const PARTNER = 'Northwind Channel Co';
const SECRET = 'whsec_e2e_laptop_1234';
const DAY_MS = 86_400_000;
const isoInDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
const run = promisify(execFile);

type Received = { headers: IncomingMessage['headers']; body: string };

/** A webhook receiver on 127.0.0.1 that answers 200 and keeps what it got. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/partner-desk`, received, close: () => new Promise((done) => server.close(() => done())) };
}

/**
 * Issue #16, done when: a CRM-style script registers a deal and an LMS-style script reports a
 * completion through the API (the real `scripts/crm-deals.ts` and `scripts/lms-completions.ts`,
 * run with tsx, with tokens made by the admin service), a webhook receiver gets the signed
 * first-deal event, and the manager's laptop — signed in, showing the partner — shows both
 * without a reload. On embedded PGlite and, with DATABASE_URL_TEST, on PostgreSQL.
 */
describe.each(BACKENDS)('integration API: a CRM and an LMS feed the manager’s laptop live (%s)', (backend) => {
  let dataDir = '';
  let schema = '';
  let server: SyncServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let session: AppSession;
  let page: Page;
  let app: AppPage;
  let portfolio: PortfolioPage;
  let records: RecordsPage;
  let healthBefore = 0;
  const shot = (name: string) => app.screenshot(`api-${backend}-${name}`);

  const scriptEnv = async (name: string, scopes: ('deals:write' | 'trainings:write' | 'read')[]) => {
    const { token } = await server.apiTokens.create({ name, scopes });
    return { ...process.env, PARTNER_DESK_URL: server.url, PARTNER_DESK_TOKEN: token };
  };

  /** The health score the portfolio row shows for the partner. */
  const portfolioHealth = async () => {
    const label = (await portfolio.row(PARTNER).getByLabel(/^Health \d+ of 100/).getAttribute('aria-label')) ?? '';
    return Number(/^Health (\d+) of 100/.exec(label)?.[1] ?? Number.NaN);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pd-e2e-api-'));
    schema = `e2e_${randomBytes(6).toString('hex')}`;
    server = await createServer({
      ...(backend === 'postgres' ? { databaseUrl: process.env.DATABASE_URL_TEST, schema } : { dataDir }),
      host: '127.0.0.1',
      port: 0,
      logger: false,
      passwordHashing: { memoryCost: 1024, timeCost: 1 },
      streamHeartbeatMs: 1000,
      webhookPollMs: 200,
    });
    await server.admin.addTeam('north');
    await server.admin.addUser({ email: 'ann@north.example', name: 'Ann Berg', role: 'manager', teams: ['north'], password: 'ann-correct-horse' });
    // The partner signed 70 days ago, created through the API (journey generated on the server).
    const setup = await server.apiTokens.create({ name: 'setup', scopes: ['partners:write'] });
    const created = await fetch(`${server.url}/api/v1/partners`, {
      method: 'POST',
      headers: { authorization: `Bearer ${setup.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: PARTNER, type: 'reseller', day0: isoInDays(-70), ownerEmail: 'ann@north.example' }),
    });
    expect(created.status).toBe(201);
    receiver = await startReceiver();
    await server.webhooks.service.add({ url: receiver.url, events: ['partner.first_deal', 'training.completed'], secret: SECRET });

    session = await openAppSession();
    ({ page } = session);
    app = new AppPage(page, session.url);
    portfolio = new PortfolioPage(page);
    records = new RecordsPage(page);
    await app.open();
    await app.goTo('Settings');
    const settings = new SettingsPage(page);
    await settings.sync.signIn({ serverUrl: server.url, email: 'ann@north.example', password: 'ann-correct-horse' });
    await settings.sync.expectSignedIn('ann@north.example');
    await new SyncIndicator(page).waitFor(/^Up to date/);
    // Marks this page load: a reload would lose it, so its survival proves nothing was reloaded.
    await page.evaluate(() => {
      (window as { __pdSamePageLoad?: boolean }).__pdSamePageLoad = true;
    });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await receiver?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (backend === 'postgres') await dropPostgresSchema(schema);
  });

  it('shows the API-created partner in the portfolio, with no deal yet', async () => {
    await app.goTo('Portfolio');
    await portfolio.search(PARTNER);
    await expect.poll(() => portfolio.rows().count(), { timeout: 30_000 }).toBe(1);
    healthBefore = await portfolioHealth();
    expect(healthBefore).toBeGreaterThanOrEqual(0);
    await app.dismissNotifications();
    await shot('01-portfolio-before');
    await portfolio.openPartner(PARTNER);
    await records.openTab('Deals');
    await expect.poll(() => records.dealRows().count()).toBe(0);
  });

  it('the CRM script registers a deal: the open Deals tab shows it, and the receiver gets the signed first-deal event', async () => {
    const file = join(dataDir, 'opportunities.ndjson');
    writeFileSync(file, `${JSON.stringify({ externalId: 'OPP-7001', partner: PARTNER, account: 'Contoso Logistics', amount: 48000, currency: 'EUR', stage: 'registered', registeredOn: isoInDays(0), source: 'sourced' })}\n`);
    const crm = await run(process.execPath, ['--import', 'tsx', 'scripts/crm-deals.ts', file], { cwd: ROOT, env: await scriptEnv('crm', ['deals:write']) });
    expect(crm.stdout).toBe('1 opportunities: 1 stored, 0 unchanged, 0 refused\n');

    const row = records.dealRows().filter({ hasText: 'Contoso Logistics' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain('48,000');
    expect(await records.registrationStatus('Contoso Logistics').innerText()).toMatch(/^Awaiting approval$/i);

    await expect.poll(() => receiver.received.length, { timeout: 30_000, message: 'the receiver got the first-deal event' }).toBeGreaterThanOrEqual(1);
    const firstDeal = receiver.received.find((entry) => entry.headers['partner-desk-event'] === 'partner.first_deal');
    expect(firstDeal).toBeDefined();
    const signature = firstDeal?.headers['partner-desk-signature'];
    expect(verifyWebhookSignature(SECRET, typeof signature === 'string' ? signature : undefined, firstDeal?.body ?? '', Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifyWebhookSignature('whsec_someone_else', typeof signature === 'string' ? signature : undefined, firstDeal?.body ?? '', Math.floor(Date.now() / 1000))).toBe(false);
    const event = JSON.parse(firstDeal?.body ?? '{}') as { type: string; data: { partnerId: string; deal: { account: string; updatedBy: string } } };
    expect(event.type).toBe('partner.first_deal');
    expect(event.data.deal).toMatchObject({ account: 'Contoso Logistics', updatedBy: 'token:crm' });
    await app.dismissNotifications();
    await shot('02-deals-tab-api-deal');
  }, 60_000);

  it('the LMS script reports a completion: the open Training tab shows it completed', async () => {
    await records.openTab('Training');
    const file = join(dataDir, 'completions.ndjson');
    writeFileSync(file, `${JSON.stringify({ partner: PARTNER, person: 'lee@northwind.example', course: 'Sales Certification', completedOn: isoInDays(0), required: true })}\n`);
    const lms = await run(process.execPath, ['--import', 'tsx', 'scripts/lms-completions.ts', file], { cwd: ROOT, env: await scriptEnv('lms', ['trainings:write']) });
    expect(lms.stdout).toBe('1 completions: 1 stored, 0 unchanged, 0 refused\n');

    const row = page.getByRole('row').filter({ hasText: 'Sales Certification' });
    await row.waitFor({ timeout: 30_000 });
    // The badge is drawn in capitals; its text is "Completed <date>".
    expect((await row.innerText()).toLowerCase()).toContain(`completed ${(await app.shownDate(isoInDays(0))).toLowerCase()}`);
    await expect.poll(() => receiver.received.some((entry) => entry.headers['partner-desk-event'] === 'training.completed'), { timeout: 30_000 }).toBe(true);
    await app.dismissNotifications();
    await shot('03-training-tab-api-completion');
  }, 60_000);

  it('the portfolio shows the partner healthier, and Today has no error — all on the same page load', async () => {
    await app.goTo('Portfolio');
    await portfolio.search(PARTNER);
    await expect.poll(() => portfolioHealth(), { timeout: 30_000, message: 'the health score counts the API-registered deal' }).toBeGreaterThan(healthBefore);
    await shot('04-portfolio-after');
    await app.goTo('Today');
    await page.getByRole('heading', { level: 2, name: 'Today' }).waitFor();
    await shot('05-today-after');
    expect(await page.evaluate(() => (window as { __pdSamePageLoad?: boolean }).__pdSamePageLoad)).toBe(true);
    await app.expectNoErrorBoundary();
    expect(session.pageErrors).toEqual([]);
  });
});
