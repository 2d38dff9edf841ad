import { describe, expect, it } from 'vitest';
import { PHASES } from '../../../../src-shared/domain/types';
import { buildWelcomeKit, MAX_FIRST_STEPS, welcomeKitFileName, welcomeTitle } from '../../../../src-shared/welcomekit/welcomeKit';
import { journeyFor, makePartner, makeTask } from '../domain/fixtures';

const user = { name: 'Pam Beesly', email: 'pam@vendor.example' };

describe('buildWelcomeKit', () => {
  const partner = makePartner({
    contacts: [{ id: 'c1', name: 'Carla Ruiz', role: 'CEO', email: 'carla@acme.example', phone: '+34 600' }],
    team: [
      { id: 'm1', name: 'Dana Scully', email: 'dana@vendor.example', role: 'partner_manager' },
      { id: 'm2', name: 'Tom Tech', email: 'tom@vendor.example', role: 'technical' },
    ],
  });
  const tasks = journeyFor(partner);
  const kit = buildWelcomeKit({ partner, tasks, vendorName: ' Northwind ', user });

  it('lists the phases in journey order with the real dates of their tasks', () => {
    expect(kit.roadmap.map((phase) => phase.phase)).toEqual(PHASES.filter((phase) => tasks.some((task) => task.phase === phase)));
    for (const phase of kit.roadmap) {
      const dates = tasks.filter((task) => task.phase === phase.phase).map((task) => task.dueDate).sort();
      expect([phase.start, phase.end]).toEqual([dates[0], dates.at(-1)]);
      expect(phase.milestones.length).toBeLessThanOrEqual(3);
    }
  });

  it('takes steps only from the first two phases with open work, partner-side first, never the kit itself', () => {
    expect(kit.firstPhases).toEqual(['preboarding', 'immersion']);
    const allowed = new Set(tasks.filter((task) => kit.firstPhases.includes(task.phase)).map((task) => task.title));
    expect(kit.firstSteps.length).toBeGreaterThan(0);
    expect(kit.firstSteps.length).toBeLessThanOrEqual(MAX_FIRST_STEPS);
    for (const step of kit.firstSteps) expect(allowed.has(step.title), step.title).toBe(true);
    expect(kit.firstSteps.map((step) => step.title)).not.toContain('Send the welcome kit');
    const sides = kit.firstSteps.map((step) => step.ownerSide);
    expect(sides).toEqual([...sides].sort((a, b) => (a === b ? 0 : a === 'partner' ? -1 : 1)));
  });

  it('moves on to the next phases once the first ones are done, skipping not-applicable tasks', () => {
    const later = tasks.map((task) => (task.phase === 'preboarding' || task.phase === 'immersion' ? { ...task, status: 'done' as const } : task));
    const moved = buildWelcomeKit({ partner, tasks: later, vendorName: 'Northwind', user });
    expect(moved.firstPhases).toEqual(['activation', 'engagement']);
    const skipped = tasks.map((task) => (task.phase === 'growth' ? { ...task, status: 'not_applicable' as const } : task));
    expect(buildWelcomeKit({ partner, tasks: skipped, vendorName: '', user }).roadmap.map((phase) => phase.phase)).not.toContain('growth');
  });

  it('names the dedicated manager from the team, the others as key contacts', () => {
    expect(kit.manager).toEqual({ name: 'Dana Scully', email: 'dana@vendor.example' });
    expect(kit.contacts).toEqual([
      { name: 'Carla Ruiz', role: 'CEO', email: 'carla@acme.example', phone: '+34 600', side: 'partner' },
      { name: 'Tom Tech', role: 'Technical contact', email: 'tom@vendor.example', phone: '', side: 'vendor' },
    ]);
    const noTeam = buildWelcomeKit({ partner: { ...partner, team: [] }, tasks, vendorName: '', user });
    expect(noTeam.manager).toEqual(user);
  });

  it('carries links from the first phases only, and none when their tasks have no address', () => {
    expect(kit.links).toEqual([]);
    const withLinks = [
      makeTask({ id: 'a', phase: 'preboarding', dueDate: '2026-03-01', guidance: 'Read https://docs.example/start, then reply.', title: 'Read the start guide', status: 'open' }),
      makeTask({ id: 'b', phase: 'growth', dueDate: '2026-06-01', guidance: 'See https://later.example/qbr', title: 'Plan the QBR', status: 'open' }),
      makeTask({ id: 'c', phase: 'activation', dueDate: '2026-03-20', guidance: 'Same https://docs.example/start', title: 'Again', status: 'open' }),
    ];
    const linked = buildWelcomeKit({ partner, tasks: withLinks, vendorName: '', user });
    expect(linked.firstPhases).toEqual(['preboarding', 'activation']);
    expect(linked.links).toEqual([{ title: 'Read the start guide', url: 'https://docs.example/start' }]);
  });

  it('lists the current library resources of the first phases only, for the partner type', () => {
    const base = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', audience: [], version: 1, createdBy: 'lead@vendor.example' };
    const library = [
      { ...base, id: 'portal', kind: 'link' as const, title: 'Partner portal', url: 'https://portal.example', phase: 'preboarding' as const },
      { ...base, id: 'sheet-v1', kind: 'file' as const, title: 'Datasheet v1', phase: 'immersion' as const, replacedBy: 'sheet-v2', file: { sha256: 'a'.repeat(64), name: 'sheet-v1.pdf', mime: 'application/pdf', size: 10 } },
      { ...base, id: 'sheet-v2', kind: 'file' as const, title: 'Datasheet', version: 2, phase: 'immersion' as const, file: { sha256: 'b'.repeat(64), name: 'sheet.pdf', mime: 'application/pdf', size: 10 } },
      { ...base, id: 'isv-only', kind: 'link' as const, title: 'API docs', url: 'https://api.example', phase: 'preboarding' as const, audience: ['isv' as const] },
      { ...base, id: 'qbr', kind: 'link' as const, title: 'QBR deck', url: 'https://qbr.example', phase: 'growth' as const },
    ];
    const tasks = [
      makeTask({ id: 'a', phase: 'preboarding', dueDate: '2026-03-01', status: 'open', resourceIds: ['portal', 'isv-only'] }),
      makeTask({ id: 'b', phase: 'immersion', dueDate: '2026-03-05', status: 'open', resourceIds: ['sheet-v1'] }),
      makeTask({ id: 'c', phase: 'growth', dueDate: '2026-06-01', status: 'open', resourceIds: ['qbr'] }),
    ];
    const kitWithLibrary = buildWelcomeKit({ partner: { ...partner, type: 'reseller' }, tasks, vendorName: '', user, library });
    expect(kitWithLibrary.resources).toEqual([
      { title: 'Partner portal', kind: 'link', url: 'https://portal.example' },
      { title: 'Datasheet', kind: 'file', fileName: 'sheet.pdf' },
    ]);
    expect(kit.resources).toEqual([]);
  });

  it('titles the kit with the vendor, and names the file safely', () => {
    expect(kit.title).toBe('Welcome to the Northwind partner program');
    expect(welcomeTitle('')).toBe('Welcome to the partner program');
    expect(welcomeKitFileName('Acme/Cloud: EU', '2026-12-02')).toBe('Acme-Cloud- EU - welcome kit - 2026-12-02.pdf');
  });
});
