import {
  MATURITIES,
  PARTNER_TYPES,
  PHASES,
  type Maturity,
  type OwnerSide,
  type PartnerType,
  type Phase,
  type TaskCategory,
} from './types';

/** One step of a built-in journey; `dueOffset` is in calendar days after Day 0. */
export type TemplateTask = {
  key: string;
  phase: Phase;
  category: TaskCategory;
  title: string;
  guidance: string;
  dueOffset: number;
  ownerSide: OwnerSide;
  required: boolean;
};

export type JourneyTemplate = {
  id: string;
  name: string;
  partnerType: PartnerType;
  maturity: Maturity;
  tasks: TemplateTask[];
};

/** A catalogue row: a template task plus the rules deciding which journeys include it. */
type CatalogueTask = TemplateTask & {
  /** Partner types whose journey includes the task; every type when absent. */
  types?: readonly PartnerType[];
  /** Basics an experienced partner already knows: left out of their journey. */
  basic?: boolean;
  /** Earlier due offset for experienced partners, who move faster through activation. */
  experiencedOffset?: number;
  /** Wording for a partner type whose version of the step reads differently (same key). */
  wording?: Partial<Record<PartnerType, Pick<TemplateTask, 'title' | 'guidance'>>>;
};

const SELLING_TYPES: readonly PartnerType[] = ['reseller', 'isv', 'si', 'msp'];

/**
 * Every step any built-in journey can contain, grouped by phase. Keys are stable: other features
 * find tasks by key (`kickoff-call`, `first-deal`, `core-certification`, `business-plan`,
 * `psat-day90`, `welcome-kit`, `portal-access`), so never rename one.
 */
