import type { IsoDate, IsoTimestamp, Partner, Task } from '../domain/types';
import { plusDays } from './calendarDays';
import { stepsForPartner, taskFromStep } from './generateFromTemplate';
import type { JourneyStep, JourneyTemplateVersion } from './templateModel';

type PartnerForPublish = Pick<Partner, 'id' | 'name' | 'day0' | 'region' | 'tier'>;

/** Why a task a new version would remove or re-date stays as it is. */
export type KeepReason = 'done' | 'in_progress' | 'pinned';

export type PartnerTemplateChange = {
  partnerId: string;
  partnerName: string;
  /** Steps of the new version the partner has no task for: new open tasks. */
  added: { step: JourneyStep; dueDate: IsoDate }[];
  /** Open template tasks whose step the new version no longer has (or skips for this partner). */
  removed: { taskId: string; title: string }[];
  /** Open tasks whose step moved: the date moves by the same number of days. */
  redated: { taskId: string; title: string; from: IsoDate; to: IsoDate }[];
  /** Tasks the change would remove or re-date that stay, because they are done, started or pinned. */
  kept: { taskId: string; title: string; reason: KeepReason; change: 'removed' | 'redated' }[];
  /** Open tasks whose wording, phase, owner, dependencies or resources change (same date). */
  updated: { taskId: string; title: string }[];
};


function keepReason(task: Task): KeepReason | null {
  if (task.status === 'done') return 'done';
  if (task.startedOn) return 'in_progress';
  if (task.pinned) return 'pinned';
  return null;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[]) => (a ?? []).length === b.length && b.every((v, i) => a?.[i] === v);

function contentChanged(task: Task, step: JourneyStep): boolean {
  return (
    task.title !== step.title ||
    task.guidance !== step.guidance ||
    task.phase !== step.phase ||
    task.category !== step.category ||
    task.ownerSide !== step.ownerSide ||
    task.required !== step.required ||
    !sameList(task.dependsOn, step.dependsOn) ||
    !sameList(task.resourceIds, step.resourceIds)
  );
}

/**
 * What publishing `next` would change in a partner's journey, from the partner's existing tasks
 * (only template tasks count; custom, kick-off and check-in tasks are never touched). A step
 * matches the task with the same key. Tasks marked not applicable stay as they are. A done or
 * in-progress task is never removed or re-dated, nor is a pinned one; they are listed as kept.
 * A re-dated task moves by the change of its step's offset, so a shift or manual move it had is
 * kept.
 */
export function diffPartnerJourney(partner: PartnerForPublish, tasks: readonly Task[], next: Pick<JourneyTemplateVersion, 'steps'>): PartnerTemplateChange {
  const change: PartnerTemplateChange = { partnerId: partner.id, partnerName: partner.name, added: [], removed: [], redated: [], kept: [], updated: [] };
  const own = tasks.filter((t) => t.partnerId === partner.id);
  const byKey = new Map(own.map((t) => [t.key, t]));
  const steps = stepsForPartner(next.steps, partner);
  const stepKeys = new Set(steps.map((s) => s.key));

  for (const step of steps) {
    const task = byKey.get(step.key);
    if (!task) {
      change.added.push({ step, dueDate: plusDays(partner.day0, step.dueOffset) });
      continue;
    }
    if (task.status === 'not_applicable') continue;
    const reason = keepReason(task);
    if (step.dueOffset !== task.dueOffset) {
      if (reason) change.kept.push({ taskId: task.id, title: task.title, reason, change: 'redated' });
      else change.redated.push({ taskId: task.id, title: task.title, from: task.dueDate, to: plusDays(task.dueDate, step.dueOffset - task.dueOffset) });
    } else if (!reason && contentChanged(task, step)) change.updated.push({ taskId: task.id, title: step.title });
  }
  for (const task of own) {
    if (task.source !== 'template' || stepKeys.has(task.key) || task.status === 'not_applicable') continue;
    const reason = keepReason(task);
    if (reason === 'done' || reason === 'in_progress') change.kept.push({ taskId: task.id, title: task.title, reason, change: 'removed' });
    else change.removed.push({ taskId: task.id, title: task.title });
  }
  return change;
}

/** Whether a change does anything to the partner's tasks. */
export function hasChanges(change: PartnerTemplateChange): boolean {
  return change.added.length + change.removed.length + change.redated.length + change.updated.length > 0;
}

/** The writes that apply a partner's change: tasks to insert, to patch, and ids to remove. */
export type JourneyWrites = {
  insert: Task[];
  patch: { id: string; change: Partial<Task> }[];
  remove: string[];
};

/**
 * Turns a previewed change into writes. Every task the new version still has (open or not) is
 * stamped with the version; open ones also take the step's new wording and dates. Added tasks
 * sort after the partner's existing ones.
 */
export function journeyWritesFor(
  change: PartnerTemplateChange,
  partner: PartnerForPublish,
  tasks: readonly Task[],
  next: Pick<JourneyTemplateVersion, 'steps' | 'version'>,
  options: { now: IsoTimestamp; newId: () => string },
): JourneyWrites {
  const own = tasks.filter((t) => t.partnerId === partner.id);
  const steps = new Map(stepsForPartner(next.steps, partner).map((s) => [s.key, s]));
  let order = own.reduce((max, t) => Math.max(max, t.order), -1) + 1;
  const insert = change.added.map(({ step }) => taskFromStep(step, partner, { now: options.now, id: options.newId(), order: order++, templateVersion: next.version }));
  const redated = new Map(change.redated.map((r) => [r.taskId, r.to]));
  const updated = new Set(change.updated.map((u) => u.taskId));
  const removed = new Set(change.removed.map((r) => r.taskId));
  const patch: JourneyWrites['patch'] = [];
  for (const task of own) {
    const step = steps.get(task.key);
    if (!step || removed.has(task.id) || task.source !== 'template') continue;
    const to = redated.get(task.id);
    const content =
      to || updated.has(task.id)
        ? {
            title: step.title,
            guidance: step.guidance,
            phase: step.phase,
            category: step.category,
            ownerSide: step.ownerSide,
            required: step.required,
            dependsOn: step.dependsOn,
            resourceIds: step.resourceIds,
          }
        : {};
    const dates = to ? { dueDate: to, dueOffset: step.dueOffset } : {};
    patch.push({ id: task.id, change: { ...content, ...dates, templateVersion: next.version, updatedAt: options.now } });
  }
  return { insert, patch, remove: [...removed] };
}

/** The template version a partner's journey is on: the newest one stamped on its template tasks (1 before versions). */
export function journeyVersionOf(tasks: readonly Pick<Task, 'source' | 'templateVersion'>[]): number {
  return tasks.reduce((max, t) => (t.source === 'template' ? Math.max(max, t.templateVersion ?? 1) : max), 1);
}

/** The partners following a template (by `templateId`) whose journey is on an older version than `version`. */
export function partnersBehind<P extends Pick<Partner, 'id' | 'templateId' | 'status'>>(
  partners: readonly P[],
  tasks: readonly Task[],
  templateKey: string,
  version: number,
): P[] {
  const byPartner = new Map<string, Task[]>();
  for (const t of tasks) byPartner.set(t.partnerId, [...(byPartner.get(t.partnerId) ?? []), t]);
  return partners.filter((p) => p.templateId === templateKey && p.status !== 'churned' && journeyVersionOf(byPartner.get(p.id) ?? []) < version);
}
