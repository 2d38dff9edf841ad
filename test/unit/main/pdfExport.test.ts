import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers } from '../../../src-main/ipc';
import { countPdfPages, exportPlanPdf, exportWelcomeKitPdf, printUrlFor } from '../../../src-main/pdfExport';
import { APP_ORIGIN } from '../../../src-main/appProtocol';
import { planPdfOptions, toElectronPrintOptions } from '../../../src-shared/plan/pdfOptions';
import { dialog, fake, FakeBrowserWindow, FakeWebContents, ipcEventFrom, registeredIpcHandler, resetFakeElectron, shell } from './fakeElectron';

vi.mock('electron', async () => {
  const electron = await import('./fakeElectron');
  // What the PDF export needs beyond the shared fake: the "open it?" box and opening a file.
  Object.assign(electron.dialog, { showMessageBox: vi.fn() });
  Object.assign(electron.shell, { openPath: vi.fn(), showItemInFolder: vi.fn() });
  return electron.electronModule;
});

type PrintingContents = FakeWebContents & {
  executeJavaScript: (code: string) => Promise<unknown>;
  printToPDF: (options: unknown) => Promise<Buffer>;
};

const APP_FRAME = 'app://partner-desk/index.html#/partners/p1/plan';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >> endobj\n2 0 obj << /Type /Page >> endobj\n3 0 obj << /Type /Page >> endobj\n%%EOF');
const HEADER = { partnerName: 'Acme Cloud', versionLabel: 'Version 2' };
const request = { planId: 'plan-a@v2', paper: 'letter' as const, suggestedName: 'Acme Cloud - business plan v2 - 2027-02-01.pdf' };

const fakeDialog = dialog as typeof dialog & { showMessageBox: ReturnType<typeof vi.fn> };
const fakeShell = shell as typeof shell & { openPath: ReturnType<typeof vi.fn>; showItemInFolder: ReturnType<typeof vi.fn> };

let dir: string;
/** What the print page reports on <html data-print-ready>. */
let readyState: string | null;
let printed: unknown[];

/** The hidden print window the export opened. */
const printWindow = (): FakeBrowserWindow => {
  const window = FakeBrowserWindow.instances.find((candidate) => candidate.options.show === false);
  if (!window) throw new Error('no hidden print window was opened');
  return window;
};

beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'pd-pdf-'));
  fake.paths = { documents: dir };
  fake.appPath = '/opt/partner-desk';
  readyState = 'true';
  printed = [];
  const contents = FakeWebContents.prototype as PrintingContents;
  contents.executeJavaScript = async (code: string) => {
    if (code.includes('data-print-ready')) return readyState;
    if (code.includes('data-print-header')) return JSON.stringify(HEADER);
    throw new Error(`unexpected script ${code}`);
  };
  contents.printToPDF = async (options: unknown) => {
    printed.push(options);
    return PDF;
  };
  fakeDialog.showMessageBox.mockResolvedValue({ response: 2, checkboxChecked: false });
  fakeShell.openPath.mockResolvedValue('');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('plan:exportPdf', () => {
  it('prints the print route in a hidden secure window with the shared options and saves the PDF where the user picked', async () => {
    const target = join(dir, 'chosen.pdf');
    fakeDialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    let offer: Promise<unknown> | undefined;

    const result = await exportPlanPdf(request, ipcEventFrom(APP_FRAME) as never, { onOffer: (promise) => (offer = promise) });

    expect(result).toEqual({ saved: true, path: target, pages: 2 });
    expect(await readFile(target)).toEqual(PDF);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const window = printWindow();
    expect(window.loadedUrl).toBe('app://partner-desk/index.html#/print/plan/plan-a%40v2?paper=letter');
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/opt/partner-desk/out/preload/preload.cjs' });
    expect(window.destroyed).toBe(true);
    expect(printed).toEqual([toElectronPrintOptions(planPdfOptions('letter', HEADER))]);
    expect(printed[0]).toMatchObject({ pageSize: 'Letter', displayHeaderFooter: true });
    const [saveOptions] = fakeDialog.showSaveDialog.mock.calls[0] ?? [];
    expect(saveOptions).toMatchObject({ defaultPath: join(dir, request.suggestedName), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    await offer;
    expect(fakeDialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ detail: target, buttons: ['Open PDF', 'Show in folder', 'Close'] }));
  });

  it('opens the saved PDF when the user accepts the offer', async () => {
    const target = join(dir, 'plan.pdf');
    fakeDialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    fakeDialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    let offer: Promise<unknown> | undefined;
    await exportPlanPdf(request, ipcEventFrom(APP_FRAME) as never, { onOffer: (promise) => (offer = promise) });
    await offer;
    expect(fakeShell.openPath).toHaveBeenCalledWith(target);
  });

  it('writes nothing and closes the print window when the user cancels the save dialog', async () => {
    fakeDialog.showSaveDialog.mockResolvedValue({ canceled: true });
    const result = await exportPlanPdf(request, ipcEventFrom(APP_FRAME) as never);
    expect(result).toEqual({ saved: false });
    expect(printed).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
    expect(printWindow().destroyed).toBe(true);
  });

  it('fails with a clear message, and no file, when the plan cannot be printed', async () => {
    fakeDialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(dir, 'plan.pdf') });
    readyState = 'error: this plan is not on this laptop';
    await expect(exportPlanPdf(request, ipcEventFrom(APP_FRAME) as never)).rejects.toThrow('the plan could not be printed (this plan is not on this laptop)');
    expect(await readdir(dir)).toEqual([]);
    expect(printWindow().destroyed).toBe(true);
  });

  it('gives up when the print page never becomes ready', async () => {
    fakeDialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(dir, 'plan.pdf') });
    readyState = null;
    await expect(exportPlanPdf(request, ipcEventFrom(APP_FRAME) as never, { readyTimeoutMs: 30, pollMs: 5 })).rejects.toThrow(/not ready to print/);
    expect(printWindow().destroyed).toBe(true);
  });

  it('is registered on the IPC contract: payloads are validated and foreign frames refused', async () => {
    registerIpcHandlers({ allowedOrigins: [APP_ORIGIN] });
    const handler = registeredIpcHandler('plan:exportPdf');
    await expect(handler(ipcEventFrom(APP_FRAME), { ...request, paper: 'a3' })).rejects.toThrow(/plan:exportPdf: paper/);
    await expect(handler(ipcEventFrom('https://evil.example/'), request)).rejects.toThrow(/refused a call from a frame outside the app/);
    expect(FakeBrowserWindow.instances).toEqual([]);
  });
});

describe('helpers', () => {
  it('prints on the origin and entry page of the asking window, dev server included', () => {
    expect(printUrlFor('http://localhost:5173/#/partners/p1/plan', 'p', 'a4')).toBe('http://localhost:5173/#/print/plan/p?paper=a4');
  });

  it('counts PDF pages', () => {
    expect(countPdfPages(PDF)).toBe(2);
  });
});

describe('welcomeKit:exportPdf', () => {
  it('prints the partner’s welcome-kit route through the same pipeline, with its own dialog titles', async () => {
    const target = join(dir, 'kit.pdf');
    fakeDialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    let offer: Promise<unknown> | undefined;
    const kitHeader = { ...HEADER, versionLabel: 'Welcome kit', documentTitle: 'Welcome kit' };
    const contents = FakeWebContents.prototype as PrintingContents;
    contents.executeJavaScript = async (code: string) => (code.includes('data-print-ready') ? readyState : JSON.stringify(kitHeader));

    const result = await exportWelcomeKitPdf({ partnerId: 'p1', paper: 'a4', suggestedName: 'Acme Cloud - welcome kit - 2027-02-01.pdf' }, ipcEventFrom(APP_FRAME) as never, { onOffer: (promise) => (offer = promise) });

    expect(result).toEqual({ saved: true, path: target, pages: 2 });
    expect(printWindow().loadedUrl).toBe('app://partner-desk/index.html#/print/welcome-kit/p1?paper=a4');
    expect(printed).toEqual([toElectronPrintOptions(planPdfOptions('a4', kitHeader))]);
    expect(JSON.stringify(printed[0])).toContain('Acme Cloud · Welcome kit');
    expect(fakeDialog.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ title: 'Save the welcome kit as PDF' });
    await offer;
    expect(fakeDialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ message: 'The welcome kit was saved as PDF.' }));
  });

  it('names the welcome kit when its print page reports a problem', async () => {
    fakeDialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(dir, 'kit.pdf') });
    readyState = 'error: this partner is not on this laptop';
    await expect(exportWelcomeKitPdf({ partnerId: 'gone', paper: 'a4', suggestedName: 'kit' }, ipcEventFrom(APP_FRAME) as never)).rejects.toThrow('the welcome kit could not be printed (this partner is not on this laptop)');
  });
});
