import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { HashRouter } from 'react-router';
import { AppDataProvider } from '../db/AppDataProvider';
import { DatabaseGate } from '../db/DatabaseGate';
import type { Platform } from '../platform/platform';
import { PlatformContext } from '../platform/usePlatform';
import { AppLayout } from './AppLayout';
import { AutomationHooks } from './AutomationHooks';
import { PortfolioOverviewProvider } from './PortfolioOverviewProvider';
import { theme } from './theme';
import { useProfile } from './useProfile';

/** The whole renderer: theme (follows the OS unless set), host platform, local store, routes. */
export function App({ platform }: { platform: Platform }) {
  const [profile] = useProfile();
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="bottom-right" limit={4} />
      <PlatformContext.Provider value={platform}>
        <DatabaseGate profileId={profile.id}>
          <AutomationHooks />
          <AppDataProvider>
            <PortfolioOverviewProvider>
              <HashRouter>
                <ModalsProvider modalProps={{ closeButtonProps: { 'aria-label': 'Close' } }}>
                  <AppLayout />
                </ModalsProvider>
              </HashRouter>
            </PortfolioOverviewProvider>
          </AppDataProvider>
        </DatabaseGate>
      </PlatformContext.Provider>
    </MantineProvider>
  );
}
