import { describe, expect, it } from 'vitest';
import { checkinCadenceDays } from '../../../../src-shared/domain/nextBestAction';
import { cadenceLabel, checkinsDue, openPlanGoals, remindersToSend, scheduledCheckinToFulfil, suggestedNextCheckin, validateCheckin } from '../../../../src-shared/meetings/checkins';
import { makeMeeting, makePartner } from '../domain/fixtures';

describe('check-in cadence', () => {
  it('is weekly in days 1–30, every two weeks until day 90 and monthly after, unless set per partner', () => {
    expect([1, 30, 31, 90, 91, 400].map((day) => checkinCadenceDays({}, day))).toEqual([7, 7, 14, 14, 30, 30]);
    expect(checkinCadenceDays({ checkinCadenceDays: 10 }, 5)).toBe(10);
    const partner = makePartner({ day0: '2026-01-01' });
    expect(suggestedNextCheckin(partner, '2026-01-10')).toBe('2026-01-17');
    expect(suggestedNextCheckin(partner, '2026-02-15')).toBe('2026-03-01');
    expect(suggestedNextCheckin(partner, '2026-05-01')).toBe('2026-05-31');
    expect(suggestedNextCheckin({ ...partner, checkinCadenceDays: 3 }, '2026-05-01')).toBe('2026-05-04');
    expect(cadenceLabel(partner, '2026-01-10')).toBe('Weekly (days 1–30)');
    expect(cadenceLabel(partner, '2026-02-15')).toBe('Every 2 weeks (until day 90)');
    expect(cadenceLabel({ ...partner, checkinCadenceDays: 10 }, '2026-02-15')).toBe('Every 10 days (set for this partner)');
  });
});

describe('checkinsDue', () => {
  const today = '2026-03-20';
  const fresh = makePartner({ id: 'fresh', day0: '2026-03-15' });
  const dueToday = makePartner({ id: 'today', day0: '2026-03-13' });
  const late = makePartner({ id: 'late', day0: '2026-02-01' });
  const lateMeeting = makeMeeting({ id: 'm1', partnerId: 'late', scheduledOn: '2026-03-01', nextCheckinOn: '2026-03-08' });
  const churned = makePartner({ id: 'churned', day0: '2026-01-01', status: 'churned' });
  const future = makePartner({ id: 'future', day0: '2026-04-01' });

  it('lists due and overdue check-ins across partners, most overdue first', () => {
    const due = checkinsDue(
      [
        { partner: fresh, meetings: [] },
        { partner: dueToday, meetings: [] },
        { partner: late, meetings: [lateMeeting] },
        { partner: churned, meetings: [] },
        { partner: future, meetings: [] },
      ],
      today,
    );
    expect(due).toEqual([
      { partnerId: 'late', dueOn: '2026-03-08', daysOverdue: 12 },
      { partnerId: 'today', dueOn: '2026-03-20', daysOverdue: 0 },
    ]);
  });

  it('is no longer due once a check-in is recorded, and notes a check-in already scheduled', () => {
    const held = makeMeeting({ id: 'm2', partnerId: 'late', scheduledOn: '2026-03-19', nextCheckinOn: '2026-04-02' });
    expect(checkinsDue([{ partner: late, meetings: [lateMeeting, held] }], today)).toEqual([]);
    const planned = makeMeeting({ id: 'm3', partnerId: 'late', status: 'scheduled', scheduledOn: '2026-03-24' });
    expect(checkinsDue([{ partner: late, meetings: [lateMeeting, planned] }], today)[0]).toMatchObject({ scheduledOn: '2026-03-24' });
  });

  it('reminds once per day per partner, only for check-ins due today', () => {
    const due = [
      { partnerId: 'a', dueOn: '2026-03-20', daysOverdue: 0 },
      { partnerId: 'b', dueOn: '2026-03-20', daysOverdue: 0 },
      { partnerId: 'c', dueOn: '2026-03-10', daysOverdue: 10 },
    ];
    expect(remindersToSend(due, null, today)).toEqual(['a', 'b']);
    expect(remindersToSend(due, { date: today, partnerIds: ['a'] }, today)).toEqual(['b']);
    expect(remindersToSend(due, { date: '2026-03-19', partnerIds: ['a', 'b'] }, today)).toEqual(['a', 'b']);
  });
});