const CATALOGUE: readonly CatalogueTask[] = [
  // Pre-boarding (Day 0): paperwork and access, so Day 1 is about strategy.
  {
    key: 'agreement-signed',
    phase: 'preboarding',
    category: 'legal',
    title: 'Sign the partner agreement',
    guidance: 'Get the countersigned agreement back from the partner and file it; the signing date is Day 0.',
    dueOffset: 0,
    ownerSide: 'partner',
    required: true,
  },
  {
    key: 'payment-details',
    phase: 'preboarding',
    category: 'legal',
    title: 'Collect payment and commission details',
    guidance: 'Have the partner enter bank and tax details in the portal form so the first commission is not held up.',
    dueOffset: 0,
    ownerSide: 'partner',
    required: true,
  },
  {
    key: 'portal-access',
    phase: 'preboarding',
    category: 'systems',
    title: 'Grant partner portal (PRM) access',
    guidance: 'Create portal logins for the partner’s named contacts; deal registration and content all live there.',
    dueOffset: 0,
    ownerSide: 'vendor',
    required: true,
  },
  {
    key: 'lms-access',
    phase: 'preboarding',
    category: 'systems',
    title: 'Grant learning portal (LMS) access',
    guidance: 'Enrol the partner’s sellers and engineers in the LMS so training can start in week 1.',
    dueOffset: 0,
    ownerSide: 'vendor',
    required: true,
  },

  // Initial immersion (week 1): a personal start and a clear path.
  {
    key: 'welcome-kit',
    phase: 'immersion',
    category: 'welcome',
    title: 'Send the welcome kit',
    guidance: 'Email the roadmap, key contacts and links to core resources; keep it short rather than sending every document.',
    dueOffset: 1,
    ownerSide: 'vendor',
    required: true,
  },
  {
    key: 'team-intro',
    phase: 'immersion',
    category: 'team',
    title: 'Introduce the partner to their vendor contacts',
    guidance: 'Connect the partner with their technical and sales contacts so they know who to call for what.',
    dueOffset: 3,
    ownerSide: 'vendor',
    required: true,
  },
  {
    key: 'technical-contacts',
    phase: 'immersion',
    category: 'team',
    title: 'Name the partner’s technical contacts',
    guidance: 'Ask the partner for the engineers who will own the integration and introduce them to your solution architects.',
    dueOffset: 4,
    ownerSide: 'partner',
    required: true,
    types: ['isv'],
  },
  {
    key: 'practice-lead',
    phase: 'immersion',
    category: 'team',
    title: 'Name the practice lead',
    guidance: 'Ask the partner who will own building the practice on your product; that person joins every planning session.',
    dueOffset: 4,
    ownerSide: 'partner',
    required: true,
    types: ['si'],
  },
  {
    key: 'kickoff-call',
    phase: 'immersion',
    category: 'team',
    title: 'Hold the kick-off call',
    guidance: 'Run the kick-off agenda live: expectations, the 30-60-90 roadmap, systems check, training plan and first target accounts.',
    dueOffset: 5,
    ownerSide: 'vendor',
    required: true,
  },
  {
    key: 'ecosystem-overview',
    phase: 'immersion',
    category: 'welcome',
    title: 'Walk through the ecosystem overview',
    guidance: 'Explain how the program, tiers, other partners and your field teams fit together, in one short session.',
    dueOffset: 6,
    ownerSide: 'vendor',
    required: true,
    basic: true,
  },
  {
    key: 'product-training',
    phase: 'immersion',
    category: 'training',
    title: 'Complete the first product training',
    guidance: 'Point the partner’s team to the introductory LMS module; bite-sized, about an hour per person.',
    dueOffset: 7,
    ownerSide: 'partner',
    required: true,
    basic: true,
  },
  {
    key: 'referral-process-training',
    phase: 'immersion',
    category: 'training',
    title: 'Complete the referral process training',
    guidance: 'Make sure the partner knows how to submit a referral, what qualifies and how referral fees are paid.',
    dueOffset: 7,
    ownerSide: 'partner',
    required: true,
    types: ['referral'],
  },

  // Activation (days 8–30): turn knowledge into action.
  {
    key: 'core-certification',
    phase: 'activation',
    category: 'training',
    title: 'Complete the core sales certification',
    guidance: 'Track the partner’s sellers through the core certification; offer a live cram session if they stall.',
    dueOffset: 30,
    experiencedOffset: 21,
    ownerSide: 'partner',
    required: true,
    types: SELLING_TYPES,
  },
  {
    key: 'technical-certification',
    phase: 'activation',
    category: 'training',
    title: 'Complete the technical pre-sales certification',
    guidance: 'At least one partner engineer should certify so demos and proofs of concept don’t depend on your team.',
    dueOffset: 30,
    experiencedOffset: 21,
    ownerSide: 'partner',
    required: true,
    types: SELLING_TYPES,
  },
  {
    key: 'referral-certification',
    phase: 'activation',
    category: 'training',
    title: 'Complete the referral partner certification',
    guidance: 'A short, light certification on positioning and ideal customers; no heavy sales curriculum needed.',
    dueOffset: 21,
    experiencedOffset: 14,
    ownerSide: 'partner',
    required: true,
    types: ['referral'],
  },
  {
    key: 'target-accounts',
    phase: 'activation',
    category: 'sales',
    title: 'Identify the first target accounts',
    guidance: 'Agree three to five named accounts that fit the ideal customer profile and note them in the plan.',
    dueOffset: 21,
    experiencedOffset: 14,
    ownerSide: 'partner',
    required: true,
    wording: {
      referral: {
        title: 'Identify the first accounts to refer',
        guidance: 'Agree three to five contacts in the partner’s network who fit the ideal customer profile.',
      },
    },
  },
  {
    key: 'support-escalation',
    phase: 'activation',
    category: 'systems',
    title: 'Set up the support escalation path',
    guidance: 'Connect the partner’s service desk to your support tiers and agree response times before they take on customers.',
    dueOffset: 21,
    experiencedOffset: 14,
    ownerSide: 'vendor',
    required: true,
    types: ['msp'],
  },
  {
    key: 'thought-leadership-kit',
    phase: 'activation',
    category: 'marketing',
    title: 'Share the thought-leadership content kit',
    guidance: 'Send the point-of-view papers, talk tracks and speaker slides the partner can use with their audience.',
    dueOffset: 21,
    experiencedOffset: 14,
    ownerSide: 'vendor',
    required: true,
    types: ['referral'],
  },
  {
    key: 'joint-solution',
    phase: 'activation',
    category: 'sales',
    title: 'Scope the joint solution',
    guidance: 'Write down the use case, the integration points and who builds what, and get both product teams to agree.',
    dueOffset: 30,
    experiencedOffset: 21,
    ownerSide: 'partner',
    required: true,
    types: ['isv'],
  },
  {
    key: 'service-packaging',
    phase: 'activation',
    category: 'sales',
    title: 'Package the managed service offering',
    guidance: 'Help the partner define the service tiers, pricing and SLAs they will sell on top of your product.',
    dueOffset: 30,
    experiencedOffset: 21,
    ownerSide: 'partner',
    required: true,
    types: ['msp'],
  },
  {
    key: 'practice-offering',
    phase: 'activation',
    category: 'sales',
    title: 'Define the practice offering',
    guidance: 'Agree the services the practice will sell (assessment, implementation, run) and the target size of the team.',
    dueOffset: 30,
    experiencedOffset: 21,
    ownerSide: 'partner',
    required: true,
    types: ['si'],
  },
  {
    key: 'business-plan',
    phase: 'activation',
    category: 'sales',
    title: 'Agree a simple business plan',
    guidance: 'Build the joint plan together: objectives, 30-60-90 day goals and first target accounts, signed by both sides.',
    dueOffset: 30,
    experiencedOffset: 21,
    ownerSide: 'vendor',
    required: true,
  },

  // First engagement (days 31–90): the first real test, with close support.
  {
    key: 'mdf-guidelines',
    phase: 'engagement',
    category: 'marketing',
    title: 'Explain the MDF guidelines',
    guidance: 'Walk through what Marketing Development Funds cover, how to request them and the proof of performance needed.',
    dueOffset: 35,
    ownerSide: 'vendor',
    required: true,
    types: SELLING_TYPES,
  },
  {
    key: 'first-campaign',
    phase: 'engagement',
    category: 'marketing',
    title: 'Plan the first co-marketing campaign',
    guidance: 'Pick one ready-made campaign, its audience and launch date; one campaign done well beats several half-run.',
    dueOffset: 45,
    ownerSide: 'partner',
    required: true,
  },
  {
    key: 'delivery-consultants-trained',
    phase: 'engagement',
    category: 'training',
    title: 'Train the first delivery consultants',
    guidance: 'Get at least two consultants through the implementation course so the practice can deliver its first project.',
    dueOffset: 60,
    ownerSide: 'partner',
    required: true,
    types: ['si'],
  },
  {
    key: 'first-deal',
    phase: 'engagement',
    category: 'sales',
    title: 'Register the first deal',
    guidance: 'Coach the partner through their first opportunity and make sure it is registered in the portal.',
    dueOffset: 60,
    ownerSide: 'partner',
    required: true,
    wording: {
      referral: {
        title: 'Register the first referral',
        guidance: 'Help the partner submit their first referral through the portal so it is tracked and the fee is protected.',
      },
    },
  },
  {
    key: 'integration-validated',
    phase: 'engagement',
    category: 'systems',
    title: 'Validate the integration',
    guidance: 'Have your solution architects test the partner’s integration end to end and record the validation result.',
    dueOffset: 75,
    ownerSide: 'partner',
    required: true,
    types: ['isv'],
  },
  {
    key: 'co-authored-content',
    phase: 'engagement',
    category: 'marketing',
    title: 'Publish a co-authored article or webinar',
    guidance: 'Pair the partner with a subject expert on one piece of thought leadership for their audience.',
    dueOffset: 75,
    ownerSide: 'partner',
    required: true,
    types: ['referral'],
  },
  {
    key: 'marketplace-listing',
    phase: 'engagement',
    category: 'marketing',
    title: 'Publish the marketplace listing',
    guidance: 'Once the integration is validated, publish the joint solution in the marketplace with the partner’s copy.',
    dueOffset: 90,
    ownerSide: 'vendor',
    required: true,
    types: ['isv'],
  },
  {
    key: 'psat-day90',
    phase: 'engagement',
    category: 'team',
    title: 'Run the day-90 partner satisfaction survey',
    guidance: 'Send the PSAT survey, record the score and comments, and act on anything below 4.',
    dueOffset: 90,
    ownerSide: 'vendor',
    required: true,
  },

  // Ongoing growth (day 91+): onboarding turns into continuous enablement.
  {
    key: 'qbr',
    phase: 'growth',
    category: 'sales',
    title: 'Hold the first quarterly business review',
    guidance: 'Review pipeline, goals and PSAT feedback with the partner and agree priorities for the next quarter.',
    dueOffset: 120,
    ownerSide: 'vendor',
    required: true,
  },
  {
    key: 'advanced-training',
    phase: 'growth',
    category: 'training',
    title: 'Start the advanced training track',
    guidance: 'Suggest the advanced courses that lead to the next tier; it deepens skills and the partner’s commitment.',
    dueOffset: 150,
    ownerSide: 'partner',
    required: false,
  },
  {
    key: 'plan-refresh',
    phase: 'growth',
    category: 'sales',
    title: 'Refresh the business plan',
    guidance: 'Roll the plan forward with new goals and revenue targets for the next two quarters and get it signed again.',
    dueOffset: 180,
    ownerSide: 'vendor',
    required: true,
  },
];

