import type { Locator, Page } from 'playwright-core';

/** The portfolio table. */
export class PortfolioPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId('portfolio-row');
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Search partners' }).fill(text);
  }

  async openPartner(name: string): Promise<void> {
    await this.rows().filter({ hasText: name }).first().click();
    await this.page.getByRole('heading', { level: 2, name }).waitFor();
  }
}
