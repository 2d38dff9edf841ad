import type { Locator, Page } from 'playwright-core';
import type { Partner, Plan, PlanItem } from '../../../src-shared/domain/types';
import { planPdfOptions, printRoute, PRINT_READY_ATTRIBUTE, toChromiumPdfOptions, type PaperSize, type PlanPdfHeader } from '../../../src-shared/plan/pdfOptions';

export type GoalValues = { title: string; metric?: string; target: string; actual?: string; dueDate?: string };
export type AccountValues = { name: string; segment?: string; fit?: string; nextStep?: string };
export type MdfValues = { title: string; amount: string; currency: string; status: 'Requested' | 'Approved' | 'Claimed' | 'Paid' };

/** A partner's Plan tab: sections, the add/edit dialog, versions, comparison and export. */
export class PlanPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Plan' }).click();
  }

  async startFromTemplate(): Promise<void> {
    await this.page.getByRole('button', { name: /^Start from the .* template$/ }).click();
    await this.page.getByTestId('plan-tab').waitFor();
  }

  section(kind: 'goal' | 'account' | 'initiative' | 'revenue' | 'risk'): Locator {
    return this.page.getByTestId(`plan-section-${kind}`);
  }

  rows(kind: 'goal' | 'account' | 'initiative' | 'revenue' | 'risk'): Locator {
    return this.section(kind).getByTestId(`plan-row-${kind}`);
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  field(label: string): Locator {
    return this.dialog().getByRole('textbox', { name: label, exact: true });
  }

  /** The message shown under a field of the open dialog. */
  async fieldError(label: string): Promise<string> {
    const id = await this.field(label).getAttribute('aria-describedby');
    const errorId = id?.split(' ').find((part) => part.endsWith('-error'));
    return errorId ? (await this.page.locator(`[id="${errorId}"]`).innerText()).trim() : '';
  }

  async openAdd(kind: 'goal' | 'account' | 'initiative'): Promise<void> {
    await this.section(kind).getByRole('button', { name: `Add ${kind}` }).click();
    await this.dialog().waitFor();
  }

  async fillGoal(values: GoalValues): Promise<void> {
    await this.field('Goal').fill(values.title);
    if (values.metric !== undefined) await this.field('Metric').fill(values.metric);
    await this.field('Target').fill(values.target);
    if (values.actual !== undefined) await this.field('Actual').fill(values.actual);
    if (values.dueDate !== undefined) await this.field('Due date').fill(values.dueDate);
  }

  async submit(label: string): Promise<void> {
    await this.dialog().getByRole('button', { name: label, exact: true }).click();
  }

  async submitAndClose(label: string): Promise<void> {
    await this.submit(label);
    await this.dialog().waitFor({ state: 'detached' });
  }

  async addAccount(values: AccountValues): Promise<void> {
    await this.openAdd('account');
    await this.field('Account name').fill(values.name);
    if (values.segment) await this.field('Segment').fill(values.segment);
    if (values.fit) await this.field('Fit score (0–100)').fill(values.fit);
    if (values.nextStep) await this.field('Next step').fill(values.nextStep);
    await this.submitAndClose('Add account');
  }

  async choose(label: string, option: string): Promise<void> {
    await this.dialog().getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async addMdfRequest(values: MdfValues): Promise<void> {
    await this.openAdd('initiative');
    await this.choose('Type', 'MDF request');
    await this.field('Initiative').fill(values.title);
    await this.field('MDF amount').fill(values.amount);
    await this.field('Currency').fill(values.currency);
    await this.choose('MDF status', values.status);
    await this.submitAndClose('Add initiative');
  }

  async editRow(kind: 'goal' | 'account' | 'initiative', title: string): Promise<void> {
    await this.section(kind).getByRole('button', { name: `Edit “${title}”` }).click();
    await this.dialog().waitFor();
  }

  async finalise(version: number): Promise<void> {
    await this.page.getByRole('button', { name: `Finalise version ${version}` }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: `Finalise version ${version}` }).click();
    await this.page.getByText(`Version ${version} finalised`).waitFor();
  }

  versionSelect(): Locator {
    return this.page.getByRole('combobox', { name: 'Version', exact: true });
  }

  /** Clicks Export PDF on a plan with empty parts: reads the parts the app lists, then answers "Export anyway". */
  async exportPdfAnyway(): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Export PDF' }).click();
    const missing = this.page.getByTestId('plan-export-missing');
    await missing.waitFor();
    const parts = (await missing.getByRole('listitem').allInnerTexts()).map((part) => part.trim());
    await this.page.getByRole('button', { name: 'Export anyway' }).click();
    return parts;
  }

  /** Clicks Export PDF on a plan with nothing in it: the parts the app says are missing (nothing is exported). */
  async exportEmptyPlan(): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Export PDF' }).click();
    const empty = this.page.getByTestId('plan-export-empty');
    await empty.waitFor();
    return (await empty.getByRole('listitem').allInnerTexts()).map((part) => part.trim());
  }

  async viewVersion(label: RegExp): Promise<void> {
    await this.versionSelect().click();
    await this.page.getByRole('option', { name: label }).click();
  }

  async compare(from: RegExp, to: RegExp): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Compare versions' }).click();
    const panel = this.page.getByTestId('plan-compare');
    await panel.waitFor();
    await panel.getByRole('combobox', { name: 'From' }).click();
    await this.page.getByRole('option', { name: from }).click();
    await panel.getByRole('combobox', { name: 'To' }).click();
    await this.page.getByRole('option', { name: to }).click();
    return panel;
  }

  mdfTotal(): Locator {
    return this.page.getByTestId('mdf-total');
  }
}

