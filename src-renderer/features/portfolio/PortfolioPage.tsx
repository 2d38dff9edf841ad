import { Badge, Button, Card, Center, Checkbox, Group, Loader, MultiSelect, Progress, Select, Skeleton, Stack, Switch, Table, Text, TextInput, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronUp, IconDownload, IconSearch, IconSelector } from '@tabler/icons-react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { useNavigate, type NavigateFunction } from 'react-router';
import { PHASE_INFO } from '../../../src-shared/domain/journey';
import { portfolioToCsv } from '../../../src-shared/import/partnerCsv';
import { PARTNER_STATUS_LABELS } from '../../../src-shared/domain/labels';
import { PARTNER_STATUSES, PARTNER_TYPES, PHASES } from '../../../src-shared/domain/types';
import { parseTierMoveFilter, tierMoveLookup } from '../../../src-shared/tiers/tierPortfolio';
import { PARTNER_TYPE_LABELS } from '../../app/labels';
import { PageLoader } from '../../app/PageLoader';
import { RecordsLoading } from '../../app/RecordsLoading';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { useProfile } from '../../app/useProfile';
import { useToday } from '../../app/useToday';
import { useAppData } from '../../db/useAppData';
import { CSV_FILE } from '../../platform/platform';
import { usePlatform } from '../../platform/usePlatform';
import { FirstRun } from '../firstrun/FirstRun';
import { HealthBadge } from '../partners/HealthBadge';
import { PartnerSearchName, SearchQueryProvider } from '../search/PartnerSearchName';
import { useSearchIndex } from '../search/useSearchIndex';
import { useTierRecommendations } from '../tiers/useTierRecommendations';
import type { PartnerRow } from '../../app/usePortfolioOverview';
import { BulkActionsBar } from './BulkActionsBar';
import {
  DEFAULT_SORT,
  EMPTY_FILTER,
  hiddenByStatus,
  hiddenText,
  isFiltered,
  ownerLabelFor,
  ownerNames,
  portfolioRows,
  SORTS_FROM_RECORDS,
  whileRecordsLoad,
  type PortfolioContext,
  type PortfolioFilter,
  type PortfolioSort,
  type PortfolioSortKey,
} from './portfolioRows';
import classes from './portfolioRow.module.css';
import { SavedViewsMenu } from './SavedViewsMenu';

const COLUMNS: { key: PortfolioSortKey; label: string }[] = [
  { key: 'name', label: 'Partner' },
  { key: 'type', label: 'Type' },
  { key: 'tier', label: 'Tier' },
  { key: 'owner', label: 'Owner' },
  { key: 'phase', label: 'Phase' },
  { key: 'day', label: 'Day' },
  { key: 'progress', label: 'Journey' },
  { key: 'health', label: 'Health' },
];

