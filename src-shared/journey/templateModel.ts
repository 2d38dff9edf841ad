import { z } from 'zod';
import { JOURNEY_TEMPLATES, type JourneyTemplate } from '../domain/journeyTemplates';
import {
  OWNER_SIDES,
  PHASES,
  TASK_CATEGORIES,
  type Maturity,
  type OwnerSide,
  type PartnerType,
  type Phase,
  type TaskCategory,
} from '../domain/types';

/**
 * Which partners a step is for. `only`: the step is included only for partners matching every
 * non-empty list (region and tier, compared without case); `except`: it is skipped for them.
 * Empty lists match every partner.
 */
export type StepCondition = {
  when: 'only' | 'except';
  regions: string[];
  tiers: string[];
};

/** One step of a journey template a program lead edits; `dueOffset` is in days after Day 0. */
export type JourneyStep = {
  key: string;
  phase: Phase;
  category: TaskCategory;
  title: string;
  guidance: string;
  dueOffset: number;
  ownerSide: OwnerSide;
  required: boolean;
  /** Ids of library resources the step links (shown on its task only). */
  resourceIds: string[];
  /** Keys of the steps that must be finished first. */
  dependsOn: string[];
  condition?: StepCondition;
};

/**
 * The content of a journey template document (`templates` collection, kind `journey`, in `data`).
 * One document per version: `templateKey` names the journey (the built-in ids, e.g. `isv-new`,
 * are the keys of the seeds), `version` counts from 1, and a version is read-only once published.
 */
export type JourneyTemplateData = {
  templateKey: string;
  version: number;
  published: boolean;
  publishedAt?: string;
  steps: JourneyStep[];
};

/** A journey template version with its name and audience: a document's fields, or a seed. */
export type JourneyTemplateVersion = JourneyTemplateData & {
  /** Id of the template document; absent for a built-in seed not yet copied into the store. */
  docId?: string;
  name: string;
  partnerType: PartnerType;
  maturity: Maturity;
};

const text = (max: number) => z.string().max(max);

const conditionSchema = z.object({
  when: z.enum(['only', 'except']),
  regions: z.array(text(80)).max(50),
  tiers: z.array(text(40)).max(50),
});

const stepSchema = z.object({
  key: text(80),
  phase: z.enum(PHASES),
  category: z.enum(TASK_CATEGORIES),
  title: text(300),
  guidance: text(2000),
  dueOffset: z.number().int().min(-3650).max(3650),
  ownerSide: z.enum(OWNER_SIDES),
  required: z.boolean(),
  resourceIds: z.array(text(80)).max(50).default([]),
  dependsOn: z.array(text(80)).max(100).default([]),
  condition: conditionSchema.optional(),
});

/** The shape a journey template document's `data` must have (zod; defaults fill older data). */
export const journeyTemplateDataSchema = z.object({
  templateKey: text(80).min(1),
  version: z.number().int().min(1).max(100000),
  published: z.boolean(),
  publishedAt: z.string().max(40).optional(),
  steps: z.array(stepSchema).max(500),
});

/**
 * Reads a template document's `data`, or explains why it cannot be used ("steps.3.phase: …").
 * Tolerant of steps written before `resourceIds`/`dependsOn` existed.
 */
export function parseJourneyTemplateData(data: unknown): { ok: true; value: JourneyTemplateData } | { ok: false; error: string } {
  const result = journeyTemplateDataSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data as JourneyTemplateData };
  const first = result.error.issues[0];
  return { ok: false, error: first ? `${first.path.join('.') || 'data'}: ${first.message}` : 'The template data is not valid.' };
}

/** The document fields a journey template version is stored with. */
export type JourneyTemplateDocFields = {
  kind: 'journey';
  name: string;
  partnerType: PartnerType;
  maturity: Maturity;
  data: JourneyTemplateData;
};

/** A stored template document as the template rules read it (a subset of `Template`). */
export type StoredTemplate = {
  id: string;
  kind: string;
  name: string;
  partnerType?: PartnerType;
  maturity?: Maturity;
  data: Record<string, unknown>;
};

