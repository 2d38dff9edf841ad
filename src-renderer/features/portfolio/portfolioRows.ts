import { z } from 'zod';
import type { HealthBand } from '../../../src-shared/domain/health';
import { PARTNER_STATUS_LABELS } from '../../../src-shared/domain/labels';
import { PARTNER_STATUSES, PARTNER_TYPES, PHASES, type PartnerStatus, type PartnerType, type Phase } from '../../../src-shared/domain/types';
import { ownerLabelFor, ownerNames } from '../../../src-shared/domain/partnerSearch';
import { matchingPartnerIds } from '../../../src-shared/search/searchIndex';
import type { TierMoveFilter } from '../../../src-shared/tiers/tierPortfolio';
import type { PartnerRow } from '../../app/usePortfolioOverview';

export type PortfolioSortKey = 'name' | 'type' | 'tier' | 'owner' | 'phase' | 'day' | 'progress' | 'health';
export type PortfolioSort = { key: PortfolioSortKey; direction: 'asc' | 'desc' };

export type PortfolioFilter = {
  query: string;
  phases: Phase[];
  types: PartnerType[];
  bands: HealthBand[];
  /** Statuses shown; empty means every current status (churned partners hidden). */
  statuses: PartnerStatus[];
  /** Only partners the person using the app owns. */
  mine: boolean;
  /** Only partners whose tier recommendation (a promotion or a demotion) awaits a decision. */
  tierMove?: TierMoveFilter;
};

/** What the table is filtered by for whom: the signed-in (or local) user's email, and owner names. */
export type PortfolioContext = {
  /** The user's email, for "My partners". */
  me: string;
  /** The owner as shown in the Owner column (and sorted by). */
  ownerLabel: (email: string) => string;
  /** The partner's tier move awaiting a decision, if any (src-shared/tiers), for the tier filter. */
  tierMoveOf?: (partnerId: string) => TierMoveFilter | undefined;
  /**
   * The partners a search query finds (src-shared/search: the live index), or null for a blank
   * query. Without it the rows are searched by the same rule with an index built for the call.
   */
  search?: (query: string) => ReadonlySet<string> | null;
};

/** Partners that still need a manager's attention: every status but churned. */
export const CURRENT_STATUSES: readonly PartnerStatus[] = PARTNER_STATUSES.filter((status) => status !== 'churned');

/** No filter at all apart from the default status rule (churned hidden). */
export const EMPTY_FILTER: PortfolioFilter = { query: '', phases: [], types: [], bands: [], statuses: [], mine: false };

const HEALTH_BANDS = ['red', 'yellow', 'green'] as const satisfies readonly HealthBand[];

export const DEFAULT_SORT: PortfolioSort = { key: 'health', direction: 'asc' };

const TIER_RANK: Record<string, number> = { registered: 1, silver: 2, gold: 3, platinum: 4 };

const normalise = (email: string | undefined): string => (email ?? '').trim().toLowerCase();

const DEFAULT_CONTEXT: PortfolioContext = { me: '', ownerLabel: (email) => email };

function compare(a: PartnerRow, b: PartnerRow, key: PortfolioSortKey, ownerLabel: (email: string) => string): number {
  switch (key) {
    case 'name':
      return a.partner.name.localeCompare(b.partner.name);
    case 'type':
      return a.partner.type.localeCompare(b.partner.type);
    case 'tier':
      return (TIER_RANK[a.partner.tier.toLowerCase()] ?? 0) - (TIER_RANK[b.partner.tier.toLowerCase()] ?? 0);
    case 'owner':
      return ownerLabel(a.partner.ownerEmail).localeCompare(ownerLabel(b.partner.ownerEmail));
    case 'phase':
      return PHASES.indexOf(a.journey.phase) - PHASES.indexOf(b.journey.phase);
    case 'day':
      return a.journey.day - b.journey.day;
    case 'progress':
      return a.journey.progress - b.journey.progress;
    case 'health':
      return a.health.score - b.health.score;
  }
}

