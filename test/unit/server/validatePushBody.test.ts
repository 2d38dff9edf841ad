import { describe, expect, it } from 'vitest';
import { inspectJson } from '../../../src-server/sync/inspectJson';
import { validatePushBody } from '../../../src-server/sync/validatePushBody';

const deal = {
  id: 'd1',
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  partnerId: 'p1',
  account: 'Acme',
  amount: 1000,
  currency: 'EUR',
  stage: 'registered',
  registeredOn: '2026-11-20',
  source: 'sourced',
  _deleted: false,
};

describe('validatePushBody', () => {
  it('accepts RxDB push rows, strips local fields and keeps _deleted apart', () => {
    const result = validatePushBody('deals', [{ newDocumentState: { ...deal, _meta: { lwt: 1 }, _rev: '1-x', _deleted: true }, assumedMasterState: { ...deal, _rev: '0-y' } }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows[0]?.deleted).toBe(true);
    expect(result.rows[0]?.data).not.toHaveProperty('_meta');
    expect(result.rows[0]?.data).not.toHaveProperty('_deleted');
    expect(result.rows[0]?.assumed).toEqual({ ...deal, _deleted: false });
    expect(validatePushBody('deals', [])).toEqual({ ok: true, rows: [] });
  });

  it('names the document and the field of a schema violation', () => {
    const result = validatePushBody('deals', [{ newDocumentState: deal }, { newDocumentState: { ...deal, id: 'd2', currency: 'eur' } }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.error).toBe('invalid_document');
    expect(result.error.message).toContain('document 1 (id "d2"), field /currency');
    expect(result.error.documents).toEqual([{ index: 1, id: 'd2', field: '/currency', message: expect.stringContaining('pattern') }]);
    const missing = validatePushBody('deals', [{ newDocumentState: { ...deal, account: undefined } }]);
    expect(!missing.ok && missing.error.documents?.[0]?.field).toBe('/account');
  });

  it('refuses a field the schema does not name (the laptops’ store would refuse it and stop pulling), but not the laptop’s own bookkeeping', () => {
    const extra = validatePushBody('deals', [{ newDocumentState: { ...deal, discountCode: 'X' } }]);
    expect(extra.ok).toBe(false);
    if (extra.ok) return;
    expect(extra.error.error).toBe('invalid_document');
    expect(extra.error.documents).toEqual([{ index: 0, id: 'd1', field: '/discountCode', message: 'is not an allowed property' }]);
    const bookkeeping = validatePushBody('deals', [{ newDocumentState: { ...deal, sync: { seq: 3, pending: true, base: null }, _attachments: {} } }]);
    expect(bookkeeping.ok).toBe(true);
  });

  it('refuses non-array bodies, too many rows, duplicates and bad assumed states', () => {
    expect(validatePushBody('deals', { newDocumentState: deal }).ok).toBe(false);
    expect(validatePushBody('deals', Array.from({ length: 201 }, (_, i) => ({ newDocumentState: { ...deal, id: `d${i}` } }))).ok).toBe(false);
    expect(validatePushBody('deals', [{ newDocumentState: deal }, { newDocumentState: deal }]).ok).toBe(false);
    expect(validatePushBody('deals', [{ newDocumentState: deal, assumedMasterState: 'x' }]).ok).toBe(false);
    expect(validatePushBody('deals', [{ newDocumentState: deal, assumedMasterState: { ...deal, id: 'other' } }]).ok).toBe(false);
    expect(validatePushBody('deals', [{ newDocumentState: { ...deal, id: '' } }]).ok).toBe(false);
  });
});

describe('inspectJson', () => {
  const limits = { maxDepth: 32, maxNodes: 1000 };
  it('bounds depth and size without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(inspectJson(deep, limits)?.message).toContain('nesting');
    expect(inspectJson(Array.from({ length: 2000 }, () => 1), limits)?.message).toContain('more than');
    expect(inspectJson({ a: [1, 'ok', null, true, { b: 2 }] }, limits)).toBeNull();
  });
  it('refuses what PostgreSQL jsonb or JavaScript objects cannot hold safely', () => {
    expect(inspectJson({ a: 'x\u0000' }, limits)).toEqual({ field: '/a', message: expect.stringContaining('NUL') });
    expect(inspectJson({ a: '\ud800' }, limits)?.field).toBe('/a');
    expect(inspectJson({ a: '🙂' }, limits)).toBeNull();
    expect(inspectJson({ a: Infinity }, limits)?.message).toContain('finite');
    expect(inspectJson(JSON.parse('{"__proto__": {"x": 1}}'), limits)?.message).toBe('forbidden key');
    expect(inspectJson({ nested: { constructor: 1 } }, limits)?.field).toBe('/nested/constructor');
  });
});
