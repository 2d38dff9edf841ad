import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import { AppDataProvider } from '../db/AppDataProvider';
import { DatabaseGate } from '../db/DatabaseGate';
import type { Platform } from '../platform/platform';
import { PlatformContext } from '../platform/usePlatform';
import { SyncConnection, SyncProvider } from '../sync/SyncProvider';
import { AppLayout } from './AppLayout';
import { AutomationHooks, automationRecordsHold } from './AutomationHooks';
import { LazyBoundary } from './LazyBoundary';
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
            <AppDataProvider beforeRecords={automationRecordsHold(platform)}>
              <PortfolioOverviewProvider>
                <HashRouter>
                  <ModalsProvider modalProps={{ closeButtonProps: { 'aria-label': 'Close' } }}>
                    <Routes>
                      {/* Print layouts render without the app shell (so with their own error boundary). */}
                      <Route
                        path="/print/plan/:planId"
                        element={
                          <LazyBoundary>
                            <PrintPlanPage />
                          </LazyBoundary>
                        }
                      />
                      <Route
                        path="/print/welcome-kit/:partnerId"
                        element={
                          <LazyBoundary>
                            <PrintWelcomeKitPage />
                          </LazyBoundary>
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
