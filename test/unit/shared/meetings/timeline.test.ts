import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../../src-shared/domain/types';
import { partnerTimeline, sentimentSeries } from '../../../../src-shared/meetings/timeline';
import { makeMeeting, makeTask, NOW } from '../domain/fixtures';

const deal: Deal = {
  id: 'd1',
  createdAt: NOW,
  updatedAt: NOW,
  partnerId: 'p1',
  account: 'Globex',
  amount: 25000,
  currency: 'EUR',
  stage: 'registered',
  registeredOn: '2026-03-15',
  source: 'sourced',
};

const records = {
  meetings: [
    makeMeeting({ id: 'k', kind: 'kickoff', title: 'Kick-off call', scheduledOn: '2026-03-05', sentiment: 4 }),
    makeMeeting({ id: 'c', title: 'Check-in', scheduledOn: '2026-03-12', sentiment: 2, blockers: 'No portal access' }),
    makeMeeting({ id: 's', status: 'scheduled', title: 'Check-in', scheduledOn: '2026-03-19' }),
    makeMeeting({ id: 'other', partnerId: 'p2', scheduledOn: '2026-03-13', sentiment: 5 }),
  ],
  tasks: [
    makeTask({ id: 't1', title: 'Send the welcome kit', status: 'done', completedOn: '2026-03-02' }),
    makeTask({ id: 't2', title: 'Still open' }),
  ],
  deals: [deal],
};

describe('partnerTimeline', () => {
  it('puts meetings, completed tasks and deals of the partner in one list, newest first', () => {
    const timeline = partnerTimeline('p1', records);
    expect(timeline.map((e) => [e.kind, e.date, e.title])).toEqual([
      ['meeting', '2026-03-19', 'Check-in'],
      ['deal', '2026-03-15', 'Deal registered: Globex'],
      ['meeting', '2026-03-12', 'Check-in'],
      ['meeting', '2026-03-05', 'Kick-off call'],
      ['task', '2026-03-02', 'Send the welcome kit'],
    ]);
    expect(timeline[2]?.detail).toContain('blockers: No portal access');
  });

  it('filters by kind', () => {
    expect(partnerTimeline('p1', records, ['deal', 'task']).map((e) => e.kind)).toEqual(['deal', 'task']);
  });
});

describe('sentimentSeries', () => {
  it('is the sentiment of each held meeting of the partner, oldest first', () => {
    expect(sentimentSeries('p1', records.meetings)).toEqual([
      { date: '2026-03-05', sentiment: 4, label: 'Kick-off call' },
      { date: '2026-03-12', sentiment: 2, label: 'Check-in' },
    ]);
  });
});
