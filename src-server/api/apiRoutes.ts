/**
 * `/api/v1` resources. Each route declares its JSON schemas once: Fastify validates requests
 * with them and the OpenAPI description (openapi.ts) is built from them. Record fields are then
 * checked by the CSV importers' validators (records.ts), so the API refuses exactly what an
 * import refuses, with the same words.
 */
import { createHash, randomUUID } from 'node:crypto';
import { API_V1, WEBHOOK_EVENTS } from '../../src-shared/api/scopes';
import { isRealIsoDate, isValidEmail, partnerNameKey, validatePartnerInput } from '../../src-shared/domain/partnerInput';
import { DEAL_SOURCES, DEAL_STAGES, MATURITIES, PARTNER_STATUSES, PARTNER_TYPES, type Deal, type Partner, type Survey, type Task, type Training } from '../../src-shared/domain/types';
import { firstDealStepCompletion } from '../../src-shared/deals/firstDeal';
import { validateDealsCsv, type DealRowValue } from '../../src-shared/import/dealsCsv';
import { buildImportedPartners } from '../../src-shared/import/partnerCsv';
import type { StoredTemplate } from '../../src-shared/journey/templateModel';
import { validateSurveysCsv, type SurveyRowValue } from '../../src-shared/import/surveysCsv';
import { validateTrainingsCsv, type TrainingRowValue } from '../../src-shared/import/trainingsCsv';
import { programKpis } from '../../src-shared/kpi/programKpis';
import { wireSchema } from '../../src-shared/schemas/wireSchemas';
import type { FeedPushResult } from '../../src-shared/sync/protocol';
import { AdminInputError } from '../admin/adminService';
import { findUserByEmail } from '../storage/userStore';
import { sharesTeamSql } from '../storage/visibilitySql';
import { WebhookInputError } from '../webhooks/subscriptions';
import { pageOf } from './pageCursor';
import { externalDocId, storedDocs, visibleDocs, writeDocuments, type ApiWrite, type DocRecord } from './apiStore';
import { actorToken, ApiFailure, type ApiActor, type ApiDeps, type ApiRoute, type JsonSchema } from './apiTypes';
import { recordError, validateRecords, type CheckedRecord, type PartnerRef, type RecordError } from './records';

/** Most records one bulk request may carry. */
export const BULK_RECORDS_MAX = 10_000;

/** `GET /api/v1/partners` page size: default and most. */
export const PARTNERS_PAGE_DEFAULT = 100;
export const PARTNERS_PAGE_MAX = 500;

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const date = { type: 'string', description: 'a calendar date, YYYY-MM-DD', examples: ['2026-11-20'] };
const partnerRef = { type: 'string', description: "the partner's exact name or id", maxLength: 300 };

const dealFields: JsonSchema = {
  partner: partnerRef,
  account: { type: 'string', description: 'the customer account', maxLength: 300 },
  amount: { anyOf: [{ type: 'number' }, { type: 'string' }], description: 'positive, at most 2 decimals (12500 or "12,500.50")' },
  currency: { type: 'string', description: 'ISO 4217 code like USD', maxLength: 10 },
  stage: { type: 'string', enum: [...DEAL_STAGES] },
  registeredOn: date,
  closedOn: { ...date, description: 'required for won and lost deals, absent otherwise' },
  source: { type: 'string', enum: [...DEAL_SOURCES] },
};
const trainingFields: JsonSchema = {
  partner: partnerRef,
  person: { type: 'string', description: "the learner's email address", maxLength: 200 },
  course: { type: 'string', description: 'the course or certification name', maxLength: 300 },
  completedOn: date,
  required: { type: 'boolean', description: 'a required course of the journey (default true)' },
};
const surveyFields: JsonSchema = {
  partner: partnerRef,
  score: { anyOf: [{ type: 'integer' }, { type: 'string' }], description: 'PSAT score, a whole number from 1 to 5' },
  takenOn: date,
  comment: { type: 'string', maxLength: 5000 },
};
const externalIdField = { type: 'string', minLength: 1, maxLength: 200, description: 'the id of this record in your system' };

