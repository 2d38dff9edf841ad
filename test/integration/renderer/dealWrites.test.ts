import { afterEach, describe, expect, it } from 'vitest';
import { documentData } from '../../../src-renderer/db/documentData';
import type { AppDatabase } from '../../../src-renderer/db/appDatabase';
import { askExtension, createDeal, decideRegistration, settleExtension } from '../../../src-renderer/features/deals/dealWrites';
import type { DealInputValue } from '../../../src-renderer/features/deals/dealInput';
import { createPartner } from '../../../src-renderer/features/partners/createPartner';
import type { Deal, Task } from '../../../src-shared/domain/types';
import { closeAll, openDatabase, partnerValue, PROFILE } from './support';

afterEach(closeAll);

const input = (account: string, registeredOn = '2026-04-10'): DealInputValue => ({ account, amount: 1000, currency: 'EUR', stage: 'registered', registeredOn, source: 'sourced' });

async function setUp(): Promise<{ db: AppDatabase; partnerId: string }> {
  const db = await openDatabase();
  const partner = await createPartner(db, partnerValue({ day0: '2026-03-02' }), PROFILE);
  return { db, partnerId: partner.id };
}

async function firstDealTask(db: AppDatabase, partnerId: string): Promise<Task> {
  const doc = await db.tasks.findOne({ selector: { partnerId, key: 'first-deal' } }).exec();
  if (!doc) throw new Error('journey has no first-deal step');
  return documentData(doc) as Task;
}

async function readDeal(db: AppDatabase, id: string): Promise<Deal> {
  const doc = await db.deals.findOne(id).exec();
  if (!doc) throw new Error(`deal ${id} is gone`);
  return documentData(doc) as Deal;
}

describe('deal registration writes', () => {
  it('the first registration is detected and ticks the journey’s first-deal step on its registration date; the second is not first', async () => {
    const { db, partnerId } = await setUp();
    expect((await firstDealTask(db, partnerId)).status).toBe('open');
    const first = await createDeal(db, partnerId, input('Acme'));
    expect(first).toMatchObject({ firstDeal: true, stepTicked: true });
    expect(await firstDealTask(db, partnerId)).toMatchObject({ status: 'done', completedOn: '2026-04-10' });
    const second = await createDeal(db, partnerId, input('Globex', '2026-04-12'));
    expect(second).toMatchObject({ firstDeal: false, stepTicked: false });
    expect((await firstDealTask(db, partnerId)).completedOn).toBe('2026-04-10');
  });

  it('approves with a reason (protected 90 days), extends on request, and refuses a decision without a reason', async () => {
    const { db, partnerId } = await setUp();
    const { deal } = await createDeal(db, partnerId, input('Acme'));
    await expect(decideRegistration(db, deal.id, true, '  ', '2026-04-11')).rejects.toThrow('A reason is required to approve the registration');
    await decideRegistration(db, deal.id, true, 'Customer confirmed', '2026-04-11');
    expect(await readDeal(db, deal.id)).toMatchObject({ stage: 'approved', protectedUntil: '2026-07-10', decision: { outcome: 'approved', reason: 'Customer confirmed', on: '2026-04-11' } });
    await askExtension(db, deal.id, 'Budget moved to Q3', '2026-07-01', 30);
    await settleExtension(db, deal.id, true, '2026-07-02');
    const extended = await readDeal(db, deal.id);
    expect(extended.protectedUntil).toBe('2026-08-09');
    expect(extended.extensions).toEqual([{ requestedOn: '2026-07-01', reason: 'Budget moved to Q3', days: 30, status: 'approved', decidedOn: '2026-07-02', newExpiry: '2026-08-09' }]);
  });
});
