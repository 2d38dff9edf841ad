import { Badge, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { formatDate } from '../../../src-shared/util/formatDate';
import { useMemo, useState } from 'react';
import type { Plan, PlanItem } from '../../../src-shared/domain/types';
import { diffPlans, isEmptyDiff } from '../../../src-shared/plan/planDiff';
import { versionLabel } from '../../../src-shared/plan/pdfOptions';
import { SECTION_TITLES, label } from './planLabels';

const FIELD_LABELS: Record<string, string> = {
  title: 'Name',
  metric: 'Metric',
  target: 'Target',
  actual: 'Actual',
  dueDate: 'Due',
  ownerSide: 'Owner side',
  status: 'Status',
  segment: 'Segment',
  fit: 'Fit',
  stage: 'Stage',
  nextStep: 'Next step',
  initiativeType: 'Type',
  amount: 'Amount',
  currency: 'Currency',
  quarter: 'Quarter',
  mitigation: 'Mitigation',
};

const show = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  // Due dates read in the user's locale (formatDate leaves anything not an ISO date as it is).
  if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) return formatDate(String(value));
  return label(String(value));
};

const CHANGE_COLORS = { added: 'teal', removed: 'red', changed: 'blue' } as const;

/** Two versions side by side: what changed in the plan text and in every row, section by section. */
export function PlanCompare({ versions, items }: { versions: Plan[]; items: PlanItem[] }) {
  const options = versions.map((plan) => ({ value: plan.id, label: `${versionLabel(plan)}${plan.finalisedAt ? ` · ${formatDate(plan.finalisedAt.slice(0, 10))}` : ''}` }));
  const [beforeId, setBeforeId] = useState<string | null>(versions[1]?.id ?? null);
  const [afterId, setAfterId] = useState<string | null>(versions[0]?.id ?? null);
  const before = versions.find((plan) => plan.id === beforeId);
  const after = versions.find((plan) => plan.id === afterId);
  const diff = useMemo(
    () =>
      before && after
        ? diffPlans({ plan: before, items: items.filter((item) => item.planId === before.id) }, { plan: after, items: items.filter((item) => item.planId === after.id) })
        : null,
    [before, after, items],
  );

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Compare versions" data-testid="plan-compare">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Compare versions
        </Title>
        <Group grow>
          <Select label="From" data={options} value={beforeId} onChange={setBeforeId} allowDeselect={false} />
          <Select label="To" data={options} value={afterId} onChange={setAfterId} allowDeselect={false} />
        </Group>
        {!before || !after ? (
          <Text size="sm" c="dimmed">
            Pick two versions.
          </Text>
        ) : diff && isEmptyDiff(diff) ? (
          <Text size="sm" c="dimmed" data-testid="plan-compare-summary">
            No differences: {versionLabel(before)} and {versionLabel(after)} are the same.
          </Text>
        ) : (
          diff && (
            <>
              <Text size="sm" data-testid="plan-compare-summary">
                {diff.items.filter((c) => c.change === 'added').length} added, {diff.items.filter((c) => c.change === 'changed').length} changed,{' '}
                {diff.items.filter((c) => c.change === 'removed').length} removed, {diff.unchanged} unchanged
                {diff.plan.length > 0 ? `; ${diff.plan.map((change) => change.field.toLowerCase()).join(', ')} edited` : ''}.
              </Text>
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="xs" withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Section</Table.Th>
                      <Table.Th>Row</Table.Th>
                      <Table.Th>Change</Table.Th>
                      <Table.Th>{versionLabel(before)}</Table.Th>
                      <Table.Th>{versionLabel(after)}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {diff.plan.map((change) => (
                      <Table.Tr key={change.field} data-testid="plan-diff-row">
                        <Table.Td>Plan</Table.Td>
                        <Table.Td>{change.field}</Table.Td>
                        <Table.Td>
                          <Badge size="sm" variant="light" color="blue">
                            Changed
                          </Badge>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{show(change.before)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{show(change.after)}</Table.Td>
                      </Table.Tr>
                    ))}
                    {diff.items.map((change) => (
                      <Table.Tr key={`${change.kind}-${change.key}`} data-testid="plan-diff-row">
                        <Table.Td>{SECTION_TITLES[change.kind]}</Table.Td>
                        <Table.Td>{change.title}</Table.Td>
                        <Table.Td>
                          <Badge size="sm" variant="light" color={CHANGE_COLORS[change.change]}>
                            {change.change === 'added' ? 'Added' : change.change === 'removed' ? 'Removed' : 'Changed'}
                          </Badge>
                        </Table.Td>
                        {change.change === 'changed' ? (
                          <>
                            <Table.Td>{change.fields.map((field) => <div key={field.field}>{FIELD_LABELS[field.field] ?? field.field}: {show(field.before)}</div>)}</Table.Td>
                            <Table.Td>{change.fields.map((field) => <div key={field.field}>{FIELD_LABELS[field.field] ?? field.field}: {show(field.after)}</div>)}</Table.Td>
                          </>
                        ) : change.change === 'added' ? (
                          <>
                            <Table.Td>—</Table.Td>
                            <Table.Td>{change.title}</Table.Td>
                          </>
                        ) : (
                          <>
                            <Table.Td>{change.title}</Table.Td>
                            <Table.Td>—</Table.Td>
                          </>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )
        )}
      </Stack>
    </Card>
  );
}
