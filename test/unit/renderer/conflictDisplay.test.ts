import { describe, expect, it } from 'vitest';
import { fieldLabel, formatConflictValue, recordLabel } from '../../../src-renderer/features/conflicts/conflictDisplay';

const partner = {
  id: 'p1',
  name: 'Harbor Lane Systems',
  contacts: [{ id: 'c1', name: 'Femke de Vries', email: 'femke@harbor.example', role: 'Alliance lead', phone: '' }],
};

describe('conflict history in words', () => {
  it('names the record a conflict is about', () => {
    expect(recordLabel('partners', partner)).toBe('Partner details');
    expect(recordLabel('tasks', { title: 'Kick-off call' })).toBe('Task “Kick-off call”');
    expect(recordLabel('planitems', { kind: 'goal', title: 'Win 3 deals' })).toBe('Goal “Win 3 deals”');
    expect(recordLabel('deals', { account: 'Contoso' })).toBe('Deal “Contoso”');
    expect(recordLabel('tasks', null)).toBe('Task');
  });

  it('labels fields, with list entries named', () => {
    expect(fieldLabel('partners', 'tier', partner)).toBe('Tier');
    expect(fieldLabel('partners', 'day0', partner)).toBe('Contract signed (Day 0)');
    expect(fieldLabel('tasks', 'dueDate', null)).toBe('Due date');
    expect(fieldLabel('partners', 'contacts[c1].email', partner)).toBe('Contacts › Femke de Vries › Email');
    expect(fieldLabel('partners', 'contacts[gone]', partner, [null, { id: 'gone', name: 'Joost Bakker' }])).toBe('Contacts › Joost Bakker');
    expect(fieldLabel('partners', 'checkinCadenceDays', partner)).toBe('Check-in every (days)');
    expect(fieldLabel('meetings', 'someNewField', null)).toBe('Some new field');
  });

  it.each([
    ['partners', 'tier', 'Gold', 'Gold'],
    ['partners', 'status', 'at_risk', 'At risk'],
    ['partners', 'type', 'si', 'System integrator'],
    ['tasks', 'status', 'not_applicable', 'Not applicable'],
    ['tasks', 'dueDate', '2026-12-05', '5 Dec 2026'],
    ['tasks', 'required', false, 'Optional'],
    ['tasks', 'completedOn', null, '(empty)'],
    ['deals', 'amount', 125000, '125,000'],
    ['partners', 'tags', ['emea', 'cloud'], 'emea, cloud'],
    ['partners', 'tags', [], '(none)'],
    ['partners', 'contacts', [{ id: 'c1', name: 'Femke de Vries' }, { id: 'c2', name: 'Joost Bakker' }], 'Femke de Vries, Joost Bakker'],
    ['partners', 'contacts[c1]', { id: 'c1', name: 'Femke de Vries', email: 'femke@harbor.example' }, 'Femke de Vries (femke@harbor.example)'],
    ['tasks', '_deleted', true, 'Deleted'],
    ['tasks', '_deleted', { id: 't1', title: 'Kick-off call' }, 'The edited version of “Kick-off call”'],
  ] as const)('shows %s %s = %j as %j', (collection, field, value, text) => {
    expect(formatConflictValue(collection, field, value)).toBe(text);
  });

  it('clips very long text', () => {
    const text = formatConflictValue('tasks', 'guidance', 'x'.repeat(1000));
    expect(text.length).toBe(280);
    expect(text.endsWith('…')).toBe(true);
  });
});
