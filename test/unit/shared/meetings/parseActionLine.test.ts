import { describe, expect, it } from 'vitest';
import { actionFromFields, defaultDueDate, parseActionLine, parseDue, type ActionFields } from '../../../../src-shared/meetings/parseActionLine';

const today = '2026-11-26';
const options = { today, partnerPeople: ['Anna Schmidt', 'Luis Ortega'], vendorPeople: ['Pat Manager'] };

describe('parseActionLine', () => {
  it('reads text, owner side, owner person and due date from one line', () => {
    expect(parseActionLine('Send MDF guide @partner Anna due:2026-12-01', options)).toEqual({
      ok: true,
      action: { text: 'Send MDF guide', ownerSide: 'partner', ownerName: 'Anna', dueDate: '2026-12-01' },
    });
  });

  it('accepts the parts in any order and several words for the owner', () => {
    expect(parseActionLine('due:+3 Book the training @vendor Pat Manager', options)).toEqual({
      ok: true,
      action: { text: 'Book the training', ownerSide: 'vendor', ownerName: 'Pat Manager', dueDate: '2026-11-29' },
    });
  });

  it('finds the side of a person named with @ from the contacts and the team', () => {
    const line = parseActionLine('Share the price list @Luis', options);
    expect(line).toMatchObject({ ok: true, action: { ownerSide: 'partner', ownerName: 'Luis' } });
    expect(parseActionLine('Create portal logins @Pat', options)).toMatchObject({ ok: true, action: { ownerSide: 'vendor' } });
  });

  it('leaves the due date out when none is given, so the call can ask for one', () => {
    const line = parseActionLine('Send the welcome kit', options);
    expect(line).toEqual({ ok: true, action: { text: 'Send the welcome kit', ownerSide: 'vendor', ownerName: '' } });
    expect(defaultDueDate(today)).toBe('2026-12-03');
  });

  it.each([
    ['', /Write what needs doing/],
    ['@partner Anna due:2026-12-01', /Write what needs doing/],
    ['Send kit due:2026-02-30', /is not a due date/],
    ['Send kit due:next-week', /is not a due date/],
    ['Send kit due:', /right after “due:”/],
    ['Send kit due:2026-01-01', /in the past/],
    ['Send kit due:2026-12-01 due:2026-12-02', /one due date only/],
  ])('refuses %j with a message', (line, message) => {
    const result = parseActionLine(line, options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('parseDue', () => {
  it('understands dates, today, tomorrow and relative days or weeks', () => {
    expect(parseDue('2026-12-31', today)).toBe('2026-12-31');
    expect(parseDue('today', today)).toBe(today);
    expect(parseDue('Tomorrow', today)).toBe('2026-11-27');
    expect(parseDue('+7d', today)).toBe('2026-12-03');
    expect(parseDue('+2w', today)).toBe('2026-12-10');
    expect(parseDue('31/12/2026', today)).toBeNull();
  });
});

describe('actionFromFields: the plain form gives the same action item as the line', () => {
  const today = '2026-11-20';
  const people = { today, partnerPeople: ['Anna Berg'], vendorPeople: ['Sam Lee'] };

  it('produces identical items for the same action typed either way', () => {
    const cases: [string, ActionFields][] = [
      ['Send MDF guide @partner Anna due:2026-12-01', { text: 'Send MDF guide', ownerSide: 'partner', ownerName: 'Anna', dueDate: '2026-12-01' }],
      ['Create portal logins @vendor', { text: 'Create portal logins', ownerSide: 'vendor', ownerName: '', dueDate: '' }],
      ['Book the training @Sam due:+7', { text: 'Book the training', ownerSide: 'vendor', ownerName: 'Sam', dueDate: '2026-11-27' }],
      ['Share   the   price list', { text: ' Share the price list ', ownerSide: 'vendor', ownerName: ' ', dueDate: '' }],
    ];
    for (const [line, fields] of cases) {
      const fromLine = parseActionLine(line, people);
      expect(fromLine.ok).toBe(true);
      expect(actionFromFields(fields, { today })).toEqual(fromLine);
    }
  });

  it('refuses what the line refuses, with the same message', () => {
    expect(actionFromFields({ text: '  ', ownerSide: 'vendor', ownerName: 'Anna', dueDate: '' }, { today })).toEqual(parseActionLine('@partner Anna', people));
    expect(actionFromFields({ text: 'Call Anna', ownerSide: 'partner', ownerName: '', dueDate: '2026-11-01' }, { today })).toEqual(parseActionLine('Call Anna due:2026-11-01', people));
  });
});
