/**
 * The words the user sees for every internal code (partner types, statuses, categories …),
 * defined once for every side: screens, error messages, CSV import, the printed plan.
 */
import type { CollectionName, MeetingKind, OwnerSide, PartnerStatus, PartnerType, TaskCategory, TeamRole } from './types';

export const PARTNER_TYPE_LABELS: Record<PartnerType, string> = {
  reseller: 'Reseller',
  isv: 'ISV',
  si: 'System integrator',
  msp: 'Managed service provider',
  referral: 'Referral partner',
};

export const PARTNER_STATUS_LABELS: Record<PartnerStatus, string> = {
  recruited: 'Recruited',
  onboarding: 'Onboarding',
  active: 'Active',
  at_risk: 'At risk',
  churned: 'Churned',
};

export const CATEGORY_LABELS: Record<TaskCategory, string> = {
  legal: 'Legal',
  welcome: 'Welcome',
  systems: 'Systems',
  training: 'Training',
  marketing: 'Marketing',
  team: 'Team',
  sales: 'Sales',
};

export const OWNER_SIDE_LABELS: Record<OwnerSide, string> = { partner: 'Partner', vendor: 'Our side' };

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  partner_manager: 'Partner manager',
  technical: 'Technical contact',
  marketing: 'Marketing contact',
  field: 'Field team',
};

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  kickoff: 'Kick-off call',
  checkin: 'Check-in',
  planning: 'Planning session',
  review: 'Review',
};

export const TIER_OPTIONS = ['Registered', 'Silver', 'Gold', 'Platinum'];


/** What each synced collection holds, in the words of the sync details. */
export const COLLECTION_LABELS: Record<CollectionName, string> = {
  partners: 'Partners',
  tasks: 'Journey tasks',
  meetings: 'Meetings',
  plans: 'Business plans',
  planitems: 'Plan goals and items',
  deals: 'Deals',
  trainings: 'Trainings',
  surveys: 'Surveys',
  templates: 'Templates',
  resources: 'Resource library',
  conflicts: 'Changes merged',
  mdf: 'MDF budgets and requests',
};
