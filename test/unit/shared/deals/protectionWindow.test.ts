import { describe, expect, it } from 'vitest';
import { checkProtectionDays, protectionWindow } from '../../../../src-shared/deals/protectionWindow';
import { approveRegistration, DEFAULT_PROTECTION_DAYS } from '../../../../src-shared/deals/registration';
import type { Deal, Template } from '../../../../src-shared/domain/types';

const template = (id: string, updatedAt: string, data: Record<string, unknown>, kind: Template['kind'] = 'tiers'): Template => ({ id, createdAt: updatedAt, updatedAt, kind, name: 'Partner tiers', data });
const deal: Deal = { id: 'd', createdAt: '', updatedAt: '', partnerId: 'p', account: 'Acme', amount: 1, currency: 'USD', stage: 'registered', registeredOn: '2026-01-01', source: 'sourced' };

describe('the protection window setting', () => {
  it('accepts whole days from 1 to 365, typed or as a number', () => {
    expect(checkProtectionDays(1)).toEqual({ ok: true, value: 1 });
    expect(checkProtectionDays(365)).toEqual({ ok: true, value: 365 });
    expect(checkProtectionDays(' 60 ')).toEqual({ ok: true, value: 60 });
  });

  it('refuses anything else, saying what it got', () => {
    expect(checkProtectionDays(0)).toEqual({ ok: false, error: 'The protection window must be a whole number of days from 1 to 365 (got 0)' });
    expect(checkProtectionDays(366)).toEqual({ ok: false, error: 'The protection window must be a whole number of days from 1 to 365 (got 366)' });
    expect(checkProtectionDays(45.5)).toEqual({ ok: false, error: 'The protection window must be a whole number of days from 1 to 365 (got 45.5)' });
    expect(checkProtectionDays('')).toEqual({ ok: false, error: 'The protection window must be a whole number of days from 1 to 365 (got nothing)' });
    expect(checkProtectionDays('ninety')).toEqual({ ok: false, error: 'The protection window must be a whole number of days from 1 to 365 (got "ninety")' });
    expect(checkProtectionDays(undefined)).toMatchObject({ ok: false, error: expect.stringContaining('(got undefined)') });
  });

  it('is the default with no tiers template, or one that does not set it', () => {
    expect(protectionWindow([])).toEqual({ days: DEFAULT_PROTECTION_DAYS, template: null, set: false, issue: null });
    expect(protectionWindow([template('a', '2026-01-01', { tiers: [] })])).toMatchObject({ days: 90, set: false, issue: null });
    expect(protectionWindow([template('j', '2026-01-01', { protectionDays: 30 }, 'journey')]).days).toBe(90);
  });

  it("reads the latest tiers template's setting, even when its tier definition has problems", () => {
    const older = template('a', '2026-01-01T00:00:00Z', { protectionDays: 30 });
    const newer = template('b', '2026-02-01T00:00:00Z', { protectionDays: 120, tiers: 'not a list' });
    expect(protectionWindow([older, newer])).toMatchObject({ days: 120, set: true, template: { id: 'b' } });
  });

  it('falls back to the default with a message when the stored value is unusable', () => {
    expect(protectionWindow([template('a', '2026-01-01', { protectionDays: 1000 })])).toMatchObject({
      days: 90,
      set: false,
      issue: 'The protection window must be a whole number of days from 1 to 365 (got 1000); the default of 90 days applies.',
    });
  });

  it('gives an approval its expiry from the window in force', () => {
    const days = protectionWindow([template('a', '2026-01-01', { protectionDays: 30 })]).days;
    expect(approveRegistration(deal, 'Confirmed', '2026-03-01', days)).toMatchObject({ ok: true, value: { protectedUntil: '2026-03-31' } });
  });
});
