import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../../../src-shared/domain/types';
import { actionItemsToTasks, actionTaskKey } from '../../../../src-shared/meetings/actionItemsToTasks';

const partner = { id: 'p1', day0: '2026-11-20' };
const items: ActionItem[] = [
  { id: 'a1', text: 'Send MDF guide', ownerSide: 'partner', ownerName: 'Anna', dueDate: '2026-12-01' },
  { id: 'a2', text: 'Create portal logins', ownerSide: 'vendor', ownerName: '' },
];
let n = 0;
const options = { source: 'kickoff' as const, meetingOn: '2026-11-26', now: '2026-11-26T10:00:00.000Z', firstOrder: 40, newId: () => `new-${n++}`, meetingLabel: 'kick-off call on 26 Nov 2026' };

describe('actionItemsToTasks', () => {
  it('makes one open journey task per action item, with owner, due date and phase of that day', () => {
    n = 0;
    const { tasks, items: linked } = actionItemsToTasks(partner, items, [], options);
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({
      id: 'new-0',
      partnerId: 'p1',
      title: 'Send MDF guide',
      ownerSide: 'partner',
      ownerName: 'Anna',
      dueDate: '2026-12-01',
      dueOffset: 11,
      phase: 'activation',
      status: 'open',
      source: 'kickoff',
      required: false,
      key: actionTaskKey(items[0]!),
      order: 40,
    });
    expect(linked.map((item) => item.taskId)).toEqual(['new-0', 'new-1']);
  });

  it('gives an action without a due date 7 days from the meeting', () => {
    n = 0;
    const { tasks, items: linked } = actionItemsToTasks(partner, items, [], options);
    expect(tasks[1]).toMatchObject({ dueDate: '2026-12-03', dueOffset: 13, ownerSide: 'vendor', phase: 'activation', order: 41 });
    expect(linked[1]?.dueDate).toBe('2026-12-03');
  });

  it('never turns the same action into a second task (ended twice, or on two laptops)', () => {
    n = 0;
    const first = actionItemsToTasks(partner, items, [], options);
    const again = actionItemsToTasks(partner, first.items, first.tasks, options);
    expect(again.tasks).toEqual([]);
    const otherLaptop = actionItemsToTasks(partner, items, first.tasks, { ...options, source: 'checkin' });
    expect(otherLaptop.tasks).toEqual([]);
    expect(otherLaptop.items.map((item) => item.taskId)).toEqual(['new-0', 'new-1']);
  });
});
