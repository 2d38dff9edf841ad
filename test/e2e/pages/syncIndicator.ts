import type { Locator, Page } from 'playwright-core';

/** The sync indicator in the header and the details drawer it opens. */
export class SyncIndicator {
  readonly button: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('sync-indicator');
  }

  async text(): Promise<string> {
    return (await this.button.innerText()).trim();
  }

  /** Waits until the indicator reads `text` (sync runs in the background: this may take a moment). */
  async waitFor(text: string | RegExp, timeout = 30_000): Promise<void> {
    await this.button.filter({ hasText: text }).waitFor({ timeout });
  }

  async openDetails(): Promise<Locator> {
    await this.button.click();
    const drawer = this.page.getByRole('dialog', { name: 'Sync' });
    await drawer.waitFor();
    return drawer;
  }

  async closeDetails(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('dialog', { name: 'Sync' }).waitFor({ state: 'detached' });
  }
}