const TYPE_NAMES: Record<PartnerType, string> = {
  reseller: 'Reseller',
  isv: 'ISV',
  si: 'System integrator',
  msp: 'Managed service provider',
  referral: 'Referral / influence partner',
};

const MATURITY_NAMES: Record<Maturity, string> = {
  new: 'new to the category',
  experienced: 'experienced',
};

/**
 * Picks the catalogue steps for one partner type and maturity: type-specific tracks are added,
 * basics are skipped for experienced partners (whose activation deadlines are also earlier), and
 * steps are ordered by phase, then due offset.
 */
function buildTemplate(partnerType: PartnerType, maturity: Maturity): JourneyTemplate {
  const tasks = CATALOGUE.filter((t) => !t.types || t.types.includes(partnerType))
    .filter((t) => !(maturity === 'experienced' && t.basic))
    .map((t): TemplateTask => {
      const wording = t.wording?.[partnerType];
      return {
        key: t.key,
        phase: t.phase,
        category: t.category,
        title: wording?.title ?? t.title,
        guidance: wording?.guidance ?? t.guidance,
        dueOffset: maturity === 'experienced' ? (t.experiencedOffset ?? t.dueOffset) : t.dueOffset,
        ownerSide: t.ownerSide,
        required: t.required,
      };
    });
  // Array.prototype.sort is stable, so equal offsets keep catalogue order.
  tasks.sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || a.dueOffset - b.dueOffset);
  return {
    id: `${partnerType}-${maturity}`,
    name: `${TYPE_NAMES[partnerType]} — ${MATURITY_NAMES[maturity]}`,
    partnerType,
    maturity,
    tasks,
  };
}

/** The built-in journeys: one per partner type and maturity, ids like `reseller-new`. */
export const JOURNEY_TEMPLATES: JourneyTemplate[] = PARTNER_TYPES.flatMap((type) =>
  MATURITIES.map((maturity) => buildTemplate(type, maturity)),
);

/** The built-in journey for a partner type and maturity (every combination exists). */
export function journeyTemplateFor(type: PartnerType, maturity: Maturity): JourneyTemplate {
  const found = JOURNEY_TEMPLATES.find((t) => t.partnerType === type && t.maturity === maturity);
  if (!found) throw new Error(`No journey template for ${type}/${maturity}`);
  return found;
}
