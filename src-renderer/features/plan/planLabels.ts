import type { PlanItemKind } from '../../../src-shared/domain/types';

export const SECTION_TITLES: Record<PlanItemKind, string> = {
  goal: '30-60-90 day goals',
  account: 'Target accounts',
  initiative: 'Initiatives and MDF',
  revenue: 'Revenue targets by quarter',
  risk: 'Risks and mitigations',
};

export const ITEM_NOUN: Record<PlanItemKind, string> = {
  goal: 'goal',
  account: 'account',
  initiative: 'initiative',
  revenue: 'quarter',
  risk: 'risk',
};

export const STATUS_LABELS: Record<string, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  requested: 'Requested',
  approved: 'Approved',
  claimed: 'Claimed',
  paid: 'Paid',
  open: 'Open',
  mitigated: 'Mitigated',
  closed: 'Closed',
  identified: 'Identified',
  contacted: 'Contacted',
  meeting: 'Meeting held',
  proposal: 'Proposal',
  won: 'Won',
  lost: 'Lost',
};

export const label = (value: string | undefined): string => (value ? (STATUS_LABELS[value] ?? value) : '');
