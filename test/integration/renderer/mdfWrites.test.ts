import { afterEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../src-renderer/db/appDatabase';
import { approveMdf, createMdfRequest, decideClaim, editMdf, fileMdfClaim, linkDeals, payMdf, rejectMdf, saveMdfBudget } from '../../../src-renderer/features/mdf/mdfWrites';
import { createPartner } from '../../../src-renderer/features/partners/createPartner';
import { quarterUsage } from '../../../src-shared/mdf/mdfBudget';
import { mdfBudgetId } from '../../../src-shared/mdf/mdfRules';
import { allDocs, closeAll, openDatabase, partnerValue, PROFILE } from './support';

afterEach(closeAll);

async function setUp(): Promise<{ db: AppDatabase; partnerId: string }> {
  const db = await openDatabase();
  const partner = await createPartner(db, partnerValue({ day0: '2026-03-02' }), PROFILE);
  return { db, partnerId: partner.id };
}

describe('MDF writes', () => {
  it('a request goes from requested to paid in the store, with its claim and proof reference, and the quarter budget shows what it used', async () => {
    const { db, partnerId } = await setUp();
    await saveMdfBudget(db, partnerId, { quarter: '2026-Q3', amount: 20000, currency: 'EUR' });
    await saveMdfBudget(db, partnerId, { quarter: '2026-q3', amount: 25000, currency: 'EUR' });
    const request = await createMdfRequest(db, partnerId, { activity: 'Webinar series', amount: 10000, currency: 'EUR', plannedOn: '2026-08-15', initiativeId: 'init-1' }, '2026-07-01');
    await approveMdf(db, request.id, 8000, 'Two of the three webinars', '2026-07-02');
    const proof = { sha256: 'b'.repeat(64), name: 'attendees.csv', mime: 'text/csv', size: 2048 };
    await fileMdfClaim(db, request.id, { amount: 7500, note: '180 attendees, 22 leads', proof, on: '2026-09-01' });
    await decideClaim(db, request.id, true, '', '2026-09-02');
    await linkDeals(db, request.id, ['deal-1']);
    await payMdf(db, request.id, '2026-09-15');

    const docs = await allDocs(db, 'mdf');
    expect(docs.map((d) => d.id).sort()).toEqual([mdfBudgetId(partnerId, '2026-Q3'), request.id].sort());
    const stored = docs.find((d) => d.id === request.id);
    expect(stored).toMatchObject({ state: 'paid', paidOn: '2026-09-15', dealIds: ['deal-1'], decision: { approvedAmount: 8000 }, claims: [{ amount: 7500, proof, decision: { outcome: 'approved', on: '2026-09-02' } }] });
    expect(quarterUsage(docs, '2026-Q3')).toMatchObject({ amount: 25000, used: 7500, remaining: 17500 });
  });

  it('a refused step leaves the stored request as it was and says why', async () => {
    const { db, partnerId } = await setUp();
    const request = await createMdfRequest(db, partnerId, { activity: 'Roadshow', amount: 5000, currency: 'USD', plannedOn: '2026-10-01' }, '2026-07-01');
    await approveMdf(db, request.id, 5000, '', '2026-07-02');
    await expect(fileMdfClaim(db, request.id, { amount: 5200, note: 'done', on: '2026-10-05' })).rejects.toThrow('The claim (USD 5,200) is above the approved amount (USD 5,000); claim at most USD 5,000');
    await expect(payMdf(db, request.id, '2026-10-06')).rejects.toThrow('Only an approved claim can be paid');
    await expect(rejectMdf(db, request.id, 'late', '2026-07-03')).rejects.toThrow('Only a request waiting for a decision can be rejected (this one is approved)');
    expect((await allDocs(db, 'mdf'))[0]).toMatchObject({ state: 'approved', claims: [] });
    await expect(createMdfRequest(db, partnerId, { activity: '', amount: 1, currency: 'USD', plannedOn: '2026-10-01' }, '2026-07-01')).rejects.toThrow('The activity is required');
  });

  it('a waiting request can be changed, keeping its linked deals and request date; once decided it cannot', async () => {
    const { db, partnerId } = await setUp();
    const request = await createMdfRequest(db, partnerId, { activity: 'Roadshow', amount: 5000, currency: 'USD', plannedOn: '2026-10-01', dealIds: ['deal-9'] }, '2026-07-01');
    await editMdf(db, request.id, { activity: 'Roadshow, two cities', amount: 6500, currency: 'USD', plannedOn: '2026-11-10', initiativeId: 'init-2', dealIds: ['deal-9'] });
    expect((await allDocs(db, 'mdf'))[0]).toMatchObject({ activity: 'Roadshow, two cities', amount: 6500, quarter: '2026-Q4', requestedOn: '2026-07-01', initiativeId: 'init-2', dealIds: ['deal-9'], state: 'requested' });
    await approveMdf(db, request.id, 6500, '', '2026-07-02');
    await expect(editMdf(db, request.id, { activity: 'Roadshow', amount: 9000, currency: 'USD', plannedOn: '2026-11-10' })).rejects.toThrow('Only a request waiting for a decision can be changed (this one is approved)');
  });
});