/** Turns a built-in journey into version 1 of its template: the seed a program lead copies. */
export function seedFromBuiltIn(template: JourneyTemplate): JourneyTemplateVersion {
  return {
    templateKey: template.id,
    version: 1,
    published: true,
    name: template.name,
    partnerType: template.partnerType,
    maturity: template.maturity,
    steps: template.tasks.map((t) => ({ ...t, resourceIds: [], dependsOn: [] })),
  };
}

/** The seeds: the built-in journeys as published version 1 of each template, one per type × maturity. */
export const JOURNEY_SEEDS: readonly JourneyTemplateVersion[] = JOURNEY_TEMPLATES.map(seedFromBuiltIn);

/** The stored journey template versions that can be read; documents with broken data are left out. */
export function readTemplateVersions(docs: readonly StoredTemplate[]): JourneyTemplateVersion[] {
  const versions: JourneyTemplateVersion[] = [];
  for (const doc of docs) {
    if (doc.kind !== 'journey' || !doc.partnerType || !doc.maturity) continue;
    const parsed = parseJourneyTemplateData(doc.data);
    if (!parsed.ok) continue;
    versions.push({ ...parsed.value, docId: doc.id, name: doc.name, partnerType: doc.partnerType, maturity: doc.maturity });
  }
  return versions;
}

/** Every version of each template key, newest first; a key without documents has its seed. */
export function templateHistory(docs: readonly StoredTemplate[]): Map<string, JourneyTemplateVersion[]> {
  const byKey = new Map<string, JourneyTemplateVersion[]>();
  for (const version of readTemplateVersions(docs)) byKey.set(version.templateKey, [...(byKey.get(version.templateKey) ?? []), version]);
  // A seed is version 1 of its key until a stored version 1 (its editable copy) replaces it.
  for (const seed of JOURNEY_SEEDS) {
    const list = byKey.get(seed.templateKey) ?? [];
    if (!list.some((v) => v.version === 1)) byKey.set(seed.templateKey, [...list, seed]);
  }
  for (const list of byKey.values()) list.sort((a, b) => b.version - a.version || (a.published === b.published ? 0 : a.published ? 1 : -1));
  return byKey;
}

/**
 * The seeds not stored yet as program documents: what "Publish the built-in templates" writes,
 * as published version 1 of their keys. A key that already has a stored version 1 (published
 * by an admin of the team, synced here) is left out, so the seeds become documents once per
 * team, not once per laptop.
 */
export function seedsNotStored(docs: readonly StoredTemplate[]): JourneyTemplateVersion[] {
  const stored = new Set(readTemplateVersions(docs).filter((v) => v.version === 1).map((v) => v.templateKey));
  return JOURNEY_SEEDS.filter((seed) => !stored.has(seed.templateKey));
}

/** The newest published version of a template key (the seed when nothing is stored). */
export function latestPublished(history: Map<string, JourneyTemplateVersion[]>, templateKey: string): JourneyTemplateVersion | undefined {
  return history.get(templateKey)?.find((v) => v.published);
}

/** The draft being edited for a template key, if any (the newest unpublished version). */
export function currentDraft(history: Map<string, JourneyTemplateVersion[]>, templateKey: string): JourneyTemplateVersion | undefined {
  const list = history.get(templateKey) ?? [];
  const draft = list.find((v) => !v.published);
  const published = latestPublished(history, templateKey);
  return draft && (!published || draft.version > published.version) ? draft : undefined;
}

/**
 * The journey a new partner of this type and maturity gets: the newest published version of the
 * template for the pair (a program lead's copy wins over the seed), falling back to the seed.
 */
export function publishedTemplateFor(docs: readonly StoredTemplate[], type: PartnerType, maturity: Maturity): JourneyTemplateVersion {
  const history = templateHistory(docs);
  const candidates = [...history.values()]
    .map((list) => list.find((v) => v.published))
    .filter((v): v is JourneyTemplateVersion => !!v && v.partnerType === type && v.maturity === maturity);
  const seedKey = `${type}-${maturity}`;
  const found = candidates.find((v) => v.templateKey === seedKey) ?? candidates[0];
  if (found) return found;
  const seed = JOURNEY_SEEDS.find((s) => s.templateKey === seedKey);
  if (!seed) throw new Error(`No journey template for ${type}/${maturity}`);
  return seed;
}
