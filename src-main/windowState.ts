import type { BrowserWindow, Rectangle } from 'electron';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Size, position and maximized flag of the main window, kept in userData/window-state.json. */
export type WindowState = { width: number; height: number; x?: number; y?: number; isMaximized: boolean };

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WINDOW_SIZE = { width: 960, height: 640 } as const;
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, isMaximized: false };

/** How much of the window's title strip must lie on a display for its saved position to be kept. */
const TITLE_STRIP = { height: 32, minVisibleWidth: 120, minVisibleHeight: 24 } as const;
const MAX_SIDE = 32_768;

const wholeNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : undefined;

const overlap = (a: Rectangle, b: Rectangle): { width: number; height: number } => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

/** True when enough of the window's top strip is on some display for the user to grab and move it. */
export const isReachable = (bounds: Rectangle, displays: readonly Rectangle[]): boolean => {
  const strip = { x: bounds.x, y: bounds.y, width: bounds.width, height: TITLE_STRIP.height };
  return displays.some((display) => {
    const shared = overlap(strip, display);
    return shared.width >= TITLE_STRIP.minVisibleWidth && shared.height >= TITLE_STRIP.minVisibleHeight;
  });
};

/**
 * Turns whatever was in window-state.json into a usable state. Anything not shaped like a state,
 * or a size that is not a positive number, gives the defaults; a position that would put the
 * window off every display (a monitor since unplugged) gives the defaults too. Sizes are kept at
 * least MIN_WINDOW_SIZE. No position means "let the OS centre it".
 */
export const loadWindowState = (raw: unknown, displays: readonly Rectangle[]): WindowState => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...DEFAULT_WINDOW_STATE };
  const record = raw as Record<string, unknown>;
  const width = wholeNumber(record.width);
  const height = wholeNumber(record.height);
  if (width === undefined || height === undefined || width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
    return { ...DEFAULT_WINDOW_STATE };
  }
  const size = { width: Math.max(width, MIN_WINDOW_SIZE.width), height: Math.max(height, MIN_WINDOW_SIZE.height) };
  const isMaximized = record.isMaximized === true;
  const x = wholeNumber(record.x);
  const y = wholeNumber(record.y);
  if (x === undefined || y === undefined) return { ...size, isMaximized };
  if (!isReachable({ x, y, ...size }, displays)) return { ...DEFAULT_WINDOW_STATE };
  return { ...size, x, y, isMaximized };
};

/** Reads the state file; a missing or unparsable file counts as no state. */
export const readWindowState = (filePath: string, displays: readonly Rectangle[]): WindowState => {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch {
    raw = undefined;
  }
  return loadWindowState(raw, displays);
};

/** The state to remember: the restored ("normal") bounds even while maximized, minimized or fullscreen. */
export const captureWindowState = (window: BrowserWindow): WindowState => {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, isMaximized: window.isMaximized() };
};

const writeWindowState = (filePath: string, state: WindowState): void => {
  try {
    const temporary = `${filePath}.tmp`;
    writeFileSync(temporary, JSON.stringify(state));
    renameSync(temporary, filePath);
  } catch (error) {
    console.warn('[partner-desk] could not save the window state', error);
  }
};

/** Saves the window's state on resize/move/(un)maximize (debounced) and right away when it closes. */
export const trackWindowState = (window: BrowserWindow, filePath: string, debounceMs = 500): void => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (!window.isDestroyed()) writeWindowState(filePath, captureWindowState(window));
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
};
