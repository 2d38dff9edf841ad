import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  readWindowState,
  trackWindowState,
} from '../../../src-main/windowState';
import { FakeBrowserWindow, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const laptop = { x: 0, y: 0, width: 1440, height: 870 };
const leftMonitor = { x: -1920, y: 0, width: 1920, height: 1040 };

describe('loadWindowState', () => {
  it('keeps a valid saved state', () => {
    const saved = { x: 40, y: 30, width: 1200, height: 760, isMaximized: true };
    expect(loadWindowState(saved, [laptop])).toEqual(saved);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'maximized'],
    ['an array', [1200, 800]],
    ['no size', { x: 10, y: 10 }],
    ['a text size', { width: '1200', height: '800' }],
    ['a negative size', { width: -5, height: 800 }],
    ['NaN', { width: Number.NaN, height: 800 }],
    ['an absurd size', { width: 1e9, height: 800 }],
  ])('falls back to the defaults for %s', (_label, raw) => {
    expect(loadWindowState(raw, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('falls back to the defaults when the window would be off every display', () => {
    expect(loadWindowState({ x: 3000, y: 200, width: 1200, height: 760, isMaximized: false }, [laptop])).toEqual(
      DEFAULT_WINDOW_STATE,
    );
    expect(loadWindowState({ x: 100, y: -600, width: 1200, height: 760, isMaximized: false }, [laptop])).toEqual(
      DEFAULT_WINDOW_STATE,
    );
    expect(loadWindowState({ x: 1400, y: 100, width: 1200, height: 760, isMaximized: false }, [laptop])).toEqual(
      DEFAULT_WINDOW_STATE,
    );
  });

  it('keeps a position on a secondary display that is still connected', () => {
    const saved = { x: -1800, y: 50, width: 1200, height: 760, isMaximized: false };
    expect(loadWindowState(saved, [laptop, leftMonitor])).toEqual(saved);
    expect(loadWindowState(saved, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('never restores smaller than the minimum size and lets the OS place a window without a position', () => {
    expect(loadWindowState({ width: 300, height: 200, isMaximized: false }, [laptop])).toEqual({
      width: 960,
      height: 640,
      isMaximized: false,
    });
  });
});

describe('reading and saving window-state.json', () => {
  let dir: string;

  beforeEach(async () => {
    resetFakeElectron();
    dir = await mkdtemp(join(tmpdir(), 'pd-window-state-'));
  });

  afterEach(async () => {
    vi.useRealTimers();
    await rm(dir, { recursive: true, force: true });
  });

  it('treats a missing or corrupt file as no state', async () => {
    const file = join(dir, 'window-state.json');
    expect(readWindowState(file, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(file, '{"width": 1200, "height": 7');
    expect(readWindowState(file, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('saves once after a burst of resizes, and right away on close', async () => {
    vi.useFakeTimers();
    const file = join(dir, 'window-state.json');
    const window = new FakeBrowserWindow({ x: 10, y: 20, width: 1000, height: 700 });
    trackWindowState(window as unknown as BrowserWindow, file, 500);

    window.bounds = { x: 10, y: 20, width: 1100, height: 720 };
    window.emit('resize');
    window.bounds = { x: 10, y: 20, width: 1150, height: 730 };
    window.emit('resize');
    await expect(readFile(file, 'utf8')).rejects.toThrow();
    vi.advanceTimersByTime(500);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ x: 10, y: 20, width: 1150, height: 730, isMaximized: false });

    window.maximized = true;
    window.close();
    expect(readWindowState(file, [laptop])).toEqual({ x: 10, y: 20, width: 1150, height: 730, isMaximized: true });
  });
});
