import type { Locator, Page } from 'playwright-core';

export type MdfRequestValues = { activity: string; amount: string; currency: string; initiative?: string };
export type MdfStep = 'Edit' | 'Approve' | 'Reject' | 'File a claim' | 'Claim again' | 'Approve claim' | 'Refuse claim' | 'Mark paid';
export type MdfStepForm = 'Change the MDF request' | 'Approve the request' | 'Reject the request' | 'File a claim with proof of performance' | 'Approve the claim' | 'Refuse the claim' | 'Record the payment';

/** A partner's MDF tab: quarter budgets, requests and each request's steps to payment. */
export class MdfPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'MDF' }).click();
  }

  form(name: string): Locator {
    return this.page.getByRole('form', { name });
  }

  field(form: Locator, label: string): Locator {
    return form.getByRole('textbox', { name: label, exact: true });
  }

  /** The message shown under a field of a form. */
  async fieldError(form: Locator, label: string): Promise<string> {
    const id = await this.field(form, label).getAttribute('aria-describedby');
    const errorId = id?.split(' ').find((part) => part.endsWith('-error'));
    return errorId ? (await this.page.locator(`[id="${errorId}"]`).innerText()).trim() : '';
  }

  async setBudget(values: { amount: string; currency: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Set a budget' }).click();
    const form = this.form('MDF budget');
    await this.field(form, 'Budget').fill(values.amount);
    await this.field(form, 'Currency').fill(values.currency);
    await form.getByRole('button', { name: 'Save budget' }).click();
    await form.waitFor({ state: 'detached' });
  }

  async request(values: MdfRequestValues): Promise<void> {
    await this.page.getByRole('button', { name: 'Request MDF' }).first().click();
    const form = this.form('MDF request');
    await this.field(form, 'Activity').fill(values.activity);
    await this.field(form, 'Amount').fill(values.amount);
    await this.field(form, 'Currency').fill(values.currency);
    if (values.initiative) {
      await form.getByRole('combobox', { name: 'Plan initiative' }).click();
      await this.page.getByRole('option', { name: values.initiative, exact: true }).click();
    }
    await form.getByRole('button', { name: 'Request MDF' }).click();
    await form.waitFor({ state: 'detached' });
  }

  budgetRows(): Locator {
    return this.page.getByRole('table', { name: 'MDF budgets' }).locator('tbody tr');
  }

  card(activity: string): Locator {
    return this.page.getByRole('article', { name: activity });
  }

  async state(activity: string): Promise<string> {
    return ((await this.card(activity).getByTestId('mdf-state').textContent()) ?? '').trim();
  }

  /** Opens one step of a request; returns its form. */
  async startStep(activity: string, step: MdfStep, form: MdfStepForm): Promise<Locator> {
    await this.card(activity).getByRole('button', { name: step, exact: true }).click();
    const opened = this.card(activity).getByRole('form', { name: form });
    await opened.waitFor();
    return opened;
  }

  async submit(form: Locator, label: string): Promise<void> {
    await form.getByRole('button', { name: label, exact: true }).click();
  }

  async submitAndClose(form: Locator, label: string): Promise<void> {
    await this.submit(form, label);
    await form.waitFor({ state: 'detached' });
  }
}
