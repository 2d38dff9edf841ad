import { describe, expect, it } from 'vitest';
import { escapeMarkdown, recapMarkdown, recapText } from '../../../../src-shared/meetings/recap';

const input = {
  partnerName: 'Acme Cloud',
  partnerPeople: ['Anna Schmidt'],
  meeting: {
    title: 'Kick-off call',
    scheduledOn: '2026-11-26',
    attendees: ['Pat Manager', 'Anna Schmidt', 'Guest *VIP*'],
    decisions: [{ id: 'd1', text: 'Target the retail segment first' }],
    actionItems: [
      { id: 'a1', text: 'Send MDF guide', ownerSide: 'partner' as const, ownerName: 'Anna', dueDate: '2026-12-01' },
      { id: 'a2', text: 'Create portal logins', ownerSide: 'vendor' as const, ownerName: '', dueDate: '2026-12-03' },
    ],
    nextCheckinOn: '2026-12-03',
  },
};

describe('recap', () => {
  it('lists attendees by side, decisions, action items with owners and dates, and the next meeting as plain text', () => {
    expect(recapText(input)).toBe(
      [
        'Kick-off call: Acme Cloud, Thursday 26 November 2026',
        '====================================================',
        '',
        'Attendees:',
        '  - Acme Cloud: Anna Schmidt',
        '  - Our side: Pat Manager, Guest *VIP*',
        '',
        'Decisions:',
        '  - Target the retail segment first',
        '',
        'Action items:',
        '  - Send MDF guide (owner: Anna (Partner); due Tuesday 1 December 2026)',
        '  - Create portal logins (owner: Our side; due Thursday 3 December 2026)',
        '',
        'Next meeting: Thursday 3 December 2026',
      ].join('\n'),
    );
  });

  it('writes Markdown with headings and lists, escaping what the user typed', () => {
    const md = recapMarkdown(input);
    expect(md).toContain('## Kick-off call: Acme Cloud');
    expect(md).toContain('### Action items\n\n- Send MDF guide (owner: Anna (Partner); due Tuesday 1 December 2026)');
    expect(md).toContain('Guest \\*VIP\\*');
    expect(md).toContain('**Next meeting:** Thursday 3 December 2026');
  });

  it('says so when nothing was recorded, and when the next meeting is not set', () => {
    const empty = { partnerName: 'Acme', meeting: { ...input.meeting, attendees: [], decisions: [], actionItems: [], nextCheckinOn: undefined } };
    const text = recapText(empty);
    expect(text).toContain('No attendees recorded.');
    expect(text).toContain('No decisions recorded.');
    expect(text).toContain('No action items.');
    expect(text).toContain('Next meeting: to be scheduled');
    expect(recapMarkdown(empty)).toContain('_No action items._');
  });

  it('names the vendor by the manager’s company, in the attendees and as an action item’s owner', () => {
    const text = recapText({ ...input, vendorName: 'North Wind Software' });
    expect(text).toContain('  - North Wind Software: Pat Manager, Guest *VIP*');
    expect(text).toContain('  - Create portal logins (owner: North Wind Software; due Thursday 3 December 2026)');
    expect(text).not.toContain('Our side');
  });

  it('escapes Markdown characters', () => {
    expect(escapeMarkdown('a_b [link](x) #1')).toBe('a\\_b \\[link\\](x) \\#1');
  });
});
