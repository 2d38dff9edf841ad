import { addDays, format, parseISO } from 'date-fns';
import type { IsoDate, OwnerSide, Partner, PartnerType, Task } from '../domain/types';
import type { PlanItemFields } from './planValidation';

export type PlanSeed = {
  objectives: string;
  summary: string;
  items: PlanItemFields[];
};

type GoalFromJourney = { key: string; metric: string; target: number };

/** Journey steps that become plan goals, with what to measure. Only steps in the partner's journey are used. */
const GOALS_FROM_JOURNEY: GoalFromJourney[] = [
  { key: 'core-certification', metric: 'Sales people certified', target: 2 },
  { key: 'technical-certification', metric: 'Pre-sales engineers certified', target: 1 },
  { key: 'referral-certification', metric: 'People certified', target: 1 },
  { key: 'target-accounts', metric: 'Target accounts identified', target: 10 },
  { key: 'joint-solution', metric: 'Joint solution scoped', target: 1 },
  { key: 'service-packaging', metric: 'Managed service offers packaged', target: 1 },
  { key: 'practice-offering', metric: 'Practice offering defined', target: 1 },
  { key: 'delivery-consultants-trained', metric: 'Delivery consultants trained', target: 3 },
  { key: 'first-campaign', metric: 'Campaigns launched', target: 1 },
  { key: 'first-deal', metric: 'Deals registered', target: 1 },
  { key: 'integration-validated', metric: 'Integration validated', target: 1 },
  { key: 'co-authored-content', metric: 'Content pieces published', target: 1 },
];

/** When a partner has no journey tasks (e.g. imported without one): the same goals by Day-0 offset. */
const FALLBACK_GOALS: Record<PartnerType, { title: string; metric: string; target: number; dueOffset: number; ownerSide: OwnerSide }[]> = {
  reseller: [
    { title: 'Complete the core sales certification', metric: 'Sales people certified', target: 2, dueOffset: 30 },
    { title: 'Plan the first co-marketing campaign', metric: 'Campaigns launched', target: 1, dueOffset: 45 },
    { title: 'Register the first deal', metric: 'Deals registered', target: 1, dueOffset: 60 },
  ].map((goal) => ({ ...goal, ownerSide: 'partner' as const })),
  isv: [
    { title: 'Complete the technical pre-sales certification', metric: 'Pre-sales engineers certified', target: 1, dueOffset: 30 },
    { title: 'Validate the integration', metric: 'Integration validated', target: 1, dueOffset: 75 },
    { title: 'Register the first deal', metric: 'Deals registered', target: 1, dueOffset: 60 },
  ].map((goal) => ({ ...goal, ownerSide: 'partner' as const })),
  si: [
    { title: 'Define the practice offering', metric: 'Practice offering defined', target: 1, dueOffset: 30 },
    { title: 'Train the first delivery consultants', metric: 'Delivery consultants trained', target: 3, dueOffset: 60 },
    { title: 'Register the first deal', metric: 'Deals registered', target: 1, dueOffset: 60 },
  ].map((goal) => ({ ...goal, ownerSide: 'partner' as const })),
  msp: [
    { title: 'Package the managed service offering', metric: 'Managed service offers packaged', target: 1, dueOffset: 30 },
    { title: 'Plan the first co-marketing campaign', metric: 'Campaigns launched', target: 1, dueOffset: 45 },
    { title: 'Register the first deal', metric: 'Deals registered', target: 1, dueOffset: 60 },
  ].map((goal) => ({ ...goal, ownerSide: 'partner' as const })),
  referral: [
    { title: 'Complete the referral partner certification', metric: 'People certified', target: 1, dueOffset: 21 },
    { title: 'Register the first referral', metric: 'Referrals registered', target: 1, dueOffset: 60 },
  ].map((goal) => ({ ...goal, ownerSide: 'partner' as const })),
};

const OBJECTIVES: Record<PartnerType, string> = {
  reseller: 'Build a certified sales team, a qualified pipeline in the agreed territory and the first joint wins within 90 days.',
  isv: 'Deliver a validated joint solution, listed and sold together, with the first co-sold deal within 90 days.',
  si: 'Stand up a delivery practice with trained consultants and win the first joint implementation within 90 days.',
  msp: 'Launch a packaged managed service on our platform and sign the first recurring customers within 90 days.',
  referral: 'Introduce qualified opportunities from the partner’s network, with the first referral registered within 60 days.',
};

