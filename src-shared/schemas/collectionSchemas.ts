import {
  DEAL_SOURCES,
  DEAL_STAGES,
  MATURITIES,
  MDF_KINDS,
  MDF_STATES,
  MEETING_KINDS,
  MEETING_STATUSES,
  OWNER_SIDES,
  PARTNER_STATUSES,
  PARTNER_TYPES,
  PHASES,
  PLAN_ITEM_KINDS,
  RESOURCE_KINDS,
  PLAN_STATUSES,
  TASK_CATEGORIES,
  TASK_SOURCES,
  TASK_STATUSES,
  TEAM_ROLES,
  TEMPLATE_KINDS,
  TIER_DECISION_OUTCOMES,
  TRAINING_STATUSES,
  MAX_RESOURCE_FILE_BYTES,
  type CollectionName,
} from '../domain/types';
import type { CollectionSchema, JsonSchemaProperty } from './jsonSchema';

/** A calendar date `YYYY-MM-DD`. */
const date: JsonSchemaProperty = { type: 'string', maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
/** An ISO-8601 timestamp; indexed, so it needs a maxLength. */
const timestamp: JsonSchemaProperty = { type: 'string', maxLength: 32 };
const id: JsonSchemaProperty = { type: 'string', maxLength: 64 };
const text = (maxLength: number): JsonSchemaProperty => ({ type: 'string', maxLength });
const oneOf = (values: readonly string[]): JsonSchemaProperty => ({ type: 'string', enum: values, maxLength: 32 });
const money: JsonSchemaProperty = { type: 'number', minimum: 0, maximum: 1e12 };
const currency: JsonSchemaProperty = { type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3 };

/** Fields of version 0 documents (before `updatedBy`); only partnerSchemaV0 still uses them. */
const baseV0 = {
  id,
  createdAt: timestamp,
  updatedAt: timestamp,
} satisfies Record<string, JsonSchemaProperty>;

/**
 * The laptop's sync bookkeeping (`SyncMeta` in src-shared/sync/syncMeta.ts): the server version
 * the document is based on, whether it holds an unacknowledged change and the state that change
 * was made from. Local only: never sent, never stored by the server.
 */
const syncMeta: JsonSchemaProperty = {
  type: 'object',
  properties: {
    seq: { type: 'integer', minimum: 0 },
    pending: { type: 'boolean' },
    base: { type: ['object', 'null'] },
    legacy: { type: 'boolean' },
  },
  additionalProperties: false,
};

/**
 * Fields every document carries. `updatedBy` (optional: documents written before it existed
 * lack it) names who made the last edit; the store stamps it on local writes and replication
 * carries it, so a conflict can say who wrote each side.
 */
const base = {
  ...baseV0,
  updatedBy: text(200),
  sync: syncMeta,
} satisfies Record<string, JsonSchemaProperty>;

const baseRequired = ['id', 'createdAt', 'updatedAt'] as const;

/**
 * Version 0 of the partner schema, kept so the migration from it stays tested: v0 called Day 0
 * `contractSignedOn` and had no check-in cadence override.
 */
export const partnerSchemaV0: CollectionSchema = {
  title: 'partner',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseV0,
    name: text(200),
    type: oneOf(PARTNER_TYPES),
    maturity: oneOf(MATURITIES),
    tier: text(40),
    region: text(80),
    website: text(300),
    ownerEmail: text(200),
    contacts: { type: 'array', items: { type: 'object' } },
    team: { type: 'array', items: { type: 'object' } },
    contractSignedOn: date,
    status: oneOf(PARTNER_STATUSES),
    tags: { type: 'array', items: text(60) },
    templateId: text(80),
  },
  required: [...baseRequired, 'name', 'type', 'maturity', 'contractSignedOn', 'status', 'ownerEmail'],
  indexes: ['updatedAt', 'name'],
};

const contact: JsonSchemaProperty = {
  type: 'object',
  properties: {
    id,
    name: text(200),
    role: text(120),
    email: text(200),
    phone: text(60),
  },
  required: ['id', 'name'],
};

const teamMember: JsonSchemaProperty = {
  type: 'object',
  properties: { id, name: text(200), email: text(200), role: oneOf(TEAM_ROLES) },
  required: ['id', 'name', 'role'],
};

