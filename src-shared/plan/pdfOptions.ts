/**
 * The one definition of how a plan is printed to PDF. The desktop app hands it to Electron's
 * `webContents.printToPDF` and the end-to-end test to Chromium's `page.pdf()`, so what the test
 * reads back is what a user saves. Header and footer use Chromium's print templates
 * (`pageNumber` / `totalPages` are filled in by Chromium on every page).
 */

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const PAPER_LABELS: Record<PaperSize, string> = { a4: 'A4', letter: 'Letter' };
export const isPaperSize = (value: unknown): value is PaperSize => value === 'a4' || value === 'letter';

/** Margins in inches: room for the header and footer above and below the content. */
export const PDF_MARGINS_IN = { top: 0.75, bottom: 0.75, left: 0.55, right: 0.55 } as const;

/** The print route a window loads to print a plan (hash routing). */
export const printRoute = (planId: string, paper: PaperSize): string => `/print/plan/${encodeURIComponent(planId)}?paper=${paper}`;

/** The print route a window loads to print a partner's welcome kit. */
export const welcomeKitPrintRoute = (partnerId: string, paper: PaperSize): string => `/print/welcome-kit/${encodeURIComponent(partnerId)}?paper=${paper}`;

/** Set on <html> by the print page once everything (data, charts) is rendered. */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

/**
 * What every page's header and footer say: the partner, the version and the plan's date (as the
 * user reads dates), and the vendor when the manager has named it.
 */
export type PlanPdfHeader = { partnerName: string; versionLabel: string; dateLabel?: string; vendorName?: string; documentTitle?: string };

/** What the header calls the document when the print page names none. */
export const DEFAULT_DOCUMENT_TITLE = 'Joint business plan';

const TEMPLATE_STYLE = 'font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 8.5px; color: #555; width: 100%; padding: 0 0.55in; display: flex; justify-content: space-between;';

export function headerTemplate({ partnerName, vendorName, documentTitle }: PlanPdfHeader): string {
  const parties = vendorName ? `${escapeHtml(vendorName)} and ${escapeHtml(partnerName)}` : escapeHtml(partnerName);
  return `<div style='${TEMPLATE_STYLE}'><span>${parties} · ${escapeHtml(documentTitle ?? DEFAULT_DOCUMENT_TITLE)}</span><span>Confidential</span></div>`;
}

export function footerTemplate({ partnerName, versionLabel, dateLabel }: PlanPdfHeader): string {
  const parts = [partnerName, versionLabel, ...(dateLabel ? [dateLabel] : [])].map(escapeHtml).join(' · ');
  return `<div style='${TEMPLATE_STYLE}'><span>${parts}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

/** Options in the shape both Electron and Chromium understand, before naming differences. */
export type PlanPdfOptions = {
  paper: PaperSize;
  printBackground: true;
  displayHeaderFooter: true;
  headerTemplate: string;
  footerTemplate: string;
  preferCSSPageSize: false;
  marginsInches: typeof PDF_MARGINS_IN;
};

export function planPdfOptions(paper: PaperSize, header: PlanPdfHeader): PlanPdfOptions {
  return {
    paper,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(header),
    footerTemplate: footerTemplate(header),
    preferCSSPageSize: false,
    marginsInches: PDF_MARGINS_IN,
  };
}

/** Electron `webContents.printToPDF` options (pageSize, margins in inches). */
export function toElectronPrintOptions(options: PlanPdfOptions) {
  return {
    pageSize: options.paper === 'a4' ? ('A4' as const) : ('Letter' as const),
    printBackground: options.printBackground,
    displayHeaderFooter: options.displayHeaderFooter,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
    preferCSSPageSize: options.preferCSSPageSize,
    margins: { ...options.marginsInches },
  };
}

/** Chromium / playwright `page.pdf()` options (format, margins as CSS lengths). */
export function toChromiumPdfOptions(options: PlanPdfOptions) {
  const inches = (value: number) => `${value}in`;
  return {
    format: options.paper === 'a4' ? 'A4' : 'Letter',
    printBackground: options.printBackground,
    displayHeaderFooter: options.displayHeaderFooter,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
    preferCSSPageSize: options.preferCSSPageSize,
    margin: {
      top: inches(options.marginsInches.top),
      bottom: inches(options.marginsInches.bottom),
      left: inches(options.marginsInches.left),
      right: inches(options.marginsInches.right),
    },
  };
}

/** "Plan v2" for a finalised version, "Draft (v3)" for the working draft. */
export const versionLabel = (plan: { status: 'draft' | 'final'; version: number }): string =>
  plan.status === 'final' ? `Version ${plan.version}` : `Draft (version ${plan.version})`;

/** A save-dialog name: "Acme Networks - business plan v2 - 2026-11-26.pdf", safe on every OS. */
export function planPdfFileName(partnerName: string, plan: { status: 'draft' | 'final'; version: number }, date: string): string {
  const cleaned = [...partnerName].map((char) => (char < ' ' || '\\/<>:"|?*'.includes(char) ? '-' : char)).join('');
  const name = cleaned.replace(/\s+/g, ' ').trim().slice(0, 80) || 'Partner';
  const version = plan.status === 'final' ? `v${plan.version}` : `draft v${plan.version}`;
  return `${name} - business plan ${version} - ${date}.pdf`;
}
