import type { Locator, Page } from 'playwright-core';

/** The journey templates screen: the list by partner type × maturity, the editor and publishing. */
export class TemplatesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Journey templates' }).click();
    await this.page.getByRole('heading', { level: 2, name: 'Journey templates' }).waitFor();
  }

  versionBadge(): Locator {
    return this.page.getByTestId('template-version');
  }

  async startNewVersion(version: number): Promise<void> {
    await this.page.getByRole('button', { name: `Edit as version ${version}` }).click();
    await this.page.getByRole('button', { name: `Publish version ${version}` }).waitFor();
  }

  /** Opens a step's form from its row (by the step's title). */
  async editStep(title: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Edit ${title}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `Edit “${title}”` });
    await dialog.waitFor();
    return dialog;
  }

  /** Adds a step from the "Add step" form; `onlyRegions` makes it a step for those regions only. */
  async addStep(values: { title: string; key: string; dueDay: number; onlyRegions?: string[] }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add step' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add a step' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: /^Step/ }).fill(values.title);
    await dialog.getByRole('textbox', { name: /^Key/ }).fill(values.key);
    await this.setDueDay(dialog, values.dueDay);
    if (values.onlyRegions) {
      await dialog.getByText('Only these', { exact: true }).click();
      const regions = dialog.getByLabel(/^Regions/);
      for (const region of values.onlyRegions) {
        await regions.fill(region);
        await regions.press('Enter');
      }
    }
    await dialog.getByRole('button', { name: 'Add step' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async setDueDay(dialog: Locator, day: number): Promise<void> {
    await dialog.getByRole('textbox', { name: /^Due day/ }).fill(String(day));
  }

  async addDependency(dialog: Locator, option: string): Promise<void> {
    await dialog.getByLabel(/^Depends on/).click();
    await this.page.getByRole('option', { name: option }).click();
    await this.page.keyboard.press('Escape');
  }

  errorTexts(dialog: Locator): Promise<string[]> {
    return dialog.locator('[id$="-error"]').allInnerTexts();
  }

  async saveStep(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: 'Save step' }).click();
  }

  async publish(version: number): Promise<void> {
    await this.page.getByRole('button', { name: `Publish version ${version}` }).click();
    await this.page.getByRole('dialog', { name: `Publish version ${version}?` }).getByRole('button', { name: `Publish version ${version}` }).click();
    await this.page.getByRole('dialog', { name: `Publish version ${version}?` }).waitFor({ state: 'detached' });
  }

  publishPanel(): Locator {
    return this.page.getByTestId('publish-panel');
  }

  preview(partnerName: string): Locator {
    return this.page.getByTestId(`preview-${partnerName}`);
  }

  async pickPartner(partnerName: string, version: number): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Move ${partnerName} to version ${version}` }).check();
  }
}