const tierDecision: JsonSchemaProperty = {
  type: 'object',
  properties: {
    id,
    fromTier: text(40),
    toTier: text(40),
    outcome: oneOf(TIER_DECISION_OUTCOMES),
    reasons: { type: 'array', maxItems: 20, items: text(300) },
    note: text(2000),
    decidedBy: text(200),
    decidedAt: timestamp,
  },
  required: ['id', 'fromTier', 'toTier', 'outcome', 'reasons', 'decidedBy', 'decidedAt'],
};

export const partnerSchema: CollectionSchema = {
  title: 'partner',
  description: 'A channel partner and its onboarding context',
  version: 4,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...base,
    name: text(200),
    type: oneOf(PARTNER_TYPES),
    maturity: oneOf(MATURITIES),
    tier: text(40),
    region: text(80),
    website: text(300),
    ownerEmail: text(200),
    contacts: { type: 'array', maxItems: 200, items: contact },
    team: { type: 'array', maxItems: 100, items: teamMember },
    day0: date,
    status: oneOf(PARTNER_STATUSES),
    tags: { type: 'array', maxItems: 50, items: text(60) },
    templateId: text(80),
    onboardingCompletedOn: date,
    churnedOn: date,
    checkinCadenceDays: { type: 'integer', minimum: 1, maximum: 365 },
    tierHistory: { type: 'array', maxItems: 500, items: tierDecision },
  },
  required: [...baseRequired, 'name', 'type', 'maturity', 'day0', 'status', 'ownerEmail', 'contacts', 'team', 'tags'],
  indexes: ['name'],
};

const partnerOwned = {
  ...base,
  partnerId: id,
} satisfies Record<string, JsonSchemaProperty>;

const partnerOwnedRequired = [...baseRequired, 'partnerId'] as const;

export const taskSchema: CollectionSchema = {
  title: 'task',
  description: 'A journey task or an action item',
  version: 3,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerOwned,
    phase: oneOf(PHASES),
    category: oneOf(TASK_CATEGORIES),
    title: text(300),
    guidance: text(2000),
    key: text(80),
    dueOffset: { type: 'integer', minimum: -3650, maximum: 3650 },
    dueDate: date,
    ownerSide: oneOf(OWNER_SIDES),
    ownerName: text(200),
    required: { type: 'boolean' },
    status: oneOf(TASK_STATUSES),
    completedOn: date,
    source: oneOf(TASK_SOURCES),
    order: { type: 'integer', minimum: 0, maximum: 1e6 },
    dependsOn: { type: 'array', maxItems: 100, items: text(80) },
    pinned: { type: 'boolean' },
    shiftDays: { type: 'integer', minimum: -3650, maximum: 3650 },
    startedOn: date,
    templateVersion: { type: 'integer', minimum: 0, maximum: 100000 },
    resourceIds: { type: 'array', maxItems: 50, items: text(80) },
  },
  required: [...partnerOwnedRequired, 'phase', 'category', 'title', 'dueDate', 'ownerSide', 'required', 'status', 'source'],
  indexes: ['partnerId'],
};

export const meetingSchema: CollectionSchema = {
  title: 'meeting',
  description: 'A kick-off call, check-in, planning session or review',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerOwned,
    kind: oneOf(MEETING_KINDS),
    status: oneOf(MEETING_STATUSES),
    title: text(300),
    scheduledOn: date,
    startedAt: timestamp,
    endedAt: timestamp,
    attendees: { type: 'array', maxItems: 200, items: text(200) },
    agenda: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        properties: {
          id,
          title: text(300),
          plannedMinutes: { type: 'number', minimum: 0, maximum: 600 },
          elapsedSeconds: { type: 'number', minimum: 0 },
          notes: text(20000),
          done: { type: 'boolean' },
        },
        required: ['id', 'title'],
      },
    },
    currentItemId: text(64),
    notes: text(50000),
    decisions: {
      type: 'array',
      maxItems: 200,
      items: { type: 'object', properties: { id, text: text(2000) }, required: ['id', 'text'] },
    },
    actionItems: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        properties: {
          id,
          text: text(2000),
          ownerSide: oneOf(OWNER_SIDES),
          ownerName: text(200),
          dueDate: date,
          taskId: text(64),
        },
        required: ['id', 'text', 'ownerSide'],
      },
    },
    blockers: text(10000),
    sentiment: { type: 'integer', minimum: 1, maximum: 5 },
    nextCheckinOn: date,
  },
  required: [...partnerOwnedRequired, 'kind', 'status', 'scheduledOn'],
  indexes: ['partnerId'],
};

