import { newId, nowIso } from '../../../src-shared/domain/ids';
import type { OwnerSide, Partner, Plan, PlanItem } from '../../../src-shared/domain/types';
import { freezePlan } from '../../../src-shared/plan/planVersions';
import type { PlanItemFields } from '../../../src-shared/plan/planValidation';
import type { PlanSeed } from '../../../src-shared/plan/planTemplates';
import type { AppDatabase } from '../../db/appDatabase';
import { insertAll } from '../../db/insertAll';

const EMPTY_SIGN_OFF: Plan['signOff'] = [
  { side: 'partner', name: '', title: '' },
  { side: 'vendor', name: '', title: '' },
];

/**
 * Starts a partner's plan: a draft (to become version 1) and, from a template, its rows. The
 * plan and its rows are written all-or-nothing.
 */
export async function createPlan(db: AppDatabase, partner: Pick<Partner, 'id'>, seed: PlanSeed | null): Promise<Plan> {
  const now = nowIso();
  const plan: Plan = {
    id: newId(),
    createdAt: now,
    updatedAt: now,
    partnerId: partner.id,
    version: 1,
    status: 'draft',
    objectives: seed?.objectives ?? '',
    summary: seed?.summary ?? '',
    signOff: EMPTY_SIGN_OFF.map((entry) => ({ ...entry })),
  };
  const items: PlanItem[] = (seed?.items ?? []).map((fields, index) => ({
    ...fields,
    id: newId(),
    createdAt: now,
    updatedAt: now,
    partnerId: partner.id,
    planId: plan.id,
    order: index,
  }));
  await db.plans.insert(plan);
  try {
    await insertAll(db.planitems, items);
  } catch (error) {
    await (await db.plans.findOne(plan.id).exec())?.remove();
    throw error;
  }
  return plan;
}

async function draftDoc(db: AppDatabase, planId: string) {
  const doc = await db.plans.findOne(planId).exec();
  if (!doc) throw new Error('This plan no longer exists on this laptop.');
  if (doc.status !== 'draft') throw new Error(`Version ${doc.version} is finalised and read-only; edit the draft instead.`);
  return doc;
}

/** Saves the plan's own text (objectives, summary). */
export async function updatePlanText(db: AppDatabase, planId: string, change: Partial<Pick<Plan, 'objectives' | 'summary'>>): Promise<void> {
  const doc = await draftDoc(db, planId);
  await doc.incrementalPatch({ ...change, updatedAt: nowIso() });
}

/**
 * Saves one field of one side's sign-off line as it is typed (the line is created when missing;
 * an empty date removes it). The other fields and the other side stay as they are.
 */
export async function updateSignOffField(db: AppDatabase, planId: string, side: OwnerSide, field: 'name' | 'title' | 'date', value: string): Promise<void> {
  const doc = await draftDoc(db, planId);
  await doc.incrementalModify((plan) => {
    const current = plan.signOff.find((line) => line.side === side) ?? { side, name: '', title: '' };
    const { date: _date, ...withoutDate } = current;
    const line = field === 'date' ? (value === '' ? withoutDate : { ...current, date: value }) : { ...current, [field]: value };
    const signOff = [...plan.signOff.filter((entry) => entry.side !== side), line].sort((a, b) => (a.side === b.side ? 0 : a.side === 'partner' ? -1 : 1));
    return { ...plan, signOff, updatedAt: nowIso() };
  });
}

/** Adds a validated row at the end of its section. */
export async function addPlanItem(db: AppDatabase, plan: Pick<Plan, 'id' | 'partnerId' | 'status'>, fields: PlanItemFields, order: number): Promise<PlanItem> {
  if (plan.status !== 'draft') throw new Error('A finalised version is read-only; edit the draft instead.');
  const now = nowIso();
  const item: PlanItem = { ...fields, id: newId(), createdAt: now, updatedAt: now, partnerId: plan.partnerId, planId: plan.id, order };
  await db.planitems.insert(item);
  return item;
}

/**
 * Replaces a row's editable fields with validated ones in one write: fields the user cleared are
 * removed; identity, plan, order and creation stay.
 */
export async function updatePlanItem(db: AppDatabase, itemId: string, fields: PlanItemFields): Promise<void> {
  const doc = await db.planitems.findOne(itemId).exec();
  if (!doc) throw new Error('This row no longer exists on this laptop.');
  await doc.incrementalModify((item) => {
    const { id, createdAt, partnerId, planId, order, updatedBy } = item;
    return { id, createdAt, partnerId, planId, order, ...(updatedBy ? { updatedBy } : {}), ...fields, updatedAt: nowIso() };
  });
}

export async function removePlanItem(db: AppDatabase, itemId: string): Promise<void> {
  const doc = await db.planitems.findOne(itemId).exec();
  await doc?.remove();
}

/**
 * Finalises the draft as version N: a read-only, dated copy of the plan and of every row, then
 * the draft moves on to N+1. All-or-nothing: if any part is refused, what was written is
 * removed again and the draft is unchanged.
 */
export async function finalisePlan(db: AppDatabase, draftId: string): Promise<Plan> {
  const doc = await draftDoc(db, draftId);
  const draft = doc.toJSON() as Plan;
  const items = (await db.planitems.find({ selector: { planId: draft.id } }).exec()).map((item) => item.toJSON() as PlanItem);
  const finals = (await db.plans.find({ selector: { partnerId: draft.partnerId, status: 'final' } }).exec()).map((plan) => plan.version);
  const { frozen, frozenItems, nextDraftVersion } = freezePlan(draft, items, finals, nowIso());
  await db.plans.insert(frozen);
  try {
    await insertAll(db.planitems, frozenItems);
    await doc.incrementalPatch({ version: nextDraftVersion, updatedAt: nowIso() });
  } catch (error) {
    await db.planitems.bulkRemove(frozenItems.map((item) => item.id));
    await (await db.plans.findOne(frozen.id).exec())?.remove();
    throw error;
  }
  return frozen;
}
