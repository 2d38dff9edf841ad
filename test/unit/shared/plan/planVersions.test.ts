import { describe, expect, it } from 'vitest';
import type { Plan, PlanItem } from '../../../../src-shared/domain/types';
import { diffPlans, isEmptyDiff } from '../../../../src-shared/plan/planDiff';
import { currentDraft, finalVersions, freezePlan, frozenId, lineageOf } from '../../../../src-shared/plan/planVersions';

const T0 = '2027-01-01T00:00:00.000Z';
const draft: Plan = {
  id: 'plan-a',
  createdAt: T0,
  updatedAt: T0,
  updatedBy: 'pam@vendor.example',
  partnerId: 'p1',
  version: 1,
  status: 'draft',
  objectives: 'Grow',
  summary: 'First plan',
  signOff: [{ side: 'partner', name: 'Ana', title: 'CEO' }],
};
const goal = (id: string, fields: Partial<PlanItem> = {}): PlanItem => ({
  id,
  createdAt: T0,
  updatedAt: T0,
  partnerId: 'p1',
  planId: 'plan-a',
  kind: 'goal',
  order: 0,
  title: `Goal ${id}`,
  target: 10,
  actual: 0,
  ...fields,
});

describe('finalising a version', () => {
  it('freezes the draft and its rows as version N with deterministic ids, dated, and moves the draft to N+1', () => {
    const items = [goal('g1'), goal('g2'), goal('other', { planId: 'plan-b' })];
    const { frozen, frozenItems, nextDraftVersion } = freezePlan(draft, items, [], '2027-02-01T10:00:00.000Z');
    expect(frozen).toMatchObject({ id: 'plan-a@v1', status: 'final', version: 1, finalisedAt: '2027-02-01T10:00:00.000Z', objectives: 'Grow' });
    expect(frozen.updatedBy).toBeUndefined();
    expect(frozenItems.map((item) => [item.id, item.planId])).toEqual([
      ['g1@v1', 'plan-a@v1'],
      ['g2@v1', 'plan-a@v1'],
    ]);
    expect(nextDraftVersion).toBe(2);
  });

  it('never reuses a number already finalised (e.g. by another laptop)', () => {
    const { frozen } = freezePlan({ ...draft, version: 2 }, [], [1, 2, 3], T0);
    expect(frozen.version).toBe(4);
  });

  it('follows a row across versions by its lineage', () => {
    expect(lineageOf(frozenId('g1', 3))).toBe('g1');
    expect(lineageOf('g1')).toBe('g1');
  });

  it('finds the working draft and the finalised versions newest first', () => {
    const plans = [{ ...draft, version: 3 }, { ...draft, id: 'plan-a@v1', status: 'final' as const, version: 1 }, { ...draft, id: 'plan-a@v2', status: 'final' as const, version: 2 }];
    expect(currentDraft(plans)?.version).toBe(3);
    expect(finalVersions(plans).map((plan) => plan.version)).toEqual([2, 1]);
    expect(currentDraft([])).toBeUndefined();
  });
});

describe('comparing versions', () => {
  it('reports rows added, removed and changed field by field, and plan text changes', () => {
    const v1 = freezePlan(draft, [goal('g1'), goal('g2', { order: 1 }), goal('a1', { kind: 'account', title: 'Globex' })], [], T0);
    const edited = { ...draft, version: 2, objectives: 'Grow faster', signOff: [{ side: 'partner' as const, name: 'Ana', title: 'CEO', date: '2027-02-02' }] };
    const v2 = freezePlan(edited, [goal('g1', { actual: 4, title: 'Certify sales' }), goal('a1', { kind: 'account', title: 'Globex' }), goal('g3', { order: 2 })], [1], T0);

    const diff = diffPlans({ plan: v1.frozen, items: v1.frozenItems }, { plan: v2.frozen, items: v2.frozenItems });
    expect(diff.plan).toEqual([
      { field: 'Objectives', before: 'Grow', after: 'Grow faster' },
      { field: 'Sign-off (partner)', before: 'Ana, CEO', after: 'Ana, CEO, 2027-02-02' },
    ]);
    expect(diff.items.map((change) => [change.change, change.key])).toEqual([
      ['changed', 'g1'],
      ['removed', 'g2'],
      ['added', 'g3'],
    ]);
    const changed = diff.items[0];
    expect(changed?.change === 'changed' && changed.fields).toEqual([
      { field: 'title', before: 'Goal g1', after: 'Certify sales' },
      { field: 'actual', before: 0, after: 4 },
    ]);
    expect(diff.unchanged).toBe(1);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('treats a missing field and an absent one alike, so identical versions compare empty', () => {
    const a = freezePlan(draft, [goal('g1', { metric: undefined })], [], T0);
    const b = freezePlan(draft, [goal('g1')], [], T0);
    expect(isEmptyDiff(diffPlans({ plan: a.frozen, items: a.frozenItems }, { plan: b.frozen, items: b.frozenItems }))).toBe(true);
  });
});
