import type { IsoTimestamp, Plan, PlanItem } from '../domain/types';

/**
 * Versions of a plan. A partner has one working draft (status `draft`) whose `version` is the
 * number it will get when finalised, and frozen copies (status `final`, read-only) numbered 1, 2 …
 * A frozen copy of a document gets the id `<draft id>@v<N>`: deterministic, so two laptops that
 * finalise the same draft at once write the same documents (merged by sync, never duplicated),
 * and a row can be followed from version to version when comparing them.
 */
export const VERSION_SEPARATOR = '@v';

export const frozenId = (draftDocId: string, version: number): string => `${draftDocId}${VERSION_SEPARATOR}${version}`;

/** The id of the draft row a (possibly frozen) row descends from: what versions are matched on. */
export const lineageOf = (docId: string): string => {
  const at = docId.indexOf(VERSION_SEPARATOR);
  return at === -1 ? docId : docId.slice(0, at);
};

/** The partner's working draft (the newest if sync ever brought two), or undefined. */
export function currentDraft(plans: Plan[]): Plan | undefined {
  return plans
    .filter((plan) => plan.status === 'draft')
    .sort((a, b) => b.version - a.version || b.updatedAt.localeCompare(a.updatedAt))[0];
}

/** Finalised versions, newest first. */
export function finalVersions(plans: Plan[]): Plan[] {
  return plans.filter((plan) => plan.status === 'final').sort((a, b) => b.version - a.version);
}

/**
 * Everything finalising the draft writes: the frozen plan (version N, dated) and a frozen copy of
 * each of its rows, plus the draft's next number. Pure: the caller stores it all-or-nothing.
 */
export function freezePlan(
  draft: Plan,
  items: PlanItem[],
  existingVersions: number[],
  now: IsoTimestamp,
): { frozen: Plan; frozenItems: PlanItem[]; nextDraftVersion: number } {
  const version = Math.max(draft.version, ...existingVersions.map((v) => v + 1), 1);
  const { updatedBy: _by, ...draftFields } = draft;
  const frozen: Plan = {
    ...draftFields,
    id: frozenId(draft.id, version),
    version,
    status: 'final',
    finalisedAt: now,
    createdAt: now,
    updatedAt: now,
    signOff: draft.signOff.map((entry) => ({ ...entry })),
  };
  const frozenItems = items
    .filter((item) => item.planId === draft.id)
    .map((item) => {
      const { updatedBy: _itemBy, ...fields } = item;
      return { ...fields, id: frozenId(item.id, version), planId: frozen.id, createdAt: now, updatedAt: now };
    });
  return { frozen, frozenItems, nextDraftVersion: version + 1 };
}