/** The statuses a filter shows: the chosen ones, or every current status when none is chosen. */
export function shownStatuses(filter: PortfolioFilter): readonly PartnerStatus[] {
  return filter.statuses.length > 0 ? filter.statuses : CURRENT_STATUSES;
}

/** Every rule but the status one: search words (all must match, src-shared/search), phase, type, health, owner. */
function matchesExceptStatus(row: PartnerRow, filter: PortfolioFilter, found: ReadonlySet<string> | null, context: PortfolioContext): boolean {
  return (
    (filter.phases.length === 0 || filter.phases.includes(row.journey.phase)) &&
    (filter.types.length === 0 || filter.types.includes(row.partner.type)) &&
    (filter.bands.length === 0 || filter.bands.includes(row.health.band)) &&
    (!filter.mine || normalise(row.partner.ownerEmail) === normalise(context.me)) &&
    (!filter.tierMove || context.tierMoveOf?.(row.partner.id) === filter.tierMove) &&
    (found === null || found.has(row.partner.id))
  );
}

/** The partners the query finds (null: no query), from the live index when the context has one. */
function searchFound(rows: PartnerRow[], filter: PortfolioFilter, context: PortfolioContext): ReadonlySet<string> | null {
  if (context.search) return context.search(filter.query);
  return matchingPartnerIds(rows.map((row) => row.partner), filter.query, context.ownerLabel);
}

/**
 * The portfolio table's rows: search words (all must match), filters, then a stable sort. Sorted
 * by health, churned partners come after every active one either way round: they need no attention.
 */
export function portfolioRows(rows: PartnerRow[], filter: PortfolioFilter, sort: PortfolioSort, context: PortfolioContext = DEFAULT_CONTEXT): PartnerRow[] {
  const found = searchFound(rows, filter, context);
  const statuses = shownStatuses(filter);
  const filtered = rows.filter((row) => statuses.includes(row.partner.status) && matchesExceptStatus(row, filter, found, context));
  const sign = sort.direction === 'asc' ? 1 : -1;
  const churnedLast = (a: PartnerRow, b: PartnerRow) =>
    sort.key === 'health' ? Number(a.partner.status === 'churned') - Number(b.partner.status === 'churned') : 0;
  return filtered.sort((a, b) => churnedLast(a, b) || sign * compare(a, b, sort.key, context.ownerLabel) || a.partner.name.localeCompare(b.partner.name));
}

export type HiddenByStatus = { status: PartnerStatus; count: number }[];

/** Partners that match every other filter but are left out by the status filter, per status. */
export function hiddenByStatus(rows: PartnerRow[], filter: PortfolioFilter, context: PortfolioContext = DEFAULT_CONTEXT): HiddenByStatus {
  const found = searchFound(rows, filter, context);
  const statuses = shownStatuses(filter);
  const counts = new Map<PartnerStatus, number>();
  for (const row of rows) {
    if (statuses.includes(row.partner.status) || !matchesExceptStatus(row, filter, found, context)) continue;
    counts.set(row.partner.status, (counts.get(row.partner.status) ?? 0) + 1);
  }
  return PARTNER_STATUSES.flatMap((status) => {
    const count = counts.get(status);
    return count ? [{ status, count }] : [];
  });
}

/** "8 churned hidden", "8 churned and 2 at risk hidden", or '' when nothing is hidden. */
export function hiddenText(hidden: HiddenByStatus): string {
  if (hidden.length === 0) return '';
  const parts = hidden.map(({ status, count }) => `${count} ${PARTNER_STATUS_LABELS[status].toLowerCase()}`);
  const last = parts.pop();
  return `${parts.length ? `${parts.join(', ')} and ${last}` : last} hidden`;
}

/** Sort keys computed from tasks, meetings and deals (not the partner), unknown while those load. */
export const SORTS_FROM_RECORDS: ReadonlySet<PortfolioSortKey> = new Set(['progress', 'health']);

