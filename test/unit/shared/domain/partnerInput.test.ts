import { describe, expect, it } from 'vitest';
import {
  isNameTaken,
  isRealIsoDate,
  isValidEmail,
  parsePartnerType,
  validatePartnerInput,
  type PartnerInput,
} from '../../../../src-shared/domain/partnerInput';

const blank: PartnerInput = {
  name: '',
  type: '',
  maturity: '',
  tier: '',
  region: '',
  website: '',
  day0: '',
  ownerEmail: '',
  status: '',
};
const minimal: PartnerInput = { ...blank, name: 'Acme Cloud', type: 'reseller', day0: '2026-03-01' };

function errorsOf(overrides: Partial<PartnerInput>) {
  const r = validatePartnerInput({ ...minimal, ...overrides });
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}
function valueOf(overrides: Partial<PartnerInput>) {
  const r = validatePartnerInput({ ...minimal, ...overrides });
  if (!r.ok) throw new Error(`unexpected errors ${JSON.stringify(r.errors)}`);
  return r.value;
}

describe('validatePartnerInput', () => {
  it('accepts the minimum and fills defaults', () => {
    expect(valueOf({})).toEqual({
      name: 'Acme Cloud',
      type: 'reseller',
      maturity: 'new',
      tier: '',
      region: '',
      website: '',
      day0: '2026-03-01',
      ownerEmail: '',
      status: 'onboarding',
    });
  });

  it('trims every field', () => {
    const v = valueOf({ name: '  Acme  ', tier: ' Gold ', region: ' EMEA ', day0: ' 2026-03-01 ', maturity: ' Experienced ' });
    expect(v).toMatchObject({ name: 'Acme', tier: 'Gold', region: 'EMEA', day0: '2026-03-01', maturity: 'experienced' });
  });

  it('reports every problem at once, each with the expected form', () => {
    expect(validatePartnerInput(blank)).toEqual({
      ok: false,
      errors: {
        name: 'Name is required',
        type: 'Type is required: one of Reseller, ISV, System integrator, Managed service provider, Referral partner',
        day0: 'Day 0 (contract signed date) is required as YYYY-MM-DD',
      },
    });
  });

  it('limits the name to 200 characters', () => {
    expect(valueOf({ name: 'x'.repeat(200) }).name).toHaveLength(200);
    expect(errorsOf({ name: 'x'.repeat(201) }).name).toBe('Name must be at most 200 characters (got 201)');
  });

  it.each([
    ['ISV', 'isv'],
    ['Reseller', 'reseller'],
    ['System integrator', 'si'],
    ['systems-integrator', 'si'],
    ['Managed Service Provider', 'msp'],
    ['MSP', 'msp'],
    ['Referral', 'referral'],
    ['influence partner', 'referral'],
  ] as const)('reads type “%s” as %s', (raw, type) => {
    expect(valueOf({ type: raw }).type).toBe(type);
  });

  it('rejects an unknown type and lists the accepted ones', () => {
    expect(errorsOf({ type: 'Distributor' }).type).toBe('Type must be one of Reseller, ISV, System integrator, Managed service provider, Referral partner (got “Distributor”)');
  });

  it('rejects an unknown maturity', () => {
    expect(errorsOf({ maturity: 'veteran' }).maturity).toBe('Maturity must be “new” or “experienced” (got “veteran”)');
  });

  it('requires Day 0 to be a real ISO calendar date', () => {
    expect(errorsOf({ day0: '2026-02-30' }).day0).toBe('Day 0 must be a real date as YYYY-MM-DD (got “2026-02-30”)');
    expect(errorsOf({ day0: '2025-02-29' }).day0).toContain('YYYY-MM-DD');
    expect(errorsOf({ day0: '01/03/2026' }).day0).toBe('Day 0 must be a real date as YYYY-MM-DD (got “01/03/2026”)');
    expect(errorsOf({ day0: '2026-3-1' }).day0).toBeDefined();
    expect(valueOf({ day0: '2024-02-29' }).day0).toBe('2024-02-29');
  });

  it.each([
    ['acme.com', 'https://acme.com'],
    ['www.acme.co.uk/partners', 'https://www.acme.co.uk/partners'],
    ['https://acme.com', 'https://acme.com'],
    ['http://acme.com/', 'http://acme.com/'],
    ['acme.com:8080', 'https://acme.com:8080'],
  ])('accepts website %s as %s', (raw, url) => {
    expect(valueOf({ website: raw }).website).toBe(url);
  });

  it.each(['acme', 'not a url', 'ftp://acme.com', 'javascript:alert(1)', 'https://', 'acme..com'])('rejects website %s', (raw) => {
    expect(errorsOf({ website: raw }).website).toBe(
      `Website must be a web address like example.com or https://example.com (got “${raw}”)`,
    );
  });

  it('checks the owner email when given and lower-cases it', () => {
    expect(valueOf({ ownerEmail: ' Pam@Vendor.Example ' }).ownerEmail).toBe('pam@vendor.example');
    expect(errorsOf({ ownerEmail: 'pam@' }).ownerEmail).toBe('Owner email must be an email address like name@example.com (got “pam@”)');
  });

  it('defaults the status to onboarding and reads common spellings', () => {
    expect(valueOf({ status: 'Active' }).status).toBe('active');
    expect(valueOf({ status: 'At risk' }).status).toBe('at_risk');
    expect(valueOf({ status: 'at_risk' }).status).toBe('at_risk');
    expect(errorsOf({ status: 'gone' }).status).toBe('Status must be one of Recruited, Onboarding, Active, At risk, Churned (got “gone”)');
  });

  it('shortens a long echoed value in messages', () => {
    expect(errorsOf({ type: 'x'.repeat(100) }).type).toContain(`(got “${'x'.repeat(40)}…”)`);
  });
});

describe('helpers', () => {
  it('parsePartnerType returns null for unknown types', () => {
    expect(parsePartnerType('VAR')).toBe('reseller');
    expect(parsePartnerType('distributor')).toBeNull();
  });

  it('isValidEmail catches typos', () => {
    expect(isValidEmail('pam@vendor.example')).toBe(true);
    expect(isValidEmail('first.last+tag@sub.vendor.io')).toBe(true);
    for (const bad of ['', 'pam', 'pam@', '@vendor.com', 'pam@vendor', 'pam @vendor.com', 'pam@vendor..com', 'a@b@c.com']) {
      expect(isValidEmail(bad), bad).toBe(false);
    }
  });

  it('isRealIsoDate accepts only existing YYYY-MM-DD days', () => {
    expect(isRealIsoDate('2026-12-31')).toBe(true);
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '26-01-01', '2026-01-01T00:00', '']) {
      expect(isRealIsoDate(bad), bad).toBe(false);
    }
  });
});

describe('a name already in the portfolio', () => {
  const input = { name: '  brightline  Partners ', type: 'reseller', maturity: '', tier: '', region: '', website: '', day0: '2026-03-01', ownerEmail: '', status: '' };

  it('is refused by the form rule, ignoring case and spacing, with the same words as the CSV import', () => {
    const result = validatePartnerInput(input, { existingNames: ['Brightline Partners'] });
    expect(result).toEqual({ ok: false, errors: { name: 'Name “brightline Partners” is already in your portfolio' } });
    expect(isNameTaken('BRIGHTLINE partners', ['Brightline  Partners'])).toBe(true);
  });

  it('lets a partner keep its own name when it is edited', () => {
    expect(validatePartnerInput(input, { existingNames: ['Brightline Partners'], ownName: 'Brightline Partners' }).ok).toBe(true);
  });
});
