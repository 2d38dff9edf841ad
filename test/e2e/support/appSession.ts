import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, serveRenderer } from './browser';

export type AppSession = {
  /** Where the built renderer is served (ends with `/`). */
  url: string;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page; a suite ends by expecting none. */
  pageErrors: string[];
  close: () => Promise<void>;
};

export type AppSessionOptions = {
  acceptDownloads?: boolean;
  /** Lets the page read and write the clipboard (copying a recap, for instance). */
  clipboard?: boolean;
};

/**
 * One user at one laptop for a whole suite: the built renderer served on 127.0.0.1, headless
 * Chromium with a fresh profile, one light-mode 1440×900 window whose uncaught errors are
 * collected. The sync suite opens several of these contexts itself (one per laptop).
 */
export async function openAppSession(options: AppSessionOptions = {}): Promise<AppSession> {
  const server = await serveRenderer();
  const chromium = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const context = await chromium.browser.newContext({
    viewport: { width: 1440, height: 900 },
    colorScheme: 'light',
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    url: server.url,
    context,
    page,
    pageErrors,
    close: async () => {
      await chromium.close();
      await server.close();
    },
  };
}
