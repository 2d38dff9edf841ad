import { describe, expect, it } from 'vitest';
import { HEALTH_WEIGHTS, healthBand, healthInputAsOf, healthSinceLastCheckin, partnerHealth, type HealthInput } from '../../../../src-shared/domain/health';
import { dueDateFor, overdueSteps, summarizeJourney } from '../../../../src-shared/domain/journey';
import type { Survey, Training } from '../../../../src-shared/domain/types';
import { doneBefore, journeyFor, makeDeal, makeMeeting, makePartner, makePlan, NOW } from './fixtures';

const day = (n: number) => dueDateFor('2026-03-01', n);
const checkinOn = (n: number, sentiment?: number) =>
  makeMeeting({ id: `c${n}`, kind: 'checkin', scheduledOn: day(n), ...(sentiment === undefined ? {} : { sentiment }) });
const survey = (n: number, score: number): Survey => ({ id: `s${n}`, createdAt: NOW, updatedAt: NOW, partnerId: 'p1', score, takenOn: day(n), comment: '' });
const training = (overrides: Partial<Training> = {}): Training => ({
  id: 'tr',
  createdAt: NOW,
  updatedAt: NOW,
  partnerId: 'p1',
  person: 'Anna',
  course: 'Core Sales Certification',
  required: true,
  status: 'enrolled',
  ...overrides,
});

function input(overrides: Partial<HealthInput> = {}): HealthInput {
  return { partner: makePartner(), tasks: [], meetings: [], deals: [], plans: [], trainings: [], surveys: [], today: day(0), ...overrides };
}

const pointsOf = (h: ReturnType<typeof partnerHealth>) => Object.fromEntries((h.contributions ?? []).map((c) => [c.measure, c.points]));

describe('healthBand', () => {
  it.each([
    [100, 'green'],
    [76, 'green'],
    [75, 'yellow'],
    [51, 'yellow'],
    [50, 'red'],
    [0, 'red'],
  ] as const)('%i is %s', (score, band) => {
    expect(healthBand(score)).toBe(band);
  });
});

