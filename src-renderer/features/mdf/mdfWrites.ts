import { newId, nowIso } from '../../../src-shared/domain/ids';
import type { FileRef, IsoDate, MdfDoc } from '../../../src-shared/domain/types';
import {
  approveMdfRequest,
  claimMdf,
  decideMdfClaim,
  editMdfRequest,
  isMdfRequest,
  linkMdfDeals,
  markMdfPaid,
  mdfBudgetId,
  newMdfRequest,
  rejectMdfRequest,
  setMdfBudget,
  type MdfBudgetInput,
  type MdfRequest,
  type MdfRequestInput,
  type MdfResult,
} from '../../../src-shared/mdf/mdfRules';
import type { AppDatabase } from '../../db/appDatabase';
import { documentData } from '../../db/documentData';

/** Sets a partner's MDF budget for a quarter (one document per partner and quarter, the same id on every laptop). */
export async function saveMdfBudget(db: AppDatabase, partnerId: string, input: MdfBudgetInput): Promise<MdfDoc> {
  const id = mdfBudgetId(partnerId, input.quarter.trim().toUpperCase());
  const doc = await db.mdf.findOne(id).exec();
  const result = setMdfBudget(doc ? documentData<MdfDoc>(doc) : undefined, partnerId, input, nowIso());
  if (!result.ok) throw new Error(result.error);
  if (doc) await doc.incrementalModify(() => result.value);
  else await db.mdf.insert(result.value);
  return result.value;
}

/** Files a new MDF request, dated `today`. */
export async function createMdfRequest(db: AppDatabase, partnerId: string, input: MdfRequestInput, today: IsoDate): Promise<MdfDoc> {
  const result = newMdfRequest(input, { id: newId(), partnerId, now: nowIso(), today });
  if (!result.ok) throw new Error(result.error);
  await db.mdf.insert(result.value);
  return result.value;
}

/** Applies a rule of src-shared/mdf to the stored request; the rule's message when it refuses. */
async function applyRule(db: AppDatabase, requestId: string, rule: (request: MdfRequest, now: string) => MdfResult): Promise<MdfDoc> {
  const doc = await db.mdf.findOne(requestId).exec();
  if (!doc) throw new Error('This MDF request no longer exists on this laptop.');
  const stored = documentData<MdfDoc>(doc);
  if (!isMdfRequest(stored)) throw new Error('This document is an MDF budget, not a request.');
  const result = rule(stored, nowIso());
  if (!result.ok) throw new Error(result.error);
  // The rule returns the whole next document: fields it dropped are dropped here too.
  await doc.incrementalModify(() => result.value);
  return result.value;
}

export const approveMdf = (db: AppDatabase, id: string, amount: number, reason: string, on: IsoDate) => applyRule(db, id, (r, now) => approveMdfRequest(r, { amount, reason, on }, now));
export const rejectMdf = (db: AppDatabase, id: string, reason: string, on: IsoDate) => applyRule(db, id, (r, now) => rejectMdfRequest(r, { reason, on }, now));
export const fileMdfClaim = (db: AppDatabase, id: string, claim: { amount: number; note: string; proof?: FileRef; on: IsoDate }) => applyRule(db, id, (r, now) => claimMdf(r, claim, now));
export const decideClaim = (db: AppDatabase, id: string, approve: boolean, reason: string, on: IsoDate) => applyRule(db, id, (r, now) => decideMdfClaim(r, { approve, reason, on }, now));
export const payMdf = (db: AppDatabase, id: string, on: IsoDate) => applyRule(db, id, (r, now) => markMdfPaid(r, on, now));
export const linkDeals = (db: AppDatabase, id: string, dealIds: string[]) => applyRule(db, id, (r, now) => linkMdfDeals(r, dealIds, now));
export const editMdf = (db: AppDatabase, id: string, input: MdfRequestInput) => applyRule(db, id, (r, now) => editMdfRequest(r, input, now));
