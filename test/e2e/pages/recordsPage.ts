import type { Locator, Page } from 'playwright-core';

/** A partner's Deals, Training and Satisfaction tabs, and the program dashboard. */
export class RecordsPage {
  constructor(readonly page: Page) {}

  async openTab(name: 'Deals' | 'Training' | 'Satisfaction' | 'Journey'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  dealForm(): Locator {
    return this.page.getByRole('form', { name: 'Register a deal' });
  }

  async startDeal(values: { account: string; amount: string; currency?: string; stage?: 'Registered' | 'Won' | 'Lost'; source?: 'Partner-sourced' | 'Influenced' }): Promise<void> {
    await this.page.getByRole('button', { name: 'Register a deal' }).click();
    const form = this.dealForm();
    await form.getByRole('textbox', { name: /^Account/ }).fill(values.account);
    await form.getByRole('textbox', { name: /^Amount/ }).fill(values.amount);
    if (values.currency) await form.getByRole('textbox', { name: /^Currency/ }).fill(values.currency);
    if (values.stage) {
      await form.getByRole('combobox', { name: 'Stage' }).click();
      await this.page.getByRole('option', { name: values.stage, exact: true }).click();
    }
    if (values.source) await form.getByText(values.source, { exact: true }).click();
  }

  async submitDeal(label: 'Register deal' | 'Register anyway' = 'Register deal'): Promise<void> {
    await this.dealForm().getByRole('button', { name: label }).click();
  }

  /** Approves or rejects a registration from its row's "Decide" menu, with the reason asked for. */
  async decideRegistration(account: string, action: 'Approve' | 'Reject' | 'Request an extension', reason: string): Promise<void> {
    await this.dealRows().filter({ hasText: account }).getByRole('button', { name: `Registration of ${account}` }).click();
    await this.page.getByRole('menuitem', { name: `${action}…` }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Reason/ }).fill(reason);
    await dialog.getByRole('button', { name: action === 'Request an extension' ? 'Request extension' : action, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** The registration badge of a deal row ("Protected until …", "Awaiting approval" …). */
  registrationStatus(account: string): Locator {
    return this.dealRows().filter({ hasText: account }).getByTestId('registration-status');
  }

  dealRows(): Locator {
    return this.page.getByRole('table', { name: 'Deals' }).locator('tbody tr');
  }

  async recordTraining(values: { person: string; course: string; completed: boolean }): Promise<void> {
    const page = this.page;
    await this.page.getByRole('button', { name: 'Record a training' }).first().click();
    const form = this.page.getByRole('form', { name: 'Record a training' });
    await form.getByRole('combobox', { name: /^Person/ }).fill(values.person);
    await page.keyboard.press('Escape');
    await form.getByRole('textbox', { name: /^Course/ }).fill(values.course);
    if (values.completed) {
      await form.getByRole('combobox', { name: 'Status' }).click();
      await this.page.getByRole('option', { name: 'Completed', exact: true }).click();
    }
    await form.getByRole('button', { name: 'Save training' }).click();
    await form.waitFor({ state: 'detached' });
  }

  async recordPsat(score: number, comment: string): Promise<void> {
    await this.page.getByRole('button', { name: /^Record (a )?PSAT$/ }).first().click();
    const form = this.page.getByRole('form', { name: 'Record a PSAT' });
    await form.locator('label.mantine-SegmentedControl-label', { hasText: new RegExp(`^${score}$`) }).click();
    await form.getByRole('textbox', { name: 'Comment' }).fill(comment);
    await form.getByRole('button', { name: 'Save PSAT' }).click();
    await form.waitFor({ state: 'detached' });
  }

  async openDashboard(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: /^Dashboard/ }).click();
    await this.page.getByRole('heading', { level: 2, name: 'Dashboard' }).waitFor();
  }

  chart(label: 'ttv' | 'funnel' | 'pipeline' | 'certification' | 'registrations' | 'psat' | 'churn'): Locator {
    return this.page.getByTestId(`chart-${label}`);
  }

  /** Clicks the tallest bar of a chart (a bar with partners behind it). */
  async clickTallestBar(label: 'ttv' | 'funnel' | 'registrations'): Promise<void> {
    // Charts mount as they scroll into view.
    await this.chart(label).scrollIntoViewIfNeeded();
    const bars = this.chart(label).locator('.recharts-bar-rectangle path');
    await bars.first().waitFor();
    const boxes = await bars.evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBBox().height));
    const tallest = boxes.indexOf(Math.max(...boxes));
    await bars.nth(tallest).click({ force: true });
  }

  drillDown(): Locator {
    return this.page.getByRole('region', { name: 'Partners behind the chart' });
  }
}
