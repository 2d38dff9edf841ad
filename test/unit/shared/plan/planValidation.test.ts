import { describe, expect, it } from 'vitest';
import { isCurrencyCode, isRealDate, parseNumber, planItemFormValues, validatePlanItem, validateSignOff } from '../../../../src-shared/plan/planValidation';

describe('plan row validation', () => {
  it('accepts a goal and turns its text into numbers and dates', () => {
    const result = validatePlanItem('goal', { title: ' Certify sales ', metric: 'People', target: '2', actual: '1', dueDate: '2027-03-31', ownerSide: 'partner' });
    expect(result).toEqual({ ok: true, value: { kind: 'goal', title: 'Certify sales', metric: 'People', target: 2, actual: 1, dueDate: '2027-03-31', ownerSide: 'partner' } });
  });

  it('rejects a target that is not a number, with the message on the field', () => {
    const result = validatePlanItem('goal', { title: 'Certify sales', target: 'ten' });
    expect(result).toEqual({ ok: false, errors: { target: 'Target must be a number, e.g. 10 (got “ten”)' } });
  });

  it('requires a goal name and a target, and refuses dates that do not exist', () => {
    const result = validatePlanItem('goal', { title: '', target: '', dueDate: '2027-02-30' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.title).toBe('Goal is required');
      expect(result.errors.target).toBe('Target is required');
      expect(result.errors.dueDate).toMatch(/real date/);
    }
  });

  it('requires an MDF amount of at least 0 and an ISO currency', () => {
    const negative = validatePlanItem('initiative', { title: 'Q1 campaign MDF', initiativeType: 'mdf', amount: '-5', currency: 'euro', status: 'requested' });
    expect(negative).toEqual({
      ok: false,
      errors: { amount: 'MDF amount cannot be negative', currency: 'Currency must be a 3-letter ISO code such as EUR or USD (got “euro”)' },
    });
    const valid = validatePlanItem('initiative', { title: 'Q1 campaign MDF', initiativeType: 'mdf', amount: '25,000', currency: 'eur', status: 'approved' });
    expect(valid).toMatchObject({ ok: true, value: { amount: 25_000, currency: 'EUR', status: 'approved', initiativeType: 'mdf' } });
    const unknownStatus = validatePlanItem('initiative', { title: 'x', initiativeType: 'mdf', amount: '1', currency: 'EUR', status: 'spent' });
    expect(unknownStatus.ok === false && unknownStatus.errors.status).toBe('MDF status must be one of: Requested, Approved, Claimed, Paid');
  });

  it('checks account fit scores and revenue quarters', () => {
    expect(validatePlanItem('account', { title: 'Globex', fit: '140' })).toEqual({ ok: false, errors: { fit: 'Fit score must be at most 100' } });
    expect(validatePlanItem('revenue', { quarter: '2027 Q1', target: '1000', currency: 'USD' })).toEqual({
      ok: false,
      errors: { quarter: 'Quarter must be written like 2027-Q1 (got “2027 Q1”)' },
    });
    expect(validatePlanItem('revenue', { quarter: '2027-q1', target: '1000', currency: 'USD' })).toMatchObject({ ok: true, value: { quarter: '2027-Q1', title: 'Revenue Q1 2027' } });
  });

  it('drops cleared optional fields instead of storing them empty', () => {
    const result = validatePlanItem('account', { title: 'Globex', segment: '  ', fit: '' });
    expect(result).toEqual({ ok: true, value: { kind: 'account', title: 'Globex', stage: 'identified' } });
  });

  it('round-trips a stored row into form values', () => {
    expect(planItemFormValues({ title: 'x', target: 2, dueDate: '2027-01-01' })).toEqual({ title: 'x', target: '2', dueDate: '2027-01-01' });
  });

  it('validates a sign-off line', () => {
    expect(validateSignOff({ name: 'Ana', title: 'CEO', date: '2027-13-01' })).toEqual({ ok: false, errors: { date: 'Date must be a real date written YYYY-MM-DD (got “2027-13-01”)' } });
    expect(validateSignOff({ name: 'Ana', title: 'CEO', date: '' })).toEqual({ ok: true, value: { name: 'Ana', title: 'CEO' } });
  });
});

describe('field parsers', () => {
  it('reads plain and grouped numbers only', () => {
    expect(parseNumber('1,500.5')).toBe(1500.5);
    expect(parseNumber('1 500')).toBe(1500);
    expect(parseNumber('1e3')).toBeUndefined();
    expect(parseNumber('12abc')).toBeUndefined();
  });

  it('knows real dates and ISO currencies', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2027-02-29')).toBe(false);
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('EU')).toBe(false);
    expect(isCurrencyCode('XYZ')).toBe(false);
  });
});
