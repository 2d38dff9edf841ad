import { z } from 'zod';
import {
  MAX_RESOURCE_FILE_BYTES,
  PARTNER_TYPES,
  PHASES,
  type PartnerType,
  type Phase,
  type Resource,
  type ResourceFileRef,
} from '../domain/types';

/**
 * The resource library's rules: which version of a resource is current (a replaced one never
 * is), who a resource is for, which resources a journey step shows, what the laptop keeps
 * cached, and what a valid resource looks like.
 */

/** The resource fields these rules read (a stored `Resource` or a form's value). */
export type ResourceFacts = Pick<Resource, 'id' | 'kind' | 'title' | 'audience' | 'phase' | 'version'> &
  Partial<Pick<Resource, 'url' | 'file' | 'replacedBy' | 'description'>>;

const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** True for a lowercase hex SHA-256 digest (the key of a file's content). */
export function isSha256Hex(value: string): boolean {
  return SHA256_PATTERN.test(value);
}

export function isReplaced(resource: Pick<Resource, 'replacedBy'>): boolean {
  return typeof resource.replacedBy === 'string' && resource.replacedBy !== '';
}

/**
 * The newest version of resource `id`: follows `replacedBy` to the end of the chain. Null when
 * the chain leads to a resource this laptop does not have (deleted, or not visible), or loops:
 * a replaced resource is never offered as current in its place.
 */
export function currentVersionOf<T extends Pick<Resource, 'id' | 'replacedBy'>>(byId: ReadonlyMap<string, T>, id: string): T | null {
  const seen = new Set<string>();
  let resource = byId.get(id);
  while (resource !== undefined) {
    if (seen.has(resource.id)) return null;
    seen.add(resource.id);
    if (!isReplaced(resource)) return resource;
    resource = byId.get(resource.replacedBy as string);
  }
  return null;
}

/** Whether a resource is meant for partners of `type`: an empty audience means every type. */
export function isForAudience(resource: Pick<Resource, 'audience'>, type: PartnerType): boolean {
  return resource.audience.length === 0 || resource.audience.includes(type);
}

export type LibraryFilter = {
  phase?: Phase | null;
  audience?: PartnerType | null;
  /** Also list replaced versions (shown as "replaced by …"). */
  includeReplaced?: boolean;
  /** Words that must all appear in the title or description (case-insensitive). */
  search?: string;
};

const phaseOrder = (phase: Phase) => PHASES.indexOf(phase);

/** The library list: filtered, by phase, then title, then newest version first. */
export function filterLibrary<T extends ResourceFacts>(resources: readonly T[], filter: LibraryFilter): T[] {
  const words = (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return resources
    .filter((resource) => filter.includeReplaced || !isReplaced(resource))
    .filter((resource) => !filter.phase || resource.phase === filter.phase)
    .filter((resource) => !filter.audience || isForAudience(resource, filter.audience))
    .filter((resource) => {
      const haystack = `${resource.title} ${resource.description ?? ''}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    })
    .sort((a, b) => phaseOrder(a.phase) - phaseOrder(b.phase) || a.title.localeCompare(b.title) || b.version - a.version);
}

/**
 * The resources a journey step (or the task made from it) shows: each linked id resolved to its
 * current version, kept only when it is for the partner's type, without duplicates, in the
 * step's order. Nothing else from the library: no firehose.
 */
export function resourcesForStep<T extends ResourceFacts>(resourceIds: readonly string[] | undefined, resources: readonly T[], partnerType: PartnerType): T[] {
  const byId = new Map(resources.map((resource) => [resource.id, resource]));
  const shown = new Map<string, T>();
  for (const id of resourceIds ?? []) {
    const current = currentVersionOf(byId, id);
    if (current && isForAudience(current, partnerType) && !shown.has(current.id)) shown.set(current.id, current);
  }
  return [...shown.values()];
}

/** The files the laptop keeps cached: every current file resource it has, once per content hash. */
export function filesToCache(resources: readonly ResourceFacts[]): ResourceFileRef[] {
  const bySha = new Map<string, ResourceFileRef>();
  for (const resource of resources) {
    if (resource.kind !== 'file' || isReplaced(resource) || !resource.file) continue;
    if (!bySha.has(resource.file.sha256)) bySha.set(resource.file.sha256, resource.file);
  }
  return [...bySha.values()];
}

/** "2.4 MB", "830 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const fileRefSchema = z.object({
  sha256: z.string().regex(SHA256_PATTERN, 'must be the SHA-256 of the file (64 lowercase hex digits)'),
  name: z.string().trim().min(1, 'the file needs a name').max(255),
  mime: z.string().max(200),
  size: z
    .number()
    .int()
    .min(0)
    .max(MAX_RESOURCE_FILE_BYTES, `the file is larger than ${formatBytes(MAX_RESOURCE_FILE_BYTES)}, the most the library stores`),
});

/** What an admin types or picks for a resource (the form's value). */
export const resourceInputSchema = z
  .object({
    kind: z.enum(['file', 'link']),
    title: z.string().trim().min(1, 'give the resource a title').max(200, 'the title is longer than 200 characters'),
    description: z.string().max(2000, 'the description is longer than 2000 characters').default(''),
    url: z.string().trim().max(2000).default(''),
    file: fileRefSchema.optional(),
    audience: z.array(z.enum(PARTNER_TYPES)).max(PARTNER_TYPES.length),
    phase: z.enum(PHASES),
    version: z.number().int().min(1, 'the version starts at 1').max(100000),
  })
  .superRefine((input, ctx) => {
    if (input.kind === 'link') {
      let ok = false;
      try {
        const parsed = new URL(input.url);
        ok = parsed.protocol === 'https:' || parsed.protocol === 'http:';
      } catch {
        ok = false;
      }
      if (!ok) ctx.addIssue({ code: 'custom', path: ['url'], message: 'enter a web address starting with https:// or http://' });
    }
    if (input.kind === 'file' && !input.file) ctx.addIssue({ code: 'custom', path: ['file'], message: 'choose the file to upload' });
  });

export type ResourceInput = z.input<typeof resourceInputSchema>;

/** Checks a resource form, or says which field is wrong and why ("url: enter a web address …"). */
export function validateResourceInput(input: unknown): { ok: true; value: z.output<typeof resourceInputSchema> } | { ok: false; field: string; error: string } {
  const result = resourceInputSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const first = result.error.issues[0];
  const field = first?.path.join('.') || 'resource';
  return { ok: false, field, error: `${field}: ${first?.message ?? 'not valid'}` };
}

/**
 * Why `id` cannot be marked replaced by `replacement`, or null when it can: the replacement must
 * exist, be another resource, be current itself, and not lead back to `id`.
 */
export function replacementProblem(resources: readonly Pick<Resource, 'id' | 'replacedBy' | 'title'>[], id: string, replacement: string): string | null {
  if (replacement === id) return 'a resource cannot replace itself';
  const byId = new Map(resources.map((resource) => [resource.id, resource]));
  const newer = byId.get(replacement);
  if (!newer) return `no resource with id ${JSON.stringify(replacement)} in the library`;
  if (isReplaced(newer)) return `“${newer.title}” is itself replaced: pick its newest version`;
  return null;
}