export const COMPONENT_SCHEMAS: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    required: ['error', 'message'],
    properties: {
      error: { type: 'string', description: 'machine-readable code: bad_request, invalid_record, unauthorized, forbidden, not_found, conflict, idempotency_key_reused, payload_too_large, unsupported_media_type, rate_limited' },
      message: { type: 'string', description: 'what is wrong and where' },
      field: { type: 'string', description: 'the body field at fault, when the error concerns one (e.g. `url` of a webhook)' },
      errors: { type: 'array', items: ref('RecordError') },
    },
  },
  RecordError: {
    type: 'object',
    required: ['record', 'field', 'message'],
    properties: { record: { type: 'integer', minimum: 1 }, field: { type: ['string', 'null'] }, message: { type: 'string' } },
  },
  BulkResult: {
    type: 'object',
    required: ['received', 'stored', 'unchanged', 'errors', 'results'],
    properties: {
      received: { type: 'integer' },
      stored: { type: 'integer', description: 'records written (created or updated)' },
      unchanged: { type: 'integer', description: 'records equal to the stored state (replays)' },
      errors: { type: 'array', items: ref('RecordError') },
      results: { type: 'array', items: ref('RecordResult') },
    },
  },
  RecordResult: {
    type: 'object',
    required: ['record', 'id', 'status'],
    properties: { record: { type: 'integer' }, externalId: { type: ['string', 'null'] }, id: { type: 'string' }, status: { type: 'string', enum: ['created', 'updated', 'unchanged'] } },
  },
  Partner: wireSchema('partners') as unknown as JsonSchema,
  Deal: wireSchema('deals') as unknown as JsonSchema,
  Training: wireSchema('trainings') as unknown as JsonSchema,
  Survey: wireSchema('surveys') as unknown as JsonSchema,
  WebhookDelivery: {
    type: 'object',
    required: ['id', 'eventId', 'eventType', 'subscriptionId', 'url', 'status', 'attempts', 'log'],
    properties: {
      id: { type: 'string' },
      eventId: { type: 'string' },
      eventType: { type: 'string' },
      subscriptionId: { type: 'string' },
      url: { type: 'string' },
      status: { type: 'string', enum: ['pending', 'delivered', 'failed'] },
      attempts: { type: 'integer' },
      nextAttemptAt: { type: 'string' },
      lastStatus: { type: ['integer', 'null'] },
      lastError: { type: ['string', 'null'] },
      deliveredAt: { type: ['string', 'null'] },
      log: {
        type: 'array',
        items: { type: 'object', properties: { attempt: { type: 'integer' }, at: { type: 'string' }, statusCode: { type: ['integer', 'null'] }, error: { type: ['string', 'null'] } } },
      },
    },
  },
  WebhookSubscription: {
    type: 'object',
    required: ['id', 'url', 'events', 'createdAt', 'active', 'removedAt'],
    properties: {
      id: { type: 'string' },
      url: { type: 'string' },
      events: { type: 'array', items: { type: 'string', enum: [...WEBHOOK_EVENTS] } },
      createdAt: { type: 'string' },
      active: { type: 'boolean', description: 'false once removed' },
      removedAt: { type: ['string', 'null'] },
      secret: { type: 'string', description: 'the signing secret: only in the answer that creates the subscription' },
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Shared helpers

const nowIso = (deps: ApiDeps) => deps.ctx.now().toISOString();

async function partnersOf(deps: ApiDeps, actor: ApiActor): Promise<(PartnerRef & { ownerEmail?: unknown })[]> {
  return (await visibleDocs(deps.ctx.db, actor.viewer, 'partners')).map((doc) => doc.data as unknown as Partner);
}

function throwForOutcome(outcome: Awaited<ReturnType<typeof writeDocuments>>): FeedPushResult[] {
  if (outcome.kind === 'forbidden') throw new ApiFailure(403, 'forbidden', outcome.message);
  if (outcome.kind === 'invalid') throw new ApiFailure(400, 'invalid_record', outcome.message, { documents: outcome.documents });
  return outcome.results;
}

/** NDJSON lines → records (blank lines skipped); a line that is not JSON is a record error. */
function readNdjson(body: unknown): { records: unknown[]; numbers: number[]; errors: RecordError[] } {
  if (typeof body !== 'string') throw new ApiFailure(415, 'unsupported_media_type', 'send NDJSON (one JSON object per line) with content-type application/x-ndjson');
  const records: unknown[] = [];
  const numbers: number[] = [];
  const errors: RecordError[] = [];
  const lines = body.split('\n');
  let record = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    record += 1;
    if (record > BULK_RECORDS_MAX) throw new ApiFailure(413, 'payload_too_large', `at most ${BULK_RECORDS_MAX} records per request (this one has more)`);
    try {
      records.push(JSON.parse(line));
      numbers.push(record);
    } catch {
      errors.push(recordError(record, null, 'is not valid JSON (one JSON object per line)'));
    }
  }
  if (record === 0) throw new ApiFailure(400, 'bad_request', 'the body has no records: send one JSON object per line');
  return { records, numbers, errors };
}

type Stored = { record: number; externalId: string | null; id: string; status: 'created' | 'updated' | 'unchanged'; document: Record<string, unknown> };

function bulkAnswer(received: number, stored: Stored[], errors: RecordError[]) {
  return {
    status: 200,
    body: {
      received,
      stored: stored.filter((entry) => entry.status !== 'unchanged').length,
      unchanged: stored.filter((entry) => entry.status === 'unchanged').length,
      errors: errors.sort((a, b) => a.record - b.record),
      results: stored.map(({ record, externalId, id, status }) => ({ record, externalId, id, status })),
    },
  };
}

const sameFields = (stored: Record<string, unknown>, value: Record<string, unknown>, keys: readonly string[]) => keys.every((key) => JSON.stringify(stored[key]) === JSON.stringify(value[key]));

/** Writes `planned` (unchanged ones are skipped) and fills in conflicts as record errors. */
async function commit(
  deps: ApiDeps,
  actor: ApiActor,
  collection: 'deals' | 'trainings' | 'surveys' | 'partners',
  planned: (Stored & { before: DocRecord | undefined })[],
  followUps: ApiWrite[] = [],
): Promise<{ stored: Stored[]; errors: RecordError[] }> {
  const toWrite = planned.filter((entry) => entry.status !== 'unchanged');
  const writes: ApiWrite[] = toWrite.map((entry) => ({ collection, id: entry.id, data: entry.document, baseSeq: entry.before?.seq ?? null }));
  // Follow-up writes (a journey step the records complete) go in the same transaction, after the
  // records; one that conflicts (the step changed meanwhile) is left as it is, not reported.
  const results = throwForOutcome(await writeDocuments(deps.ctx.db, deps.ctx.now, actor.viewer, [...writes, ...followUps])).slice(0, writes.length);
  const errors: RecordError[] = [];
  const conflicted = new Set<number>();
  results.forEach((result, index) => {
    const entry = toWrite[index];
    if (!entry || result.status === 'accepted') return;
    conflicted.add(entry.record);
    errors.push(
      recordError(
        entry.record,
        null,
        result.status === 'conflict' ? 'was changed by someone else while this request ran; send it again' : result.message,
      ),
    );
  });
  return { stored: planned.filter((entry) => !conflicted.has(entry.record)).map(({ record, externalId, id, status, document }) => ({ record, externalId, id, status, document })), errors };
}

// ---------------------------------------------------------------------------------------------
// Deals

const DEAL_FIELD_MAP = { partner: 'partner', account: 'account', amount: 'amount', currency: 'currency', stage: 'stage', registeredOn: 'registered_on', closedOn: 'closed_on', source: 'source' } as const;
const DEAL_KEYS = ['partnerId', 'account', 'amount', 'currency', 'stage', 'registeredOn', 'closedOn', 'source'] as const;

async function storeDeals(deps: ApiDeps, actor: ApiActor, valid: CheckedRecord<DealRowValue>[]) {
  const ids = valid.map((entry) => externalDocId('deals', entry.externalId as string));
  const before = await storedDocs(deps.ctx.db, 'deals', ids);
  const at = nowIso(deps);
  const planned = valid.map((entry, index) => {
    const id = ids[index] as string;
    const stored = before.get(id);
    const live = stored && !stored.deleted ? stored : undefined;
    const status: Stored['status'] = live ? (sameFields(live.data, entry.value, DEAL_KEYS) ? 'unchanged' : 'updated') : 'created';
    const document = status === 'unchanged' && live ? live.data : { id, createdAt: (live?.data.createdAt as string | undefined) ?? at, updatedAt: at, updatedBy: actor.author, ...entry.value };
    return { record: entry.record, externalId: entry.externalId, id, status, document, before: stored };
  });
  return commit(deps, actor, 'deals', planned, await firstDealSteps(deps, actor, planned.filter((entry) => entry.status === 'created').map((entry) => entry.document as unknown as Deal), at));
}

/**
 * Registering a deal completes the partner's open "Register the first deal" step on the
 * registration date, as it does in the app (`firstDealStepCompletion`): the task writes for the
 * partners of newly registered deals (the earliest registration date among them).
 */
async function firstDealSteps(deps: ApiDeps, actor: ApiActor, created: readonly Deal[], at: string): Promise<ApiWrite[]> {
  const earliest = new Map<string, Deal>();
  for (const deal of created) {
    const seen = earliest.get(deal.partnerId);
    if (!seen || deal.registeredOn < seen.registeredOn) earliest.set(deal.partnerId, deal);
  }
  if (earliest.size === 0) return [];
  const writes: ApiWrite[] = [];
  for (const doc of await visibleDocs(deps.ctx.db, actor.viewer, 'tasks', [...earliest.keys()])) {
    const task = doc.data as unknown as Task;
    const deal = earliest.get(task.partnerId);
    const completion = deal ? firstDealStepCompletion(task, deal) : null;
    if (completion) writes.push({ collection: 'tasks', id: doc.id, data: { ...doc.data, ...completion, updatedAt: at, updatedBy: actor.author }, baseSeq: doc.seq });
  }
  return writes;
}

function validateDeals(records: unknown[], partners: PartnerRef[], numbers?: readonly number[]) {
  return validateRecords(records, DEAL_FIELD_MAP, validateDealsCsv, partners, { externalId: 'required', ...(numbers ? { numbers } : {}) });
}

// ---------------------------------------------------------------------------------------------
// Trainings

const TRAINING_FIELD_MAP = { partner: 'partner', person: 'person', course: 'course', required: 'required', completedOn: 'completed_on' } as const;

function validateTrainings(records: unknown[], partners: PartnerRef[], numbers?: readonly number[]) {
  const withDefaults = records.map((raw) => (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && (raw as Record<string, unknown>).required === undefined ? { ...raw, required: true } : raw));
  return validateRecords(withDefaults, TRAINING_FIELD_MAP, validateTrainingsCsv, partners, {
    externalId: 'none',
    ...(numbers ? { numbers } : {}),
    constants: { status: 'completed' },
    extra: (raw, record) =>
      typeof raw.person === 'string' && raw.person.trim() !== '' && !isValidEmail(raw.person.trim().toLowerCase())
        ? [recordError(record, 'person', `must be the learner's email address like name@example.com (got “${raw.person.slice(0, 40)}”)`)]
        : [],
  });
}

const trainingKey = (partnerId: string, course: string, person: string) => `${partnerId}\u0000${course.trim().toLowerCase()}\u0000${person.trim().toLowerCase()}`;

async function storeTrainings(deps: ApiDeps, actor: ApiActor, valid: CheckedRecord<TrainingRowValue>[]) {
  const partnerIds = [...new Set(valid.map((entry) => entry.value.partnerId))];
  const existing = new Map<string, DocRecord>();
  for (const doc of await visibleDocs(deps.ctx.db, actor.viewer, 'trainings', partnerIds)) {
    const training = doc.data as unknown as Training;
    const key = trainingKey(training.partnerId, training.course, training.person);
    if (!existing.has(key)) existing.set(key, doc);
  }
  const derivedIds = valid.map((entry) => externalDocId('trainings', trainingKey(entry.value.partnerId, entry.value.course, entry.value.person)));
  const derived = await storedDocs(deps.ctx.db, 'trainings', derivedIds);
  const at = nowIso(deps);
  const seen = new Set<string>();
  const errors: RecordError[] = [];
  const planned: Parameters<typeof commit>[3] = [];
  valid.forEach((entry, index) => {
    const value = { ...entry.value, person: entry.value.person.trim().toLowerCase() };
    const key = trainingKey(value.partnerId, value.course, value.person);
    if (seen.has(key)) {
      errors.push(recordError(entry.record, 'course', 'this completion (partner, course, person) appears twice in this request'));
      return;
    }
    seen.add(key);
    const match = existing.get(key);
    const id = match?.id ?? (derivedIds[index] as string);
    const stored = match ?? derived.get(id);
    const live = stored && !stored.deleted ? stored : undefined;
    const done = live && live.data.status === 'completed' && live.data.completedOn === value.completedOn;
    const status: Stored['status'] = done ? 'unchanged' : live ? 'updated' : 'created';
    const document = done && live
      ? live.data
      : live
        ? { ...live.data, status: 'completed', completedOn: value.completedOn, updatedAt: at, updatedBy: actor.author }
        : { id, createdAt: at, updatedAt: at, updatedBy: actor.author, ...value };
    planned.push({ record: entry.record, externalId: null, id, status, document, before: stored });
  });
  const result = await commit(deps, actor, 'trainings', planned);
  return { stored: result.stored, errors: [...errors, ...result.errors] };
}

// ---------------------------------------------------------------------------------------------
// Surveys

const SURVEY_FIELD_MAP = { partner: 'partner', score: 'score', takenOn: 'taken_on', comment: 'comment' } as const;

async function storeSurveys(deps: ApiDeps, actor: ApiActor, valid: CheckedRecord<SurveyRowValue>[], fallbackKey: string | null) {
  const ids = valid.map((entry) =>
    entry.externalId !== null ? externalDocId('surveys', entry.externalId) : fallbackKey !== null ? externalDocId('surveys', `${actorToken(actor).id}\u0000${fallbackKey}\u0000${entry.record}`) : randomUUID(),
  );
  const before = await storedDocs(deps.ctx.db, 'surveys', ids);
  const at = nowIso(deps);
  const keys = ['partnerId', 'score', 'takenOn', 'comment', 'phase'] as const;
  const planned = valid.map((entry, index) => {
    const id = ids[index] as string;
    const stored = before.get(id);
    const live = stored && !stored.deleted ? stored : undefined;
    const status: Stored['status'] = live ? (sameFields(live.data, entry.value, keys) ? 'unchanged' : 'updated') : 'created';
    const document = status === 'unchanged' && live ? live.data : { id, createdAt: (live?.data.createdAt as string | undefined) ?? at, updatedAt: at, updatedBy: actor.author, ...entry.value };
    return { record: entry.record, externalId: entry.externalId, id, status, document, before: stored };
  });
  return commit(deps, actor, 'surveys', planned);
}

// ---------------------------------------------------------------------------------------------
// Partners

const partnerCreateBody: JsonSchema = {
  type: 'object',
  required: ['name', 'type', 'day0', 'ownerEmail'],
  properties: {
    externalId: externalIdField,
    name: { type: 'string', maxLength: 200 },
    type: { type: 'string', description: `one of ${PARTNER_TYPES.join(', ')} (or a long form like "System integrator")` },
    maturity: { type: 'string', enum: [...MATURITIES], description: 'default new' },
    tier: { type: 'string', maxLength: 40 },
    region: { type: 'string', maxLength: 80 },
    website: { type: 'string', maxLength: 300 },
    day0: { ...date, description: 'contract signed date: Day 0 of the journey' },
    status: { type: 'string', enum: [...PARTNER_STATUSES], description: 'default onboarding' },
    ownerEmail: { type: 'string', description: 'the owning partner manager (an existing user)', maxLength: 200 },
  },
};

async function createPartner(deps: ApiDeps, actor: ApiActor, body: Record<string, string | undefined>, idempotencyKey: string | null) {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
  const visible = await partnersOf(deps, actor);
  const externalId = text('externalId') || null;
  const id = externalId !== null ? externalDocId('partners', externalId) : idempotencyKey !== null ? externalDocId('partners', `${actorToken(actor).id}\u0000${idempotencyKey}`) : randomUUID();
  const already = (await storedDocs(deps.ctx.db, 'partners', [id])).get(id);
  if (already && !already.deleted) {
    if (!visible.some((partner) => partner.id === id)) throw new ApiFailure(403, 'forbidden', 'not allowed: this partner belongs to partners your token cannot access');
    return { status: 200, body: { partner: already.data, created: false } };
  }
  const checked = validatePartnerInput(
    { name: text('name'), type: text('type'), maturity: text('maturity'), tier: text('tier'), region: text('region'), website: text('website'), day0: text('day0'), ownerEmail: text('ownerEmail'), status: text('status') },
    { existingNames: visible.map((partner) => partner.name) },
  );
  const errors: RecordError[] = [];
  if (!checked.ok) for (const [field, message] of Object.entries(checked.errors)) errors.push(recordError(1, field, message as string));
  const ownerEmail = text('ownerEmail').trim().toLowerCase();
  const owner = ownerEmail === '' ? null : await findUserByEmail(deps.ctx.db, ownerEmail);
  if (ownerEmail === '') errors.push(recordError(1, 'ownerEmail', 'is required: the email of the partner manager who owns the partner'));
  else if (checked.ok && (!owner || owner.disabled)) errors.push(recordError(1, 'ownerEmail', `“${ownerEmail}” is not an active user of this server`));
  const team = actorToken(actor).team;
  if (owner && team !== null) {
    const inTeam = await deps.ctx.db.query<{ shares: boolean }>(
      `SELECT ${sharesTeamSql('$1', '$2')} AS shares`,
      [actor.viewer.id, owner.id],
    );
    if (inTeam[0]?.shares !== true) errors.push(recordError(1, 'ownerEmail', `“${ownerEmail}” is not in the token's team ${team}`));
  }
  if (!checked.ok || errors.length > 0 || !owner) throw new ApiFailure(400, 'invalid_record', errors[0]?.message ?? 'invalid partner', { errors });
  let n = 0;
  // The owner is who pushes: a new partner is owned by and shared with the owner's team, as when they create it in the app.
  const ownerViewer = { id: owner.id, email: owner.email, role: owner.role };
  // The journey comes from the program's published templates the owner's laptop has (the built-in seeds where none is), as the app's CSV import does.
  const templates = (await visibleDocs(deps.ctx.db, ownerViewer, 'templates'))
    .map((doc) => doc.data as unknown as StoredTemplate)
    .filter((template) => template.kind === 'journey');
  const built = buildImportedPartners([{ row: 1, value: checked.value }], { now: nowIso(deps), newId: () => (n++ === 0 ? id : `${id.slice(0, 52)}-t${n - 1}`), templates });
  const partner = { ...(built.partners[0] as Partner), updatedBy: actor.author };
  const tasks: Task[] = built.tasks.map((task) => ({ ...task, updatedBy: actor.author }));
  const writes: ApiWrite[] = [
    { collection: 'partners', id, data: partner as unknown as Record<string, unknown>, baseSeq: already?.seq ?? null },
    ...tasks.map((task) => ({ collection: 'tasks' as const, id: task.id, data: task as unknown as Record<string, unknown>, baseSeq: null })),
  ];
  const outcome = await writeDocuments(deps.ctx.db, deps.ctx.now, ownerViewer, writes);
  const results = throwForOutcome(outcome);
  if (results[0]?.status !== 'accepted') throw new ApiFailure(409, 'conflict', 'the partner was created by another request at the same time; send it again');
  const stored = (await storedDocs(deps.ctx.db, 'partners', [id])).get(id);
  return { status: 201, body: { partner: stored?.data ?? partner, created: true, tasks: tasks.length } };
}

// ---------------------------------------------------------------------------------------------
// The route table

const partnerIdParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } };
const externalIdParams = { type: 'object', required: ['externalId'], properties: { externalId: { type: 'string', minLength: 1, maxLength: 200 } } };
const ndjsonBody = { type: 'string', description: `NDJSON: one JSON object per line, at most ${BULK_RECORDS_MAX} records` };

