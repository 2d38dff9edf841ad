import { describe, expect, it } from 'vitest';
import { healthBand, partnerHealth } from '../../../../src-shared/domain/health';
import { dueDateFor } from '../../../../src-shared/domain/journey';
import type { NextActionInput } from '../../../../src-shared/domain/nextBestAction';
import { doneBefore, journeyFor, makeDeal, makeMeeting, makePartner, makePlan } from './fixtures';

const day = (n: number) => dueDateFor('2026-03-01', n);
const checkinOn = (n: number) => makeMeeting({ id: `c${n}`, kind: 'checkin', scheduledOn: day(n) });

function input(overrides: Partial<NextActionInput> = {}): NextActionInput {
  return { partner: makePartner(), tasks: [], meetings: [], deals: [], plans: [], today: day(0), ...overrides };
}

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

describe('partnerHealth', () => {
  const partner = makePartner();
  const journey = journeyFor(partner);

  it('scores an on-schedule partner 100 with a positive note', () => {
    const h = partnerHealth(input({ tasks: doneBefore(journey, day(20)), meetings: [checkinOn(16)], plans: [makePlan()], today: day(20) }));
    expect(h.score).toBe(100);
    expect(h.band).toBe('green');
    expect(h.reasons).toEqual([{ text: expect.stringMatching(/^Journey on schedule/), impact: 0 }]);
  });

  it('explains a struggling partner in words a manager acts on', () => {
    const si = makePartner({ type: 'si' });
    const tasks = doneBefore(journeyFor(si), day(75), ['core-certification', 'technical-certification']);
    const h = partnerHealth(
      input({ partner: si, tasks, meetings: [checkinOn(51)], plans: [makePlan()], today: day(75) }),
    );
    const texts = h.reasons.map((r) => r.text);
    expect(texts).toContain('No check-in for 24 days (due every 14 days): hold one this week');
    expect(texts).toContainEqual(expect.stringMatching(/^2 of 4 required certifications overdue/));
    expect(texts).toContainEqual(expect.stringMatching(/^No deal registered at day 75/));
    expect(h.score).toBe(100 - 20 - 16 - 15);
    expect(h.band).toBe('red');
    const impacts = h.reasons.map((r) => r.impact);
    expect(impacts).toEqual([...impacts].sort((a, b) => a - b));
  });

  it('costs more for required overdue tasks and names the oldest', () => {
    const tasks = doneBefore(journey, day(11), ['kickoff-call']);
    const h = partnerHealth(input({ tasks, today: day(11) }));
    expect(h.reasons[0]).toEqual({ text: 'No check-in since Day 0, 11 days ago (due every 7 days): hold one this week', impact: -10 });
    expect(h.reasons).toContainEqual({ text: '1 task overdue: start with “Hold the kick-off call”, 6 days late', impact: -8 });
    expect(h.score).toBe(82);
  });

  it('flags a missing business plan only after day 30', () => {
    const at = (n: number) =>
      partnerHealth(input({ tasks: doneBefore(journey, day(n), ['business-plan']), meetings: [checkinOn(n - 1)], today: day(n) }));
    expect(at(30).reasons.some((r) => r.text.startsWith('No business plan'))).toBe(false);
    expect(at(31).reasons).toContainEqual({ text: 'No business plan at day 31: agree one with 30-60-90 day goals', impact: -15 });
  });

  it('counts a ticked-off “business plan agreed” step as a plan', () => {
    const h = partnerHealth(input({ tasks: doneBefore(journey, day(31)), meetings: [checkinOn(30)], today: day(31) }));
    expect(h.reasons.some((r) => r.text.startsWith('No business plan'))).toBe(false);
  });

  it('flags a journey behind schedule', () => {
    const lagging = doneBefore(journey, day(35), ['core-certification', 'technical-certification', 'business-plan', 'target-accounts', 'mdf-guidelines']);
    const h = partnerHealth(input({ tasks: lagging, meetings: [checkinOn(34)], plans: [makePlan()], today: day(35) }));
    expect(h.reasons).toContainEqual({ text: expect.stringMatching(/^Behind schedule: \d+% of required steps done, \d+% expected by day 35$/), impact: expect.any(Number) });
  });

  it('notes the first deal and drops the no-deal penalty', () => {
    const h = partnerHealth(
      input({ tasks: doneBefore(journey, day(75)), meetings: [checkinOn(70)], plans: [makePlan()], deals: [makeDeal({ registeredOn: day(40) })], today: day(75) }),
    );
    expect(h.score).toBe(100);
    expect(h.reasons.map((r) => r.text)).toContain('First deal registered on day 40');
  });

  it('clamps the score to 0 and caps each penalty', () => {
    const h = partnerHealth(input({ tasks: journey, today: day(400) }));
    expect(h.score).toBe(0);
    expect(h.band).toBe('red');
    expect(Math.min(...h.reasons.map((r) => r.impact))).toBeGreaterThanOrEqual(-30);
  });

  it('gives a churned partner 0 with a reason', () => {
    const h = partnerHealth(input({ partner: makePartner({ status: 'churned', churnedOn: day(50) }), tasks: journey, today: day(60) }));
    expect(h).toEqual({ score: 0, band: 'red', reasons: [{ text: 'Partner churned on 20 Apr 2026: win-back or archive it', impact: -100 }] });
  });

  it('does not penalise a partner whose Day 0 is still ahead', () => {
    const h = partnerHealth(input({ tasks: journey, today: day(-3) }));
    expect(h.score).toBe(100);
  });
});
