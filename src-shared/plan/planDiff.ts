import type { Plan, PlanItem, PlanItemKind } from '../domain/types';
import { lineageOf } from './planVersions';

/** Item fields compared between versions, in the order a reader expects them. */
export const COMPARED_ITEM_FIELDS = [
  'title',
  'metric',
  'target',
  'actual',
  'dueDate',
  'ownerSide',
  'status',
  'segment',
  'fit',
  'stage',
  'nextStep',
  'initiativeType',
  'amount',
  'currency',
  'quarter',
  'mitigation',
] as const satisfies readonly (keyof PlanItem)[];
export type ComparedItemField = (typeof COMPARED_ITEM_FIELDS)[number];

export type FieldChange = { field: string; before: unknown; after: unknown };

export type ItemChange =
  | { change: 'added'; kind: PlanItemKind; key: string; title: string; after: PlanItem }
  | { change: 'removed'; kind: PlanItemKind; key: string; title: string; before: PlanItem }
  | { change: 'changed'; kind: PlanItemKind; key: string; title: string; before: PlanItem; after: PlanItem; fields: FieldChange[] };

export type PlanDiff = {
  /** Changes to the plan's own text: objectives, summary, sign-off entries. */
  plan: FieldChange[];
  items: ItemChange[];
  /** Rows present in both versions with no difference. */
  unchanged: number;
};

export type PlanSnapshot = { plan: Plan; items: PlanItem[] };

const same = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null);

const signOffLabel = (side: string) => (side === 'partner' ? 'Sign-off (partner)' : 'Sign-off (our side)');

function planChanges(before: Plan, after: Plan): FieldChange[] {
  const changes: FieldChange[] = [];
  if (!same(before.objectives, after.objectives)) changes.push({ field: 'Objectives', before: before.objectives, after: after.objectives });
  if (!same(before.summary, after.summary)) changes.push({ field: 'Summary', before: before.summary, after: after.summary });
  for (const side of ['partner', 'vendor'] as const) {
    const a = before.signOff.find((entry) => entry.side === side);
    const b = after.signOff.find((entry) => entry.side === side);
    const text = (entry: typeof a) => (entry ? [entry.name, entry.title, entry.date].filter(Boolean).join(', ') : '');
    if (text(a) !== text(b)) changes.push({ field: signOffLabel(side), before: text(a), after: text(b) });
  }
  return changes;
}

const KIND_ORDER: PlanItemKind[] = ['goal', 'account', 'initiative', 'revenue', 'risk'];

/**
 * What changed from one version of a plan to another: plan text, rows added, removed and changed
 * field by field. Rows are matched on their lineage (the draft row they were frozen from), so a
 * renamed goal shows as changed, not as removed and added. Ordered by section, then row order.
 */
export function diffPlans(before: PlanSnapshot, after: PlanSnapshot): PlanDiff {
  const beforeByKey = new Map(before.items.map((item) => [lineageOf(item.id), item]));
  const afterByKey = new Map(after.items.map((item) => [lineageOf(item.id), item]));
  const items: (ItemChange & { order: number })[] = [];
  let unchanged = 0;
  for (const [key, item] of afterByKey) {
    const old = beforeByKey.get(key);
    if (!old) {
      items.push({ change: 'added', kind: item.kind, key, title: item.title, after: item, order: item.order });
      continue;
    }
    const fields: FieldChange[] = COMPARED_ITEM_FIELDS.filter((field) => !same(old[field], item[field])).map((field) => ({
      field,
      before: old[field],
      after: item[field],
    }));
    if (fields.length === 0) unchanged += 1;
    else items.push({ change: 'changed', kind: item.kind, key, title: item.title, before: old, after: item, fields, order: item.order });
  }
  for (const [key, item] of beforeByKey) {
    if (!afterByKey.has(key)) items.push({ change: 'removed', kind: item.kind, key, title: item.title, before: item, order: item.order });
  }
  items.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.order - b.order || a.title.localeCompare(b.title));
  return { plan: planChanges(before.plan, after.plan), items: items.map(({ order: _order, ...change }) => change), unchanged };
}

/** True when the two versions are the same in everything compared. */
export const isEmptyDiff = (diff: PlanDiff): boolean => diff.plan.length === 0 && diff.items.length === 0;
