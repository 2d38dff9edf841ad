import { Anchor, Breadcrumbs, Button, Center, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAddressBook, IconRoute } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageLoader } from '../../app/PageLoader';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { forPartner, useAppData } from '../../db/useAppData';
import { ContactsTab } from '../contacts/ContactsTab';
import { JourneyTab } from '../journey/JourneyTab';
import { PartnerHeader } from './PartnerHeader';

const TABS = ['journey', 'contacts'] as const;
type Tab = (typeof TABS)[number];

/** One partner: header, then its journey and its people. */
export function PartnerWorkspacePage() {
  const { partnerId = '', tab } = useParams();
  const navigate = useNavigate();
  const data = useAppData();
  const { rowsById, today } = usePortfolioOverview();
  const row = rowsById.get(partnerId);
  const active: Tab = TABS.includes(tab as Tab) ? (tab as Tab) : 'journey';

  if (data.loading) return <PageLoader />;
  if (!row) {
    return (
      <Center py={80}>
        <Stack align="center" gap="xs">
          <Title order={3}>Partner not found</Title>
          <Text c="dimmed">It may have been removed, or it belongs to another profile.</Text>
          <Button component={Link} to="/portfolio" variant="light">
            Back to the portfolio
          </Button>
        </Stack>
      </Center>
    );
  }

  const { partner } = row;
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/portfolio" size="sm">
          Portfolio
        </Anchor>
        <Text size="sm">{partner.name}</Text>
      </Breadcrumbs>
      <PartnerHeader partner={partner} overview={row} />
      <Tabs value={active} onChange={(value) => void navigate(`/partners/${partner.id}/${value ?? 'journey'}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="journey" leftSection={<IconRoute size={16} />}>
            Journey
          </Tabs.Tab>
          <Tabs.Tab value="contacts" leftSection={<IconAddressBook size={16} />}>
            Contacts &amp; team
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="journey" pt="md">
          <JourneyTab partner={partner} tasks={forPartner(data.tasksByPartner, partner.id)} overview={row} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <ContactsTab partner={partner} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
