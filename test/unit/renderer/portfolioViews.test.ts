import { describe, expect, it } from 'vitest';
import type { PartnerRow } from '../../../src-renderer/app/usePortfolioOverview';
import {
  activeView,
  addView,
  deleteView,
  EMPTY_FILTER,
  hiddenByStatus,
  hiddenText,
  isFiltered,
  ownerLabelFor,
  ownerNames,
  parseSavedViews,
  portfolioRows,
  renameView,
  viewNameError,
  type PortfolioContext,
  type PortfolioFilter,
  type SavedView,
} from '../../../src-renderer/features/portfolio/portfolioRows';
import type { PartnerStatus } from '../../../src-shared/domain/types';
import { portfolio } from './fixtures';

const ME = 'pat@vendor.example';
const BASE = portfolio();

/** The fixtures with a churned, an at-risk partner and two owned by a colleague. */
function rows(): PartnerRow[] {
  const set = (name: string, change: Partial<PartnerRow['partner']>) => {
    const row = BASE.find((r) => r.partner.name === name);
    if (!row) throw new Error(`no fixture ${name}`);
    return { ...row, partner: { ...row.partner, ...change } };
  };
  const changed = [
    set('Initech', { status: 'churned' }),
    set('Beta Resellers', { status: 'at_risk', ownerEmail: 'sam@vendor.example', team: [{ id: 't1', name: 'Sam Ortiz', email: 'Sam@Vendor.example', role: 'partner_manager' }] }),
    set('Acme Cloud', { ownerEmail: 'lee@vendor.example' }),
  ];
  const names = new Set(changed.map((r) => r.partner.name));
  return [...BASE.filter((r) => !names.has(r.partner.name)), ...changed];
}

const ROWS = rows();
const owners = ownerNames(ROWS.map((r) => r.partner), { email: ME, name: 'Pat Lee' });
const CONTEXT: PortfolioContext = { me: ME, ownerLabel: ownerLabelFor(owners) };
const BY_NAME = { key: 'name', direction: 'asc' } as const;
const names = (filter: Partial<PortfolioFilter>) => portfolioRows(ROWS, { ...EMPTY_FILTER, ...filter }, BY_NAME, CONTEXT).map((r) => r.partner.name);

describe('status filter', () => {
  it('hides churned partners by default and says how many it hides', () => {
    expect(names({})).not.toContain('Initech');
    expect(names({})).toHaveLength(ROWS.length - 1);
    const hidden = hiddenByStatus(ROWS, EMPTY_FILTER, CONTEXT);
    expect(hidden).toEqual([{ status: 'churned', count: 1 }]);
    expect(hiddenText(hidden)).toBe('1 churned hidden');
  });

  it('shows exactly the chosen statuses, churned included when chosen', () => {
    expect(names({ statuses: ['churned'] })).toEqual(['Initech']);
    expect(names({ statuses: ['at_risk', 'churned'] })).toEqual(['Beta Resellers', 'Initech']);
    const all: PartnerStatus[] = ['recruited', 'onboarding', 'active', 'at_risk', 'churned'];
    expect(names({ statuses: all })).toHaveLength(ROWS.length);
    expect(hiddenByStatus(ROWS, { ...EMPTY_FILTER, statuses: all }, CONTEXT)).toEqual([]);
  });

  it('counts as hidden only partners the other filters would show', () => {
    expect(hiddenByStatus(ROWS, { ...EMPTY_FILTER, query: 'beta' }, CONTEXT)).toEqual([]);
    expect(hiddenText(hiddenByStatus(ROWS, { ...EMPTY_FILTER, statuses: ['onboarding'] }, CONTEXT))).toBe('1 at risk and 1 churned hidden');
  });
});

