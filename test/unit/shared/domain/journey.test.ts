import { differenceInCalendarDays, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  PHASE_INFO,
  dayNumber,
  dueDateError,
  dueDateFor,
  generateJourney,
  isOverdue,
  startTaskError,
  journeyDayLabel,
  journeyProgress,
  onboardingComplete,
  phaseForDay,
  phaseProgress,
  summarizeJourney,
} from '../../../../src-shared/domain/journey';
import { journeyTemplateFor } from '../../../../src-shared/domain/journeyTemplates';
import { PHASES } from '../../../../src-shared/domain/types';
import { NOW, byKey, journeyFor, makePartner, makeTask } from './fixtures';

describe('phases', () => {
  it.each([
    [-10, 'preboarding'],
    [-1, 'preboarding'],
    [0, 'preboarding'],
    [1, 'immersion'],
    [7, 'immersion'],
    [8, 'activation'],
    [30, 'activation'],
    [31, 'engagement'],
    [90, 'engagement'],
    [91, 'growth'],
    [1000, 'growth'],
  ] as const)('day %i is %s', (day, phase) => {
    expect(phaseForDay(day)).toBe(phase);
  });

  it('describes each phase with labels and windows matching phaseForDay', () => {
    expect(PHASES.map((p) => PHASE_INFO[p].label)).toEqual([
      'Pre-boarding',
      'Initial immersion',
      'Activation',
      'First engagement',
      'Ongoing growth',
    ]);
    expect(PHASE_INFO.immersion.window).toBe('Week 1 (days 1–7)');
    expect(PHASE_INFO.growth.endDay).toBeNull();
    for (const p of PHASES) {
      const { startDay, endDay } = PHASE_INFO[p];
      expect(phaseForDay(startDay)).toBe(p);
      if (endDay !== null) expect(phaseForDay(endDay)).toBe(p);
    }
  });
});

