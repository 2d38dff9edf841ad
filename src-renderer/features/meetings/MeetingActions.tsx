import { Button, Group, Modal } from '@mantine/core';
import { IconMessageCircle, IconPlayerPlay } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import type { Partner } from '../../../src-shared/domain/types';
import { scheduledCheckinToFulfil } from '../../../src-shared/meetings/checkins';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { forPartner, useAppData } from '../../db/useAppData';
import { CheckinForm } from './CheckinForm';
import { openKickoff, useRunKickoff } from './useRunKickoff';

/** The search parameter that opens the check-in form: `new`, or the id of a scheduled check-in. */
export const CHECKIN_PARAM = 'checkin';

/** "Run kick-off" and "Record check-in" for the partner workspace (the form opens from any tab or link). */
export function MeetingActions({ partner }: { partner: Partner }) {
  const data = useAppData();
  const { today } = usePortfolioOverview();
  const [params, setParams] = useSearchParams();
  const meetings = forPartner(data.meetingsByPartner, partner.id);
  const runKickoff = useRunKickoff(partner, meetings, today);
  const kickoff = openKickoff(meetings);
  const requested = params.get(CHECKIN_PARAM);
  const chosen = requested && requested !== 'new' ? meetings.find((m) => m.id === requested && m.kind === 'checkin' && m.status === 'scheduled') : undefined;
  // A new check-in recorded today closes the one scheduled around now, rather than leaving it open.
  const scheduled = chosen ?? (requested === 'new' ? scheduledCheckinToFulfil(meetings, partner.id, today) : undefined);
  const close = () =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(CHECKIN_PARAM);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <Group gap="xs" justify="flex-end" mt={-4}>
        <Button variant={kickoff?.status === 'in_progress' ? 'filled' : 'light'} color={kickoff?.status === 'in_progress' ? 'red' : undefined} leftSection={<IconPlayerPlay size={16} />} onClick={() => void runKickoff()}>
          {kickoff?.status === 'in_progress' ? 'Resume kick-off' : 'Run kick-off'}
        </Button>
        <Button
          variant="light"
          leftSection={<IconMessageCircle size={16} />}
          onClick={() =>
            setParams((current) => {
              const next = new URLSearchParams(current);
              next.set(CHECKIN_PARAM, 'new');
              return next;
            })
          }
          disabled={partner.status === 'churned'}
        >
          Record check-in
        </Button>
      </Group>
      <Modal opened={requested !== null} onClose={close} title={`Check-in with ${partner.name}`} size="lg">
        {requested !== null && (
          <CheckinForm
            key={requested}
            partner={partner}
            tasks={forPartner(data.tasksByPartner, partner.id)}
            plans={forPartner(data.plansByPartner, partner.id)}
            today={today}
            {...(scheduled ? { scheduled, heldOnScheduledDate: chosen !== undefined } : {})}
            onDone={close}
            onCancel={close}
          />
        )}
      </Modal>
    </>
  );
}
