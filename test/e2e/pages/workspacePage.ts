import type { Locator, Page } from 'playwright-core';
import { PartnerFormModel } from './appPage';

/** One partner's workspace: header, journey and contacts tabs. */
export class WorkspacePage {
  constructor(readonly page: Page) {}

  nextSteps(): Locator {
    return this.page.getByTestId('next-steps').getByTestId('task-line');
  }

  async completeNextStep(title: string): Promise<void> {
    await this.page.getByTestId('next-steps').getByRole('checkbox', { name: `Mark “${title}” done` }).click();
  }

  async showFullJourney(): Promise<Locator> {
    await this.page.getByRole('button', { name: /Show full journey/ }).click();
    const journey = this.page.getByTestId('full-journey');
    await journey.waitFor();
    return journey;
  }

  async openTab(name: 'Journey' | 'Contacts & team' | 'Changes merged'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  async editPartner(name: string): Promise<PartnerFormModel> {
    await this.page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `Edit ${name}` });
    await dialog.waitFor();
    return new PartnerFormModel(dialog);
  }

  /** The partner header card (name, badges, region, website). */
  header(): Locator {
    return this.page.getByTestId('partner-header');
  }

  /** The "Changes merged" history: one card per same-field conflict. */
  mergedRecords(): Locator {
    return this.page.getByTestId('conflict-record');
  }

  healthBadge(): Locator {
    return this.page.getByLabel(/^Health \d+ of 100$/);
  }
}
