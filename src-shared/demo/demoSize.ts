/**
 * How much demo data to generate. Journeys are always generated in full; `extraTasks` adds that
 * many custom/action-item tasks on top, and `totalTasks` (when set) then tops the task count up
 * to exactly that number.
 */
export type DemoSize = {
  partners: number;
  extraTasks?: number;
  totalTasks?: number;
  meetings: number;
  deals: number;
  /**
   * How many of `partners` are program history: signed 4–18 months ago, onboarding long over,
   * with their outcome recorded (onboarding completed on, or churned on) so the at-risk model
   * has history to learn from. Counted in `partners`; placed after the hand-placed ones.
   */
  history?: number;
};

/** A believable portfolio for one partner manager. */
export const DEMO_SIZE: DemoSize = { partners: 70, history: 30, extraTasks: 40, meetings: 220, deals: 110 };

/** The benchmark portfolio: exactly 500 partners, 20,000 tasks, 5,000 meetings and 5,000 deals. */
export const BENCH_SIZE: DemoSize = { partners: 500, totalTasks: 20_000, meetings: 5_000, deals: 5_000 };

/** The large benchmark portfolio, four times the benchmark one: 2,000 partners, 80,000 tasks, 20,000 meetings, 20,000 deals (~130k documents). */
export const LARGE_BENCH_SIZE: DemoSize = { partners: 2_000, totalTasks: 80_000, meetings: 20_000, deals: 20_000 };

/** The quick benchmark portfolio (`npm run bench -- --quick`), a fifth of the benchmark one: 100 partners, 4,000 tasks, 1,000 meetings, 1,000 deals. */
export const QUICK_BENCH_SIZE: DemoSize = { partners: 100, totalTasks: 4_000, meetings: 1_000, deals: 1_000 };