const signOff: JsonSchemaProperty = {
  type: 'object',
  properties: { side: oneOf(OWNER_SIDES), name: text(200), title: text(200), date },
  required: ['side', 'name'],
};

export const planSchema: CollectionSchema = {
  title: 'plan',
  description: 'A joint business plan version',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerOwned,
    version: { type: 'integer', minimum: 0, maximum: 10000 },
    status: oneOf(PLAN_STATUSES),
    finalisedAt: timestamp,
    objectives: text(20000),
    summary: text(20000),
    signOff: { type: 'array', maxItems: 10, items: signOff },
  },
  required: [...partnerOwnedRequired, 'version', 'status'],
  indexes: ['partnerId'],
};

export const planItemSchema: CollectionSchema = {
  title: 'plan item',
  description: 'A goal, target account, initiative, risk or revenue target of a plan',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerOwned,
    planId: id,
    kind: oneOf(PLAN_ITEM_KINDS),
    order: { type: 'integer', minimum: 0, maximum: 1e6 },
    title: text(500),
    metric: text(200),
    target: { type: 'number' },
    actual: { type: 'number' },
    dueDate: date,
    ownerSide: oneOf(OWNER_SIDES),
    status: text(40),
    segment: text(120),
    fit: { type: 'number', minimum: 0, maximum: 100 },
    stage: text(60),
    nextStep: text(1000),
    initiativeType: text(60),
    amount: money,
    currency,
    quarter: text(10),
    mitigation: text(2000),
  },
  required: [...partnerOwnedRequired, 'planId', 'kind', 'title'],
  indexes: ['partnerId'],
};

export const dealSchema: CollectionSchema = {
  title: 'deal',
  description: 'A registered deal',
  version: 3,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerOwned,
    account: text(300),
    amount: money,
    currency,
    stage: oneOf(DEAL_STAGES),
    registeredOn: date,
    closedOn: date,
    source: oneOf(DEAL_SOURCES),
    decision: {
      type: 'object',
      properties: { outcome: oneOf(['approved', 'rejected']), reason: text(1000), on: date },
      required: ['outcome', 'reason', 'on'],
    },
    protectedUntil: date,
    extensions: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: {
          requestedOn: date,
          reason: text(1000),
          days: { type: 'integer', minimum: 1, maximum: 365 },
          status: oneOf(['requested', 'approved', 'refused']),
          decidedOn: date,
          newExpiry: date,
        },
        required: ['requestedOn', 'reason', 'days', 'status'],
      },
    },
  },
  required: [...partnerOwnedRequired, 'account', 'amount', 'currency', 'stage', 'registeredOn', 'source'],
  indexes: ['partnerId'],
};

export const trainingSchema: CollectionSchema = {
  title: 'training',
  description: 'An enrolment or certification of a person at the partner',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerOwned,
    person: text(200),
    course: text(300),
    required: { type: 'boolean' },
    status: oneOf(TRAINING_STATUSES),
    completedOn: date,
  },
  required: [...partnerOwnedRequired, 'person', 'course', 'required', 'status'],
  indexes: ['partnerId'],
};

export const surveySchema: CollectionSchema = {
  title: 'survey',
  description: 'A partner satisfaction (PSAT) response',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerOwned,
    score: { type: 'integer', minimum: 1, maximum: 5 },
    takenOn: date,
    comment: text(5000),
    phase: oneOf(PHASES),
  },
  required: [...partnerOwnedRequired, 'score', 'takenOn'],
  indexes: ['partnerId'],
};

export const templateSchema: CollectionSchema = {
  title: 'template',
  description: 'A user-edited journey or agenda template, or the tier definition',
  version: 3,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...base,
    kind: oneOf(TEMPLATE_KINDS),
    name: text(200),
    partnerType: oneOf(PARTNER_TYPES),
    maturity: oneOf(MATURITIES),
    data: { type: 'object' },
  },
  required: [...baseRequired, 'kind', 'name', 'data'],
  indexes: [],
};