/* ---- Printing and seeding, shared with the PDF benchmark (scripts/bench/pdfBench.ts) ---- */

type Automation = { partnerDeskAutomation?: { db: Record<string, { bulkInsert: (docs: unknown[]) => Promise<{ error: unknown[] }>; find: (query?: unknown) => { exec: () => Promise<{ toJSON: () => unknown }[]> } }> } };

/** Waits for the print layout to report it is rendered; returns the header it announces. */
export async function waitForPrintReady(page: Page, timeout = 60_000): Promise<PlanPdfHeader> {
  await page.waitForFunction((attribute) => document.documentElement.getAttribute(attribute) === 'true', PRINT_READY_ATTRIBUTE, { timeout });
  const raw = await page.evaluate(() => document.documentElement.getAttribute('data-print-header'));
  return JSON.parse(raw ?? '{}') as PlanPdfHeader;
}

/**
 * Prints a plan the way the desktop app does: load the print route, wait for "ready", then
 * Chromium's PDF printer with the very options the app passes to printToPDF (src-shared/plan/pdfOptions).
 */
export async function printPlanPdf(page: Page, baseUrl: string, planId: string, paper: PaperSize, path?: string): Promise<Buffer> {
  await page.goto(`${baseUrl}#${printRoute(planId, paper)}`);
  const header = await waitForPrintReady(page);
  const options = toChromiumPdfOptions(planPdfOptions(paper, header));
  return page.pdf(path ? { ...options, path } : options);
}

export type PlanSize = { goals: number; accounts: number; initiatives: number; revenueQuarters?: number; risks?: number };

const GOAL_WORDS = ['certify', 'the regional', 'pre-sales engineers', 'on the advanced', 'integration track', 'and register', 'qualified deals'];

