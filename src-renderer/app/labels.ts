export {
  CATEGORY_LABELS,
  COLLECTION_LABELS,
  MEETING_KIND_LABELS,
  OWNER_SIDE_LABELS,
  PARTNER_STATUS_LABELS,
  PARTNER_TYPE_LABELS,
  TEAM_ROLE_LABELS,
  TIER_OPTIONS,
} from '../../src-shared/domain/labels';

export const HEALTH_COLORS = { green: 'teal', yellow: 'yellow', red: 'red' } as const;
