import { Badge, Button, Card, Center, Group, MultiSelect, Progress, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronUp, IconDownload, IconSearch, IconSelector } from '@tabler/icons-react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, type NavigateFunction } from 'react-router';
import { PHASE_INFO } from '../../../src-shared/domain/journey';
import { portfolioToCsv } from '../../../src-shared/import/partnerCsv';
import { PARTNER_TYPES, PHASES } from '../../../src-shared/domain/types';
import { PARTNER_TYPE_LABELS } from '../../app/labels';
import { PageLoader } from '../../app/PageLoader';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { useToday } from '../../app/useToday';
import { useAppData } from '../../db/useAppData';
import { CSV_FILE } from '../../platform/platform';
import { usePlatform } from '../../platform/usePlatform';
import { FirstRun } from '../firstrun/FirstRun';
import { HealthBadge } from '../partners/HealthBadge';
import type { PartnerRow } from '../../app/usePortfolioOverview';
import { EMPTY_FILTER, portfolioRows, type PortfolioFilter, type PortfolioSort, type PortfolioSortKey } from './portfolioRows';

const COLUMNS: { key: PortfolioSortKey; label: string }[] = [
  { key: 'name', label: 'Partner' },
  { key: 'type', label: 'Type' },
  { key: 'tier', label: 'Tier' },
  { key: 'phase', label: 'Phase' },
  { key: 'day', label: 'Day' },
  { key: 'progress', label: 'Journey' },
  { key: 'health', label: 'Health' },
];

function SortHeader({ column, sort, onSort }: { column: (typeof COLUMNS)[number]; sort: PortfolioSort; onSort: (key: PortfolioSortKey) => void }) {
  const active = sort.key === column.key;
  const Icon = active ? (sort.direction === 'asc' ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Table.Th aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(column.key)} aria-label={`Sort by ${column.label}`}>
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm">
            {column.label}
          </Text>
          <Icon size={14} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

type RowProps = { row: PartnerRow; index: number; measure: (element: Element | null) => void; navigate: NavigateFunction };

/** One partner row; memoised so typing in the search box only renders rows that changed. */
const PortfolioTableRow = memo(function PortfolioTableRow({ row, index, measure, navigate }: RowProps) {
  return (
    <Table.Tr
      ref={measure}
      data-index={index}
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      data-testid="portfolio-row"
      onClick={() => void navigate(`/partners/${row.partner.id}`)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void navigate(`/partners/${row.partner.id}`);
      }}
    >
      <Table.Td>
        <Text fw={600} size="sm">
          {row.partner.name}
        </Text>
        <Text size="xs" c="dimmed">
          {row.partner.region}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{PARTNER_TYPE_LABELS[row.partner.type]}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.partner.tier}</Text>
      </Table.Td>
      <Table.Td>
        {row.partner.status === 'churned' ? (
          <Badge color="gray" variant="light">
            Churned
          </Badge>
        ) : (
          <Text size="sm">{PHASE_INFO[row.journey.phase].label}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.journey.day < 0 ? `Starts in ${-row.journey.day}d` : `Day ${row.journey.day}`}</Text>
      </Table.Td>
      <Table.Td miw={120}>
        <Group gap={6} wrap="nowrap">
          <Progress value={row.journey.progress * 100} size="sm" w={70} aria-label={`Journey ${Math.round(row.journey.progress * 100)}% done`} />
          <Text size="xs" c="dimmed">
            {Math.round(row.journey.progress * 100)}%
          </Text>
        </Group>
      </Table.Td>
      <Table.Td onClick={(event) => event.stopPropagation()}>
        <HealthBadge health={row.health} size="sm" />
      </Table.Td>
      <Table.Td maw={280}>
        <Text size="sm" c={row.next?.urgency === 'overdue' ? 'red' : undefined} lineClamp={2}>
          {row.next?.label ?? '—'}
        </Text>
      </Table.Td>
    </Table.Tr>
              
  );
});

/**
 * All partners in one table: search as you type, filter, sort, open, export. Only the rows on
 * screen are in the DOM (a program lead's 500-partner portfolio would otherwise take a second to
 * render on every keystroke).
 */
