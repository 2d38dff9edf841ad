import { describe, expect, it } from 'vitest';
import { dueDateFor } from '../../../../src-shared/domain/journey';
import {
  checkinCadenceDays,
  nextBestAction,
  nextCheckinDue,
  type NextActionInput,
} from '../../../../src-shared/domain/nextBestAction';
import type { Partner } from '../../../../src-shared/domain/types';
import { byKey, doneBefore, journeyFor, makeDeal, makeMeeting, makePartner, makePlan, makeTask } from './fixtures';

/** Day N of a partner whose Day 0 is 2026-03-01. */
const day = (n: number) => dueDateFor('2026-03-01', n);

function input(overrides: Partial<NextActionInput> & { partner?: Partner } = {}): NextActionInput {
  return { partner: makePartner(), tasks: [], meetings: [], deals: [], plans: [], today: day(0), ...overrides };
}

const kickoffOn = (n: number) => makeMeeting({ id: `k${n}`, kind: 'kickoff', scheduledOn: day(n) });
const checkinOn = (n: number) => makeMeeting({ id: `c${n}`, kind: 'checkin', scheduledOn: day(n) });

describe('checkinCadenceDays', () => {
  it('is weekly to day 30, fortnightly to day 90, monthly after', () => {
    expect(checkinCadenceDays({}, 0)).toBe(7);
    expect(checkinCadenceDays({}, 1)).toBe(7);
    expect(checkinCadenceDays({}, 30)).toBe(7);
    expect(checkinCadenceDays({}, 31)).toBe(14);
    expect(checkinCadenceDays({}, 90)).toBe(14);
    expect(checkinCadenceDays({}, 91)).toBe(30);
  });

  it('uses the per-partner override when set to a positive whole number', () => {
    expect(checkinCadenceDays({ checkinCadenceDays: 10 }, 5)).toBe(10);
    expect(checkinCadenceDays({ checkinCadenceDays: 10 }, 200)).toBe(10);
    expect(checkinCadenceDays({ checkinCadenceDays: 0 }, 5)).toBe(7);
  });
});

describe('nextCheckinDue', () => {
  const partner = makePartner();

  it('counts from Day 0 when no check-in was held', () => {
    expect(nextCheckinDue(partner, [], day(3))).toBe(day(7));
  });

  it('counts from the last held check-in or kick-off, with the cadence of its day', () => {
    expect(nextCheckinDue(partner, [kickoffOn(5)], day(6))).toBe(day(12));
    expect(nextCheckinDue(partner, [kickoffOn(5), checkinOn(40)], day(41))).toBe(day(54));
    expect(nextCheckinDue(partner, [checkinOn(100)], day(101))).toBe(day(130));
  });

  it('uses the next check-in date recorded at the last check-in', () => {
    expect(nextCheckinDue(partner, [makeMeeting({ scheduledOn: day(10), nextCheckinOn: day(13) })], day(11))).toBe(day(13));
  });

  it('ignores meetings not held, other kinds, future dates and other partners', () => {
    const meetings = [
      makeMeeting({ scheduledOn: day(20), status: 'scheduled' }),
      makeMeeting({ scheduledOn: day(21), status: 'cancelled' }),
      makeMeeting({ scheduledOn: day(22), kind: 'planning' }),
      makeMeeting({ scheduledOn: day(40) }),
      makeMeeting({ scheduledOn: day(23), partnerId: 'other' }),
    ];
    expect(nextCheckinDue(partner, meetings, day(30))).toBe(day(7));
  });
});

