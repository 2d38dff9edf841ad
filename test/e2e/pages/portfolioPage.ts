import type { Locator, Page } from 'playwright-core';

/** The portfolio table. */
export class PortfolioPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId('portfolio-row');
  }

  /** The count under the title: "40 partners", or "3 of 40 partners" while filtered. */
  async visibleCountText(): Promise<string> {
    return (await this.page.getByTestId('portfolio-count').innerText()).trim();
  }

  async partnerCount(): Promise<number> {
    const match = /(\d+) partners$/.exec(await this.visibleCountText());
    return match ? Number(match[1]) : 0;
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Search partners' }).fill(text);
  }

  async openPartner(name: string): Promise<void> {
    await this.rows().filter({ hasText: name }).first().click();
    await this.page.getByRole('heading', { level: 2, name }).waitFor();
  }
}