describe('owners and My partners', () => {
  it('names an owner from the user profile or a team entry with that email (any case), else shows the email', () => {
    expect(CONTEXT.ownerLabel(ME)).toBe('Pat Lee');
    expect(CONTEXT.ownerLabel('sam@vendor.example')).toBe('Sam Ortiz');
    expect(CONTEXT.ownerLabel('lee@vendor.example')).toBe('lee@vendor.example');
    expect(CONTEXT.ownerLabel('')).toBe('No owner');
  });

  it('keeps only the user’s partners with My partners on, whatever the email case', () => {
    const mine = names({ mine: true });
    expect(mine).not.toContain('Beta Resellers');
    expect(mine).not.toContain('Acme Cloud');
    expect(mine).toHaveLength(ROWS.length - 3);
    const shouting = portfolioRows(ROWS, { ...EMPTY_FILTER, mine: true }, BY_NAME, { ...CONTEXT, me: 'PAT@vendor.example ' });
    expect(shouting).toHaveLength(mine.length);
  });

  it('finds partners by owner name and sorts by the owner as shown', () => {
    expect(names({ query: 'sam ortiz' })).toEqual(['Beta Resellers']);
    const byOwner = portfolioRows(ROWS, EMPTY_FILTER, { key: 'owner', direction: 'asc' }, CONTEXT).map((r) => CONTEXT.ownerLabel(r.partner.ownerEmail));
    expect(byOwner[0]).toBe('lee@vendor.example');
    expect(byOwner.at(-1)).toBe('Sam Ortiz');
  });

  it('treats the default filter as unfiltered and anything else as filtered', () => {
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, mine: true })).toBe(true);
    expect(isFiltered({ ...EMPTY_FILTER, statuses: ['churned'] })).toBe(true);
  });
});

describe('saved views', () => {
  const view: SavedView = { id: 'v1', name: 'My at-risk', filter: { ...EMPTY_FILTER, statuses: ['at_risk'], mine: true }, sort: { key: 'owner', direction: 'desc' } };

  it('adds, renames and deletes views by id', () => {
    const views = addView([], { ...view, name: '  My at-risk ' });
    expect(views.map((v) => v.name)).toEqual(['My at-risk']);
    expect(renameView(views, 'v1', 'Slipping').map((v) => v.name)).toEqual(['Slipping']);
    expect(deleteView(views, 'v1')).toEqual([]);
  });

  it('refuses a blank, too long or duplicate name, saying which', () => {
    expect(viewNameError([view], '  ')).toBe('Enter a name for the view');
    expect(viewNameError([view], 'x'.repeat(61))).toBe('A view name has at most 60 characters (this one has 61)');
    expect(viewNameError([view], 'my AT-RISK')).toBe('A view called “My at-risk” already exists');
    expect(viewNameError([view], 'My at-risk', 'v1')).toBeNull();
  });

  it('recognises the view the table shows (order of chosen values does not matter)', () => {
    const two: SavedView = { ...view, id: 'v2', name: 'Two', filter: { ...EMPTY_FILTER, statuses: ['churned', 'at_risk'] } };
    expect(activeView([view, two], { ...EMPTY_FILTER, statuses: ['at_risk', 'churned'] }, view.sort)?.id).toBe('v2');
    expect(activeView([view, two], EMPTY_FILTER, view.sort)).toBeUndefined();
  });

  it('reads stored views back, dropping what is not a view and values it does not know', () => {
    const stored = JSON.parse(
      JSON.stringify([view, { id: 'bad' }, 'nonsense', { ...view, id: 'v3', name: 'Old', filter: { query: 'x', phases: ['nope'] }, sort: { key: 'colour' } }]),
    ) as unknown;
    const views = parseSavedViews(stored);
    expect(views.map((v) => v.id)).toEqual(['v1', 'v3']);
    expect(views[0]).toEqual(view);
    expect(views[1]?.filter).toEqual({ ...EMPTY_FILTER, query: 'x' });
    expect(views[1]?.sort).toEqual({ key: 'health', direction: 'asc' });
    expect(parseSavedViews(null)).toEqual([]);
  });
});
