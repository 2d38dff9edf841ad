import type { Locator, Page } from 'playwright-core';

/** The Webhooks admin screen: subscriptions, the add dialog with its one-time secret, the delivery log. */
export class WebhooksPage {
  readonly subscriptions: Locator;
  readonly deliveries: Locator;

  constructor(readonly page: Page) {
    this.subscriptions = page.getByTestId('webhook-subscriptions');
    this.deliveries = page.getByTestId('webhook-deliveries');
  }

  blocked(): Locator {
    return this.page.getByTestId('webhooks-blocked');
  }

  addDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^(Add a webhook|Webhook added)/ });
  }

  /** Fills and submits the add dialog (opening it first when needed). */
  async add(values: { url: string; events: string[] }): Promise<void> {
    const dialog = this.addDialog();
    if (!(await dialog.isVisible())) await this.subscriptions.getByRole('button', { name: 'Add webhook' }).click();
    await dialog.getByRole('textbox', { name: /^Receiver URL/ }).fill(values.url);
    for (const event of values.events) {
      const box = dialog.getByRole('checkbox', { name: new RegExp(`\\(${event.replace('.', '\\.')}\\)$`) });
      if (!(await box.isChecked())) await box.check();
    }
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
  }

  fieldErrors(): Promise<string[]> {
    return this.addDialog().locator('[id$="-error"]').allInnerTexts();
  }

  /** The secret the dialog shows once after adding. */
  async shownSecret(): Promise<string> {
    const reveal = this.page.getByTestId('webhook-secret');
    await reveal.waitFor();
    return (await reveal.getByLabel('Signing secret').innerText()).trim();
  }

  subscriptionRows(): Locator {
    return this.subscriptions.locator('tbody tr');
  }

  deliveryRows(): Locator {
    return this.deliveries.locator('tbody tr');
  }

  /** One delivery row's cells as text: event, URL, status, attempts, answers, next attempt. */
  async deliveryCells(index = 0): Promise<string[]> {
    const cells = await this.deliveryRows().nth(index).locator('td').allTextContents();
    return cells.slice(0, 6).map((cell) => cell.trim());
  }
}
