import type { MenuCommand } from '../../src-shared/ipc/contract';

export type FileKind = { name: string; extensions: string[]; mimeType: string };

export type SaveTextRequest = { suggestedName: string; content: string; kind: FileKind };
export type SaveTextResult = { saved: boolean; location?: string };
export type OpenedTextFile = { name: string; content: string };

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
};

export const CSV_FILE: FileKind = { name: 'CSV', extensions: ['csv'], mimeType: 'text/csv' };
export const JSON_FILE: FileKind = { name: 'Partner Desk backup', extensions: ['json'], mimeType: 'application/json' };
