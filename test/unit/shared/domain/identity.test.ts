import { describe, expect, it } from 'vitest';
import { identityErrors, needsIdentity, ownerSideLabels, planManagerName, vendorName } from '../../../../src-shared/domain/identity';

describe('identity: who sends the plans', () => {
  it('asks on first run until both the name and the company are given (the old placeholder name does not count)', () => {
    expect(needsIdentity({ name: '', company: '' })).toBe(true);
    expect(needsIdentity({ name: 'Partner manager', company: 'North Wind' })).toBe(true);
    expect(needsIdentity({ name: 'Ann Berg', company: '  ' })).toBe(true);
    expect(needsIdentity({ name: 'Ann Berg', company: 'North Wind' })).toBe(false);
  });

  it('says which field is missing, in words the user reads', () => {
    expect(identityErrors({ name: ' ', company: '' })).toEqual({
      name: 'Enter your name: it goes on the plans and recaps you send',
      company: 'Enter your company’s name: partners see it on their plan',
    });
    expect(identityErrors({ name: 'Ann Berg', company: 'x'.repeat(121) })).toEqual({ company: 'The company name is too long (at most 120 characters)' });
    expect(identityErrors({ name: 'Ann Berg', company: 'North Wind' })).toEqual({});
  });

  it('names the vendor side by the company, "Our side" only until it is known', () => {
    expect(ownerSideLabels('North Wind Software')).toEqual({ partner: 'Partner', vendor: 'North Wind Software' });
    expect(vendorName('')).toBe('Our side');
  });

  it('prints the partner’s own manager, else the user, never the placeholder "Partner manager"', () => {
    expect(planManagerName([{ role: 'partner_manager', name: 'Bob Stone' }], 'Ann Berg')).toBe('Bob Stone');
    expect(planManagerName([{ role: 'partner_manager', name: 'Partner manager' }], 'Ann Berg')).toBe('Ann Berg');
    expect(planManagerName([{ role: 'field', name: 'Sam' }], 'Partner manager')).toBe('—');
  });
});
