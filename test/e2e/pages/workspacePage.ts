import type { Locator, Page } from 'playwright-core';

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

  async openTab(name: 'Journey' | 'Contacts & team'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  healthBadge(): Locator {
    return this.page.getByLabel(/^Health \d+ of 100$/);
  }
}
