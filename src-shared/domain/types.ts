/**
 * Domain types shared by every runtime. Calendar dates are `YYYY-MM-DD` strings (a partner's
 * Day 0 is a calendar day, not an instant); timestamps are ISO-8601 strings in UTC.
 */

import type { SyncMeta } from '../sync/syncMeta';
export type IsoDate = string;
export type IsoTimestamp = string;

export const PARTNER_TYPES = ['reseller', 'isv', 'si', 'msp', 'referral'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const MATURITIES = ['new', 'experienced'] as const;
export type Maturity = (typeof MATURITIES)[number];

export const PARTNER_STATUSES = ['recruited', 'onboarding', 'active', 'at_risk', 'churned'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const PHASES = ['preboarding', 'immersion', 'activation', 'engagement', 'growth'] as const;
export type Phase = (typeof PHASES)[number];

export const TASK_CATEGORIES = ['legal', 'welcome', 'systems', 'training', 'marketing', 'team', 'sales'] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];

export const OWNER_SIDES = ['partner', 'vendor'] as const;
export type OwnerSide = (typeof OWNER_SIDES)[number];

export const TASK_STATUSES = ['open', 'done', 'not_applicable'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_SOURCES = ['template', 'custom', 'kickoff', 'checkin', 'plan'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

export const TEAM_ROLES = ['partner_manager', 'technical', 'marketing', 'field'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Fields every stored document carries. */
export type BaseDoc = {
  id: string;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  /**
   * Who made the last edit (the signed-in email, or the local profile's email). Stamped by the
   * store on every local write; replicated edits keep the remote author. Absent on documents
   * written before it existed.
   */
  updatedBy?: string;
  /** The laptop's sync bookkeeping (local only; never sent). Written by the store, not by features. */
  sync?: SyncMeta;
};

export type Contact = {
  id: string;
  name: string;
  role: string;
  email: string;
  phone: string;
};

export type TeamMember = {
  id: string;
  name: string;
  email: string;
  role: TeamRole;
};

export type Partner = BaseDoc & {
  name: string;
  type: PartnerType;
  maturity: Maturity;
  tier: string;
  region: string;
  website: string;
  /** Email of the owning partner manager. */
  ownerEmail: string;
  contacts: Contact[];
  team: TeamMember[];
  /** Contract signed date: Day 0 of the journey. */
  day0: IsoDate;
  status: PartnerStatus;
  tags: string[];
  /** Id of the journey template the tasks were generated from. */
  templateId: string;
  onboardingCompletedOn?: IsoDate;
  churnedOn?: IsoDate;
  /** Days between check-ins when the manager overrides the phase cadence. */
  checkinCadenceDays?: number;
  /** Tier decisions (approved or rejected recommendations), oldest first (src-shared/tiers). */
  tierHistory?: TierDecision[];
};

export const TIER_DECISION_OUTCOMES = ['approved', 'rejected'] as const;
export type TierDecisionOutcome = (typeof TIER_DECISION_OUTCOMES)[number];

/** A manager's decision on a tier recommendation; an approval is what changes `Partner.tier`. */
export type TierDecision = {
  id: string;
  fromTier: string;
  toTier: string;
  outcome: TierDecisionOutcome;
  /** The recommendation's reasons, in words, as shown when the decision was made. */
  reasons: string[];
  note: string;
  decidedBy: string;
  decidedAt: IsoTimestamp;
};

export type Task = BaseDoc & {
  partnerId: string;
  phase: Phase;
  category: TaskCategory;
  title: string;
  guidance: string;
  /** Key of the template task this came from (stable across templates: e.g. `kickoff-call`). */
  key: string;
  dueOffset: number;
  dueDate: IsoDate;
  ownerSide: OwnerSide;
  ownerName: string;
  required: boolean;
  status: TaskStatus;
  completedOn?: IsoDate;
  source: TaskSource;
  order: number;
  /** Keys of the tasks (template steps) that must be finished before this one can start. */
  dependsOn?: string[];
  /** The manager fixed the due date: a late prerequisite never moves it. */
  pinned?: boolean;
  /** Days the due date was moved later because prerequisites were late (0 or absent: on plan). */
  shiftDays?: number;
  /** The day work on the task started: an in-progress task is never re-dated or removed. */
  startedOn?: IsoDate;
  /** Version of the journey template the task was generated or last updated from. */
  templateVersion?: number;
  /** Library resources linked by the task's template step. */
  resourceIds?: string[];
};

export const MEETING_KINDS = ['kickoff', 'checkin', 'planning', 'review'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = ['scheduled', 'in_progress', 'done', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export type AgendaItem = {
  id: string;
  title: string;
  plannedMinutes: number;
  elapsedSeconds: number;
  notes: string;
  done: boolean;
};

export type ActionItem = {
  id: string;
  text: string;
  ownerSide: OwnerSide;
  ownerName: string;
  dueDate?: IsoDate;
  taskId?: string;
};

export type Meeting = BaseDoc & {
  partnerId: string;
  kind: MeetingKind;
  status: MeetingStatus;
  title: string;
  scheduledOn: IsoDate;
  startedAt?: IsoTimestamp;
  endedAt?: IsoTimestamp;
  attendees: string[];
  agenda: AgendaItem[];
  currentItemId?: string;
  notes: string;
  decisions: { id: string; text: string }[];
  actionItems: ActionItem[];
  blockers: string;
  sentiment?: number;
  nextCheckinOn?: IsoDate;
};

export const PLAN_STATUSES = ['draft', 'final'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export type Plan = BaseDoc & {
  partnerId: string;
  version: number;
  status: PlanStatus;
  finalisedAt?: IsoTimestamp;
  objectives: string;
  summary: string;
  signOff: { side: OwnerSide; name: string; title: string; date?: IsoDate }[];
};

export const PLAN_ITEM_KINDS = ['goal', 'account', 'initiative', 'risk', 'revenue'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

/**
 * One row of a plan. Each goal, account, initiative, risk and quarterly revenue target is its own
 * document so two laptops editing different rows never touch the same document. Fields unused by
 * a kind stay absent.
 */
export type PlanItem = BaseDoc & {
  partnerId: string;
  planId: string;
  kind: PlanItemKind;
  order: number;
  title: string;
  metric?: string;
  target?: number;
  actual?: number;
  dueDate?: IsoDate;
  ownerSide?: OwnerSide;
  status?: string;
  segment?: string;
  fit?: number;
  stage?: string;
  nextStep?: string;
  initiativeType?: string;
  amount?: number;
  currency?: string;
  quarter?: string;
  mitigation?: string;
};

export const DEAL_STAGES = ['registered', 'approved', 'won', 'lost'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];
export const DEAL_SOURCES = ['sourced', 'influenced'] as const;
export type DealSource = (typeof DEAL_SOURCES)[number];

export type Deal = BaseDoc & {
  partnerId: string;
  account: string;
  amount: number;
  currency: string;
  stage: DealStage;
  registeredOn: IsoDate;
  closedOn?: IsoDate;
  source: DealSource;
  /** The manager's decision on the registration, with its reason (src-shared/deals/registration.ts). */
  decision?: DealDecision;
  /** Last day the approved registration protects the account (approval day + protection window, extended). */
  protectedUntil?: IsoDate;
  /** Requests to extend the protection, oldest first. */
  extensions?: DealExtension[];
};

export type DealDecision = { outcome: 'approved' | 'rejected'; reason: string; on: IsoDate };
export type DealExtension = { requestedOn: IsoDate; reason: string; days: number; status: 'requested' | 'approved' | 'refused'; decidedOn?: IsoDate; newExpiry?: IsoDate };

export const MDF_KINDS = ['budget', 'request'] as const;
export type MdfKind = (typeof MDF_KINDS)[number];

/**
 * Where an MDF request stands: requested → approved | rejected → claimed → claim_approved |
 * claim_refused (a refused claim can be filed again) → paid. The rules are in src-shared/mdf.
 */
export const MDF_STATES = ['requested', 'approved', 'rejected', 'claimed', 'claim_approved', 'claim_refused', 'paid'] as const;
export type MdfState = (typeof MDF_STATES)[number];

/**
 * A file by content: what the synced file store (resource library) keys its blobs on. A claim's
 * proof of performance carries one; the store holding the bytes is a separate piece.
 */
export type FileRef = { sha256: string; name: string; mime: string; size: number };

export type MdfDecision = { outcome: 'approved' | 'rejected'; reason: string; on: IsoDate; approvedAmount?: number };

/** A claim against an approved request, with its proof of performance and the manager's decision. */
export type MdfClaim = {
  amount: number;
  note: string;
  proof?: FileRef;
  claimedOn: IsoDate;
  decision?: { outcome: 'approved' | 'refused'; reason: string; on: IsoDate };
};

/**
 * One document of the `mdf` collection: a partner's budget for a quarter (`kind: 'budget'`, id
 * `mdfBudgetId(partner, quarter)` so two laptops setting it write the same document) or one MDF
 * request carrying its decision, claims and payment (`kind: 'request'`). Amounts are in
 * `currency` and never added across currencies. Fields unused by a kind stay absent.
 */
export type MdfDoc = BaseDoc & {
  partnerId: string;
  kind: MdfKind;
  /** "2026-Q3": the budget's quarter, or the quarter of the request's planned date (the budget it draws on). */
  quarter: string;
  /** The budget, or the amount requested. */
  amount: number;
  currency: string;
  note?: string;
  activity?: string;
  plannedOn?: IsoDate;
  requestedOn?: IsoDate;
  /** The plan initiative the request funds: the lineage id of the plan item (src-shared/plan/planVersions.ts). */
  initiativeId?: string;
  state?: MdfState;
  decision?: MdfDecision;
  /** Claims, oldest first; only the last can be open. */
  claims?: MdfClaim[];
  paidOn?: IsoDate;
  /** Deals the funded activity brought (what MDF return on investment is measured on). */
  dealIds?: string[];
};

export const TRAINING_STATUSES = ['enrolled', 'completed'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export type Training = BaseDoc & {
  partnerId: string;
  person: string;
  course: string;
  required: boolean;
  status: TrainingStatus;
  completedOn?: IsoDate;
};

export type Survey = BaseDoc & {
  partnerId: string;
  score: number;
  takenOn: IsoDate;
  comment: string;
  phase?: Phase;
};

export const TEMPLATE_KINDS = ['journey', 'agenda', 'tiers'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/**
 * A user-edited template (journey, meeting agenda, or the program's tier definition in `data`:
 * src-shared/tiers/tierDefinition.ts). Journey templates keep one document per
 * version, the steps in `data` (src-shared/journey/templateModel.ts); the built-in journeys are
 * their seeds.
 */
export type Template = BaseDoc & {
  kind: TemplateKind;
  name: string;
  partnerType?: PartnerType;
  maturity?: Maturity;
  data: Record<string, unknown>;
};

export const RESOURCE_KINDS = ['file', 'link'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Largest file the resource library stores (the server refuses bigger uploads with 413). */
export const MAX_RESOURCE_FILE_BYTES = 25 * 1024 * 1024;

/**
 * The binary content of a file resource, by reference: the server stores the bytes once per
 * `sha256` (lowercase hex), the laptop caches them under the same key.
 */
export type ResourceFileRef = { sha256: string; name: string; mime: string; size: number };

/**
 * An entry of the resource library (the DAM side of the program): a file (datasheet, slides …)
 * or a link, for some partner types (`audience`, empty: every type) and a phase. Program admins
 * write them; a newer version points the old one at it with `replacedBy`, so the old one is
 * never shown as current (src-shared/resources/resourceRules.ts).
 */
export type Resource = BaseDoc & {
  kind: ResourceKind;
  title: string;
  description?: string;
  /** The address of a link (http or https). */
  url?: string;
  /** The file of a file resource. */
  file?: ResourceFileRef;
  audience: PartnerType[];
  phase: Phase;
  version: number;
  /** Id of the resource that replaces this one. */
  replacedBy?: string;
  /** Email of the admin who added it. */
  createdBy: string;
};

/** The losing side of a same-field conflict, kept so nothing is silently lost. */
export type ConflictRecord = BaseDoc & {
  partnerId: string;
  /**
   * Collection of the document the conflict was about. (Not `collection`: RxDB documents have a
   * `collection` property, and a schema field of that name makes every read of the record fail.)
   */
  collectionName: string;
  documentId: string;
  field: string;
  keptValue: unknown;
  lostValue: unknown;
  keptBy: string;
  lostBy: string;
  keptAt: IsoTimestamp;
  lostAt: IsoTimestamp;
  restored: boolean;
};

export type CollectionDocs = {
  partners: Partner;
  tasks: Task;
  meetings: Meeting;
  plans: Plan;
  planitems: PlanItem;
  deals: Deal;
  trainings: Training;
  surveys: Survey;
  templates: Template;
  resources: Resource;
  conflicts: ConflictRecord;
  mdf: MdfDoc;
};

export type CollectionName = keyof CollectionDocs;

export const COLLECTION_NAMES = [
  'partners',
  'tasks',
  'meetings',
  'plans',
  'planitems',
  'deals',
  'trainings',
  'surveys',
  'templates',
  'resources',
  'conflicts',
  'mdf',
] as const satisfies readonly CollectionName[];
