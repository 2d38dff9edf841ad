import { describe, expect, it } from 'vitest';
import { createPortfolioOverviewComputer } from '../../../src-renderer/app/usePortfolioOverview';
import type { AppData } from '../../../src-renderer/db/useAppData';
import { generateJourney } from '../../../src-shared/domain/journey';
import type { Partner, Task } from '../../../src-shared/domain/types';
import { groupByPartner } from '../../../src-shared/util/groupByPartner';
import { makePartner, NOW } from '../shared/domain/fixtures';

function appData(partners: Partner[], tasks: Task[], previous?: AppData): AppData {
  return {
    loading: false,
    partnersReady: true,
    pending: null,
    partners,
    partnersById: new Map(partners.map((p) => [p.id, p])),
    tasksByPartner: groupByPartner(tasks, previous?.tasksByPartner),
    meetingsByPartner: new Map(),
    dealsByPartner: new Map(),
    plansByPartner: new Map(),
    trainingsByPartner: new Map(),
    surveysByPartner: new Map(),
  };
}

describe('portfolio overview computer', () => {
  const partners = [makePartner({ id: 'p1' }), makePartner({ id: 'p2', name: 'Partner p2' })];
  let n = 0;
  const tasks = partners.flatMap((p) => generateJourney(p, { now: NOW, newId: () => `t${n++}` }));

  it('recomputes only the partner whose documents changed, and everyone when the day changes', () => {
    const compute = createPortfolioOverviewComputer();
    const first = appData(partners, tasks);
    const before = compute(first, '2026-03-20');
    const p1Task = tasks.find((t) => t.partnerId === 'p1' && t.status === 'open');
    if (!p1Task) throw new Error('no open task');
    const edited = tasks.map((t) => (t === p1Task ? { ...t, status: 'done' as const, completedOn: '2026-03-20' } : t));
    const after = compute(appData(partners, edited, first), '2026-03-20');

    expect(after.rowsById.get('p2')?.health).toBe(before.rowsById.get('p2')?.health);
    expect(after.rowsById.get('p1')?.health).not.toBe(before.rowsById.get('p1')?.health);
    expect(after.rowsById.get('p1')?.journey.progress).toBeGreaterThan(before.rowsById.get('p1')?.journey.progress ?? 1);
    expect(after.rowsById.get('p2')?.journey.progress).toBe(before.rowsById.get('p2')?.journey.progress);

    const nextDay = compute(appData(partners, edited, first), '2026-03-21');
    expect(nextDay.rowsById.get('p2')?.health).not.toBe(after.rowsById.get('p2')?.health);
    expect(nextDay.rowsById.get('p2')?.journey.day).toBe(20);
  });

  it('gives the same figures as computing from scratch', () => {
    const cached = createPortfolioOverviewComputer();
    const first = appData(partners, tasks);
    cached(first, '2026-04-02');
    const edited = tasks.map((t, i) => (i === 3 ? { ...t, status: 'done' as const, completedOn: '2026-04-01' } : t));
    const second = appData(partners, edited, first);
    const reused = cached(second, '2026-04-02');
    const fresh = createPortfolioOverviewComputer()(appData(partners, edited), '2026-04-02');
    expect(JSON.stringify(reused)).toBe(JSON.stringify(fresh));
  });
});

describe('overviews computed ahead, a slice at a time', () => {
  const partners = [makePartner({ id: 'p1' }), makePartner({ id: 'p2', name: 'Partner p2' }), makePartner({ id: 'p3', name: 'Partner p3' })];
  let n = 0;
  const tasks = partners.flatMap((p) => generateJourney(p, { now: NOW, newId: () => `s${n++}` }));

  it('names the partners whose inputs changed, and a filled overview is the one the next call shows', () => {
    const compute = createPortfolioOverviewComputer();
    const first = appData(partners, tasks);
    expect(compute.missing(first, '2026-03-20').map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    const before = compute(first, '2026-03-20');
    expect(compute.missing(first, '2026-03-20')).toEqual([]);
    expect(compute(first, '2026-03-20')).toBe(before);

    const p2Task = tasks.find((t) => t.partnerId === 'p2' && t.status === 'open');
    if (!p2Task) throw new Error('no open task');
    const edited = appData(
      partners,
      tasks.map((t) => (t === p2Task ? { ...t, status: 'done' as const, completedOn: '2026-03-20' } : t)),
      first,
    );
    const [p2] = compute.missing(edited, '2026-03-20');
    expect(compute.missing(edited, '2026-03-20').map((p) => p.id)).toEqual(['p2']);
    if (!p2) throw new Error('p2 not missing');
    compute.fill(edited, p2, '2026-03-20');
    expect(compute.missing(edited, '2026-03-20')).toEqual([]);
    const after = compute(edited, '2026-03-20');
    expect(after.rowsById.get('p2')?.journey.progress).toBeGreaterThan(before.rowsById.get('p2')?.journey.progress ?? 1);
    expect(JSON.stringify(after)).toBe(JSON.stringify(createPortfolioOverviewComputer()(edited, '2026-03-20')));
  });

  it('never reuses an overview filled for inputs that have changed since', () => {
    const compute = createPortfolioOverviewComputer();
    const first = appData(partners, tasks);
    for (const partner of partners) compute.fill(first, partner, '2026-03-20');
    expect(compute.missing(first, '2026-03-21').length).toBe(3);
    const nextDay = compute(first, '2026-03-21');
    expect(JSON.stringify(nextDay)).toBe(JSON.stringify(createPortfolioOverviewComputer()(first, '2026-03-21')));
  });
});
