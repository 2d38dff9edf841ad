import { describe, expect, it } from 'vitest';
import { mdfErrorField } from '../../../src-renderer/features/mdf/mdfErrorField';

describe('mdfErrorField', () => {
  it('puts each refusal of the MDF rules on the field it is about', () => {
    expect(mdfErrorField('The claim (EUR 6,000) is above the approved amount (EUR 5,000); claim at most EUR 5,000')).toBe('amount');
    expect(mdfErrorField('Say why less than the requested EUR 5,000 is approved')).toBe('reason');
    expect(mdfErrorField('A reason is required to reject the request')).toBe('reason');
    expect(mdfErrorField('The paid date (2 May 2026) cannot be before the claim was approved (5 May 2026)')).toBe('on');
    expect(mdfErrorField('The planned date must be a real date as YYYY-MM-DD (got “x”)')).toBe('plannedOn');
    expect(mdfErrorField('Describe the proof of performance: what took place and what it produced (attendees, leads, photos)')).toBe('note');
    expect(mdfErrorField('The currency must be a 3-letter code like EUR or USD (got “E”)')).toBe('currency');
    expect(mdfErrorField('The quarter must be written like 2026-Q3 (got “x”)')).toBe('quarter');
    expect(mdfErrorField('This MDF request no longer exists on this laptop.')).toBe('form');
  });
});