export function PortfolioPage() {
  const { loading, partners } = useAppData();
  const { rows } = usePortfolioOverview();
  const navigate = useNavigate();
  const platform = usePlatform();
  const today = useToday();
  const [filter, setFilter] = useState<PortfolioFilter>(EMPTY_FILTER);
  const [sort, setSort] = useLocalStorage<PortfolioSort>({ key: 'partnerdesk.portfolio.sort', defaultValue: { key: 'health', direction: 'asc' }, getInitialValueInEffect: false });

  // The box updates at once; the table follows as soon as React has time (typing stays fluid).
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(() => portfolioRows(rows, deferredFilter, sort), [rows, deferredFilter, sort]);
  const tbodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const top = tbodyRef.current?.getBoundingClientRect().top;
    if (top !== undefined) setScrollMargin(top + window.scrollY);
  }, [loading, partners.length]);
  const virtualizer = useWindowVirtualizer({ count: visible.length, estimateSize: () => 64, overscan: 10, scrollMargin });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items.length > 0 ? (items[0]?.start ?? 0) - scrollMargin : 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - ((items.at(-1)?.end ?? 0) - scrollMargin) : 0;

  if (loading) return <PageLoader />;
  if (partners.length === 0) return <FirstRun />;

  const onSort = (key: PortfolioSortKey) =>
    setSort((current) => ({ key, direction: current.key === key && current.direction === 'asc' ? 'desc' : 'asc' }));
  const filtered = filter !== EMPTY_FILTER && (filter.query !== '' || filter.phases.length + filter.types.length + filter.bands.length > 0);

  const exportCsv = async () => {
    const result = await platform.saveTextFile({ suggestedName: `partner-portfolio-${today}.csv`, content: portfolioToCsv(partners), kind: CSV_FILE });
    if (result.saved) notifications.show({ color: 'teal', title: 'Portfolio exported', message: `${partners.length} partners saved as CSV.` });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={2}>Portfolio</Title>
          <Text c="dimmed" data-testid="portfolio-count">
            {filtered ? `${visible.length} of ${rows.length} partners` : `${rows.length} partners`}
          </Text>
        </Stack>
        <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void exportCsv()}>
          Export CSV
        </Button>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          aria-label="Search partners"
          leftSection={<IconSearch size={16} />}
          value={filter.query}
          onChange={(event) => setFilter({ ...filter, query: event.currentTarget.value })}
          style={{ flex: '1 1 240px' }}
        />
        <MultiSelect
          label="Phase"
          data={PHASES.map((value) => ({ value, label: PHASE_INFO[value].label }))}
          value={filter.phases}
          onChange={(value) => setFilter({ ...filter, phases: value as PortfolioFilter['phases'] })}
          placeholder={filter.phases.length ? undefined : 'All phases'}
          clearable
          w={220}
        />
        <MultiSelect
          label="Type"
          data={PARTNER_TYPES.map((value) => ({ value, label: PARTNER_TYPE_LABELS[value] }))}
          value={filter.types}
          onChange={(value) => setFilter({ ...filter, types: value as PortfolioFilter['types'] })}
          placeholder={filter.types.length ? undefined : 'All types'}
          clearable
          w={220}
        />
        <MultiSelect
          label="Health"
          data={[
            { value: 'red', label: 'Red (≤ 50)' },
            { value: 'yellow', label: 'Yellow (51–75)' },
            { value: 'green', label: 'Green (≥ 76)' },
          ]}
          value={filter.bands}
          onChange={(value) => setFilter({ ...filter, bands: value as PortfolioFilter['bands'] })}
          placeholder={filter.bands.length ? undefined : 'Any health'}
          clearable
          w={200}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => setFilter(EMPTY_FILTER)}>
            Clear filters
          </Button>
        )}
      </Group>
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover verticalSpacing="sm" aria-label="Partners">
            <Table.Thead>
              <Table.Tr>
                {COLUMNS.map((column) => (
                  <SortHeader key={column.key} column={column} sort={sort} onSort={onSort} />
                ))}
                <Table.Th>
                  <Text fw={600} size="sm">
                    Next step
                  </Text>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody ref={tbodyRef}>
              {paddingTop > 0 && <tr aria-hidden style={{ height: paddingTop }} />}
              {items.map((item) => {
                const row = visible[item.index];
                return row ? <PortfolioTableRow key={row.partner.id} row={row} index={item.index} measure={virtualizer.measureElement} navigate={navigate} /> : null;
              })}
              {paddingBottom > 0 && <tr aria-hidden style={{ height: paddingBottom }} />}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {visible.length === 0 && (
          <Center py="xl">
            <Stack align="center" gap={4}>
              <Text fw={500}>No partner matches</Text>
              <Text size="sm" c="dimmed">
                Try fewer words or clear the filters.
              </Text>
            </Stack>
          </Center>
        )}
      </Card>
    </Stack>
  );
}
