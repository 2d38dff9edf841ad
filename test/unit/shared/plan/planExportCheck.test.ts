import { describe, expect, it } from 'vitest';
import { planExportCheck } from '../../../../src-shared/plan/planExportCheck';

const plan = { id: 'plan-1', objectives: '', summary: '  ', signOff: [] };

describe('planExportCheck', () => {
  it('calls a plan with nothing filled in empty and lists every part', () => {
    expect(planExportCheck(plan, [{ planId: 'other-plan', kind: 'goal' }])).toEqual({
      empty: true,
      missing: ['Objectives', 'Summary', '30-60-90 day goals', 'Target accounts', 'Initiatives and MDF', 'Revenue targets by quarter', 'Risks and mitigations', 'Partner sign-off', 'Our sign-off'],
    });
  });

  it('lists only what is still missing once parts are filled in', () => {
    const filled = { ...plan, objectives: 'Grow in the Nordics', signOff: [{ side: 'partner' as const, name: 'Anna Berg', title: 'CEO' }, { side: 'vendor' as const, name: ' ', title: '' }] };
    expect(planExportCheck(filled, [{ planId: 'plan-1', kind: 'goal' }, { planId: 'plan-1', kind: 'account' }])).toEqual({
      empty: false,
      missing: ['Summary', 'Initiatives and MDF', 'Revenue targets by quarter', 'Risks and mitigations', 'Our sign-off'],
    });
  });
});