describe('nextBestAction', () => {
  const partner = makePartner();
  const journey = journeyFor(partner);

  it('returns null only for churned partners', () => {
    expect(nextBestAction(input({ partner: makePartner({ status: 'churned' }), tasks: journey, today: day(40) }))).toBeNull();
  });

  it('puts the most overdue task first, with days overdue in the label', () => {
    const tasks = doneBefore(journey, day(11), ['kickoff-call']);
    expect(nextBestAction(input({ tasks, today: day(11) }))).toEqual({
      kind: 'overdue_task',
      label: 'Overdue 6 days: Hold the kick-off call',
      detail: expect.stringContaining('Due 6 Mar 2026 (day 5)'),
      urgency: 'overdue',
      taskId: byKey(journey, 'kickoff-call').id,
    });
    const two = doneBefore(journey, day(11), ['kickoff-call']).map((t) =>
      t.key === 'agreement-signed' ? { ...t, status: 'open' as const, completedOn: undefined } : t,
    );
    const action = nextBestAction(input({ tasks: two, today: day(11) }));
    expect(action?.label).toBe('Overdue 11 days: Sign the partner agreement');
    expect(action?.detail).toContain('1 more task overdue');
  });

  it('says "1 day" and prefers required tasks among equally late ones', () => {
    const tasks = [
      makeTask({ id: 'opt', title: 'Optional step', required: false, dueDate: day(9), order: 0 }),
      makeTask({ id: 'req', title: 'Required step', required: true, dueDate: day(9), order: 1 }),
    ];
    expect(nextBestAction(input({ tasks, today: day(10) }))?.label).toBe('Overdue 1 day: Required step');
  });

  it('ignores other partners’ records', () => {
    const tasks = [makeTask({ partnerId: 'other', dueDate: day(1) }), makeTask({ id: 'mine', dueDate: day(5) })];
    expect(nextBestAction(input({ tasks, today: day(3) }))?.taskId).toBe('mine');
  });

  it('asks for the kick-off call when none was held by day 7', () => {
    const noKickoffTask = doneBefore(journey, day(8)).filter((t) => t.key !== 'kickoff-call');
    const late = nextBestAction(input({ tasks: noKickoffTask, today: day(8) }));
    expect(late).toMatchObject({ kind: 'kickoff', label: 'Hold the kick-off call', urgency: 'overdue' });
    expect(nextBestAction(input({ tasks: noKickoffTask, today: day(7) }))).toMatchObject({ kind: 'kickoff', urgency: 'due' });
    expect(nextBestAction(input({ tasks: noKickoffTask, today: day(6) }))?.kind).not.toBe('kickoff');
    const held = nextBestAction(input({ tasks: noKickoffTask, meetings: [kickoffOn(5)], today: day(8) }));
    expect(held?.kind).not.toBe('kickoff');
  });

  it('flags an overdue check-in with the days since the last one', () => {
    const tasks = doneBefore(journey, day(20));
    const action = nextBestAction(input({ tasks, meetings: [kickoffOn(5)], today: day(20) }));
    expect(action).toMatchObject({ kind: 'checkin_due', label: 'Hold a check-in: none for 15 days', urgency: 'overdue' });
    expect(action?.detail).toContain('weekly in the first 30 days');
    const never = nextBestAction(input({ tasks: doneBefore(journey, day(9)), meetings: [], today: day(9) }));
    expect(never?.label).toBe('Hold a check-in: none since Day 0, 9 days ago');
  });

  it('flags a check-in due today', () => {
    const tasks = doneBefore(journey, day(20));
    const action = nextBestAction(input({ tasks, meetings: [kickoffOn(5), checkinOn(13)], today: day(20) }));
    expect(action).toMatchObject({ kind: 'checkin_due', label: 'Hold a check-in today', urgency: 'due' });
  });

  it('respects a longer check-in cadence set for the partner', () => {
    const relaxed = makePartner({ checkinCadenceDays: 30 });
    const tasks = doneBefore(journey, day(20));
    const action = nextBestAction(input({ partner: relaxed, tasks, meetings: [kickoffOn(5)], today: day(20) }));
    expect(action?.kind).toBe('missing_plan');
  });

  it('asks for a business plan after day 14', () => {
    const meetings = [kickoffOn(5), checkinOn(13)];
    const at14 = nextBestAction(input({ tasks: doneBefore(journey, day(14)), meetings, today: day(14) }));
    expect(at14?.kind).not.toBe('missing_plan');
    const at15 = nextBestAction(input({ tasks: doneBefore(journey, day(15)), meetings, today: day(15) }));
    expect(at15).toMatchObject({ kind: 'missing_plan', label: 'Start the joint business plan', urgency: 'due' });
    expect(at15?.detail).toContain('Day 15');
    const withPlan = nextBestAction(input({ tasks: doneBefore(journey, day(15)), meetings, plans: [makePlan()], today: day(15) }));
    expect(withPlan?.kind).not.toBe('missing_plan');
  });

  it('flags a task due within 7 days', () => {
    const meetings = [kickoffOn(5), checkinOn(13)];
    const action = nextBestAction(input({ tasks: doneBefore(journey, day(14)), meetings, today: day(14) }));
    expect(action).toMatchObject({
      kind: 'due_task',
      label: 'Due in 7 days: Identify the first target accounts',
      urgency: 'due',
      taskId: byKey(journey, 'target-accounts').id,
    });
  });

  it('flags no deal registered after day 60', () => {
    const base = { tasks: doneBefore(journey, day(75)), meetings: [checkinOn(70)], plans: [makePlan()], today: day(75) };
    expect(nextBestAction(input(base))).toMatchObject({
      kind: 'no_deal',
      label: 'Help the partner register their first deal',
      urgency: 'overdue',
    });
    expect(nextBestAction(input(base))?.detail).toContain('Day 75');
    const referral = makePartner({ type: 'referral' });
    expect(nextBestAction(input({ ...base, partner: referral }))?.label).toBe('Help the partner register their first referral');
    const withDeal = nextBestAction(input({ ...base, deals: [makeDeal({ registeredOn: day(50) })] }));
    expect(withDeal).toMatchObject({
      kind: 'next_task',
      label: 'Next: Run the day-90 partner satisfaction survey',
      urgency: 'suggested',
    });
    const at60 = nextBestAction(input({ ...base, tasks: doneBefore(journey, day(60)), meetings: [checkinOn(55)], today: day(60) }));
    expect(at60?.kind).not.toBe('no_deal');
  });

  it('never runs out of next steps: after day 90 with everything done it suggests the quarterly review', () => {
    const allDone = journey.map((t) => ({ ...t, status: 'done' as const, completedOn: t.dueDate }));
    const base = { tasks: allDone, plans: [makePlan()], deals: [makeDeal({ registeredOn: day(40) })] };
    const action = nextBestAction(input({ ...base, meetings: [checkinOn(195)], today: day(200) }));
    expect(action).toMatchObject({ kind: 'growth_review', label: 'Schedule the next quarterly business review', urgency: 'suggested' });
    expect(action?.detail).toContain('80 days ago');
    const overdueReview = nextBestAction(input({ ...base, meetings: [checkinOn(245)], today: day(250) }));
    expect(overdueReview).toMatchObject({ kind: 'growth_review', urgency: 'due' });
    for (let n = -5; n <= 400; n += 1) {
      expect(nextBestAction(input({ ...base, today: day(n) })), `day ${n}`).not.toBeNull();
    }
  });

  it('asks to set up the journey for a new partner without tasks', () => {
    expect(nextBestAction(input({ today: day(3) }))).toMatchObject({ kind: 'next_task', label: 'Set up the onboarding journey' });
  });
});

describe('nextCheckinDue after two meetings on the same day', () => {
  const partner = makePartner();

  it('takes the date typed at the check-in recorded after a same-day kick-off', () => {
    const kickoff = makeMeeting({ id: 'k', kind: 'kickoff', scheduledOn: day(1), nextCheckinOn: day(8), endedAt: '2026-03-02T10:00:00.000Z', updatedAt: '2026-03-02T10:00:00.000Z' });
    const checkin = makeMeeting({ id: 'c', kind: 'checkin', scheduledOn: day(1), nextCheckinOn: day(3), updatedAt: '2026-03-02T15:00:00.000Z' });
    expect(nextCheckinDue(partner, [kickoff, checkin], day(1))).toBe(day(3));
    expect(nextCheckinDue(partner, [checkin, kickoff], day(1))).toBe(day(3));
  });
});
