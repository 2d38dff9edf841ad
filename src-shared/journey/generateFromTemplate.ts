import { dueDateFor, AGREEMENT_TASK_KEY } from '../domain/journey';
import { newId as randomId, todayIso } from '../domain/ids';
import type { IsoTimestamp, Partner, Task } from '../domain/types';
import type { JourneyStep, JourneyTemplateVersion, StepCondition } from './templateModel';

type PartnerFacts = Pick<Partner, 'region' | 'tier'>;

const norm = (value: string) => value.trim().toLowerCase();

function listMatches(list: readonly string[], value: string): boolean {
  const wanted = list.map(norm).filter((v) => v !== '');
  return wanted.length === 0 || wanted.includes(norm(value));
}

/** Whether a partner matches a condition's region and tier lists (empty lists match anyone). */
export function matchesCondition(condition: StepCondition, partner: PartnerFacts): boolean {
  return listMatches(condition.regions, partner.region) && listMatches(condition.tiers, partner.tier);
}

/** Whether a step belongs in this partner's journey: `only` steps need a match, `except` steps none. */
export function stepApplies(step: Pick<JourneyStep, 'condition'>, partner: PartnerFacts): boolean {
  if (!step.condition) return true;
  const match = matchesCondition(step.condition, partner);
  return step.condition.when === 'only' ? match : !match;
}

/**
 * The steps of a template this partner gets, in template order, with dependencies on skipped
 * steps replaced by what those steps depended on (so a chain keeps its order across a skipped
 * step) and dependencies on unknown keys dropped.
 */
export function stepsForPartner(steps: readonly JourneyStep[], partner: PartnerFacts): JourneyStep[] {
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const kept = steps.filter((s) => stepApplies(s, partner));
  const keptKeys = new Set(kept.map((s) => s.key));
  const resolve = (keys: readonly string[], seen: Set<string>): string[] =>
    keys.flatMap((key) => {
      if (seen.has(key)) return [];
      seen.add(key);
      if (keptKeys.has(key)) return [key];
      const skipped = byKey.get(key);
      return skipped ? resolve(skipped.dependsOn, seen) : [];
    });
  return kept.map((s) => ({ ...s, dependsOn: [...new Set(resolve(s.dependsOn, new Set([s.key])))] }));
}

/** A template step as a new open task of the partner (the agreement step is done once Day 0 has come). */
export function taskFromStep(
  step: JourneyStep,
  partner: Pick<Partner, 'id' | 'day0'>,
  options: { now: IsoTimestamp; id: string; order: number; templateVersion: number },
): Task {
  const signed = partner.day0 <= todayIso(new Date(options.now));
  return {
    id: options.id,
    createdAt: options.now,
    updatedAt: options.now,
    partnerId: partner.id,
    phase: step.phase,
    category: step.category,
    title: step.title,
    guidance: step.guidance,
    key: step.key,
    dueOffset: step.dueOffset,
    dueDate: dueDateFor(partner.day0, step.dueOffset),
    ownerSide: step.ownerSide,
    ownerName: '',
    required: step.required,
    ...(step.key === AGREEMENT_TASK_KEY && signed ? { status: 'done' as const, completedOn: partner.day0 } : { status: 'open' as const }),
    source: 'template',
    order: options.order,
    dependsOn: step.dependsOn,
    ...(step.resourceIds.length > 0 ? { resourceIds: step.resourceIds } : {}),
    templateVersion: options.templateVersion,
  };
}

/**
 * A partner's journey from a template version: one task per step the partner's region and tier
 * call for, due `dueOffset` days after Day 0, in template order, remembering the version.
 */
export function generateFromTemplate(
  partner: Pick<Partner, 'id' | 'day0' | 'region' | 'tier'>,
  template: Pick<JourneyTemplateVersion, 'steps' | 'version'>,
  options: { now: IsoTimestamp; newId?: () => string },
): Task[] {
  const makeId = options.newId ?? randomId;
  return stepsForPartner(template.steps, partner).map((step, index) =>
    taskFromStep(step, partner, { now: options.now, id: makeId(), order: index, templateVersion: template.version }),
  );
}
