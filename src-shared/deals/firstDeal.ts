import type { Deal, IsoDate, Task } from '../domain/types';

/** The journey step "Register the first deal" (its key is stable: src-shared/domain/journeyTemplates.ts). */
export const FIRST_DEAL_TASK_KEY = 'first-deal';

/**
 * Whether a registration is the partner's first deal: no other deal of the partner is stored.
 * The journey's step is "Register the first deal", so registering (any stage) is what counts.
 */
export function isFirstDeal(deal: Pick<Deal, 'id' | 'partnerId'>, partnerDeals: readonly Pick<Deal, 'id' | 'partnerId'>[]): boolean {
  return !partnerDeals.some((d) => d.id !== deal.id && d.partnerId === deal.partnerId);
}

/** The completion the first-deal step gets from a registration: done on the registration date, or nothing when the step is not open. */
export function firstDealStepCompletion(task: Pick<Task, 'key' | 'status'> | null | undefined, deal: Pick<Deal, 'registeredOn'>): { status: 'done'; completedOn: IsoDate } | null {
  if (!task || task.key !== FIRST_DEAL_TASK_KEY || task.status !== 'open') return null;
  return { status: 'done', completedOn: deal.registeredOn };
}