function SortHeader({ column, sort, onSort, loading }: { column: (typeof COLUMNS)[number]; sort: PortfolioSort; onSort: (key: PortfolioSortKey) => void; loading: boolean }) {
  const active = sort.key === column.key;
  const Icon = active ? (sort.direction === 'asc' ? IconChevronUp : IconChevronDown) : IconSelector;
  // Until the records are in, a column computed from them can be neither shown nor sorted by.
  const waiting = loading && SORTS_FROM_RECORDS.has(column.key);
  return (
    <Table.Th aria-sort={active && !waiting ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton
        onClick={() => onSort(column.key)}
        disabled={waiting}
        aria-label={waiting ? `${column.label}: loading` : `Sort by ${column.label}`}
        title={waiting ? `Sorting by ${column.label.toLowerCase()} is ready once the records are in` : undefined}
      >
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm" c={waiting ? 'dimmed' : undefined}>
            {column.label}
          </Text>
          {waiting ? <Loader size={12} type="dots" /> : <Icon size={14} />}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** A cell whose value is computed from records still loading: a skeleton, "Loading" for readers. */
function PendingCell({ width }: { width: number }) {
  return (
    <>
      <Skeleton height={10} width={width} radius="xl" animate={false} aria-hidden />
      <VisuallyHidden>Loading</VisuallyHidden>
    </>
  );
}

type RowProps = {
  row: PartnerRow;
  index: number;
  measure: (element: Element | null) => void;
  navigate: NavigateFunction;
  selected: boolean;
  onToggle: (id: string) => void;
  owner: string;
  /** The records are still loading: journey, health and next step are not known yet. */
  pending: boolean;
};

/** One partner row; memoised so typing in the search box only renders rows that changed. */
const PortfolioTableRow = memo(function PortfolioTableRow({ row, index, measure, navigate, selected, onToggle, owner, pending }: RowProps) {
  return (
    <Table.Tr
      ref={measure}
      data-index={index}
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      data-testid="portfolio-row"
      aria-selected={selected}
      bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
      onClick={() => void navigate(`/partners/${row.partner.id}`)}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget) return;
        if (event.key === 'Enter') void navigate(`/partners/${row.partner.id}`);
        else if (event.key === ' ') {
          event.preventDefault();
          onToggle(row.partner.id);
        }
      }}
    >
      <Table.Td w={40} onClick={(event) => event.stopPropagation()}>
        <Checkbox checked={selected} onChange={() => onToggle(row.partner.id)} aria-label={`Select ${row.partner.name}`} />
      </Table.Td>
      <Table.Td>
        <PartnerSearchName partner={row.partner} />
      </Table.Td>
      <Table.Td>
        <p className={classes.text}>{PARTNER_TYPE_LABELS[row.partner.type]}</p>
      </Table.Td>
      <Table.Td>
        <p className={classes.text}>{row.partner.tier}</p>
      </Table.Td>
      <Table.Td maw={180}>
        <p className={`${classes.text} ${classes.truncate}`} title={row.partner.ownerEmail || undefined}>
          {owner}
        </p>
      </Table.Td>
      <Table.Td>
        {row.partner.status === 'churned' ? (
          <Badge color="gray" variant="light">
            Churned
          </Badge>
        ) : (
          <p className={classes.text}>{PHASE_INFO[row.journey.phase].label}</p>
        )}
      </Table.Td>
      <Table.Td>
        <p className={`${classes.text} ${classes.nowrap}`}>{row.journey.day < 0 ? `Starts in ${-row.journey.day}d` : `Day ${row.journey.day}`}</p>
      </Table.Td>
      {pending ? (
        <>
          <Table.Td miw={120}>
            <PendingCell width={90} />
          </Table.Td>
          <Table.Td>
            <PendingCell width={60} />
          </Table.Td>
          <Table.Td maw={280}>
            <PendingCell width={180} />
          </Table.Td>
        </>
      ) : (
        <>
          <Table.Td miw={120}>
            <div className={classes.journey}>
              <Progress value={row.journey.progress * 100} size="sm" w={70} aria-label={`Journey ${Math.round(row.journey.progress * 100)}% done`} />
              <p className={classes.percent}>{Math.round(row.journey.progress * 100)}%</p>
            </div>
          </Table.Td>
          <Table.Td onClick={(event) => event.stopPropagation()}>
            <HealthBadge health={row.health} size="sm" />
          </Table.Td>
          <Table.Td maw={280}>
            <p className={`${classes.text} ${classes.clamp}${row.next?.urgency === 'overdue' ? ` ${classes.overdue}` : ''}`}>{row.next?.label ?? '—'}</p>
          </Table.Td>
        </>
      )}
    </Table.Tr>
  );
});

type FilterControlsProps = Pick<PortfolioFilter, 'statuses' | 'phases' | 'types' | 'bands' | 'tierMove' | 'mine'> & {
  setFilter: Dispatch<SetStateAction<PortfolioFilter>>;
  loading: boolean;
  me: string;
};

/**
 * Every filter but the search box, memoised apart from it: a keystroke in the search box then
 * renders the box and the table, not four multi-selects (the filters keep their arrays while
 * only the query changes).
 */