export const resourceSchema: CollectionSchema = {
  title: 'resource',
  description: 'A file or link of the resource library (the file bytes live on the server, cached on the laptop)',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...base,
    kind: oneOf(RESOURCE_KINDS),
    title: text(200),
    description: text(2000),
    url: text(2000),
    file: {
      type: 'object',
      properties: {
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', maxLength: 64 },
        name: text(255),
        mime: text(200),
        size: { type: 'integer', minimum: 0, maximum: MAX_RESOURCE_FILE_BYTES },
      },
      required: ['sha256', 'name', 'mime', 'size'],
      additionalProperties: false,
    },
    audience: { type: 'array', maxItems: PARTNER_TYPES.length, items: oneOf(PARTNER_TYPES) },
    phase: oneOf(PHASES),
    version: { type: 'integer', minimum: 1, maximum: 100000 },
    replacedBy: id,
    createdBy: text(200),
  },
  required: [...baseRequired, 'kind', 'title', 'audience', 'phase', 'version', 'createdBy'],
  indexes: [],
};

/**
 * Version 0 of the conflict schema, kept so the migration from it stays tested: it named the
 * document's collection `collection`, which RxDB reserves (every RxDocument has a `collection`
 * property), so a stored record could not even be read.
 */
export const conflictSchemaV0: CollectionSchema = {
  title: 'conflict',
  description: 'The losing value of a same-field edit conflict',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseV0,
    partnerId: id,
    collection: text(40),
    documentId: id,
    field: text(200),
    keptValue: {},
    lostValue: {},
    keptBy: text(200),
    lostBy: text(200),
    keptAt: timestamp,
    lostAt: timestamp,
    restored: { type: 'boolean' },
  },
  required: [...partnerOwnedRequired, 'collection', 'documentId', 'field', 'restored'],
  indexes: ['updatedAt', 'partnerId'],
};

export const conflictSchema: CollectionSchema = {
  title: 'conflict',
  description: 'The losing value of a same-field edit conflict',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerOwned,
    collectionName: text(40),
    documentId: id,
    field: text(200),
    keptValue: {},
    lostValue: {},
    keptBy: text(200),
    lostBy: text(200),
    keptAt: timestamp,
    lostAt: timestamp,
    restored: { type: 'boolean' },
  },
  required: [...partnerOwnedRequired, 'collectionName', 'documentId', 'field', 'restored'],
  indexes: ['partnerId'],
};

/** A file by content (`FileRef`): the key the synced file store keeps its bytes under. */
const fileRef: JsonSchemaProperty = {
  type: 'object',
  properties: {
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', maxLength: 64 },
    name: text(255),
    mime: text(120),
    size: { type: 'integer', minimum: 0, maximum: 1e10 },
  },
  required: ['sha256', 'name', 'mime', 'size'],
  additionalProperties: false,
};

/**
 * MDF budgets and requests in one partner-scoped collection (`kind`), so the feature costs one
 * RxDB collection, not two (a page holds at most 13). Rules: src-shared/mdf.
 */
export const mdfSchema: CollectionSchema = {
  title: 'mdf',
  description: 'A partner’s MDF budget for a quarter, or an MDF request with its approval, claims and payment',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerOwned,
    kind: oneOf(MDF_KINDS),
    quarter: { type: 'string', pattern: '^\\d{4}-Q[1-4]$', maxLength: 7 },
    amount: money,
    currency,
    note: text(2000),
    activity: text(300),
    plannedOn: date,
    requestedOn: date,
    initiativeId: text(200),
    state: oneOf(MDF_STATES),
    decision: {
      type: 'object',
      properties: { outcome: oneOf(['approved', 'rejected']), reason: text(1000), on: date, approvedAmount: money },
      required: ['outcome', 'reason', 'on'],
    },
    claims: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: {
          amount: money,
          note: text(4000),
          proof: fileRef,
          claimedOn: date,
          decision: {
            type: 'object',
            properties: { outcome: oneOf(['approved', 'refused']), reason: text(1000), on: date },
            required: ['outcome', 'reason', 'on'],
          },
        },
        required: ['amount', 'note', 'claimedOn'],
      },
    },
    paidOn: date,
    dealIds: { type: 'array', maxItems: 200, items: id },
  },
  required: [...partnerOwnedRequired, 'kind', 'quarter', 'amount', 'currency'],
  indexes: ['partnerId'],
};

export const COLLECTION_SCHEMAS: Record<CollectionName, CollectionSchema> = {
  partners: partnerSchema,
  tasks: taskSchema,
  meetings: meetingSchema,
  plans: planSchema,
  planitems: planItemSchema,
  deals: dealSchema,
  trainings: trainingSchema,
  surveys: surveySchema,
  templates: templateSchema,
  resources: resourceSchema,
  conflicts: conflictSchema,
  mdf: mdfSchema,
};
