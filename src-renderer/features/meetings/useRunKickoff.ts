import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { newId } from '../../../src-shared/domain/ids';
import type { Meeting, Partner } from '../../../src-shared/domain/types';
import { agendaFromTemplate, agendaTemplateItems, DEFAULT_KICKOFF_AGENDA } from '../../../src-shared/meetings/kickoffAgenda';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { createMeeting, loadAgendaTemplate } from './updateMeeting';

/** The kick-off of a partner still to be run or under way (the one "Run kick-off" opens). */
export function openKickoff(meetings: readonly Meeting[]): Meeting | undefined {
  return (
    meetings.find((m) => m.kind === 'kickoff' && m.status === 'in_progress') ??
    meetings.filter((m) => m.kind === 'kickoff' && m.status === 'scheduled').sort((a, b) => a.scheduledOn.localeCompare(b.scheduledOn))[0]
  );
}

async function prepareKickoff(db: ReturnType<typeof useDatabase>, partner: Pick<Partner, 'id' | 'name'>, today: string): Promise<Meeting> {
  const template = await loadAgendaTemplate(db);
  const items = (template && agendaTemplateItems(template.data)) || DEFAULT_KICKOFF_AGENDA;
  return createMeeting(db, partner, { kind: 'kickoff', title: 'Kick-off call', scheduledOn: today, agenda: agendaFromTemplate(items, newId) });
}

/**
 * "Run kick-off": resumes the call under way or the one planned, otherwise prepares a new one
 * from the manager's own agenda template (or the default agenda) and opens it.
 */
export function useRunKickoff(partner: Pick<Partner, 'id' | 'name'>, meetings: readonly Meeting[], today: string): () => Promise<void> {
  const db = useDatabase();
  const navigate = useNavigate();
  const [prepare] = useStoreAction(prepareKickoff, 'prepare the kick-off call');
  return useCallback(async () => {
    const existing = openKickoff(meetings);
    const meeting = existing ?? (await prepare(db, partner, today));
    if (meeting) await navigate(`/partners/${partner.id}/kickoff/${meeting.id}`);
  }, [db, meetings, navigate, partner, prepare, today]);
}
