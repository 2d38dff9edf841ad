import { describe, expect, it } from 'vitest';
import { generateJourney } from '../../../../src-shared/domain/journey';
import { journeyTemplateFor } from '../../../../src-shared/domain/journeyTemplates';
import { generateFromTemplate, stepApplies, stepsForPartner } from '../../../../src-shared/journey/generateFromTemplate';
import { JOURNEY_SEEDS } from '../../../../src-shared/journey/templateModel';
import { makePartner, NOW } from '../domain/fixtures';
import { step } from './steps';

describe('generateFromTemplate', () => {
  it('makes the same journey from a seed as the built-in template does, stamped with version 1', () => {
    const partner = makePartner({ type: 'isv', maturity: 'new', day0: '2026-03-01' });
    const seed = JOURNEY_SEEDS.find((s) => s.templateKey === 'isv-new');
    if (!seed) throw new Error('no isv-new seed');
    let a = 0;
    let b = 0;
    const fromSeed = generateFromTemplate(partner, seed, { now: NOW, newId: () => `t${a++}` });
    const builtIn = generateJourney(partner, { now: NOW, template: journeyTemplateFor('isv', 'new'), newId: () => `t${b++}` });
    expect(fromSeed.map(({ dependsOn: _d, templateVersion: _v, ...t }) => t)).toEqual(builtIn);
    expect(new Set(fromSeed.map((t) => t.templateVersion))).toEqual(new Set([1]));
  });

  it('includes an "only" step for a matching region and tier (any case) and skips it for others', () => {
    const emeaGold = step('emea-gold', 10, { condition: { when: 'only', regions: ['EMEA'], tiers: ['Gold'] } });
    expect(stepApplies(emeaGold, { region: 'emea', tier: ' gold ' })).toBe(true);
    expect(stepApplies(emeaGold, { region: 'EMEA', tier: 'Silver' })).toBe(false);
    expect(stepApplies(emeaGold, { region: 'APAC', tier: 'Gold' })).toBe(false);
  });

  it('skips an "except" step for a matching partner only; an empty list matches anyone', () => {
    const notNa = step('not-na', 10, { condition: { when: 'except', regions: ['North America', 'LATAM'], tiers: [] } });
    expect(stepApplies(notNa, { region: 'LATAM', tier: 'Gold' })).toBe(false);
    expect(stepApplies(notNa, { region: 'EMEA', tier: '' })).toBe(true);
  });

  it('keeps a chain in order across a skipped step and drops unknown dependencies', () => {
    const steps = [
      step('a', 1),
      step('b', 2, { dependsOn: ['a'], condition: { when: 'only', regions: ['APAC'], tiers: [] } }),
      step('c', 3, { dependsOn: ['b', 'ghost'] }),
    ];
    const forEmea = stepsForPartner(steps, { region: 'EMEA', tier: 'Silver' });
    expect(forEmea.map((s) => [s.key, s.dependsOn])).toEqual([
      ['a', []],
      ['c', ['a']],
    ]);
    const forApac = stepsForPartner(steps, { region: 'APAC', tier: 'Silver' });
    expect(forApac.map((s) => [s.key, s.dependsOn])).toEqual([
      ['a', []],
      ['b', ['a']],
      ['c', ['b']],
    ]);
  });

  it('gives each task its due date from Day 0, its dependencies, resources and the version', () => {
    const partner = makePartner({ day0: '2026-03-01', region: 'EMEA' });
    const tasks = generateFromTemplate(partner, { version: 4, steps: [step('a', 1), step('b', 20, { dependsOn: ['a'], resourceIds: ['res-1'] })] }, { now: NOW, newId: () => 'x' });
    expect(tasks.map((t) => [t.key, t.dueDate, t.dependsOn, t.resourceIds, t.templateVersion, t.order])).toEqual([
      ['a', '2026-03-02', [], undefined, 4, 0],
      ['b', '2026-03-21', ['a'], ['res-1'], 4, 1],
    ]);
  });
});
