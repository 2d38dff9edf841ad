import { Badge, Button, Center, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageBreadcrumbs } from '../../app/PageBreadcrumbs';
import { PageLoader } from '../../app/PageLoader';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { forPartner, useAppData } from '../../db/useAppData';
import { CallMode } from './CallMode';
import { KickoffPrep } from './KickoffPrep';
import { KickoffRecap } from './KickoffRecap';
import { SaveStatusContext, useSaveStatusState } from '../../app/useSaveStatus';
import { SaveIndicator } from '../../app/SaveIndicator';

/**
 * The kick-off call of a partner at `/partners/:partnerId/kickoff/:meetingId`: preparing the
 * agenda, the live call, and the recap once it ended. Everything is saved as it is typed, so a
 * closed window or a crash resumes exactly here.
 */
export function KickoffPage() {
  const { partnerId = '', meetingId = '' } = useParams();
  const data = useAppData();
  const { today } = usePortfolioOverview();
  const saveStatus = useSaveStatusState();
  const partner = data.partnersById.get(partnerId);
  const meeting = forPartner(data.meetingsByPartner, partnerId).find((m) => m.id === meetingId);

  if (data.loading) return <PageLoader />;
  if (!partner || !meeting) {
    return (
      <Center py={80}>
        <Stack align="center" gap="xs">
          <Title order={3}>Meeting not found</Title>
          <Text c="dimmed">It may have been removed, or it belongs to another profile.</Text>
          <Button component={Link} to={partner ? `/partners/${partner.id}/meetings` : '/portfolio'} variant="light">
            {partner ? `Back to ${partner.name}` : 'Back to the portfolio'}
          </Button>
        </Stack>
      </Center>
    );
  }

  const tasks = forPartner(data.tasksByPartner, partner.id);
  return (
    <SaveStatusContext.Provider value={saveStatus}>
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <PageBreadcrumbs
            items={[{ label: 'Portfolio', to: '/portfolio' }, { label: partner.name, to: `/partners/${partner.id}/meetings` }, { label: 'Kick-off call' }]}
          />
          <SaveIndicator state={saveStatus.state} completed={saveStatus.completed} />
        </Group>
        {meeting.status === 'scheduled' && <KickoffPrep partner={partner} meeting={meeting} today={today} />}
        {meeting.status === 'in_progress' && <CallMode partner={partner} meeting={meeting} tasks={tasks} today={today} />}
        {meeting.status === 'done' && <KickoffRecap partner={partner} meeting={meeting} tasks={tasks} />}
        {meeting.status === 'cancelled' && (
          <Stack gap="xs">
            <Group gap="xs">
              <Title order={2}>{meeting.title || 'Kick-off call'}</Title>
              <Badge color="gray">Cancelled</Badge>
            </Group>
            <Text c="dimmed">This call was cancelled. Run a new kick-off from the partner’s Meetings tab.</Text>
          </Stack>
        )}
      </Stack>
    </SaveStatusContext.Provider>
  );
}
