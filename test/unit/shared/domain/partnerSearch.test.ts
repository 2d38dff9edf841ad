import { describe, expect, it } from 'vitest';
import { ownerLabelFor, ownerNames } from '../../../../src-shared/domain/partnerSearch';

const partner = {
  name: 'Kestrel Systems',
  region: 'EMEA',
  website: 'kestrel.example',
  tier: 'Silver',
  type: 'isv' as const,
  ownerEmail: 'Ann@North.example',
  tags: ['cloud'],
  contacts: [{ id: 'c1', name: 'Jo Park', role: '', email: '', phone: '' }],
  team: [{ id: 'm1', name: 'Ann Berg', role: 'partner_manager' as const, email: 'ann@north.example' }],
};

describe('owner names', () => {
  it('names owners by the user’s own profile first, then a partner team entry, else the email; no email is “No owner”', () => {
    const names = ownerNames([partner], { email: 'ANN@north.example ', name: 'Ann (me)' });
    const label = ownerLabelFor(names);
    expect(label('ann@north.example')).toBe('Ann (me)');
    expect(label('zed@south.example')).toBe('zed@south.example');
    expect(label('  ')).toBe('No owner');
  });
});
