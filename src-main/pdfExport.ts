import type { IpcMainInvokeEvent, MessageBoxOptions, SaveDialogOptions } from 'electron';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { join } from 'node:path';
import type { IpcRequest, IpcResponse } from '../src-shared/ipc/contract';
import { planPdfOptions, printRoute, PRINT_READY_ATTRIBUTE, toElectronPrintOptions, welcomeKitPrintRoute, type PaperSize, type PlanPdfHeader } from '../src-shared/plan/pdfOptions';
import { originOf } from './origins';
import { safeFileName, writeTextFileAtomic } from './textFiles';
import { guardWebContents, secureWebPreferences } from './windows';

/** Read off <html> by main; set by the renderer's PrintPlanPage. */
const PRINT_HEADER_ATTRIBUTE = 'data-print-header';

export type PdfExportOptions = {
  /** How long to wait for the print page to say it is rendered. */
  readyTimeoutMs: number;
  pollMs: number;
  /** Receives the "open it?" offer shown after saving (tests await it). */
  onOffer?: (offer: Promise<unknown>) => void;
};

const DEFAULTS: PdfExportOptions = { readyTimeoutMs: 30_000, pollMs: 50 };

/** The print route on the same origin and entry page as the window that asked (app:// or the dev server). */
export function printUrlFor(frameUrl: string, planId: string, paper: PaperSize): string {
  return routeUrlFor(frameUrl, printRoute(planId, paper));
}

const routeUrlFor = (frameUrl: string, route: string): string => {
  const url = new URL(frameUrl);
  url.hash = route;
  return url.href;
};

/** The two printable documents: what the dialogs call them. */
type PrintDocument = { route: string; saveTitle: string; savedMessage: string; what: string };

