import { Button, Card, Center, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconPlus, IconSparkles, IconUsersGroup } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { DEMO_SIZE } from '../../../src-shared/demo/demoSize';
import { needsIdentity } from '../../../src-shared/domain/identity';
import { useProfile } from '../../app/useProfile';
import { useStoreAction } from '../../app/useStoreAction';
import { useToday } from '../../app/useToday';
import { useDatabase } from '../../db/useDatabase';
import { useNewPartner } from '../partners/useNewPartner';
import { IdentityStep } from './IdentityStep';
import { loadDemoPortfolio } from './loadDemoPortfolio';

/** The empty state of a new laptop: try the demo, add a partner, or import a spreadsheet. */
export function FirstRun() {
  const db = useDatabase();
  const [profile] = useProfile();
  const today = useToday();
  const navigate = useNavigate();
  const newPartner = useNewPartner();
  const [loadDemo, loading] = useStoreAction(loadDemoPortfolio, 'load the demo portfolio');

  return (
    <Center py={48}>
      <Stack align="center" gap="lg" maw={960}>
        <ThemeIcon size={64} radius="xl" variant="light" aria-hidden>
          <IconUsersGroup size={36} />
        </ThemeIcon>
        <Stack gap={4} align="center">
          <Title order={2}>Welcome to Partner Desk</Title>
          <Text c="dimmed" ta="center" maw={560}>
            Keep every partner's onboarding on track, even on a plane or in a partner's office with no network. Everything you enter is
            saved on this laptop first.
          </Text>
        </Stack>
        {needsIdentity(profile) ? (
          <IdentityStep />
        ) : (
          // Side by side only where every button label fits whole; stacked on narrower windows.
          <SimpleGrid cols={{ base: 1, lg: 3 }} w="100%">
            <Card withBorder padding="lg">
              <Stack gap="sm" h="100%">
                <IconSparkles size={24} color="var(--mantine-color-indigo-6)" />
                <Text fw={600}>Explore with demo data</Text>
                <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                  {DEMO_SIZE.partners} partners of every type in every phase, some churned, with a year of history: journeys, check-ins, deals and outcomes.
                </Text>
                <Button
                  loading={loading}
                  onClick={async () => {
                    const count = await loadDemo(db, profile, today);
                    if (count) notifications.show({ color: 'teal', title: 'Demo portfolio loaded', message: `${count} partners are ready to explore.` });
                  }}
                >
                  Load demo portfolio
                </Button>
              </Stack>
            </Card>
            <Card withBorder padding="lg">
              <Stack gap="sm" h="100%">
                <IconPlus size={24} color="var(--mantine-color-indigo-6)" />
                <Text fw={600}>Start with a real partner</Text>
                <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                  Enter the contract date and Partner Desk lays out the whole 90-day journey.
                </Text>
                <Button variant="light" onClick={newPartner}>
                  Add your first partner
                </Button>
              </Stack>
            </Card>
            <Card withBorder padding="lg">
              <Stack gap="sm" h="100%">
                <IconFileImport size={24} color="var(--mantine-color-indigo-6)" />
                <Text fw={600}>Bring your spreadsheet</Text>
                <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                  Import partners from a CSV export; every row is checked before anything is saved.
                </Text>
                <Button variant="light" onClick={() => void navigate('/import')}>
                  Import from CSV
                </Button>
              </Stack>
            </Card>
          </SimpleGrid>
        )}
        <Group gap={6}>
          <Text size="xs" c="dimmed">
            Tip: press Ctrl+K anywhere to jump to a partner or an action.
          </Text>
        </Group>
      </Stack>
    </Center>
  );
}
