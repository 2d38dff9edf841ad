import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { formatDate } from '../../../src-shared/util/formatDate';

/** Who the e2e user is when a test does not care. */
export const DEMO_IDENTITY = { name: 'Pat Manager', company: 'North Wind Software' };

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../../test-results/screenshots');

/** The app as a user sees it: navigation, header actions and the first-run screen. */
export class AppPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(route = '/today'): Promise<void> {
    await this.page.goto(`${this.baseUrl}#${route}`);
    await this.page.getByText('Opening your portfolio…').waitFor({ state: 'detached', timeout: 30_000 });
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.getByText('Opening your portfolio…').waitFor({ state: 'detached', timeout: 30_000 });
  }

  nav(name: 'Today' | 'Portfolio' | 'Import partners' | 'Settings'): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name: new RegExp(`^${name}`) });
  }

  async goTo(name: 'Today' | 'Portfolio' | 'Import partners' | 'Settings'): Promise<void> {
    await this.nav(name).click();
    await this.page.getByRole('heading', { level: 2, name: name === 'Import partners' ? 'Import partners' : name }).waitFor();
  }

  /** The first-run question "who are you?": the manager's name and company. */
  identityStep(): Locator {
    return this.page.getByRole('region', { name: 'First, who are you?' });
  }

  async answerIdentity(values: { name?: string; company: string }): Promise<void> {
    const step = this.identityStep();
    if (values.name !== undefined) await step.getByRole('textbox', { name: 'Your name' }).fill(values.name);
    await step.getByRole('textbox', { name: 'Your company' }).fill(values.company);
    await step.getByRole('button', { name: 'Continue' }).click();
    await step.waitFor({ state: 'detached' });
  }

  /** Loads the demo from the first-run screen, saying who you are first when it asks. */
  async loadDemoPortfolio(identity: { name: string; company: string } = DEMO_IDENTITY): Promise<void> {
    const demo = this.page.getByRole('button', { name: 'Load demo portfolio' });
    await demo.or(this.identityStep()).first().waitFor();
    if (await this.identityStep().isVisible()) await this.answerIdentity(identity);
    await demo.click();
    await this.page.getByText('Demo portfolio loaded').waitFor({ timeout: 60_000 });
  }

  async openNewPartnerForm(): Promise<PartnerFormModel> {
    await this.page.getByRole('banner').getByRole('button', { name: 'New partner' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New partner' });
    await dialog.waitFor();
    return new PartnerFormModel(dialog);
  }

  async searchPalette(text: string): Promise<void> {
    await this.page.keyboard.press('Control+k');
    const search = this.page.getByRole('textbox', { name: 'Search partners and actions' });
    await search.waitFor();
    await search.fill(text);
  }

  /** An ISO date as the app shows it in this browser's locale ("Dec 3, 2026" in en-US). */
  async shownDate(iso: string): Promise<string> {
    return formatDate(iso, await this.page.evaluate(() => navigator.language));
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = resolve(SCREENSHOT_DIR, `${name}.png`);
    // The picture shows the resting state: no tooltip left open under the pointer, and nothing
    // moving (modals, notifications and menus finish their transitions) for a few frames.
    await this.page.mouse.move(0, this.page.viewportSize()?.height ?? 0);
    await this.page.getByRole('tooltip').first().waitFor({ state: 'hidden' });
    await this.page.evaluate(() => {
      (window as { __pdQuietFrames?: number }).__pdQuietFrames = 0;
    });
    await this.page.waitForFunction(() => {
      const moving = document
        .getAnimations()
        .some((animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().iterations !== Infinity);
      const state = window as { __pdQuietFrames?: number };
      state.__pdQuietFrames = moving ? 0 : (state.__pdQuietFrames ?? 0) + 1;
      return state.__pdQuietFrames >= 3;
    }, undefined, { polling: 'raf' });
    await this.page.screenshot({ path, fullPage: false, animations: 'disabled' });
    return path;
  }

  /** Closes the notifications on screen (before a screenshot of what is under them). */
  async dismissNotifications(): Promise<void> {
    // All close buttons at once, in the page: clicking them one by one raced notifications that
    // close on their own (the last click then waited 30 s for a button that was gone). Only the
    // close buttons: a notification's own actions (Undo) would revert what the test just did.
    await this.page.locator('.mantine-Notification-root .mantine-Notification-closeButton').evaluateAll((buttons) => {
      for (const button of buttons) if (button instanceof HTMLElement) button.click();
    });
    await this.page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' }).catch(() => undefined);
  }

  async expectNoErrorBoundary(): Promise<void> {
    expect(await this.page.getByText('This screen ran into a problem').count()).toBe(0);
  }
}

/** The New/Edit partner dialog. */
export class PartnerFormModel {
  constructor(readonly dialog: Locator) {}

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: false }).first();
  }

  async fill(values: { name?: string; type?: string; day0?: string; website?: string; region?: string; tier?: string; ownerEmail?: string }): Promise<void> {
    const page = this.dialog.page();
    if (values.name !== undefined) await this.dialog.getByRole('textbox', { name: /^Partner name/ }).fill(values.name);
    if (values.type !== undefined) {
      await this.dialog.getByRole('combobox', { name: 'Partner type' }).click();
      await page.getByRole('option', { name: values.type, exact: true }).click();
    }
    if (values.day0 !== undefined) {
      const day0 = this.dialog.getByRole('textbox', { name: /^Contract signed \(Day 0\)/ });
      await day0.fill(values.day0);
      await day0.press('Tab');
    }
    if (values.tier !== undefined) {
      await this.dialog.getByRole('combobox', { name: 'Tier' }).click();
      await page.getByRole('option', { name: values.tier, exact: true }).click();
    }
    if (values.region !== undefined) await this.dialog.getByRole('textbox', { name: 'Region' }).fill(values.region);
    if (values.website !== undefined) await this.dialog.getByRole('textbox', { name: 'Website' }).fill(values.website);
    if (values.ownerEmail !== undefined) await this.dialog.getByRole('textbox', { name: /Owner/ }).fill(values.ownerEmail);
  }

  async submit(label = 'Create partner'): Promise<void> {
    await this.dialog.getByRole('button', { name: label }).click();
  }

  errorTexts(): Promise<string[]> {
    return this.dialog.locator('[id$="-error"]').allInnerTexts();
  }
}