/** The built preload, as startApp resolves it (appLocations): the print window gets the same bridge. */
const preloadPath = (): string => join(app.getAppPath(), 'out', 'preload', 'preload.cjs');

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Counts the pages of a PDF Chromium wrote (each page object is `/Type /Page`). */
export function countPdfPages(pdf: Uint8Array): number {
  return Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

function parseHeader(raw: unknown): PlanPdfHeader {
  if (typeof raw !== 'string') throw new Error('the print page gave no partner name or version');
  const parsed = JSON.parse(raw) as Partial<PlanPdfHeader>;
  if (typeof parsed.partnerName !== 'string' || typeof parsed.versionLabel !== 'string') throw new Error('the print page gave no partner name or version');
  const optional = (value: unknown, max: number) => (typeof value === 'string' && value ? { value: value.slice(0, max) } : null);
  const date = optional(parsed.dateLabel, 80);
  const vendor = optional(parsed.vendorName, 200);
  const title = optional(parsed.documentTitle, 80);
  return {
    partnerName: parsed.partnerName.slice(0, 200),
    versionLabel: parsed.versionLabel.slice(0, 80),
    ...(date ? { dateLabel: date.value } : {}),
    ...(vendor ? { vendorName: vendor.value } : {}),
    ...(title ? { documentTitle: title.value } : {}),
  };
}

/** Loads the print route in `window` and resolves once the page reports it is rendered. */
async function renderPrintPage(window: BrowserWindow, url: string, timing: PdfExportOptions, what = 'plan'): Promise<PlanPdfHeader> {
  await window.loadURL(url);
  const deadline = Date.now() + timing.readyTimeoutMs;
  for (;;) {
    if (window.isDestroyed()) throw new Error(`the print window closed before the ${what} was rendered`);
    const state: unknown = await window.webContents.executeJavaScript(`document.documentElement.getAttribute(${JSON.stringify(PRINT_READY_ATTRIBUTE)})`);
    if (state === 'true') break;
    if (typeof state === 'string' && state.startsWith('error')) throw new Error(`the ${what} could not be printed (${state.replace(/^error:\s*/, '')})`);
    if (Date.now() > deadline) throw new Error(`the ${what} was not ready to print after ${Math.round(timing.readyTimeoutMs / 1000)} s`);
    await sleep(timing.pollMs);
  }
  return parseHeader(await window.webContents.executeJavaScript(`document.documentElement.getAttribute(${JSON.stringify(PRINT_HEADER_ATTRIBUTE)})`));
}

/** After saving: offer to open the PDF (or show it in its folder). Never blocks the export's answer. */
export async function offerToOpen(path: string, parent: BrowserWindow | null, message = 'The business plan was saved as PDF.'): Promise<'opened' | 'shown' | 'closed'> {
  const options: MessageBoxOptions = {
    type: 'info',
    message,
    detail: path,
    buttons: ['Open PDF', 'Show in folder', 'Close'],
    defaultId: 0,
    cancelId: 2,
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response === 0) {
    const problem = await shell.openPath(path);
    if (problem) throw new Error(problem);
    return 'opened';
  }
  if (response === 1) {
    shell.showItemInFolder(path);
    return 'shown';
  }
  return 'closed';
}

/**
 * `plan:exportPdf`: renders the plan's print route in a hidden window with the app's secure
 * settings (while the user picks where to save), prints it with the shared PDF options (A4 or
 * Letter, header and "Page X of Y" footer), writes the file atomically, then offers to open it.
 * The hidden window is always closed.
 */
export function exportPlanPdf(
  request: IpcRequest<'plan:exportPdf'>,
  event: IpcMainInvokeEvent,
  options: Partial<PdfExportOptions> = {},
): Promise<IpcResponse<'plan:exportPdf'>> {
  const document = { route: printRoute(request.planId, request.paper), saveTitle: 'Save the business plan as PDF', savedMessage: 'The business plan was saved as PDF.', what: 'plan' };
  return exportDocumentPdf(document, request, event, options);
}

/** `welcomeKit:exportPdf`: the partner's welcome kit, through the same pipeline as the plan. */
export function exportWelcomeKitPdf(
  request: IpcRequest<'welcomeKit:exportPdf'>,
  event: IpcMainInvokeEvent,
  options: Partial<PdfExportOptions> = {},
): Promise<IpcResponse<'welcomeKit:exportPdf'>> {
  const document = { route: welcomeKitPrintRoute(request.partnerId, request.paper), saveTitle: 'Save the welcome kit as PDF', savedMessage: 'The welcome kit was saved as PDF.', what: 'welcome kit' };
  return exportDocumentPdf(document, request, event, options);
}

async function exportDocumentPdf(
  document: PrintDocument,
  request: { paper: PaperSize; suggestedName: string },
  event: IpcMainInvokeEvent,
  options: Partial<PdfExportOptions>,
): Promise<IpcResponse<'plan:exportPdf'>> {
  const timing = { ...DEFAULTS, ...options };
  const frameUrl = event.senderFrame?.url;
  const origin = originOf(frameUrl);
  if (!frameUrl || !origin) throw new Error('the asking window is gone');
  const parent = BrowserWindow.fromWebContents(event.sender);

  const window = new BrowserWindow({
    show: false,
    width: 1000,
    height: 1400,
    title: 'Partner Desk – printing',
    webPreferences: { ...secureWebPreferences(preloadPath()), spellcheck: false },
  });
  guardWebContents(window.webContents, [origin]);
  try {
    const rendered = renderPrintPage(window, routeUrlFor(frameUrl, document.route), timing, document.what);
    rendered.catch(() => undefined); // awaited below unless the user cancels the dialog

    const saveOptions: SaveDialogOptions = {
      title: document.saveTitle,
      defaultPath: join(app.getPath('documents'), safeFileName(request.suggestedName.toLowerCase().endsWith('.pdf') ? request.suggestedName : `${request.suggestedName}.pdf`)),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const choice = parent ? await dialog.showSaveDialog(parent, saveOptions) : await dialog.showSaveDialog(saveOptions);
    if (choice.canceled || !choice.filePath) return { saved: false };

    const header = await rendered;
    const pdf = await window.webContents.printToPDF(toElectronPrintOptions(planPdfOptions(request.paper, header)));
    await writeTextFileAtomic(choice.filePath, pdf);
    const offered = offerToOpen(choice.filePath, parent, document.savedMessage).catch((error: unknown) => {
      console.error('[partner-desk] could not open the PDF', error);
    });
    timing.onOffer?.(offered);
    return { saved: true, path: choice.filePath, pages: countPdfPages(pdf) };
  } finally {
    if (!window.isDestroyed()) window.close();
  }
}
