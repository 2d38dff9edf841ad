import type { MenuCommand, StoredSession } from '../../src-shared/ipc/contract';
import type { PaperSize } from '../../src-shared/plan/pdfOptions';

export type { StoredSession } from '../../src-shared/ipc/contract';

export type FileKind = { name: string; extensions: string[]; mimeType: string };

export type SaveTextRequest = { suggestedName: string; content: string; kind: FileKind };
export type SaveTextResult = { saved: boolean; location?: string };
export type OpenedTextFile = { name: string; content: string };
export type NotifyRequest = { title: string; body: string; onClick?: () => void };

export type PlanPdfRequest = { planId: string; paper: PaperSize; suggestedName: string };
/** `saved: false` when the user cancelled; the browser hands the layout to its print dialog instead. */
export type PlanPdfResult = { saved: boolean; location?: string; pages?: number };
export type WelcomeKitPdfRequest = { partnerId: string; paper: PaperSize; suggestedName: string };

/**
 * Everything the renderer needs from its host. One implementation talks to the Electron main
 * process through the preload bridge; the other uses plain browser APIs, so the same renderer
 * runs (and is tested) in Chromium.
 */
export type Platform = {
  kind: 'electron' | 'browser';
  appVersion(): Promise<string>;
  openExternal(url: string): Promise<void>;
  /** Saves text to a file the user picks (a download in the browser). */
  saveTextFile(request: SaveTextRequest): Promise<SaveTextResult>;
  /** Lets the user pick a text file; null when they cancel. */
  openTextFile(kind: FileKind): Promise<OpenedTextFile | null>;
  /** Application-menu commands (the browser has none). Returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * The desktop window is closing: `save` writes what is typed, and the window closes once it
   * is done. The browser has no such step (`pagehide` does that job there). Returns the unsubscribe function.
   */
  onFlushRequest(save: () => Promise<void>): () => void;
  /**
   * A desktop notification (Electron's Notification in the app, the Notification API in the
   * browser); `onClick` runs when the user clicks it, after the window is brought to the front.
   * Resolves to whether it was shown (false when notifications are unsupported or not allowed).
   */
  notify(request: NotifyRequest): Promise<boolean>;
  /**
   * Exports a business plan as PDF: the desktop app prints the print layout in a hidden window
   * and saves it where the user picks; the browser opens the print layout and its print dialog.
   */
  exportPlanPdf(request: PlanPdfRequest): Promise<PlanPdfResult>;
  /** Exports a partner's welcome kit as PDF, the same way as a business plan. */
  exportWelcomeKitPdf(request: WelcomeKitPdfRequest): Promise<PlanPdfResult>;
  /**
   * Lets the renderer connect to the sync server the user signs in to, before the first request.
   * The desktop app narrows the CSP's connect-src to that one server; a page loaded under another
   * policy must reload first (`reloadRequired`). The browser build has no such narrowing.
   * Rejects for an address the app may not talk to (plain http outside this computer).
   */
  allowSyncServer(serverUrl: string): Promise<{ reloadRequired: boolean }>;
  /**
   * Where the sync session (server, token, user) is kept. The desktop app encrypts it with the
   * OS secret store; `secure: false` means this computer has none and the token is stored
   * unencrypted. The browser keeps it for the tab's session only.
   */
  session: {
    load(): Promise<StoredSession | null>;
    save(session: StoredSession): Promise<{ secure: boolean }>;
    clear(): Promise<void>;
    secureStorage(): Promise<boolean>;
  };
};

export const CSV_FILE: FileKind = { name: 'CSV', extensions: ['csv'], mimeType: 'text/csv' };
export const JSON_FILE: FileKind = { name: 'Partner Desk backup', extensions: ['json'], mimeType: 'application/json' };
