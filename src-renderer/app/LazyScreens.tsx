import { lazyNamed } from './lazyNamed';

/**
 * The screens that are not the first ones (Today, Portfolio and the partner workspace stay in the
 * main chunk: they are what a cold open and the first clicks wait for). Each is its own chunk with
 * the libraries only it uses (Recharts on the dashboard, the CSV parser in the importers, the
 * print layouts), so the script a cold open downloads, compiles and runs is smaller;
 * `prefetchScreens` loads them once the first screen is up, so going to one later does not wait.
 */
export const DashboardPage = lazyNamed(() => import('../features/dashboard/DashboardPage').then((m) => m.DashboardPage));
export const ImportPartnersPage = lazyNamed(() => import('../features/importer/ImportPartnersPage').then((m) => m.ImportPartnersPage));
export const ImportRecordsPage = lazyNamed(() => import('../features/deals/ImportRecordsPage').then((m) => m.ImportRecordsPage));
export const KickoffPage = lazyNamed(() => import('../features/meetings/KickoffPage').then((m) => m.KickoffPage));
export const ProgramFeedbackPage = lazyNamed(() => import('../features/satisfaction/ProgramFeedbackPage').then((m) => m.ProgramFeedbackPage));
export const ResourcesPage = lazyNamed(() => import('../features/resources/ResourcesPage').then((m) => m.ResourcesPage));
export const SettingsPage = lazyNamed(() => import('../features/settings/SettingsPage').then((m) => m.SettingsPage));
export const TemplatesPage = lazyNamed(() => import('../features/templates/TemplatesPage').then((m) => m.TemplatesPage));
export const TiersPage = lazyNamed(() => import('../features/tiers/TiersPage').then((m) => m.TiersPage));
export const WebhooksPage = lazyNamed(() => import('../features/webhooks/WebhooksPage').then((m) => m.WebhooksPage));
export const PrintPlanPage = lazyNamed(() => import('../features/plan/PrintPlanPage').then((m) => m.PrintPlanPage));
export const PrintWelcomeKitPage = lazyNamed(() => import('../features/welcomekit/PrintWelcomeKitPage').then((m) => m.PrintWelcomeKitPage));

/** Charts inside the partner workspace's tabs (Meetings, Plan): Recharts stays out of the main chunk. */
export const SentimentChart = lazyNamed(() => import('../features/meetings/SentimentChart').then((m) => m.SentimentChart));
export const GoalProgressChart = lazyNamed(() => import('../features/plan/PlanCharts').then((m) => m.GoalProgressChart));
export const RevenueChart = lazyNamed(() => import('../features/plan/PlanCharts').then((m) => m.RevenueChart));

/** In the order a user is likely to want them. */
const PREFETCH_ORDER = [
  DashboardPage,
  SentimentChart,
  GoalProgressChart,
  RevenueChart,
  SettingsPage,
  KickoffPage,
  ProgramFeedbackPage,
  TemplatesPage,
  ResourcesPage,
  TiersPage,
  ImportPartnersPage,
  ImportRecordsPage,
  WebhooksPage,
  PrintPlanPage,
  PrintWelcomeKitPage,
];

/**
 * Loads the lazy screens' chunks one at a time, each when the main thread is idle, so a later
 * navigation finds its code in memory. A chunk that fails here is tried again when its screen is
 * opened (and shows its error there). Returns a cancel function.
 */
export function prefetchScreens(screens: readonly { preload: () => Promise<unknown> }[] = PREFETCH_ORDER): () => void {
  let cancelled = false;
  let handle: number | undefined;
  const next = (index: number) => {
    const screen = screens[index];
    if (cancelled || !screen) return;
    handle = requestIdleCallback(
      () => {
        handle = undefined;
        void screen.preload().then(
          () => next(index + 1),
          () => next(index + 1),
        );
      },
      { timeout: 10_000 },
    );
  };
  next(0);
  return () => {
    cancelled = true;
    if (handle !== undefined) cancelIdleCallback(handle);
  };
}
