import { describe, expect, it } from 'vitest';
import { nextActionTarget } from '../../../src-renderer/features/partners/nextActionTarget';
import type { NextAction } from '../../../src-shared/domain/nextBestAction';

const action = (kind: NextAction['kind'], taskId?: string): NextAction => ({ kind, label: 'label', detail: 'detail', urgency: 'due', ...(taskId ? { taskId } : {}) });

describe('next best action button target', () => {
  it('opens the tab where the action is done', () => {
    expect(nextActionTarget('p1', action('checkin_due'))).toBe('/partners/p1/meetings');
    expect(nextActionTarget('p1', action('kickoff', 't-kickoff'))).toBe('/partners/p1/meetings');
    expect(nextActionTarget('p1', action('growth_review'))).toBe('/partners/p1/meetings');
    expect(nextActionTarget('p1', action('missing_plan'))).toBe('/partners/p1/plan');
    expect(nextActionTarget('p1', action('no_deal'))).toBe('/partners/p1/deals');
  });

  it('shows the task itself for task actions', () => {
    expect(nextActionTarget('p1', action('overdue_task', 't7'))).toBe('/partners/p1/journey?task=t7');
    expect(nextActionTarget('p1', action('next_task'))).toBe('/partners/p1/journey');
  });
});
