import type { Locator, Page } from 'playwright-core';
import type { Task } from '../../../src-shared/domain/types';
import { planPdfOptions, toChromiumPdfOptions, welcomeKitPrintRoute, type PaperSize } from '../../../src-shared/plan/pdfOptions';
import { waitForPrintReady } from './planPage';

type Automation = { partnerDeskAutomation?: { db: Record<string, { find: (query?: unknown) => { exec: () => Promise<{ toJSON: () => unknown }[]> } }> } };

/** Settings → Profile & branding: logo and accent colour. */
export class BrandingPanel {
  readonly card: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('profile-card');
  }

  /** Picks a file for the logo (through the hidden file input of "Choose logo…"). */
  async pickLogo(path: string): Promise<void> {
    await this.card.locator('input[type="file"]').setInputFiles(path);
  }

  logoError(): Locator {
    return this.card.locator('#branding-logo-error');
  }

  async setAccent(value: string): Promise<void> {
    const input = this.card.getByRole('textbox', { name: 'Accent colour' });
    await input.fill(value);
    await input.press('Escape');
  }

  async save(): Promise<void> {
    await this.card.getByRole('button', { name: 'Save profile' }).click();
  }
}

/** Every task in the store (automation hook). */
export async function storedTasks(page: Page): Promise<Task[]> {
  await page.waitForFunction(() => (globalThis as unknown as Automation).partnerDeskAutomation !== undefined, undefined, { timeout: 60_000 });
  return (await page.evaluate(async () => {
    const docs = await (globalThis as unknown as Automation).partnerDeskAutomation!.db.tasks!.find().exec();
    return docs.map((doc) => doc.toJSON());
  })) as Task[];
}

/** Prints a partner's welcome kit the way the desktop app does (the shared printToPDF options). */
export async function printWelcomeKitPdf(page: Page, baseUrl: string, partnerId: string, paper: PaperSize, path: string): Promise<Buffer> {
  await page.goto(`${baseUrl}#${welcomeKitPrintRoute(partnerId, paper)}`);
  const header = await waitForPrintReady(page);
  return page.pdf({ ...toChromiumPdfOptions(planPdfOptions(paper, header)), path });
}
