import { describe, expect, it } from 'vitest';
import { interactiveAt } from '../../../scripts/bench/interactive';

describe('interactiveAt (the bench cold open time to interactive)', () => {
  it('is the paint itself when no long task follows within the quiet window', () => {
    expect(interactiveAt(1000, [{ start: 400, end: 560 }, { start: 2300, end: 2480 }], 1000)).toBe(1000);
  });

  it('runs on through long tasks closer together than the quiet window, and stops at the first quiet one', () => {
    const tasks = [
      { start: 2300, end: 2400 },
      { start: 1200, end: 1300 },
      { start: 1900, end: 2000 },
      { start: 3500, end: 3700 },
    ];
    expect(interactiveAt(1000, tasks, 1000)).toBe(2400);
    expect(interactiveAt(1000, tasks, 1200)).toBe(3700);
  });

  it('counts a task that began before the paint and ends after it', () => {
    expect(interactiveAt(1000, [{ start: 900, end: 1100 }], 1000)).toBe(1100);
  });
});
