import { PHASE_INFO } from '../domain/journey';
import type { JourneyStep } from './templateModel';

/** A problem with a template, on a step (by position and key) and field when it has one. */
export type TemplateIssue = {
  /** 0-based position of the step in the template; absent for a problem with the whole template. */
  stepIndex?: number;
  field?: 'key' | 'title' | 'dueOffset' | 'dependsOn' | 'condition';
  message: string;
};

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

function stepName(step: JourneyStep, index: number): string {
  return `Step ${index + 1}${step.key ? ` (${step.key})` : ''}`;
}

/** "Day 0", "days 1–7", "day 91 or later": the phase window in words. */
function windowText(phase: JourneyStep['phase']): string {
  const info = PHASE_INFO[phase];
  if (info.endDay === null) return `day ${info.startDay} or later`;
  if (info.startDay === info.endDay) return `day ${info.startDay}`;
  return `days ${info.startDay}–${info.endDay}`;
}

/**
 * Finds the dependency cycles among steps (each reported once, as the keys around it, e.g.
 * `a → b → a`). Unknown keys are ignored here; `validateTemplate` reports them separately.
 */
export function dependencyCycles(steps: readonly Pick<JourneyStep, 'key' | 'dependsOn'>[]): string[][] {
  const deps = new Map(steps.map((s) => [s.key, s.dependsOn]));
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  const stack: string[] = [];
  const visit = (key: string) => {
    state.set(key, 'visiting');
    stack.push(key);
    for (const dep of deps.get(key) ?? []) {
      if (!deps.has(dep)) continue;
      const seen = state.get(dep);
      if (seen === 'visiting') cycles.push([...stack.slice(stack.indexOf(dep)), dep]);
      else if (!seen) visit(dep);
    }
    stack.pop();
    state.set(key, 'done');
  };
  for (const step of steps) if (!state.has(step.key)) visit(step.key);
  return cycles;
}

/**
 * What is wrong with a journey template, in step order; an empty list means it can be published.
 * Checks: at least one step; every key present, well-formed and unique; a title; the due offset
 * inside its phase's window (pre-boarding is Day 0, immersion days 1–7 …); dependencies that name
 * another existing step due no later, never the step itself, and no cycle; conditions that name
 * something.
 */
export function validateTemplate(steps: readonly JourneyStep[]): TemplateIssue[] {
  if (steps.length === 0) return [{ message: 'The template has no steps: add at least one before publishing.' }];
  const issues: TemplateIssue[] = [];
  const firstIndex = new Map<string, number>();
  steps.forEach((step, index) => {
    if (step.key && !firstIndex.has(step.key)) firstIndex.set(step.key, index);
  });

  steps.forEach((step, index) => {
    const name = stepName(step, index);
    if (step.key.trim() === '') issues.push({ stepIndex: index, field: 'key', message: `${name}: give the step a key (lowercase letters, digits and dashes).` });
    else if (!KEY_PATTERN.test(step.key))
      issues.push({ stepIndex: index, field: 'key', message: `${name}: the key may only hold lowercase letters, digits and dashes (e.g. kickoff-call).` });
    else if (firstIndex.get(step.key) !== index)
      issues.push({ stepIndex: index, field: 'key', message: `${name}: the key "${step.key}" is already used by step ${(firstIndex.get(step.key) ?? 0) + 1}; keys must be unique.` });

    if (step.title.trim() === '') issues.push({ stepIndex: index, field: 'title', message: `${name}: give the step a title.` });

    const info = PHASE_INFO[step.phase];
    if (!Number.isInteger(step.dueOffset)) issues.push({ stepIndex: index, field: 'dueOffset', message: `${name}: the due day must be a whole number of days after Day 0.` });
    else if (step.dueOffset < info.startDay || (info.endDay !== null && step.dueOffset > info.endDay))
      issues.push({
        stepIndex: index,
        field: 'dueOffset',
        message: `${name}: due on day ${step.dueOffset}, outside ${info.label} (${windowText(step.phase)}). Move the day or the phase.`,
      });

    for (const dep of step.dependsOn) {
      const prerequisite = steps[firstIndex.get(dep) ?? -1];
      if (dep === step.key) issues.push({ stepIndex: index, field: 'dependsOn', message: `${name}: a step cannot depend on itself.` });
      else if (!prerequisite) issues.push({ stepIndex: index, field: 'dependsOn', message: `${name}: depends on "${dep}", which is not a step of this template.` });
      else if (Number.isInteger(step.dueOffset) && prerequisite.dueOffset > step.dueOffset)
        issues.push({
          stepIndex: index,
          field: 'dependsOn',
          message: `${name}: due on day ${step.dueOffset}, before "${dep}" (day ${prerequisite.dueOffset}) it waits for. Make it due on day ${prerequisite.dueOffset} or later.`,
        });
    }

    if (step.condition && step.condition.regions.every((r) => r.trim() === '') && step.condition.tiers.every((t) => t.trim() === ''))
      issues.push({ stepIndex: index, field: 'condition', message: `${name}: the condition names no region or tier; name one or remove the condition.` });
  });

  for (const cycle of dependencyCycles(steps.map((s) => ({ key: s.key, dependsOn: s.dependsOn.filter((d) => d !== s.key) })))) {
    const index = firstIndex.get(cycle[0] ?? '') ?? 0;
    issues.push({ stepIndex: index, field: 'dependsOn', message: `Dependency cycle: ${cycle.join(' → ')}. A step cannot (indirectly) wait for itself; remove one of these dependencies.` });
  }
  return issues;
}
