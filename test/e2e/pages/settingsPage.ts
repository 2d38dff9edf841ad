import type { Locator, Page } from 'playwright-core';

export type Credentials = { serverUrl: string; email: string; password: string };

/** Settings → Sync: the sign-in form, the signed-in account, sign-out. */
export class SyncPanel {
  readonly card: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('sync-card');
  }

  async fillSignIn(credentials: Credentials): Promise<void> {
    await this.card.getByRole('textbox', { name: 'Server address' }).fill(credentials.serverUrl);
    await this.card.getByRole('textbox', { name: 'Email' }).fill(credentials.email);
    await this.card.getByRole('textbox', { name: 'Password' }).fill(credentials.password);
  }

  /** Submits the form; use `expectSignedIn` or `problem` to see how it went. */
  async signIn(credentials: Credentials): Promise<void> {
    await this.fillSignIn(credentials);
    await this.card.getByRole('button', { name: /^Sign in( again)?$/ }).click();
  }

  /** The message a failed sign-in left: on a field, or in the alert above the form. */
  async problem(): Promise<string> {
    const message = this.card.locator('[id$="-error"], [role="alert"]').first();
    await message.waitFor();
    return (await message.innerText()).trim();
  }

  async expectSignedIn(email: string): Promise<void> {
    await this.card.getByText('Signed in as').waitFor({ timeout: 30_000 });
    await this.card.getByText(`(${email})`, { exact: false }).waitFor();
  }

  /** Signs out from the confirmation dialog, keeping (default) or removing this account's data. */
  async signOut(options: { removeLocalData?: boolean } = {}): Promise<void> {
    await this.card.getByRole('button', { name: 'Sign out' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Sign out of/ });
    await dialog.waitFor();
    if (options.removeLocalData) await dialog.getByRole('checkbox', { name: /remove this account’s data/ }).check();
    await dialog.getByRole('button', { name: /^Sign out/ }).click();
    await this.page.getByTestId('sync-indicator').filter({ hasText: 'Local only' }).waitFor({ timeout: 30_000 });
  }
}

/** The Settings screen. */
export class SettingsPage {
  readonly sync: SyncPanel;

  constructor(readonly page: Page) {
    this.sync = new SyncPanel(page);
  }
}