/**
 * What the table applies while the records are still loading: a sort by health or journey falls
 * back to name order, and the health and tier-move filters are left out, so the partners are
 * never ordered or filtered by figures not yet known. Once loaded, the user's choice as is.
 */
export function whileRecordsLoad(filter: PortfolioFilter, sort: PortfolioSort, loading: boolean): { filter: PortfolioFilter; sort: PortfolioSort } {
  if (!loading) return { filter, sort };
  return { filter: { ...filter, bands: [], tierMove: undefined }, sort: SORTS_FROM_RECORDS.has(sort.key) ? { key: 'name', direction: 'asc' } : sort };
}

/** True when anything narrows the table beyond the default (churned hidden). */
export function isFiltered(filter: PortfolioFilter): boolean {
  return filter.query.trim() !== '' || filter.mine || filter.tierMove !== undefined || filter.phases.length + filter.types.length + filter.bands.length + filter.statuses.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Owners

export { ownerLabelFor, ownerNames };

// ---------------------------------------------------------------------------------------------
// Saved views

/** A named set of filters and sort, kept on this laptop. */
export type SavedView = { id: string; name: string; filter: PortfolioFilter; sort: PortfolioSort };

export const VIEW_NAME_MAX = 60;

const filterSchema = z.object({
  query: z.string().catch(''),
  phases: z.array(z.enum(PHASES)).catch([]),
  types: z.array(z.enum(PARTNER_TYPES)).catch([]),
  bands: z.array(z.enum(HEALTH_BANDS)).catch([]),
  statuses: z.array(z.enum(PARTNER_STATUSES)).catch([]),
  mine: z.boolean().catch(false),
  tierMove: z.enum(['promote', 'demote']).optional().catch(undefined),
});
const sortSchema = z.object({
  key: z.enum(['name', 'type', 'tier', 'owner', 'phase', 'day', 'progress', 'health']),
  direction: z.enum(['asc', 'desc']),
});
const viewSchema = z.object({ id: z.string().min(1), name: z.string().min(1), filter: filterSchema, sort: sortSchema.catch(DEFAULT_SORT) });

/**
 * The saved views from local storage: what an older or hand-edited entry holds is read as far as
 * it makes sense (unknown filter values dropped), and an entry that is not a view at all skipped.
 */
export function parseSavedViews(stored: unknown): SavedView[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = viewSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Why a view name cannot be used, or null: it must be non-blank, short, and not another view's. */
export function viewNameError(views: readonly SavedView[], name: string, exceptId?: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a name for the view';
  if (trimmed.length > VIEW_NAME_MAX) return `A view name has at most ${VIEW_NAME_MAX} characters (this one has ${trimmed.length})`;
  const taken = views.find((view) => view.id !== exceptId && view.name.toLowerCase() === trimmed.toLowerCase());
  return taken ? `A view called “${taken.name}” already exists` : null;
}

/** Adds a view (names are checked with viewNameError first). */
export function addView(views: readonly SavedView[], view: SavedView): SavedView[] {
  return [...views, { ...view, name: view.name.trim() }];
}

export function renameView(views: readonly SavedView[], id: string, name: string): SavedView[] {
  return views.map((view) => (view.id === id ? { ...view, name: name.trim() } : view));
}

export function deleteView(views: readonly SavedView[], id: string): SavedView[] {
  return views.filter((view) => view.id !== id);
}

/** The saved view the table shows right now, if its filters and sort are exactly a view's. */
export function activeView(views: readonly SavedView[], filter: PortfolioFilter, sort: PortfolioSort): SavedView | undefined {
  const key = JSON.stringify([viewFilterKey(filter), sort.key, sort.direction]);
  return views.find((view) => JSON.stringify([viewFilterKey(view.filter), view.sort.key, view.sort.direction]) === key);
}

function viewFilterKey(filter: PortfolioFilter): unknown[] {
  return [filter.query.trim(), [...filter.phases].sort(), [...filter.types].sort(), [...filter.bands].sort(), [...filter.statuses].sort(), filter.mine, filter.tierMove ?? null];
}