type BulkRouteSpec<T> = Pick<ApiRoute, 'url' | 'operationId' | 'tag' | 'summary' | 'description' | 'scope'> & {
  /** Checks the records like CSV rows against the caller's partners (`numbers`: each record's line). */
  check: (records: unknown[], partners: PartnerRef[], numbers: readonly number[]) => { valid: CheckedRecord<T>[]; errors: RecordError[] };
  /** Stores the valid records in one transaction. */
  store: (deps: ApiDeps, actor: ApiActor, valid: CheckedRecord<T>[]) => Promise<{ stored: Stored[]; errors: RecordError[] }>;
};

/**
 * An NDJSON bulk route: every line is read, checked and the valid records stored in one
 * transaction; the answer counts them and lists, by record number, the lines that were not
 * (unreadable, invalid or refused by the store).
 */
function bulkRoute<T>({ check, store, ...route }: BulkRouteSpec<T>): ApiRoute {
  return {
    method: 'POST',
    ...route,
    body: ndjsonBody,
    bodyContentType: 'application/x-ndjson',
    idempotent: true,
    responses: { 200: { description: 'per-record results', schema: ref('BulkResult') } },
    errors: [400, 413, 415, 422],
    handler: async (deps, call) => {
      const read = readNdjson(call.body);
      const checked = check(read.records, await partnersOf(deps, call.actor), read.numbers);
      const result = await store(deps, call.actor, checked.valid);
      return bulkAnswer(read.records.length + read.errors.length, result.stored, [...read.errors, ...checked.errors, ...result.errors]);
    },
  };
}

