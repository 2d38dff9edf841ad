import { newId, nowIso } from '../../../src-shared/domain/ids';
import { approveRegistration, decideExtension, rejectRegistration, requestExtension } from '../../../src-shared/deals/registration';
import { FIRST_DEAL_TASK_KEY, firstDealStepCompletion, isFirstDeal } from '../../../src-shared/deals/firstDeal';
import type { Deal, DealStage, IsoDate } from '../../../src-shared/domain/types';
import type { AppDatabase } from '../../db/appDatabase';
import type { DealInputValue } from './dealInput';
import { storedProtectionDays } from './protectionWindowWrites';

/** Ticks off the partner's open "first deal" step, done on the given day; no-op when there is none. Returns the undo. */
async function completeFirstDealTask(db: AppDatabase, partnerId: string, doneOn: IsoDate): Promise<(() => Promise<void>) | null> {
  const task = await db.tasks.findOne({ selector: { partnerId, key: FIRST_DEAL_TASK_KEY } }).exec();
  const completion = firstDealStepCompletion(task, { registeredOn: doneOn });
  if (!task || !completion) return null;
  const before = { status: task.status, updatedAt: task.updatedAt };
  await task.incrementalPatch({ ...completion, updatedAt: nowIso() });
  return async () => {
    const again = await db.tasks.findOne(task.id).exec();
    await again?.incrementalModify((t) => {
      const { completedOn: _c, ...rest } = t;
      return { ...rest, status: before.status, updatedAt: nowIso() };
    });
  };
}

/** A registered deal, whether it is the partner's first one, and whether it ticked the journey's step. */
export type CreatedDeal = { deal: Deal; firstDeal: boolean; stepTicked: boolean };

/**
 * Registers a deal. Registering completes the journey's "Register the first deal" step (through
 * the task write path, on the registration date); if that second write fails the deal is removed
 * again, so nothing is half-written.
 */
export async function createDeal(db: AppDatabase, partnerId: string, input: DealInputValue): Promise<CreatedDeal> {
  const now = nowIso();
  const deal: Deal = { id: newId(), createdAt: now, updatedAt: now, partnerId, ...input };
  const existing = (await db.deals.find({ selector: { partnerId } }).exec()).map((d) => ({ id: d.id, partnerId: d.partnerId }));
  const firstDeal = isFirstDeal(deal, existing);
  await db.deals.insert(deal);
  try {
    const undo = await completeFirstDealTask(db, partnerId, deal.registeredOn);
    return { deal, firstDeal, stepTicked: undo !== null };
  } catch (error) {
    await (await db.deals.findOne(deal.id).exec())?.remove();
    throw error;
  }
}

/**
 * Moves a deal to another stage: won and lost get a close date (today unless given), an open stage
 * drops it. Winning also ticks off a "first deal" step still open (a deal imported from a CSV
 * file did not go through createDeal); if that fails the stage change is undone.
 */
export async function changeDealStage(db: AppDatabase, dealId: string, stage: DealStage, closedOn: IsoDate): Promise<void> {
  const doc = await db.deals.findOne(dealId).exec();
  if (!doc) throw new Error('This deal no longer exists on this laptop.');
  const previous = doc.toJSON() as Deal;
  await doc.incrementalModify((d) => {
    const { closedOn: _c, ...rest } = d;
    return stage === 'won' || stage === 'lost' ? { ...rest, stage, closedOn, updatedAt: nowIso() } : { ...rest, stage, updatedAt: nowIso() };
  });
  if (stage === 'won') {
    try {
      await completeFirstDealTask(db, previous.partnerId, closedOn);
    } catch (error) {
      const again = await db.deals.findOne(dealId).exec();
      await again?.incrementalModify(() => ({ ...previous, updatedAt: nowIso() }));
      throw error;
    }
  }
}

type Rule<T> = (deal: Deal) => { ok: true; value: T } | { ok: false; error: string };

/** Applies a registration rule (src-shared/deals/registration.ts) to the stored deal; the rule's message when it refuses. */
async function applyRule<T extends Partial<Deal>>(db: AppDatabase, dealId: string, rule: Rule<T>): Promise<true> {
  const doc = await db.deals.findOne(dealId).exec();
  if (!doc) throw new Error('This deal no longer exists on this laptop.');
  const result = rule(doc.toJSON() as Deal);
  if (!result.ok) throw new Error(result.error);
  await doc.incrementalPatch({ ...result.value, updatedAt: nowIso() });
  return true;
}

/**
 * Approves (protected for the window from `on`) or rejects a registration, with the reason. The
 * window is the program's setting as stored when the approval is made (`windowDays` overrides it).
 */
export async function decideRegistration(db: AppDatabase, dealId: string, approve: boolean, reason: string, on: IsoDate, windowDays?: number): Promise<true> {
  const days = windowDays ?? (approve ? await storedProtectionDays(db) : 0);
  return applyRule(db, dealId, (d) => (approve ? approveRegistration(d, reason, on, days) : rejectRegistration(d, reason, on)));
}

/** Records a request to extend the protection by `days`, with its reason. */
export async function askExtension(db: AppDatabase, dealId: string, reason: string, on: IsoDate, days: number): Promise<true> {
  return applyRule(db, dealId, (d) => requestExtension(d, reason, on, days));
}

/** Approves (new expiry) or refuses the open extension request. */
export async function settleExtension(db: AppDatabase, dealId: string, approve: boolean, on: IsoDate): Promise<true> {
  return applyRule(db, dealId, (d) => decideExtension(d, approve, on));
}