const FilterControls = memo(function FilterControls({ statuses, phases, types, bands, tierMove, mine, setFilter, loading, me }: FilterControlsProps) {
  return (
    <>
      <MultiSelect
        label="Status"
        data={PARTNER_STATUSES.map((value) => ({ value, label: PARTNER_STATUS_LABELS[value] }))}
        value={statuses}
        onChange={(value) => setFilter((current) => ({ ...current, statuses: value as PortfolioFilter['statuses'] }))}
        placeholder={statuses.length ? undefined : 'Current (no churned)'}
        clearable
        w={220}
      />
      <MultiSelect
        label="Phase"
        data={PHASES.map((value) => ({ value, label: PHASE_INFO[value].label }))}
        value={phases}
        onChange={(value) => setFilter((current) => ({ ...current, phases: value as PortfolioFilter['phases'] }))}
        placeholder={phases.length ? undefined : 'All phases'}
        clearable
        w={200}
      />
      <MultiSelect
        label="Type"
        data={PARTNER_TYPES.map((value) => ({ value, label: PARTNER_TYPE_LABELS[value] }))}
        value={types}
        onChange={(value) => setFilter((current) => ({ ...current, types: value as PortfolioFilter['types'] }))}
        placeholder={types.length ? undefined : 'All types'}
        clearable
        w={200}
      />
      <MultiSelect
        label="Health"
        data={[
          { value: 'red', label: 'Red (≤ 50)' },
          { value: 'yellow', label: 'Yellow (51–75)' },
          { value: 'green', label: 'Green (≥ 76)' },
        ]}
        value={bands}
        onChange={(value) => setFilter((current) => ({ ...current, bands: value as PortfolioFilter['bands'] }))}
        placeholder={bands.length ? undefined : 'Any health'}
        disabled={loading}
        clearable
        w={180}
      />
      <Select
        label="Tier"
        data={[
          { value: 'promote', label: 'Recommended for promotion' },
          { value: 'demote', label: 'Recommended for demotion' },
        ]}
        value={tierMove ?? null}
        onChange={(value) => setFilter((current) => ({ ...current, tierMove: parseTierMoveFilter(value) ?? undefined }))}
        placeholder="Any tier recommendation"
        disabled={loading}
        clearable
        w={230}
      />
      <Switch
        label="My partners"
        checked={mine}
        onChange={(event) => {
          const checked = event.currentTarget.checked;
          setFilter((current) => ({ ...current, mine: checked }));
        }}
        mb={8}
        title={`Only partners owned by ${me}`}
      />
    </>
  );
});

/**
 * All partners in one table: search as you type, filter, sort, open, export. Only the rows on
 * screen are in the DOM (a program lead's 500-partner portfolio would otherwise take a second to
 * render on every keystroke).
 */
