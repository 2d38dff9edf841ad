import { describe, expect, it } from 'vitest';
import { diffPartnerJourney, hasChanges, journeyWritesFor, partnersBehind } from '../../../../src-shared/journey/publishTemplate';
import { generateFromTemplate } from '../../../../src-shared/journey/generateFromTemplate';
import { makePartner, NOW } from '../domain/fixtures';
import { step } from './steps';

const partner = makePartner({ id: 'p1', name: 'Acme Cloud', day0: '2026-03-01', region: 'EMEA', tier: 'Gold' });
const v1 = { version: 1, steps: [step('a', 1), step('b', 10, { dependsOn: ['a'] }), step('c', 20), step('d', 40)] };
let n = 0;
const journey = () => generateFromTemplate(partner, v1, { now: NOW, newId: () => `t${n++}` });

describe('diffPartnerJourney', () => {
  it('lists steps added, removed and re-dated for an untouched journey', () => {
    const tasks = journey();
    const v2 = { version: 2, steps: [step('a', 1), step('b', 12, { dependsOn: ['a'] }), step('d', 40), step('e', 50)] };
    const change = diffPartnerJourney(partner, tasks, v2);
    expect(change.added.map((a) => [a.step.key, a.dueDate])).toEqual([['e', '2026-04-20']]);
    expect(change.removed.map((r) => r.title)).toEqual(['Step c']);
    expect(change.redated.map((r) => [r.title, r.from, r.to])).toEqual([['Step b', '2026-03-11', '2026-03-13']]);
    expect(change.kept).toEqual([]);
    expect(hasChanges(change)).toBe(true);
  });

  it('never removes or re-dates a done or in-progress task, and lists it as kept', () => {
    const tasks = journey().map((t) =>
      t.key === 'b' ? { ...t, status: 'done' as const, completedOn: '2026-03-11' } : t.key === 'c' ? { ...t, startedOn: '2026-03-15' } : t,
    );
    const v2 = { version: 2, steps: [step('a', 1), step('b', 12), step('d', 40)] };
    const change = diffPartnerJourney(partner, tasks, v2);
    expect(change.removed).toEqual([]);
    expect(change.redated).toEqual([]);
    expect(change.kept.map((k) => [k.title, k.reason, k.change])).toEqual([
      ['Step b', 'done', 'redated'],
      ['Step c', 'in_progress', 'removed'],
    ]);
    const writes = journeyWritesFor(change, partner, tasks, v2, { now: NOW, newId: () => 'new' });
    expect(writes.remove).toEqual([]);
    const b = writes.patch.find((p) => p.id === tasks[1]!.id);
    expect(b?.change.dueDate).toBeUndefined();
  });

  it('keeps a pinned date and a shift when a step is re-dated', () => {
    const tasks = journey().map((t) => (t.key === 'b' ? { ...t, pinned: true } : t.key === 'c' ? { ...t, dueDate: '2026-03-24', shiftDays: 3 } : t));
    const v2 = { version: 2, steps: [step('a', 1), step('b', 14), step('c', 25), step('d', 40)] };
    const change = diffPartnerJourney(partner, tasks, v2);
    expect(change.kept.map((k) => [k.title, k.reason])).toEqual([['Step b', 'pinned']]);
    expect(change.redated.map((r) => [r.title, r.from, r.to])).toEqual([['Step c', '2026-03-24', '2026-03-29']]);
  });

  it('applies conditions for the partner: a step now skipped for its region is removed', () => {
    const tasks = journey();
    const v2 = { version: 2, steps: [...v1.steps.slice(0, 3), step('d', 40, { condition: { when: 'except', regions: ['EMEA'], tiers: [] } })] };
    expect(diffPartnerJourney(partner, tasks, v2).removed.map((r) => r.title)).toEqual(['Step d']);
  });

  it('leaves custom tasks and tasks set aside alone', () => {
    const tasks = [
      ...journey().map((t) => (t.key === 'c' ? { ...t, status: 'not_applicable' as const } : t)),
      { ...journey()[0]!, id: 'custom', key: 'custom-1', source: 'custom' as const },
    ];
    const v2 = { version: 2, steps: [step('a', 1), step('b', 10, { dependsOn: ['a'] }), step('d', 40)] };
    const change = diffPartnerJourney(partner, tasks, v2);
    expect(hasChanges(change)).toBe(false);
  });
});

describe('journeyWritesFor', () => {
  it('inserts the added steps after existing tasks, removes and re-dates, and stamps the version', () => {
    const tasks = journey();
    const v2 = { version: 2, steps: [step('a', 1, { title: 'Say hello' }), step('b', 12, { dependsOn: ['a'] }), step('d', 40), step('e', 50)] };
    const change = diffPartnerJourney(partner, tasks, v2);
    const writes = journeyWritesFor(change, partner, tasks, v2, { now: NOW, newId: () => 'new-e' });
    expect(writes.insert.map((t) => [t.id, t.key, t.dueDate, t.order, t.templateVersion])).toEqual([['new-e', 'e', '2026-04-20', 4, 2]]);
    expect(writes.remove).toEqual([tasks[2]!.id]);
    const byKey = Object.fromEntries(writes.patch.map((p) => [tasks.find((t) => t.id === p.id)!.key, p.change]));
    expect(byKey.a).toMatchObject({ title: 'Say hello', templateVersion: 2 });
    expect(byKey.b).toMatchObject({ dueDate: '2026-03-13', dueOffset: 12, templateVersion: 2 });
    expect(byKey.d).toEqual({ templateVersion: 2, updatedAt: NOW });
  });
});

describe('partnersBehind', () => {
  it('lists the active partners on the template whose journey is on an older version', () => {
    const p2 = makePartner({ id: 'p2', templateId: 'isv-new' });
    const p3 = makePartner({ id: 'p3', templateId: 'isv-new', status: 'churned' });
    const p4 = makePartner({ id: 'p4', templateId: 'isv-new' });
    const tasks = [
      ...generateFromTemplate(p2, v1, { now: NOW }),
      ...generateFromTemplate(p4, { ...v1, version: 2 }, { now: NOW }),
    ];
    expect(partnersBehind([partner, p2, p3, p4], tasks, 'isv-new', 2).map((p) => p.id)).toEqual(['p2']);
  });
});