describe('validateCheckin', () => {
  const partner = { day0: '2026-03-01' };
  const today = '2026-03-20';
  it('accepts a check-in held between Day 0 and today with a later next check-in', () => {
    expect(validateCheckin({ heldOn: '2026-03-20', sentiment: 4, nextCheckinOn: '2026-03-27' }, partner, today)).toEqual({});
    expect(validateCheckin({ heldOn: '2026-03-01', sentiment: null, nextCheckinOn: '2026-03-08' }, partner, today)).toEqual({});
  });

  it('rejects a check-in in the future or before Day 0, saying why', () => {
    expect(validateCheckin({ heldOn: '2026-03-21', sentiment: 3, nextCheckinOn: '2026-03-28' }, partner, today).heldOn).toMatch(/future/);
    expect(validateCheckin({ heldOn: '2026-02-28', sentiment: 3, nextCheckinOn: '2026-03-28' }, partner, today).heldOn).toMatch(/before Day 0/);
    expect(validateCheckin({ heldOn: '2026-02-30', sentiment: 3, nextCheckinOn: '2026-03-28' }, partner, today).heldOn).toMatch(/Enter the date/);
  });

  it('rejects a sentiment outside 1–5 and a next check-in not after this one', () => {
    const errors = validateCheckin({ heldOn: '2026-03-10', sentiment: 6, nextCheckinOn: '2026-03-10' }, partner, today);
    expect(errors.sentiment).toMatch(/1 to 5/);
    expect(errors.nextCheckinOn).toMatch(/after this one/);
  });
});

describe('openPlanGoals', () => {
  const goal = (id: string, planId: string, order: number, status?: string) => ({
    id,
    createdAt: '',
    updatedAt: '',
    partnerId: 'p1',
    planId,
    kind: 'goal' as const,
    order,
    title: id,
    target: 10,
    ...(status ? { status } : {}),
  });
  it('lists the open goals of the latest plan version, in plan order', () => {
    const plans = [
      { id: 'v1', partnerId: 'p1', version: 1 },
      { id: 'v2', partnerId: 'p1', version: 2 },
    ];
    const items = [goal('old', 'v1', 0), goal('b', 'v2', 2), goal('a', 'v2', 1), goal('met', 'v2', 0, 'achieved'), { ...goal('acct', 'v2', 3), kind: 'account' as const }];
    expect(openPlanGoals(plans, items, 'p1').map((g) => g.id)).toEqual(['a', 'b']);
    expect(openPlanGoals([], items, 'p1')).toEqual([]);
  });
});

describe('scheduledCheckinToFulfil', () => {
  it('is the earliest check-in still scheduled within a week, so recording one closes it', () => {
    const soon = makeMeeting({ id: 'soon', status: 'scheduled', scheduledOn: '2026-03-24' });
    const missed = makeMeeting({ id: 'missed', status: 'scheduled', scheduledOn: '2026-03-18' });
    const later = makeMeeting({ id: 'later', status: 'scheduled', scheduledOn: '2026-04-10' });
    const kickoff = makeMeeting({ id: 'k', kind: 'kickoff', status: 'scheduled', scheduledOn: '2026-03-21' });
    expect(scheduledCheckinToFulfil([later, soon, missed, kickoff], 'p1', '2026-03-20')?.id).toBe('missed');
    expect(scheduledCheckinToFulfil([later, soon, kickoff], 'p1', '2026-03-20')?.id).toBe('soon');
    expect(scheduledCheckinToFulfil([later, kickoff], 'p1', '2026-03-20')).toBeUndefined();
  });
});
