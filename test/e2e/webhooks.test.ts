import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type SyncServer } from '../../src-server/createServer';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../../src-server/webhooks/signature';
import { AppPage } from './pages/appPage';
import { SettingsPage } from './pages/settingsPage';
import { WebhooksPage } from './pages/webhooksPage';
import { openAppSession, type AppSession } from './support/appSession';

type Received = { headers: IncomingMessage['headers']; body: string };

/**
 * A program lead manages webhooks from the app: signed out the screen says what it needs; signed
 * in as an admin she adds a subscription for a receiver on 127.0.0.1 (a bad URL is refused on the
 * field), copies the secret shown once, sees the delivery of a partner created through the API
 * answered 200, redelivers it (the receiver gets it again, validly signed) and removes it.
 */
describe('webhooks: an admin manages subscriptions and the delivery log from the app', () => {
  let dataDir: string;
  let server: SyncServer;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  let session: AppSession;
  let page: Page;
  let app: AppPage;
  let webhooks: WebhooksPage;
  let secret = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pd-e2e-webhooks-'));
    server = await createServer({ dataDir, host: '127.0.0.1', port: 0, logger: false, passwordHashing: { memoryCost: 1024, timeCost: 1 }, streamHeartbeatMs: 1000, webhookPollMs: 200 });
    await server.admin.addTeam('north');
    await server.admin.addUser({ email: 'lead@north.example', name: 'Lena Lead', role: 'admin', teams: ['north'], password: 'lead-correct-horse' });
    await server.admin.addUser({ email: 'ann@north.example', name: 'Ann Berg', role: 'manager', teams: ['north'], password: 'ann-correct-horse' });
    receiver = createHttpServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/partner-desk`;
    session = await openAppSession({ clipboard: true });
    page = session.page;
    app = new AppPage(page, session.url);
    webhooks = new WebhooksPage(page);
  });

  afterAll(async () => {
    expect(session?.pageErrors ?? []).toEqual([]);
    await session?.close();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('signed out, the screen says to connect to a sync server as an admin', async () => {
    await app.open('/webhooks');
    await page.getByRole('heading', { level: 2, name: 'Webhooks' }).waitFor();
    expect(await webhooks.blocked().innerText()).toContain('Connect to a sync server as an admin to manage webhooks.');
    // Not in the navigation for anyone but an admin; Settings and the palette lead here.
    expect(await page.getByRole('navigation').getByRole('link', { name: /^Webhooks/ }).count()).toBe(0);
    await app.screenshot('webhooks-00-signed-out-light');
  });

  it('signed in as an admin: no webhooks yet, a bad URL is refused on the field, then one is added and its secret shown once', async () => {
    await app.goTo('Settings');
    const settings = new SettingsPage(page);
    await settings.sync.signIn({ serverUrl: server.url, email: 'lead@north.example', password: 'lead-correct-horse' });
    await settings.sync.expectSignedIn('lead@north.example');
    await page.getByTestId('integrations-card').getByRole('link', { name: 'Manage webhooks' }).click();
    await page.getByRole('heading', { level: 2, name: 'Webhooks' }).waitFor();
    await page.getByTestId('webhooks-empty').waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: /^Webhooks/ }).count()).toBe(1);
    await app.dismissNotifications();
    await app.screenshot('webhooks-01-empty-light');

    await webhooks.add({ url: 'hooks.example.com/partner-desk', events: ['partner.created'] });
    expect(await webhooks.fieldErrors()).toEqual(['webhook url must be an absolute http(s) URL like https://hooks.example.com/partner-desk (got "hooks.example.com/partner-desk")']);
    await webhooks.add({ url: receiverUrl, events: ['partner.created', 'deal.won'] });
    secret = await webhooks.shownSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    await page.getByRole('button', { name: 'Copy secret' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await app.screenshot('webhooks-02-secret-once-light');
    await page.getByRole('button', { name: 'Done' }).click();
    await webhooks.addDialog().waitFor({ state: 'detached' });
    await expect.poll(() => webhooks.subscriptionRows().count()).toBe(1);
    const row = await webhooks.subscriptionRows().first().locator('td').allTextContents();
    expect([row[0], row[3]]).toEqual([receiverUrl, 'Active']);
    expect(await webhooks.subscriptionRows().first().locator('td').nth(1).locator('.mantine-Badge-root').allTextContents()).toEqual(['Partner created', 'Deal won']);
    // The secret is nowhere on the screen any more.
    expect(await page.getByText(secret).count()).toBe(0);
  });

  it('a partner created through the API is delivered (200); Redeliver sends it again, validly signed', async () => {
    const crm = (await server.apiTokens.create({ name: 'crm', scopes: ['partners:write'] })).token;
    const created = await fetch(`${server.url}/api/v1/partners`, {
      method: 'POST',
      headers: { authorization: `Bearer ${crm}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Northwind Channel Co', type: 'reseller', day0: '2026-11-16', ownerEmail: 'ann@north.example' }),
    });
    expect(created.status).toBe(201);
    // The screen reads the log again by itself every few seconds.
    await expect.poll(() => webhooks.deliveryRows().count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => webhooks.deliveryCells(), { timeout: 30_000 }).toEqual(['Partner created', receiverUrl, 'Delivered', '1', '200', '—']);
    expect(received).toHaveLength(1);
    const first = received[0] as Received;
    expect((JSON.parse(first.body) as { type: string }).type).toBe('partner.created');
    expect(verifyWebhookSignature(secret, first.headers[SIGNATURE_HEADER] as string, first.body, Math.floor(Date.now() / 1000))).toBe(true);
    await app.screenshot('webhooks-03-delivered-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('webhooks-04-delivered-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await webhooks.deliveries.getByRole('button', { name: `Redeliver partner.created to ${receiverUrl}` }).click();
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(2);
    const again = received[1] as Received;
    expect(again.body).toBe(first.body);
    expect(verifyWebhookSignature(secret, again.headers[SIGNATURE_HEADER] as string, again.body, Math.floor(Date.now() / 1000))).toBe(true);
    await expect.poll(() => webhooks.deliveryCells(), { timeout: 30_000 }).toEqual(['Partner created', receiverUrl, 'Delivered', '2', '200, 200', '—']);
  });

  it('offline, the last list read stays on screen and says so; back online it updates again', async () => {
    await session.context.setOffline(true);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText('Showing the last list read').waitFor();
    expect(await webhooks.subscriptionRows().count()).toBe(1);
    await app.dismissNotifications();
    await app.screenshot('webhooks-05-offline-stale-light');
    await session.context.setOffline(false);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText('Showing the last list read').waitFor({ state: 'detached' });
  });

  it('removes the subscription after a confirmation; the log stays, the removed one shows on request', async () => {
    await webhooks.subscriptions.getByRole('button', { name: `Remove webhook ${receiverUrl}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this webhook?' });
    await confirm.waitFor();
    await app.screenshot('webhooks-06-remove-confirm-light');
    await confirm.getByRole('button', { name: 'Remove webhook' }).click();
    await page.getByTestId('webhooks-empty').waitFor();
    expect(await webhooks.deliveryRows().count()).toBe(1);
    expect(await webhooks.deliveries.getByRole('button', { name: /^Redeliver/ }).count()).toBe(0);
    await webhooks.subscriptions.getByRole('switch', { name: 'Show removed (1)' }).check();
    expect(await webhooks.subscriptionRows().first().textContent()).toContain('Removed');
    await app.dismissNotifications();
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('webhooks-07-removed-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('a partner manager signed in sees that webhooks are an admin’s, and no Webhooks in the navigation', async () => {
    await app.goTo('Settings');
    const settings = new SettingsPage(page);
    await settings.sync.signOut();
    await settings.sync.signIn({ serverUrl: server.url, email: 'ann@north.example', password: 'ann-correct-horse' });
    await settings.sync.expectSignedIn('ann@north.example');
    await page.getByTestId('integrations-card').getByRole('link', { name: 'Manage webhooks' }).click();
    await webhooks.blocked().waitFor();
    expect(await webhooks.blocked().innerText()).toMatch(/^Webhooks are managed by an admin\s+You are signed in as a partner manager \(ann@north\.example\)\. Connect to a sync server as an admin to manage webhooks\.$/);
    expect(await page.getByRole('navigation').getByRole('link', { name: /^Webhooks/ }).count()).toBe(0);
    await app.dismissNotifications();
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('webhooks-08-manager-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
