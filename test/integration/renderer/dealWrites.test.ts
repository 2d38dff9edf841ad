import { afterEach, describe, expect, it } from 'vitest';
import { documentData } from '../../../src-renderer/db/documentData';
import type { AppDatabase } from '../../../src-renderer/db/appDatabase';
import { askExtension, createDeal, decideRegistration, settleExtension } from '../../../src-renderer/features/deals/dealWrites';
import { saveProtectionWindow } from '../../../src-renderer/features/deals/protectionWindowWrites';
import { saveTierDefinition } from '../../../src-renderer/features/tiers/tierWrites';
import { protectionWindow } from '../../../src-shared/deals/protectionWindow';
import { activeTierDefinition } from '../../../src-shared/tiers/tierPortfolio';
import { DEFAULT_TIER_DEFINITION } from '../../../src-shared/tiers/tierDefinition';
import type { DealInputValue } from '../../../src-renderer/features/deals/dealInput';
import { createPartner } from '../../../src-renderer/features/partners/createPartner';
import type { Deal, Task } from '../../../src-shared/domain/types';
import { allDocs, closeAll, openDatabase, partnerValue, PROFILE } from './support';

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

  it("a changed protection window gives the next approval the new expiry; a registration already protected keeps its own", async () => {
    const { db, partnerId } = await setUp();
    const first = (await createDeal(db, partnerId, input('Acme'))).deal;
    const second = (await createDeal(db, partnerId, input('Globex'))).deal;
    await decideRegistration(db, first.id, true, 'Customer confirmed', '2026-04-11');
    expect((await readDeal(db, first.id)).protectedUntil).toBe('2026-07-10');

    await expect(saveProtectionWindow(db, 0)).rejects.toThrow('The protection window must be a whole number of days from 1 to 365 (got 0)');
    expect(await saveProtectionWindow(db, 30)).toBe(30);
    await decideRegistration(db, second.id, true, 'Customer confirmed', '2026-04-11');
    expect((await readDeal(db, second.id)).protectedUntil).toBe('2026-05-11');
    expect((await readDeal(db, first.id)).protectedUntil).toBe('2026-07-10');

    // Kept on the tiers template: the tiers in force do not change, and editing the tiers keeps the window.
    const templates = await allDocs(db, 'templates');
    expect(templates.filter((t) => t.kind === 'tiers')).toHaveLength(1);
    expect(activeTierDefinition(templates).definition).toEqual(DEFAULT_TIER_DEFINITION);
    await saveTierDefinition(db, { ...DEFAULT_TIER_DEFINITION, baseCurrency: 'EUR', rates: { USD: 0.93 } }, templates[0]!.id);
    await saveProtectionWindow(db, 45);
    const after = await allDocs(db, 'templates');
    expect(protectionWindow(after)).toMatchObject({ days: 45, set: true });
    expect(activeTierDefinition(after).definition.baseCurrency).toBe('EUR');
  });
});
