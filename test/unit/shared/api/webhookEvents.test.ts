import { describe, expect, it } from 'vitest';
import { documentEvents, phaseEnteredEvent, taskOverdueEvent } from '../../../../src-shared/api/webhookEvents';

const types = (collection: string, before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined) => documentEvents(collection, before, after).map((event) => event.type);

describe('documentEvents', () => {
  it('raises partner.created for a new partner and partner.at_risk when its status becomes at_risk', () => {
    expect(types('partners', undefined, { status: 'onboarding' })).toEqual(['partner.created']);
    expect(types('partners', undefined, { status: 'at_risk' })).toEqual(['partner.created', 'partner.at_risk']);
    expect(types('partners', { status: 'onboarding' }, { status: 'at_risk' })).toEqual(['partner.at_risk']);
    expect(types('partners', { status: 'at_risk' }, { status: 'at_risk', name: 'x' })).toEqual([]);
  });

  it('raises deal.registered for a new deal and deal.won only when the stage becomes won', () => {
    expect(types('deals', undefined, { stage: 'registered' })).toEqual(['deal.registered']);
    expect(types('deals', undefined, { stage: 'won' })).toEqual(['deal.registered', 'deal.won']);
    expect(types('deals', { stage: 'approved' }, { stage: 'won' })).toEqual(['deal.won']);
    expect(types('deals', { stage: 'won' }, { stage: 'won', amount: 2 })).toEqual([]);
  });

  it('raises survey.received, training.completed and plan.finalised on their transitions only; nothing for a deletion', () => {
    expect(types('surveys', undefined, { score: 4 })).toEqual(['survey.received']);
    expect(types('surveys', { score: 4 }, { score: 5 })).toEqual([]);
    expect(types('trainings', { status: 'enrolled' }, { status: 'completed' })).toEqual(['training.completed']);
    expect(types('trainings', undefined, { status: 'enrolled' })).toEqual([]);
    expect(types('plans', { status: 'draft' }, { status: 'final' })).toEqual(['plan.finalised']);
    expect(types('plans', { status: 'final' }, { status: 'final' })).toEqual([]);
    expect(types('deals', { stage: 'registered' }, undefined)).toEqual([]);
    expect(types('tasks', undefined, { status: 'open' })).toEqual([]);
  });
});

describe('time-based events', () => {
  const partner = { id: 'p1', day0: '2026-11-01', status: 'onboarding' as const };

  it('raises partner.phase_entered once per phase, within the look-back, never for pre-boarding or a churned partner', () => {
    expect(phaseEnteredEvent(partner, '2026-11-01')).toBeNull();
    expect(phaseEnteredEvent(partner, '2026-11-02')).toMatchObject({ key: 'partner.phase_entered:p1:immersion', data: { phase: 'immersion', day: 1 } });
    expect(phaseEnteredEvent(partner, '2026-11-09')?.key).toBe('partner.phase_entered:p1:activation');
    expect(phaseEnteredEvent(partner, '2026-11-30')).toBeNull();
    expect(phaseEnteredEvent({ ...partner, status: 'churned' }, '2026-11-02')).toBeNull();
  });

  it('raises task.overdue for an open task past its due date (due today is not late), keyed by its due date', () => {
    const task = { id: 't1', partnerId: 'p1', status: 'open', dueDate: '2026-11-10' } as Parameters<typeof taskOverdueEvent>[0];
    expect(taskOverdueEvent(task, '2026-11-10')).toBeNull();
    expect(taskOverdueEvent(task, '2026-11-11')?.key).toBe('task.overdue:t1:2026-11-10');
    expect(taskOverdueEvent({ ...task, status: 'done' }, '2026-11-11')).toBeNull();
    expect(taskOverdueEvent(task, '2026-11-30')).toBeNull();
  });
});