const single = <T>(result: { valid: CheckedRecord<T>[]; errors: RecordError[] }): CheckedRecord<T> => {
  if (result.errors.length > 0 || !result.valid[0]) throw new ApiFailure(400, 'invalid_record', result.errors[0]?.message ?? 'invalid record', { errors: result.errors });
  return result.valid[0];
};

export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    url: `${API_V1}/partners`,
    operationId: 'listPartners',
    tag: 'partners',
    summary: 'The partners the token may see, by name, a page at a time',
    description: 'Pages of `limit` partners sorted by name; pass the answer\'s `next` as `cursor` for the following page (`next` is null on the last one). The cursor is opaque.',
    scope: 'read',
    querystring: {
      type: 'object',
      properties: {
        limit: { type: 'integer', minimum: 1, maximum: PARTNERS_PAGE_MAX, description: `partners per page (default ${PARTNERS_PAGE_DEFAULT})` },
        cursor: { type: 'string', minLength: 1, maxLength: 2000, description: 'the `next` of the previous page' },
      },
    },
    responses: {
      200: {
        description: 'one page of partners, by name',
        schema: {
          type: 'object',
          required: ['partners', 'next'],
          properties: { partners: { type: 'array', items: ref('Partner') }, next: { type: ['string', 'null'], description: 'cursor of the next page; null: this is the last page' } },
        },
      },
    },
    errors: [400],
    handler: async (deps, call) => {
      const partners = (await visibleDocs(deps.ctx.db, call.actor.viewer, 'partners')).map((doc) => doc.data as unknown as Partner);
      const limit = call.query.limit === undefined ? PARTNERS_PAGE_DEFAULT : Number(call.query.limit);
      const { page, next } = pageOf(partners, (partner) => ({ key: partnerNameKey(partner.name), id: partner.id }), limit, call.query.cursor);
      return { status: 200, body: { partners: page, next } };
    },
  },
  {
    method: 'GET',
    url: `${API_V1}/partners/:id`,
    operationId: 'getPartner',
    tag: 'partners',
    summary: 'One partner',
    scope: 'read',
    params: partnerIdParams,
    responses: { 200: { description: 'the partner', schema: { type: 'object', required: ['partner'], properties: { partner: ref('Partner') } } } },
    errors: [404],
    handler: async (deps, call) => {
      const found = (await visibleDocs(deps.ctx.db, call.actor.viewer, 'partners')).find((doc) => doc.id === call.params.id);
      if (!found) throw new ApiFailure(404, 'not_found', `no partner ${JSON.stringify(call.params.id)} visible to this token`);
      return { status: 200, body: { partner: found.data } };
    },
  },
  {
    method: 'POST',
    url: `${API_V1}/partners`,
    operationId: 'createPartner',
    tag: 'partners',
    summary: 'Create a partner; its onboarding journey is generated by the server',
    description: 'Checked like the app\'s partner form (name unique in the portfolio, Day 0, type …); the journey tasks come from the program\'s published journey template for its type and maturity (the built-in one where none is published), as in the app\'s CSV import. With `externalId` (or an `Idempotency-Key`) a replay answers the existing partner (200).',
    scope: 'partners:write',
    body: partnerCreateBody,
    idempotent: true,
    responses: {
      201: { description: 'created', schema: { type: 'object', properties: { partner: ref('Partner'), created: { type: 'boolean' }, tasks: { type: 'integer' } } } },
      200: { description: 'already created (same externalId)', schema: { type: 'object', properties: { partner: ref('Partner'), created: { type: 'boolean' } } } },
    },
    errors: [400, 409, 422],
    handler: (deps, call) => createPartner(deps, call.actor, call.body as Record<string, string | undefined>, call.idempotencyKey),
  },
  {
    method: 'GET',
    url: `${API_V1}/deals/:externalId`,
    operationId: 'getDeal',
    tag: 'deals',
    summary: 'A deal by its external id',
    scope: 'read',
    params: externalIdParams,
    responses: { 200: { description: 'the deal', schema: { type: 'object', required: ['deal'], properties: { externalId: { type: 'string' }, deal: ref('Deal') } } } },
    errors: [404],
    handler: async (deps, call) => {
      const id = externalDocId('deals', call.params.externalId as string);
      const stored = (await storedDocs(deps.ctx.db, 'deals', [id])).get(id);
      const visible = stored && !stored.deleted ? (await partnersOf(deps, call.actor)).some((partner) => partner.id === stored.data.partnerId) : false;
      if (!stored || !visible) throw new ApiFailure(404, 'not_found', `no deal with external id ${JSON.stringify(call.params.externalId)} visible to this token`);
      return { status: 200, body: { externalId: call.params.externalId, deal: stored.data } };
    },
  },
  {
    method: 'PUT',
    url: `${API_V1}/deals/:externalId`,
    operationId: 'putDeal',
    tag: 'deals',
    summary: 'Register or update a deal by its external id (e.g. the CRM opportunity id)',
    description: 'Checked exactly like a deals.csv row. Sending the same state again changes nothing (`unchanged`).',
    scope: 'deals:write',
    params: externalIdParams,
    body: { type: 'object', required: ['partner', 'account', 'amount', 'currency', 'stage', 'registeredOn', 'source'], properties: dealFields },
    idempotent: true,
    responses: {
      201: { description: 'created', schema: ref('RecordResult') },
      200: { description: 'updated or unchanged', schema: ref('RecordResult') },
    },
    errors: [400, 409, 422],
    handler: async (deps, call) => {
      const entry = single(validateDeals([{ ...(call.body as object), externalId: call.params.externalId }], await partnersOf(deps, call.actor)));
      const result = await storeDeals(deps, call.actor, [entry]);
      if (result.errors[0]) throw new ApiFailure(409, 'conflict', result.errors[0].message);
      const stored = result.stored[0] as Stored;
      return { status: stored.status === 'created' ? 201 : 200, body: { record: 1, externalId: stored.externalId, id: stored.id, status: stored.status, deal: stored.document } };
    },
  },
  bulkRoute({
    url: `${API_V1}/deals/bulk`,
    operationId: 'bulkDeals',
    tag: 'deals',
    summary: 'Register or update many deals (NDJSON, each with its externalId)',
    description: 'Valid records are stored in one transaction; invalid ones are not, and are answered in `errors` (record number, field, message) with the words of the CSV import.',
    scope: 'deals:write',
    check: validateDeals,
    store: storeDeals,
  }),
  {
    method: 'POST',
    url: `${API_V1}/trainings/completions`,
    operationId: 'completeTraining',
    tag: 'trainings',
    summary: 'Report a course completion (course + learner email + partner)',
    description: "Completes the partner's training of that course and person (matched ignoring case), or records a new completed one. Checked like a trainings.csv row.",
    scope: 'trainings:write',
    body: { type: 'object', required: ['partner', 'person', 'course', 'completedOn'], properties: trainingFields },
    idempotent: true,
    responses: { 201: { description: 'recorded', schema: ref('RecordResult') }, 200: { description: 'updated or unchanged', schema: ref('RecordResult') } },
    errors: [400, 409, 422],
    handler: async (deps, call) => {
      const entry = single(validateTrainings([call.body], await partnersOf(deps, call.actor)));
      const result = await storeTrainings(deps, call.actor, [entry]);
      if (result.errors[0]) throw new ApiFailure(409, 'conflict', result.errors[0].message);
      const stored = result.stored[0] as Stored;
      return { status: stored.status === 'created' ? 201 : 200, body: { record: 1, externalId: null, id: stored.id, status: stored.status, training: stored.document } };
    },
  },
  bulkRoute({
    url: `${API_V1}/trainings/completions/bulk`,
    operationId: 'bulkCompleteTrainings',
    tag: 'trainings',
    summary: 'Report many course completions (NDJSON)',
    scope: 'trainings:write',
    check: validateTrainings,
    store: storeTrainings,
  }),
  {
    method: 'POST',
    url: `${API_V1}/surveys`,
    operationId: 'createSurvey',
    tag: 'surveys',
    summary: 'Record a PSAT response',
    description: 'Checked like a surveys.csv row; the journey phase is the one the partner was in on `takenOn`. Idempotent by `externalId` or `Idempotency-Key`.',
    scope: 'surveys:write',
    body: { type: 'object', required: ['partner', 'score', 'takenOn'], properties: { externalId: externalIdField, ...surveyFields } },
    idempotent: true,
    responses: { 201: { description: 'recorded', schema: ref('RecordResult') }, 200: { description: 'updated or unchanged', schema: ref('RecordResult') } },
    errors: [400, 409, 422],
    handler: async (deps, call) => {
      const entry = single(validateRecords([call.body], SURVEY_FIELD_MAP, validateSurveysCsv, await partnersOf(deps, call.actor), { externalId: 'optional' }));
      const result = await storeSurveys(deps, call.actor, [entry], call.idempotencyKey);
      if (result.errors[0]) throw new ApiFailure(409, 'conflict', result.errors[0].message);
      const stored = result.stored[0] as Stored;
      return { status: stored.status === 'created' ? 201 : 200, body: { record: 1, externalId: stored.externalId, id: stored.id, status: stored.status, survey: stored.document } };
    },
  },
  {
    method: 'GET',
    url: `${API_V1}/kpis`,
    operationId: 'getKpis',
    tag: 'kpis',
    summary: 'Program KPIs as of a date (the dashboard and report CLI code), over the partners the token may see',
    scope: 'read',
    querystring: { type: 'object', properties: { asOf: { ...date, description: 'default: today (UTC)' } } },
    responses: { 200: { description: 'the KPIs', schema: { type: 'object', required: ['asOf', 'partners', 'kpis'], properties: { asOf: { type: 'string' }, partners: { type: 'integer' }, kpis: { type: 'object' } } } } },
    errors: [400],
    handler: async (deps, call) => {
      const asOf = call.query.asOf ?? deps.ctx.now().toISOString().slice(0, 10);
      if (!isRealIsoDate(asOf)) throw new ApiFailure(400, 'bad_request', `asOf must be a real date as YYYY-MM-DD (got “${asOf.slice(0, 40)}”)`);
      const load = async <T>(collection: 'partners' | 'tasks' | 'deals' | 'trainings' | 'surveys') => (await visibleDocs(deps.ctx.db, call.actor.viewer, collection)).map((doc) => doc.data as unknown as T);
      const data = { partners: await load<Partner>('partners'), tasks: await load<Task>('tasks'), deals: await load<Deal>('deals'), trainings: await load<Training>('trainings'), surveys: await load<Survey>('surveys') };
      return { status: 200, body: { asOf, partners: data.partners.length, kpis: programKpis(data, asOf) } };
    },
  },
  {
    method: 'GET',
    url: `${API_V1}/webhooks`,
    operationId: 'listWebhooks',
    tag: 'webhooks',
    summary: 'Webhook subscriptions, oldest first',
    scope: 'webhooks:admin',
    querystring: { type: 'object', properties: { includeRemoved: { type: 'boolean', description: 'also the removed subscriptions (`active: false`); default false' } } },
    responses: { 200: { description: 'subscriptions', schema: { type: 'object', required: ['webhooks'], properties: { webhooks: { type: 'array', items: ref('WebhookSubscription') } } } } },
    errors: [400],
    handler: async (deps, call) => ({ status: 200, body: { webhooks: await deps.webhooks.list({ includeRemoved: String(call.query.includeRemoved) === 'true' }) } }),
  },
  {
    method: 'POST',
    url: `${API_V1}/webhooks`,
    operationId: 'createWebhook',
    tag: 'webhooks',
    summary: 'Subscribe a URL to events; the signing secret is answered only here',
    scope: 'webhooks:admin',
    body: {
      type: 'object',
      required: ['url', 'events'],
      properties: { url: { type: 'string', maxLength: 2000 }, events: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 20 }, secret: { type: 'string', minLength: 16, maxLength: 200 } },
    },
    responses: { 201: { description: 'subscribed', schema: ref('WebhookSubscription') } },
    errors: [400],
    handler: async (deps, call) => {
      const body = call.body as { url: string; events: string[]; secret?: string };
      try {
        return { status: 201, body: await deps.webhooks.add(body) };
      } catch (error) {
        if (error instanceof WebhookInputError) throw new ApiFailure(400, 'bad_request', error.message, { field: error.field });
        if (error instanceof AdminInputError) throw new ApiFailure(400, 'bad_request', error.message);
        throw error;
      }
    },
  },
  {
    method: 'GET',
    url: `${API_V1}/webhooks/deliveries`,
    operationId: 'listWebhookDeliveries',
    tag: 'webhooks',
    summary: 'The delivery log, newest first: status, attempts and the status code of each attempt',
    scope: 'webhooks:admin',
    querystring: { type: 'object', properties: { eventId: { type: 'string', maxLength: 64 }, limit: { type: 'integer', minimum: 1, maximum: 500, description: 'default 100' } } },
    responses: { 200: { description: 'deliveries', schema: { type: 'object', required: ['deliveries'], properties: { deliveries: { type: 'array', items: ref('WebhookDelivery') } } } } },
    errors: [400],
    handler: async (deps, call) => {
      const limit = call.query.limit === undefined ? undefined : Number(call.query.limit);
      return { status: 200, body: { deliveries: await deps.webhooks.deliveries({ ...(call.query.eventId ? { eventId: call.query.eventId } : {}), ...(limit ? { limit } : {}) }) } };
    },
  },
  {
    method: 'POST',
    url: `${API_V1}/webhooks/deliveries/:id/redeliver`,
    operationId: 'redeliverWebhook',
    tag: 'webhooks',
    summary: 'Send a delivery again (a fresh 24 h of retries)',
    scope: 'webhooks:admin',
    params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
    responses: { 200: { description: 'queued', schema: { type: 'object', required: ['queued'], properties: { queued: { type: 'string' } } } } },
    errors: [404],
    handler: async (deps, call) => {
      try {
        await deps.webhooks.redeliver(call.params.id as string);
      } catch (error) {
        if (error instanceof AdminInputError) throw new ApiFailure(404, 'not_found', error.message);
        throw error;
      }
      return { status: 200, body: { queued: call.params.id } };
    },
  },
  {
    method: 'DELETE',
    url: `${API_V1}/webhooks/:id`,
    operationId: 'deleteWebhook',
    tag: 'webhooks',
    summary: 'Remove a subscription (pending deliveries are dropped)',
    scope: 'webhooks:admin',
    params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
    responses: { 200: { description: 'removed', schema: { type: 'object', properties: { removed: { type: 'string' } } } } },
    errors: [404],
    handler: async (deps, call) => {
      try {
        await deps.webhooks.remove(call.params.id as string);
      } catch (error) {
        if (error instanceof AdminInputError) throw new ApiFailure(404, 'not_found', error.message);
        throw error;
      }
      return { status: 200, body: { removed: call.params.id } };
    },
  },
];

export const IDEMPOTENCY_HASH = (method: string, url: string, body: unknown) => createHash('sha256').update(`${method} ${url}\n${typeof body === 'string' ? body : JSON.stringify(body ?? null)}`).digest('hex');
