import type { Download, Locator, Page } from 'playwright-core';

/**
 * Labels cut short on screen: buttons, badges, table headers and navigation whose text is wider
 * than its box ("Add your first partne", "NOT STAR…"). Text meant to be cut (a long name with
 * its full text in a tooltip) is not a label and is not checked.
 */
export async function truncatedLabels(page: Page): Promise<string[]> {
  return page
    .locator('.mantine-Button-label, .mantine-Badge-label, th, .mantine-NavLink-label, .mantine-Tabs-tabLabel, label')
    .evaluateAll((elements) =>
      elements.flatMap((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return [];
        return element.scrollWidth > element.clientWidth + 1 ? [(element.textContent ?? '').trim()] : [];
      }),
    );
}

/** The portfolio table. */
export class PortfolioPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId('portfolio-row');
  }

  row(name: string): Locator {
    return this.rows().filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** The count under the title: "40 partners", or "3 of 40 partners" while filtered. */
  async visibleCountText(): Promise<string> {
    return (await this.page.getByTestId('portfolio-count').innerText()).trim();
  }

  async partnerCount(): Promise<number> {
    const match = /(\d+) partners$/.exec(await this.visibleCountText());
    return match ? Number(match[1]) : 0;
  }

  /** What the status filter leaves out, e.g. "· 8 churned hidden Show all" ('' when nothing). */
  async hiddenText(): Promise<string> {
    const hidden = this.page.getByTestId('portfolio-hidden');
    return (await hidden.count()) ? (await hidden.innerText()).trim() : '';
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Search partners' }).fill(text);
  }

  async openPartner(name: string): Promise<void> {
    await this.rows().filter({ hasText: name }).first().click();
    await this.page.getByRole('heading', { level: 2, name }).waitFor();
  }

  /** Chooses statuses in the Status filter (added to what is chosen). */
  async chooseStatuses(labels: string[]): Promise<void> {
    const input = this.page.getByRole('combobox', { name: 'Status' });
    await input.click();
    for (const label of labels) await this.page.getByRole('option', { name: label, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).click();
  }

  myPartners(): Locator {
    return this.page.getByRole('switch', { name: 'My partners' });
  }

  /** The names in the table, top to bottom (only the rows rendered). */
  async names(): Promise<string[]> {
    await this.rows().first().waitFor();
    return (await this.rows().locator('td:nth-child(2) p:first-child').allInnerTexts()).map((s) => s.trim());
  }

  async select(name: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
  }

  bulkBar(): Locator {
    return this.page.getByRole('region', { name: 'Selected partners' });
  }

  async saveView(name: string): Promise<void> {
    await this.page.getByRole('button', { name: /^Saved views/ }).click();
    await this.page.getByRole('menuitem', { name: 'Save current view…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByRole('textbox', { name: 'View name' }).fill(name);
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async applyView(name: string): Promise<void> {
    await this.page.getByRole('button', { name: /^Saved views/ }).click();
    await this.page.getByRole('menuitem', { name, exact: true }).click();
  }

  async assignOwner(email: string): Promise<void> {
    await this.bulkBar().getByRole('button', { name: 'Assign owner…' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Assign an owner/ });
    await dialog.getByRole('combobox', { name: 'Owner’s email' }).fill(email);
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async exportSelected(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.bulkBar().getByRole('button', { name: 'Export selected' }).click();
    return download;
  }
}
