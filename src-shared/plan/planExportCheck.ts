import type { Plan, PlanItem, PlanItemKind } from '../domain/types';

/** What a plan still lacks before its PDF is worth handing over, in the words the manager reads. */
export type PlanExportCheck = {
  /** Nothing at all is filled in: the PDF would be pages of dashes. */
  empty: boolean;
  /** The parts still empty, e.g. "Objectives", "30-60-90 day goals", "Partner sign-off". */
  missing: string[];
};

const SECTIONS: { kind: PlanItemKind; label: string }[] = [
  { kind: 'goal', label: '30-60-90 day goals' },
  { kind: 'account', label: 'Target accounts' },
  { kind: 'initiative', label: 'Initiatives and MDF' },
  { kind: 'revenue', label: 'Revenue targets by quarter' },
  { kind: 'risk', label: 'Risks and mitigations' },
];

/**
 * Checks a plan version before export: which of objectives, summary, the five sections and the
 * two sign-offs are still empty (only this plan's rows count), and whether everything is.
 */
export function planExportCheck(plan: Pick<Plan, 'id' | 'objectives' | 'summary' | 'signOff'>, items: readonly Pick<PlanItem, 'planId' | 'kind'>[]): PlanExportCheck {
  const own = items.filter((item) => item.planId === plan.id);
  const signed = (side: 'partner' | 'vendor') => plan.signOff.some((line) => line.side === side && line.name.trim() !== '');
  const parts: { label: string; filled: boolean }[] = [
    { label: 'Objectives', filled: plan.objectives.trim() !== '' },
    { label: 'Summary', filled: plan.summary.trim() !== '' },
    ...SECTIONS.map(({ kind, label }) => ({ label, filled: own.some((item) => item.kind === kind) })),
    { label: 'Partner sign-off', filled: signed('partner') },
    { label: 'Our sign-off', filled: signed('vendor') },
  ];
  const missing = parts.filter((part) => !part.filled).map((part) => part.label);
  return { empty: missing.length === parts.length, missing };
}
