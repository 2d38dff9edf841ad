import { AppShell, Badge, Burger, Button, Group, Kbd, NavLink, ScrollArea, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { IconAward, IconCalendarDue, IconChartBar, IconCloud, IconDeviceLaptop, IconFileImport, IconLayoutList, IconLibrary, IconMessages, IconPlus, IconRoute, IconSearch, IconSettings, IconUsersGroup, IconWebhook } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useAppData } from '../db/useAppData';
import { CommandPalette } from '../features/palette/CommandPalette';
import { useNewPartner } from '../features/partners/useNewPartner';
import { PortfolioPage } from '../features/portfolio/PortfolioPage';
import { ResourceFileSync } from '../files/ResourceFileSync';
import { CheckinReminders } from '../features/meetings/useCheckinReminders';
import { DealExpiryReminders } from '../features/deals/useDealExpiryReminders';
import { TodayPage } from '../features/today/TodayPage';
import { PartnerWorkspacePage } from '../features/workspace/PartnerWorkspacePage';
import { usePlatform } from '../platform/usePlatform';
import { SyncIndicator } from '../sync/SyncIndicator';
import { useSync } from '../sync/useSync';
import { LazyBoundary } from './LazyBoundary';
import { DashboardPage, ImportPartnersPage, ImportRecordsPage, KickoffPage, prefetchScreens, ProgramFeedbackPage, ResourcesPage, SettingsPage, TemplatesPage, TiersPage, WebhooksPage } from './LazyScreens';
import { usePortfolioOverview } from './usePortfolioOverview';
import { flushPendingAutosaves } from './useAutosave';

const NAV = [
  { to: '/today', label: 'Today', icon: IconCalendarDue },
  { to: '/portfolio', label: 'Portfolio', icon: IconLayoutList },
  { to: '/dashboard', label: 'Dashboard', icon: IconChartBar },
  { to: '/feedback', label: 'Program feedback', icon: IconMessages },
  { to: '/templates', label: 'Journey templates', icon: IconRoute },
  { to: '/resources', label: 'Resource library', icon: IconLibrary },
  { to: '/tiers', label: 'Partner tiers', icon: IconAward },
  { to: '/import', label: 'Import partners', icon: IconFileImport },
  { to: '/records-import', label: 'Import deals & training', icon: IconFileImport },
  { to: '/settings', label: 'Settings', icon: IconSettings },
] as const;

/** Admin screens: in the navigation only for an admin signed in to a sync server (the palette and Settings reach them for anyone). */
const ADMIN_NAV = [{ to: '/webhooks', label: 'Webhooks', icon: IconWebhook }] as const;

/** The frame around every screen: header with search and New partner, navigation, routes. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const platform = usePlatform();
  const newPartner = useNewPartner();
  const { partners, loading } = useAppData();
  const { agenda } = usePortfolioOverview();
  const { session } = useSync();

  useEffect(close, [location.pathname, close]);
  // Once the first screen has its data, the other screens' code loads in idle time.
  const firstScreenUp = !loading;
  useEffect(() => (firstScreenUp ? prefetchScreens() : undefined), [firstScreenUp]);
  // The desktop window asks before closing: everything typed is written first.
  useEffect(() => platform.onFlushRequest(flushPendingAutosaves), [platform]);

  useEffect(
    () =>
      platform.onMenuCommand((command) => {
        if (command === 'new-partner') newPartner();
        else if (command === 'search') spotlight.open();
        else if (command === 'settings') void navigate('/settings');
        else if (command === 'import-partners') void navigate('/import');
        else if (command === 'today') void navigate('/today');
        else if (command === 'portfolio') void navigate('/portfolio');
      }),
    [platform, navigate, newPartner],
  );

  // No overdue count until every task is in: a count from half of them would be wrong.
  const counts: Partial<Record<string, number>> = { '/today': loading ? undefined : agenda.overdue.length, '/portfolio': partners.length };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <ThemeIcon size={34} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'violet' }} aria-hidden>
              <IconUsersGroup size={20} />
            </ThemeIcon>
            <Title order={1} size="h4">
              Partner Desk
            </Title>
          </Group>
          <UnstyledButton
            onClick={() => spotlight.open()}
            aria-label="Search partners and actions (Ctrl+K)"
            style={{ flex: '0 1 420px' }}
            visibleFrom="xs"
          >
            <Group
              gap="xs"
              px="sm"
              py={6}
              wrap="nowrap"
              style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}
            >
              <IconSearch size={16} color="var(--mantine-color-dimmed)" />
              <Text c="dimmed" size="sm" style={{ flex: 1 }}>
                Search partners and actions
              </Text>
              <Kbd size="xs">Ctrl K</Kbd>
            </Group>
          </UnstyledButton>
          <Group gap="sm" wrap="nowrap">
            <SyncIndicator />
            <Button leftSection={<IconPlus size={16} />} onClick={newPartner}>
              New partner
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
          {[...NAV.slice(0, -1), ...(session?.user.role === 'admin' ? ADMIN_NAV : []), ...NAV.slice(-1)].map(({ to, label, icon: Icon }) => {
            const count = counts[to];
            return (
              <NavLink
                key={to}
                href={`#${to}`}
                label={label}
                active={location.pathname.startsWith(to)}
                leftSection={<Icon size={18} stroke={1.6} />}
                rightSection={
                  count ? (
                    <Badge size="sm" variant={to === '/today' ? 'filled' : 'light'} color={to === '/today' ? 'red' : 'gray'} aria-label={`${count}`}>
                      {count}
                    </Badge>
                  ) : null
                }
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            );
          })}
        </AppShell.Section>
        <AppShell.Section>
          {session ? (
            <Group gap={8} px="xs" py="xs" wrap="nowrap" align="flex-start">
              <IconCloud size={16} color="var(--mantine-color-dimmed)" style={{ flex: '0 0 auto', marginTop: 1 }} aria-hidden />
              <div style={{ minWidth: 0 }}>
                <Text size="xs" fw={500} truncate="end">
                  {session.user.name || session.user.email}
                </Text>
                <Text size="xs" c="dimmed">
                  Works offline · syncs when online
                </Text>
              </div>
            </Group>
          ) : (
            <Group gap={6} px="xs" py="xs" wrap="nowrap">
              <IconDeviceLaptop size={16} color="var(--mantine-color-dimmed)" aria-hidden />
              <Text size="xs" c="dimmed">
                Saved on this laptop · works offline
              </Text>
            </Group>
          )}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <LazyBoundary key={location.pathname}>
          <Routes>
            <Route path="/" element={<Navigate to="/today" replace />} />
            <Route path="/today" element={<TodayPage />} />
            <Route path="/portfolio" element={<PortfolioPage />} />
            <Route path="/partners/:partnerId/kickoff/:meetingId" element={<KickoffPage />} />
            <Route path="/partners/:partnerId/:tab?" element={<PartnerWorkspacePage />} />
            <Route path="/import" element={<ImportPartnersPage />} />
            <Route path="/records-import" element={<ImportRecordsPage />} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/feedback" element={<ProgramFeedbackPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="/templates/:templateKey?" element={<TemplatesPage />} />
            <Route path="/tiers" element={<TiersPage />} />
            <Route path="/webhooks" element={<WebhooksPage />} />
            <Route path="/resources" element={<ResourcesPage />} />
            <Route path="*" element={<Navigate to="/today" replace />} />
          </Routes>
        </LazyBoundary>
      </AppShell.Main>
      <CommandPalette />
      <ResourceFileSync />
      <CheckinReminders />
      <DealExpiryReminders />
    </AppShell>
  );
}