/** A plan (draft) with the given number of rows, dated around `day0`; goal titles are long enough to wrap. */
export function buildPlanDocs(partner: Pick<Partner, 'id' | 'day0'>, size: PlanSize, now = new Date().toISOString()): { plan: Plan; items: PlanItem[] } {
  const planId = crypto.randomUUID();
  const base = { createdAt: now, updatedAt: now, partnerId: partner.id, planId };
  const day0 = new Date(`${partner.day0}T00:00:00Z`).getTime();
  const due = (days: number) => new Date(day0 + days * 86_400_000).toISOString().slice(0, 10);
  const items: PlanItem[] = [];
  for (let i = 0; i < size.goals; i += 1) {
    const number = String(i + 1).padStart(2, '0');
    items.push({ ...base, id: crypto.randomUUID(), kind: 'goal', order: i, title: `Goal ${number}: ${GOAL_WORDS.slice(0, 3 + (i % 5)).join(' ')}`, metric: 'Engineers certified', target: 10 + (i % 7), actual: i % 12, dueDate: due(15 + ((i * 7) % 90)), ownerSide: i % 2 === 0 ? 'partner' : 'vendor' });
  }
  for (let i = 0; i < size.accounts; i += 1) {
    items.push({ ...base, id: crypto.randomUUID(), kind: 'account', order: i, title: `Account ${i + 1} Holdings`, segment: i % 2 ? 'Enterprise' : 'Mid-market', fit: 50 + ((i * 13) % 50), stage: 'identified', nextStep: 'Joint discovery call' });
  }
  for (let i = 0; i < size.initiatives; i += 1) {
    const mdf = i % 2 === 0;
    items.push({ ...base, id: crypto.randomUUID(), kind: 'initiative', order: i, title: mdf ? `MDF request ${i + 1}` : `Campaign ${i + 1}`, initiativeType: mdf ? 'mdf' : 'campaign', status: mdf ? 'approved' : 'planned', ...(mdf ? { amount: 10_000, currency: 'EUR' } : {}), ownerSide: 'partner' });
  }
  for (let i = 0; i < (size.revenueQuarters ?? 4); i += 1) {
    items.push({ ...base, id: crypto.randomUUID(), kind: 'revenue', order: i, title: `Revenue Q${i + 1} 2027`, quarter: `2027-Q${i + 1}`, target: 50_000 * (i + 1), actual: i === 0 ? 30_000 : 0, currency: 'EUR' });
  }
  for (let i = 0; i < (size.risks ?? 3); i += 1) {
    items.push({ ...base, id: crypto.randomUUID(), kind: 'risk', order: i, title: `Risk ${i + 1}: key people leave`, mitigation: 'Cross-train a second contact', ownerSide: 'vendor', status: 'open' });
  }
  const plan: Plan = {
    id: planId,
    createdAt: now,
    updatedAt: now,
    partnerId: partner.id,
    version: 1,
    status: 'draft',
    objectives: 'Grow a certified, self-sufficient partner practice.',
    summary: 'A plan with many goals, for pagination.',
    signOff: [
      { side: 'partner', name: 'Dana Partner', title: 'CEO' },
      { side: 'vendor', name: 'Pat Manager', title: 'Partner manager' },
    ],
  };
  return { plan, items };
}

/** Stores a plan through the app's automation hook (pages opened with `?automation`). */
export async function insertPlanDocs(page: Page, docs: { plan: Plan; items: PlanItem[] }): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as Automation).partnerDeskAutomation !== undefined, undefined, { timeout: 60_000 });
  const errors = await page.evaluate(async ({ plan, items }) => {
    const db = (globalThis as unknown as Automation).partnerDeskAutomation!.db;
    const a = await db.plans!.bulkInsert([plan]);
    const b = await db.planitems!.bulkInsert(items);
    return a.error.length + b.error.length;
  }, docs);
  if (errors > 0) throw new Error(`${errors} plan documents were refused`);
}

/** Every partner in the store (automation hook). */
export async function storedPartners(page: Page): Promise<Partner[]> {
  await page.waitForFunction(() => (globalThis as unknown as Automation).partnerDeskAutomation !== undefined, undefined, { timeout: 60_000 });
  return (await page.evaluate(async () => {
    const docs = await (globalThis as unknown as Automation).partnerDeskAutomation!.db.partners!.find().exec();
    return docs.map((doc) => doc.toJSON());
  })) as Partner[];
}