const INITIATIVES: Record<PartnerType, PlanItemFields[]> = {
  reseller: [
    { kind: 'initiative', title: 'First co-marketing campaign', initiativeType: 'campaign', status: 'planned', ownerSide: 'partner' },
    { kind: 'initiative', title: 'Sales enablement bootcamp', initiativeType: 'enablement', status: 'planned', ownerSide: 'vendor' },
  ],
  isv: [
    { kind: 'initiative', title: 'Joint solution launch webinar', initiativeType: 'campaign', status: 'planned', ownerSide: 'partner' },
    { kind: 'initiative', title: 'Technical enablement on the integration', initiativeType: 'enablement', status: 'planned', ownerSide: 'vendor' },
  ],
  si: [
    { kind: 'initiative', title: 'Practice launch campaign', initiativeType: 'campaign', status: 'planned', ownerSide: 'partner' },
    { kind: 'initiative', title: 'Delivery consultant enablement', initiativeType: 'enablement', status: 'planned', ownerSide: 'vendor' },
  ],
  msp: [
    { kind: 'initiative', title: 'Managed service launch campaign', initiativeType: 'campaign', status: 'planned', ownerSide: 'partner' },
    { kind: 'initiative', title: 'Operations and support enablement', initiativeType: 'enablement', status: 'planned', ownerSide: 'vendor' },
  ],
  referral: [{ kind: 'initiative', title: 'Thought-leadership content to share', initiativeType: 'campaign', status: 'planned', ownerSide: 'vendor' }],
};

const RISKS: Record<PartnerType, PlanItemFields[]> = {
  reseller: [{ kind: 'risk', title: 'Sales team has no time for certification', mitigation: 'Book certification slots in the first two weeks; track them in check-ins.', ownerSide: 'vendor', status: 'open' }],
  isv: [{ kind: 'risk', title: 'Integration work slips behind the product roadmap', mitigation: 'Name technical contacts on both sides and review progress every check-in.', ownerSide: 'partner', status: 'open' }],
  si: [{ kind: 'risk', title: 'Consultants are staffed on other projects', mitigation: 'Agree dedicated enablement days with the practice lead.', ownerSide: 'partner', status: 'open' }],
  msp: [{ kind: 'risk', title: 'Service pricing is not competitive', mitigation: 'Review the pricing model together before launch.', ownerSide: 'vendor', status: 'open' }],
  referral: [{ kind: 'risk', title: 'Referrals arrive without qualification', mitigation: 'Share the referral checklist and review the first three together.', ownerSide: 'vendor', status: 'open' }],
};

const dateAfter = (day0: IsoDate, days: number): IsoDate => format(addDays(parseISO(day0), days), 'yyyy-MM-dd');

/**
 * A starting plan suited to the partner's type: objectives, 30-60-90 day goals taken from its
 * journey (certifications, first campaign, first deal … with the journey's due dates and owner
 * sides), typical initiatives and a first risk. The manager edits everything afterwards.
 */
export function planTemplateFor(partner: Pick<Partner, 'name' | 'type' | 'day0'>, tasks: Pick<Task, 'key' | 'title' | 'dueDate' | 'ownerSide' | 'status'>[]): PlanSeed {
  const byKey = new Map(tasks.filter((task) => task.status !== 'not_applicable').map((task) => [task.key, task]));
  const fromJourney: PlanItemFields[] = GOALS_FROM_JOURNEY.flatMap((goal) => {
    const task = byKey.get(goal.key);
    if (!task) return [];
    return [{ kind: 'goal' as const, title: task.title, metric: goal.metric, target: goal.target, actual: task.status === 'done' ? goal.target : 0, dueDate: task.dueDate, ownerSide: task.ownerSide }];
  });
  const goals: PlanItemFields[] =
    fromJourney.length > 0
      ? fromJourney.sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''))
      : FALLBACK_GOALS[partner.type].map((goal) => ({
          kind: 'goal' as const,
          title: goal.title,
          metric: goal.metric,
          target: goal.target,
          actual: 0,
          dueDate: dateAfter(partner.day0, goal.dueOffset),
          ownerSide: goal.ownerSide,
        }));
  return {
    objectives: OBJECTIVES[partner.type],
    summary: `Joint business plan between ${partner.name} and our team for the first 90 days from ${partner.day0}, reviewed at every check-in.`,
    items: [...goals, ...INITIATIVES[partner.type], ...RISKS[partner.type]],
  };
}
