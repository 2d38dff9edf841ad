import { describe, expect, it } from 'vitest';
import { dependencyCycles, validateTemplate } from '../../../../src-shared/journey/validateTemplate';
import { JOURNEY_SEEDS } from '../../../../src-shared/journey/templateModel';
import { step } from './steps';

const messages = (steps: Parameters<typeof validateTemplate>[0]) => validateTemplate(steps).map((i) => i.message);

describe('validateTemplate', () => {
  it('accepts every seed (the built-in journeys)', () => {
    for (const seed of JOURNEY_SEEDS) expect(validateTemplate(seed.steps), seed.templateKey).toEqual([]);
  });

  it('refuses an empty template', () => {
    expect(messages([])).toEqual(['The template has no steps: add at least one before publishing.']);
  });

  it('names the step and the phase window when an offset falls outside it', () => {
    const issues = validateTemplate([step('kickoff', 5), step('late-kickoff', 12, { phase: 'immersion' }), step('day0', 3, { phase: 'preboarding' })]);
    expect(issues).toEqual([
      { stepIndex: 1, field: 'dueOffset', message: 'Step 2 (late-kickoff): due on day 12, outside Initial immersion (days 1–7). Move the day or the phase.' },
      { stepIndex: 2, field: 'dueOffset', message: 'Step 3 (day0): due on day 3, outside Pre-boarding (day 0). Move the day or the phase.' },
    ]);
  });

  it('accepts any day from 91 on in ongoing growth', () => {
    expect(validateTemplate([step('qbr', 400, { phase: 'growth' })])).toEqual([]);
    expect(messages([step('qbr', 90, { phase: 'growth' })])).toEqual(['Step 1 (qbr): due on day 90, outside Ongoing growth (day 91 or later). Move the day or the phase.']);
  });

  it('reports a duplicate key on the second step, pointing at the first', () => {
    expect(validateTemplate([step('intro', 1), step('intro', 2)])).toEqual([
      { stepIndex: 1, field: 'key', message: 'Step 2 (intro): the key "intro" is already used by step 1; keys must be unique.' },
    ]);
  });

  it('asks for a well-formed key and a title', () => {
    expect(messages([step('', 1), step('Kick Off', 2), step('ok', 3, { title: '  ' })])).toEqual([
      'Step 1: give the step a key (lowercase letters, digits and dashes).',
      'Step 2 (Kick Off): the key may only hold lowercase letters, digits and dashes (e.g. kickoff-call).',
      'Step 3 (ok): give the step a title.',
    ]);
  });

  it('reports a dependency on an unknown step and on itself', () => {
    expect(messages([step('a', 1, { dependsOn: ['ghost'] }), step('b', 2, { dependsOn: ['b'] })])).toEqual([
      'Step 1 (a): depends on "ghost", which is not a step of this template.',
      'Step 2 (b): a step cannot depend on itself.',
    ]);
  });

  it('refuses a step due before a prerequisite it waits for', () => {
    expect(messages([step('training', 7), step('kickoff', 5, { dependsOn: ['training'] })])).toEqual([
      'Step 2 (kickoff): due on day 5, before "training" (day 7) it waits for. Make it due on day 7 or later.',
    ]);
  });

  it('reports a dependency cycle with the keys around it', () => {
    const steps = [step('a', 3, { dependsOn: ['c'] }), step('b', 3, { dependsOn: ['a'] }), step('c', 3, { dependsOn: ['b'] }), step('d', 4, { dependsOn: ['a'] })];
    expect(validateTemplate(steps)).toEqual([
      { stepIndex: 0, field: 'dependsOn', message: 'Dependency cycle: a → c → b → a. A step cannot (indirectly) wait for itself; remove one of these dependencies.' },
    ]);
  });

  it('does not take a diamond for a cycle', () => {
    const steps = [step('a', 1), step('b', 2, { dependsOn: ['a'] }), step('c', 3, { dependsOn: ['a'] }), step('d', 4, { dependsOn: ['b', 'c'] })];
    expect(validateTemplate(steps)).toEqual([]);
    expect(dependencyCycles(steps)).toEqual([]);
  });

  it('refuses a condition that names nothing', () => {
    expect(messages([step('emea', 2, { condition: { when: 'only', regions: [' '], tiers: [] } })])).toEqual([
      'Step 1 (emea): the condition names no region or tier; name one or remove the condition.',
    ]);
  });
});