export function PortfolioPage() {
  const { loading, partnersReady, pending, partners } = useAppData();
  const { rows } = usePortfolioOverview();
  const navigate = useNavigate();
  const platform = usePlatform();
  const today = useToday();
  const [profile] = useProfile();
  const [filter, setFilter] = useState<PortfolioFilter>(EMPTY_FILTER);
  const [sort, setSort] = useLocalStorage<PortfolioSort>({ key: 'partnerdesk.portfolio.sort', defaultValue: DEFAULT_SORT, getInitialValueInEffect: false });
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());

  const owners = useMemo(() => ownerNames(partners, profile), [partners, profile]);
  const tiers = useTierRecommendations();
  const tierMoveOf = useMemo(() => tierMoveLookup(tiers.rows), [tiers.rows]);
  const search = useSearchIndex();
  const context = useMemo<PortfolioContext>(
    () => ({ me: profile.email, ownerLabel: ownerLabelFor(owners), tierMoveOf, search: search.partnerMatches }),
    [profile.email, owners, tierMoveOf, search.partnerMatches],
  );

  // The box updates at once; the table follows as soon as React has time (typing stays fluid).
  const deferredFilter = useDeferredValue(filter);
  // While the records load, the partners show in name order (or by what the partner itself
  // says), never ordered or filtered by a health or journey not yet known.
  const { filter: shownFilter, sort: shownSort } = useMemo(() => whileRecordsLoad(deferredFilter, sort, loading), [deferredFilter, sort, loading]);
  const visible = useMemo(() => portfolioRows(rows, shownFilter, shownSort, context), [rows, shownFilter, shownSort, context]);
  const hidden = useMemo(() => hiddenByStatus(rows, shownFilter, context), [rows, shownFilter, context]);
  // Bulk actions act on what is selected and still on screen (a filter change leaves the rest out).
  const selectedRows = useMemo(() => visible.filter((row) => selected.has(row.partner.id)), [visible, selected]);
  const toggle = useCallback(
    (id: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const hasSelection = selectedRows.length > 0;
  const tbodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const top = tbodyRef.current?.getBoundingClientRect().top;
    if (top !== undefined) setScrollMargin(top + window.scrollY);
  }, [partnersReady, loading, partners.length, hasSelection]);
  // Rows are measured by partner, not by position: a search keystroke reorders them, and a measured
  // partner keeps its height (no second layout pass and re-render for rows already seen).
  const getItemKey = useCallback((index: number) => visible[index]?.partner.id ?? index, [visible]);
  const virtualizer = useWindowVirtualizer({ count: visible.length, estimateSize: () => 82, getItemKey, overscan: 10, scrollMargin });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items.length > 0 ? (items[0]?.start ?? 0) - scrollMargin : 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - ((items.at(-1)?.end ?? 0) - scrollMargin) : 0;

  if (!partnersReady) return <PageLoader />;
  if (partners.length === 0) return <FirstRun />;

  const onSort = (key: PortfolioSortKey) =>
    setSort((current) => ({ key, direction: current.key === key && current.direction === 'asc' ? 'desc' : 'asc' }));
  const filtered = isFiltered(filter);
  const allSelected = visible.length > 0 && selectedRows.length === visible.length;
  const hiddenLabel = hiddenText(hidden);

  const exportCsv = async () => {
    const result = await platform.saveTextFile({ suggestedName: `partner-portfolio-${today}.csv`, content: portfolioToCsv(partners), kind: CSV_FILE });
    if (result.saved) notifications.show({ color: 'teal', title: 'Portfolio exported', message: `${partners.length} partners saved as CSV.` });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={0}>
          <Title order={2}>Portfolio</Title>
          <Group gap="xs">
            <Text c="dimmed" data-testid="portfolio-count">
              {filtered ? `${visible.length} of ${rows.length} partners` : `${visible.length} partners`}
            </Text>
            {hiddenLabel && (
              <Group gap={4} data-testid="portfolio-hidden">
                <Text c="dimmed" size="sm">
                  · {hiddenLabel}
                </Text>
                <Button size="compact-sm" variant="subtle" onClick={() => setFilter({ ...filter, statuses: [...PARTNER_STATUSES] })}>
                  Show all
                </Button>
              </Group>
            )}
          </Group>
          {loading && <RecordsLoading pending={pending} follows="Journey, health and next steps follow." />}
        </Stack>
        <Group gap="sm">
          <SavedViewsMenu
            filter={filter}
            sort={sort}
            onApply={(view) => {
              setFilter(view.filter);
              setSort(view.sort);
            }}
          />
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void exportCsv()}>
            Export CSV
          </Button>
        </Group>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          aria-label="Search partners"
          leftSection={<IconSearch size={16} />}
          value={filter.query}
          onChange={(event) => {
            const query = event.currentTarget.value;
            setFilter((current) => ({ ...current, query }));
          }}
          style={{ flex: '1 1 220px' }}
        />
        <FilterControls
          statuses={filter.statuses}
          phases={filter.phases}
          types={filter.types}
          bands={filter.bands}
          tierMove={filter.tierMove}
          mine={filter.mine}
          setFilter={setFilter}
          loading={loading}
          me={profile.email}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => setFilter(EMPTY_FILTER)}>
            Clear filters
          </Button>
        )}
      </Group>
      {selectedRows.length > 0 && (
        <BulkActionsBar selected={selectedRows.map((row) => row.partner)} owners={owners} ownerLabel={context.ownerLabel} onClear={() => setSelected(new Set())} />
      )}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={1000}>
          <Table highlightOnHover verticalSpacing="sm" aria-label="Partners">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    checked={allSelected}
                    indeterminate={selectedRows.length > 0 && !allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(visible.map((row) => row.partner.id)))}
                    aria-label={allSelected ? 'Clear selection' : `Select all ${visible.length} shown`}
                    disabled={visible.length === 0}
                  />
                </Table.Th>
                {COLUMNS.map((column) => (
                  <SortHeader key={column.key} column={column} sort={shownSort} onSort={onSort} loading={loading} />
                ))}
                <Table.Th style={{ whiteSpace: 'nowrap' }}>
                  <Text fw={600} size="sm">
                    Next step
                  </Text>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <SearchQueryProvider query={deferredFilter.query} ownerLabel={context.ownerLabel}>
              <Table.Tbody ref={tbodyRef}>
                {paddingTop > 0 && <tr aria-hidden style={{ height: paddingTop }} />}
                {items.map((item) => {
                  const row = visible[item.index];
                  return row ? (
                    <PortfolioTableRow
                      key={row.partner.id}
                      row={row}
                      index={item.index}
                      measure={virtualizer.measureElement}
                      navigate={navigate}
                      selected={selected.has(row.partner.id)}
                      onToggle={toggle}
                      owner={context.ownerLabel(row.partner.ownerEmail)}
                      pending={loading}
                    />
                  ) : null;
                })}
                {paddingBottom > 0 && <tr aria-hidden style={{ height: paddingBottom }} />}
              </Table.Tbody>
            </SearchQueryProvider>
          </Table>
        </Table.ScrollContainer>
        {visible.length === 0 && (
          <Center py="xl">
            <Stack align="center" gap={4}>
              <Text fw={500}>No partner matches</Text>
              <Text size="sm" c="dimmed">
                {hiddenLabel ? `${hiddenLabel} by the status filter. ` : ''}Try fewer words or clear the filters.
              </Text>
            </Stack>
          </Center>
        )}
      </Card>
    </Stack>
  );
}