describe('dayNumber and dueDateFor', () => {
  it('counts calendar days from Day 0', () => {
    expect(dayNumber('2026-03-01', '2026-03-01')).toBe(0);
    expect(dayNumber('2026-03-01', '2026-03-02')).toBe(1);
    expect(dayNumber('2026-03-01', '2026-05-30')).toBe(90);
    expect(dayNumber('2024-02-28', '2024-03-01')).toBe(2);
    expect(dayNumber('2025-12-31', '2026-01-01')).toBe(1);
  });

  it('is negative while Day 0 is in the future', () => {
    expect(dayNumber('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('agrees with date-fns across DST changes, leap years and centuries, and rejects impossible dates', () => {
    const start = Date.UTC(1999, 0, 1);
    const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
    for (let i = 0; i < 400; i += 1) {
      const a = iso(start + ((i * 7919) % 12_000) * 86_400_000);
      const b = iso(start + ((i * 104_729) % 12_000) * 86_400_000);
      expect(dayNumber(a, b)).toBe(differenceInCalendarDays(parseISO(b), parseISO(a)));
    }
    expect(dayNumber('2025-02-29', '2025-03-01')).toBeNaN();
    expect(dayNumber('2026-13-01', '2026-03-01')).toBeNaN();
    expect(dayNumber('2026-03-01', 'not a date')).toBeNaN();
    expect(dayNumber('2026-03-01', '2026-03-05T10:00:00')).toBe(4);
  });

  it('adds calendar days, across month ends, leap days and DST changes', () => {
    expect(dueDateFor('2026-03-01', 0)).toBe('2026-03-01');
    expect(dueDateFor('2026-01-31', 30)).toBe('2026-03-02');
    expect(dueDateFor('2024-02-28', 1)).toBe('2024-02-29');
    expect(dueDateFor('2026-03-25', 7)).toBe('2026-04-01');
    expect(dueDateFor('2026-12-15', 30)).toBe('2027-01-14');
  });
});

describe('generateJourney', () => {
  const partner = makePartner({ id: 'p9', day0: '2026-01-31', type: 'isv', maturity: 'new' });

  it('creates one open template task per template step, due Day 0 + offset', () => {
    let n = 0;
    const tasks = generateJourney(partner, { now: NOW, newId: () => `id-${n++}` });
    const template = journeyTemplateFor('isv', 'new');
    expect(tasks).toHaveLength(template.tasks.length);
    tasks.forEach((t, i) => {
      const step = template.tasks[i];
      expect(t).toMatchObject({
        id: `id-${i}`,
        partnerId: 'p9',
        key: step?.key,
        title: step?.title,
        phase: step?.phase,
        dueOffset: step?.dueOffset,
        status: step?.key === 'agreement-signed' ? 'done' : 'open',
        source: 'template',
        order: i,
        ownerName: '',
        createdAt: NOW,
        updatedAt: NOW,
      });
      expect(t.dueDate).toBe(dueDateFor('2026-01-31', step?.dueOffset ?? NaN));
    });
    expect(byKey(tasks, 'agreement-signed').dueDate).toBe('2026-01-31');
    expect(byKey(tasks, 'kickoff-call').dueDate).toBe('2026-02-05');
    expect(byKey(tasks, 'first-deal').dueDate).toBe('2026-04-01');
  });

  it('uses the given template and random UUIDs by default', () => {
    const template = journeyTemplateFor('referral', 'experienced');
    const tasks = generateJourney(partner, { now: NOW, template });
    expect(tasks.map((t) => t.key)).toEqual(template.tasks.map((t) => t.key));
    expect(tasks[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
  });

  it('leaves steps already past due open (the manager decides what happened)', () => {
    const late = makePartner({ day0: '2025-01-01' });
    const tasks = journeyFor(late).filter((t) => t.key !== 'agreement-signed');
    expect(tasks.every((t) => t.status === 'open' && t.completedOn === undefined)).toBe(true);
    expect(tasks.filter((t) => isOverdue(t, '2026-03-01'))).toHaveLength(tasks.length);
  });

  it('records the agreement as signed on Day 0, since Day 0 is the signing date', () => {
    const signed = generateJourney(makePartner({ day0: '2026-01-31' }), { now: '2026-02-10T09:00:00.000Z' });
    expect(byKey(signed, 'agreement-signed')).toMatchObject({ status: 'done', completedOn: '2026-01-31' });
    const future = generateJourney(makePartner({ day0: '2026-03-01' }), { now: '2026-02-10T09:00:00.000Z' });
    expect(byKey(future, 'agreement-signed').status).toBe('open');
    expect(byKey(future, 'agreement-signed').completedOn).toBeUndefined();
  });
});

describe('isOverdue', () => {
  it('is true only for open tasks due before today', () => {
    expect(isOverdue(makeTask({ dueDate: '2026-03-10' }), '2026-03-11')).toBe(true);
    expect(isOverdue(makeTask({ dueDate: '2026-03-11' }), '2026-03-11')).toBe(false);
    expect(isOverdue(makeTask({ dueDate: '2026-03-10', status: 'done' }), '2026-03-11')).toBe(false);
    expect(isOverdue(makeTask({ dueDate: '2026-03-10', status: 'not_applicable' }), '2026-03-11')).toBe(false);
  });
});

describe('startTaskError', () => {
  it('lets an open step that is not started yet be started from Day 0 on', () => {
    expect(startTaskError(makeTask(), '2026-03-02', '2026-03-02')).toBeNull();
    expect(startTaskError(makeTask({ dueDate: '2026-03-01' }), '2026-03-02', '2026-04-20')).toBeNull();
  });

  it('says why a done, not applicable, already started or not yet begun step cannot be started', () => {
    expect(startTaskError(makeTask({ status: 'done' }), '2026-03-02', '2026-03-05')).toBe('This step is already done; reopen it first.');
    expect(startTaskError(makeTask({ status: 'not_applicable' }), '2026-03-02', '2026-03-05')).toBe('This step is marked not applicable; reopen it first.');
    expect(startTaskError(makeTask({ startedOn: '2026-03-04' }), '2026-03-02', '2026-03-05')).toBe('This step was already started on 4 Mar 2026.');
    expect(startTaskError(makeTask(), '2026-03-02', '2026-03-01')).toBe('The journey starts on Day 0 (2 Mar 2026): a step cannot be started before.');
  });
});

describe('progress', () => {
  const tasks = [
    makeTask({ id: 'a', phase: 'preboarding', status: 'done' }),
    makeTask({ id: 'b', phase: 'preboarding', status: 'open' }),
    makeTask({ id: 'c', phase: 'preboarding', status: 'not_applicable' }),
    makeTask({ id: 'd', phase: 'activation', status: 'done' }),
  ];

  it('reports all five phases in order, leaving not-applicable tasks out of the total', () => {
    expect(phaseProgress(tasks)).toEqual([
      { phase: 'preboarding', done: 1, total: 2, ratio: 0.5 },
      { phase: 'immersion', done: 0, total: 0, ratio: 0 },
      { phase: 'activation', done: 1, total: 1, ratio: 1 },
      { phase: 'engagement', done: 0, total: 0, ratio: 0 },
      { phase: 'growth', done: 0, total: 0, ratio: 0 },
    ]);
  });

  it('computes overall progress over applicable tasks', () => {
    expect(journeyProgress(tasks)).toBeCloseTo(2 / 3);
    expect(journeyProgress([])).toBe(0);
    expect(journeyProgress([makeTask({ status: 'not_applicable' })])).toBe(0);
  });
});

describe('summarizeJourney', () => {
  it('shows the day, phase and at most 5 next steps, overdue first then by due date and order', () => {
    const partner = makePartner({ day0: '2026-03-01' });
    const tasks = [
      makeTask({ id: 'future2', dueDate: '2026-03-20', order: 1 }),
      makeTask({ id: 'future1', dueDate: '2026-03-20', order: 0 }),
      makeTask({ id: 'soon', dueDate: '2026-03-12' }),
      makeTask({ id: 'late2', dueDate: '2026-03-09' }),
      makeTask({ id: 'done', dueDate: '2026-03-02', status: 'done' }),
      makeTask({ id: 'late1', dueDate: '2026-03-03' }),
      makeTask({ id: 'na', dueDate: '2026-03-03', status: 'not_applicable' }),
      makeTask({ id: 'later', dueDate: '2026-04-30' }),
      makeTask({ id: 'today', dueDate: '2026-03-11' }),
    ];
    const s = summarizeJourney(partner, tasks, '2026-03-11');
    expect(s.day).toBe(10);
    expect(s.phase).toBe('activation');
    expect(s.overdue.map((t) => t.id)).toEqual(['late1', 'late2']);
    expect(s.nextSteps.map((t) => t.id)).toEqual(['late1', 'late2', 'today', 'soon', 'future1']);
    expect(s.phases).toHaveLength(5);
    expect(s.progress).toBeCloseTo(1 / 8);
  });

  it('lists every overdue task even when there are more than 5', () => {
    const partner = makePartner({ day0: '2025-01-01' });
    const s = summarizeJourney(partner, journeyFor(partner), '2026-03-01');
    expect(s.overdue.length).toBeGreaterThan(5);
    expect(s.nextSteps).toHaveLength(5);
    expect(s.nextSteps.map((t) => t.key)).not.toContain('agreement-signed');
    expect(s.nextSteps[0]?.dueDate).toBe('2025-01-01');
    expect(s.phase).toBe('growth');
  });
});

describe('onboardingComplete', () => {
  const all = journeyFor(makePartner());
  const finish = (keepOpen: (t: (typeof all)[number]) => boolean) =>
    all.map((t) => (keepOpen(t) ? t : { ...t, status: 'done' as const }));

  it('needs every required task of phases 1–4 done or not applicable', () => {
    expect(onboardingComplete(all)).toBe(false);
    expect(onboardingComplete(finish(() => false))).toBe(true);
    expect(onboardingComplete(finish((t) => t.key === 'psat-day90'))).toBe(false);
    const skipped = finish((t) => t.key === 'psat-day90').map((t) =>
      t.key === 'psat-day90' ? { ...t, status: 'not_applicable' as const } : t,
    );
    expect(onboardingComplete(skipped)).toBe(true);
  });

  it('ignores ongoing-growth tasks and optional tasks', () => {
    expect(onboardingComplete(finish((t) => t.phase === 'growth'))).toBe(true);
    expect(onboardingComplete([...finish(() => false), makeTask({ required: false, phase: 'activation' })])).toBe(true);
  });

  it('is false for a partner without a journey', () => {
    expect(onboardingComplete([])).toBe(false);
  });
});

describe('a journey against its Day 0', () => {
  it('reads "Day N" once started and "Starts in N days" before its start', () => {
    expect(journeyDayLabel(0)).toBe('Day 0');
    expect(journeyDayLabel(12)).toBe('Day 12');
    expect(journeyDayLabel(-1)).toBe('Starts tomorrow');
    expect(journeyDayLabel(-90)).toBe('Starts in 90 days');
  });

  it('refuses a due date before Day 0 with a message saying why and what to pick', () => {
    expect(dueDateError('2026-01-08', '2026-03-01')).toBe('This is before Day 0 (1 Mar 2026), when the contract was signed: pick that day or later.');
    expect(dueDateError('2026-03-01', '2026-03-01')).toBeNull();
    expect(dueDateError('2026-02-30', '2026-03-01')).toBe('Pick a due date (YYYY-MM-DD).');
  });
});
