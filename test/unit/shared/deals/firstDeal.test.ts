import { describe, expect, it } from 'vitest';
import { FIRST_DEAL_TASK_KEY, firstDealStepCompletion, isFirstDeal } from '../../../../src-shared/deals/firstDeal';

describe('first deal of a partner', () => {
  it('is the registration when the partner has no other deal (other partners’ deals do not count)', () => {
    const deal = { id: 'new', partnerId: 'p' };
    expect(isFirstDeal(deal, [])).toBe(true);
    expect(isFirstDeal(deal, [deal, { id: 'x', partnerId: 'q' }])).toBe(true);
    expect(isFirstDeal(deal, [deal, { id: 'old', partnerId: 'p' }])).toBe(false);
  });

  it('ticks the open "Register the first deal" step on the registration date, and leaves a step that is not open', () => {
    const deal = { registeredOn: '2026-04-10' };
    expect(FIRST_DEAL_TASK_KEY).toBe('first-deal');
    expect(firstDealStepCompletion({ key: 'first-deal', status: 'open' }, deal)).toEqual({ status: 'done', completedOn: '2026-04-10' });
    expect(firstDealStepCompletion({ key: 'first-deal', status: 'done' }, deal)).toBeNull();
    expect(firstDealStepCompletion({ key: 'first-deal', status: 'not_applicable' }, deal)).toBeNull();
    expect(firstDealStepCompletion({ key: 'kickoff-call', status: 'open' }, deal)).toBeNull();
    expect(firstDealStepCompletion(null, deal)).toBeNull();
  });
});