describe('partnerHealth v2', () => {
  const partner = makePartner();
  const journey = journeyFor(partner);

  it('weighs six measures that add up to 100', () => {
    expect(Object.values(HEALTH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('scores an on-schedule partner 100, every measure giving its full weight', () => {
    const h = partnerHealth(input({ tasks: doneBefore(journey, day(20)), meetings: [checkinOn(16)], plans: [makePlan()], today: day(20) }));
    expect(h.score).toBe(100);
    expect(h.band).toBe('green');
    expect(pointsOf(h)).toEqual({ schedule: 25, checkin: 20, certification: 15, deals: 20, sentiment: 10, psat: 10 });
    expect(h.reasons[0]).toEqual({ text: expect.stringMatching(/^Journey on schedule: \d+% of required steps done by day 20$/), impact: 0 });
  });

  it('explains a struggling partner in words a manager acts on, with each contribution', () => {
    const si = makePartner({ type: 'si' });
    const tasks = doneBefore(journeyFor(si), day(75), ['core-certification', 'technical-certification']);
    const h = partnerHealth(input({ partner: si, tasks, meetings: [checkinOn(51)], plans: [makePlan()], today: day(75) }));
    const texts = h.reasons.map((r) => r.text);
    expect(texts).toContain('No check-in for 24 days (due every 14 days): hold one this week');
    expect(texts).toContainEqual(expect.stringMatching(/^2 of 4 required certifications overdue/));
    expect(texts).toContain('No deal registered at day 75: coach the partner on a first opportunity');
    const points = pointsOf(h);
    // Check-in due day 65, 10 days late: 0.5 − 3/28 of 20 → 7.9. Certifications: 1 − 2/4 − 0.1 of 15 → 6.
    // No deal at day 75: 1 − 15/40 of 20 → 12.5.
    expect([points.checkin, points.certification, points.deals, points.sentiment, points.psat]).toEqual([7.9, 6, 12.5, 10, 10]);
    expect(h.score).toBe(Math.round((h.contributions ?? []).reduce((s, c) => s + c.points, 0)));
    const impacts = h.reasons.map((r) => r.impact);
    expect(impacts).toEqual([...impacts].sort((a, b) => a - b));
  });

  it('names the oldest overdue task', () => {
    const h = partnerHealth(input({ tasks: doneBefore(journey, day(11), ['kickoff-call']), today: day(11) }));
    expect(h.reasons.map((r) => r.text)).toContain('1 step overdue: start with “Hold the kick-off call”, 6 days late');
    expect(h.reasons[0]?.text).toBe('No check-in since Day 0, 11 days ago (due every 7 days): hold one this week');
  });

  it('uses sentiment of the last two check-ins and the latest PSAT', () => {
    const h = partnerHealth(
      input({ tasks: doneBefore(journey, day(100)), meetings: [checkinOn(80, 5), checkinOn(90, 1), checkinOn(95, 2)], deals: [makeDeal({ registeredOn: day(40) })], surveys: [survey(60, 5), survey(92, 2)], today: day(100) }),
    );
    // Sentiment mean of 2 and 1 → (1.5 − 1) / 3 of 10 → 1.7; PSAT 2 → 1/3 of 10 → 3.3.
    expect(pointsOf(h)).toMatchObject({ sentiment: 1.7, psat: 3.3 });
    expect(h.reasons.map((r) => r.text)).toEqual(
      expect.arrayContaining(['Low sentiment at the last check-ins (2 of 5): ask what is in the way', 'PSAT 2 of 5 on 1 Jun 2026: follow up on the feedback']),
    );
  });

  it('gives full marks, not a penalty, for measures without data yet', () => {
    const h = partnerHealth(input({ tasks: journey, today: day(-3) }));
    expect(h.score).toBe(100);
    expect((h.contributions ?? []).filter((c) => c.hasData)).toEqual([]);
  });

  it('counts required trainings in the certification text', () => {
    const tasks = doneBefore(journey, day(40), ['core-certification']);
    const h = partnerHealth(input({ tasks, meetings: [checkinOn(39)], trainings: [training({ status: 'completed', completedOn: day(20) }), training({ id: 'tr2' })], today: day(40) }));
    expect(h.reasons.map((r) => r.text)).toContainEqual(expect.stringMatching(/required certifications? overdue \(1 of 2 required trainings completed\)/));
  });

  it('notes the first deal and stops the no-deal penalty', () => {
    const h = partnerHealth(input({ tasks: doneBefore(journey, day(75)), meetings: [checkinOn(70)], deals: [makeDeal({ registeredOn: day(40) })], today: day(75) }));
    expect(pointsOf(h).deals).toBe(20);
    expect(h.reasons.map((r) => r.text)).toContain('First deal registered on day 40; 1 deal registered');
  });

  it('bottoms out at red for an abandoned journey', () => {
    const h = partnerHealth(input({ tasks: journey, today: day(400) }));
    expect(h.band).toBe('red');
    expect(pointsOf(h)).toMatchObject({ schedule: 0, checkin: 0, deals: 0 });
  });

  it('gives a churned partner 0 with a reason', () => {
    const h = partnerHealth(input({ partner: makePartner({ status: 'churned', churnedOn: day(50) }), tasks: journey, today: day(60) }));
    expect(h.score).toBe(0);
    expect(h.reasons).toEqual([{ text: 'Partner churned on 20 Apr 2026: win-back or archive it', impact: -100 }]);
  });
});

describe('what changed since the last check-in', () => {
  const journey = journeyFor(makePartner());

  it('scores the partner as it stood on the check-in day and lists the measures that moved', () => {
    const tasks = doneBefore(journey, day(16));
    const h = healthSinceLastCheckin(input({ tasks, meetings: [checkinOn(16)], today: day(40) }));
    expect(h?.since).toBe(day(16));
    expect(h?.before).toBe(100);
    expect(h?.after).toBeLessThan(100);
    expect(h?.changes.map((c) => c.measure)).toContain('checkin');
    expect(h?.changes.every((c) => c.delta < 0)).toBe(true);
  });

  it('is null before any check-in', () => {
    expect(healthSinceLastCheckin(input({ today: day(5) }))).toBeNull();
  });

  it('rewinds records to a past day', () => {
    const tasks = doneBefore(journey, day(30));
    const past = healthInputAsOf(input({ tasks, deals: [makeDeal({ registeredOn: day(20), stage: 'won', closedOn: day(28) })], today: day(30) }), day(25));
    expect(past.tasks.filter((t) => t.status === 'done').every((t) => (t.completedOn ?? '') <= day(25))).toBe(true);
    expect(past.deals[0]).toMatchObject({ stage: 'approved', closedOn: undefined });
  });
});

describe('one definition of overdue', () => {
  it('counts the same overdue steps as the journey banner, certifications included', () => {
    const si = makePartner({ type: 'si', templateId: 'si-new' });
    const tasks = journeyFor(si);
    const today = day(75);
    const overdue = summarizeJourney(si, tasks, today).overdue;
    expect(overdue.some((t) => t.category === 'training' && t.required)).toBe(true);
    const h = partnerHealth(input({ partner: si, tasks, today }));
    const schedule = h.contributions?.find((c) => c.measure === 'schedule')?.text ?? '';
    expect(schedule).toContain(`${overdue.length} steps overdue`);
    expect(overdueSteps(tasks, today)).toEqual(overdue);
  });
});
