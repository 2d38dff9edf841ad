import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { Suspense, type ReactNode } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import { AppDataProvider } from '../db/AppDataProvider';
import { DatabaseGate } from '../db/DatabaseGate';
import type { Platform } from '../platform/platform';
import { PlatformContext } from '../platform/usePlatform';
import { SyncConnection, SyncProvider } from '../sync/SyncProvider';
import { AppLayout } from './AppLayout';
import { AutomationHooks } from './AutomationHooks';
import { ErrorBoundary } from './ErrorBoundary';
import { PageLoader } from './PageLoader';
import { PortfolioOverviewProvider } from './PortfolioOverviewProvider';
import { PrintPlanPage, PrintWelcomeKitPage } from './LazyScreens';
import { theme } from './theme';
import { useCurrentUser, useProfile } from './useProfile';

/** The active profile's local store; a new profile (sign-in, sign-out) gets a freshly opened one. */
function ProfileDatabase({ children }: { children: ReactNode }) {
  const [profile] = useProfile();
  const currentUser = useCurrentUser();
  return (
    <DatabaseGate key={profile.id} profileId={profile.id} currentUser={currentUser}>
      {children}
    </DatabaseGate>
  );
}

/** A print layout: its own chunk, loaded when asked for; without the app shell, so with its own error boundary. */
function PrintRoute({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary>
      <Suspense fallback={<PageLoader />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/** The whole renderer: theme (follows the OS unless set), host platform, session and sync, local store, routes. */
export function App({ platform }: { platform: Platform }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="bottom-right" limit={4} />
      <PlatformContext.Provider value={platform}>
        <SyncProvider>
          <ProfileDatabase>
            <SyncConnection />
            <AutomationHooks />
            <AppDataProvider>
              <PortfolioOverviewProvider>
                <HashRouter>
                  <ModalsProvider modalProps={{ closeButtonProps: { 'aria-label': 'Close' } }}>
                    <Routes>
                      {/* Print layouts render without the app shell. */}
                      <Route
                        path="/print/plan/:planId"
                        element={
                          <PrintRoute>
                            <PrintPlanPage />
                          </PrintRoute>
                        }
                      />
                      <Route
                        path="/print/welcome-kit/:partnerId"
                        element={
                          <PrintRoute>
                            <PrintWelcomeKitPage />
                          </PrintRoute>
                        }
                      />
                      <Route path="*" element={<AppLayout />} />
                    </Routes>
                  </ModalsProvider>
                </HashRouter>
              </PortfolioOverviewProvider>
            </AppDataProvider>
          </ProfileDatabase>
        </SyncProvider>
      </PlatformContext.Provider>
    </MantineProvider>
  );
}
