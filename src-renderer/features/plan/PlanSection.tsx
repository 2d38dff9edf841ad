import { ActionIcon, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { IsoDate, OwnerSide, Plan, PlanItem, PlanItemKind } from '../../../src-shared/domain/types';
import { INITIATIVE_TYPE_LABELS, formatMoney, type InitiativeType } from '../../../src-shared/plan/planTotals';
import { planItemFormValues, quarterLabel, type PlanItemFields } from '../../../src-shared/plan/planValidation';
import { formatDate } from '../../../src-shared/util/formatDate';
import { useDraftKept } from '../../app/useDraft';
import { useOwnerSideLabels } from '../../app/useProfile';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { GoalProgressBar, GoalStatusBadge } from './GoalProgress';
import { NEW_ITEM_DEFAULTS, PlanItemForm } from './PlanItemForm';
import { ITEM_NOUN, SECTION_TITLES, label } from './planLabels';
import { addPlanItem, removePlanItem, updatePlanItem } from './planWrites';

type Column = { header: string; cell: (item: PlanItem) => ReactNode; align?: 'right'; nowrap?: boolean };

const money = (item: PlanItem) => (item.amount !== undefined ? formatMoney(item.amount, item.currency ?? '') : '—');
const num = (value: number | undefined) => (value === undefined ? '—' : value.toLocaleString('en-US'));

function columnsFor(kind: PlanItemKind, today: IsoDate, sides: Record<OwnerSide, string>): Column[] {
  switch (kind) {
    case 'goal':
      return [
        { header: 'Goal', cell: (item) => <Text size="sm" fw={500}>{item.title}</Text> },
        { header: 'Metric', cell: (item) => item.metric ?? '—' },
        { header: 'Target', cell: (item) => num(item.target), align: 'right' },
        { header: 'Actual', cell: (item) => num(item.actual), align: 'right' },
        { header: 'Due', cell: (item) => (item.dueDate ? formatDate(item.dueDate) : '—'), nowrap: true },
        { header: 'Owner', cell: (item) => (item.ownerSide ? sides[item.ownerSide] : '—') },
        { header: 'Status', cell: (item) => <GoalStatusBadge goal={item} today={today} />, nowrap: true },
        { header: 'Progress', cell: (item) => <GoalProgressBar goal={item} /> },
      ];
    case 'account':
      return [
        { header: 'Account', cell: (item) => <Text size="sm" fw={500}>{item.title}</Text> },
        { header: 'Segment', cell: (item) => item.segment ?? '—' },
        { header: 'Fit', cell: (item) => num(item.fit), align: 'right' },
        { header: 'Stage', cell: (item) => label(item.stage) || '—' },
        { header: 'Next step', cell: (item) => item.nextStep ?? '—' },
      ];
    case 'initiative':
      return [
        { header: 'Initiative', cell: (item) => <Text size="sm" fw={500}>{item.title}</Text> },
        { header: 'Type', cell: (item) => INITIATIVE_TYPE_LABELS[item.initiativeType as InitiativeType] ?? item.initiativeType ?? '—' },
        { header: 'Amount', cell: money, align: 'right' },
        { header: 'Status', cell: (item) => <Badge variant="light" size="sm" color={item.initiativeType === 'mdf' ? 'violet' : 'gray'}>{label(item.status) || '—'}</Badge> },
        { header: 'Due', cell: (item) => (item.dueDate ? formatDate(item.dueDate) : '—'), nowrap: true },
        { header: 'Owner', cell: (item) => (item.ownerSide ? sides[item.ownerSide] : '—') },
      ];
    case 'revenue':
      return [
        { header: 'Quarter', cell: (item) => <Text size="sm" fw={500}>{item.quarter ? quarterLabel(item.quarter) : item.title}</Text> },
        { header: 'Target', cell: (item) => (item.target !== undefined ? formatMoney(item.target, item.currency ?? '') : '—'), align: 'right' },
        { header: 'Actual', cell: (item) => (item.actual !== undefined ? formatMoney(item.actual, item.currency ?? '') : '—'), align: 'right' },
      ];
    case 'risk':
      return [
        { header: 'Risk', cell: (item) => <Text size="sm" fw={500}>{item.title}</Text> },
        { header: 'Mitigation', cell: (item) => item.mitigation ?? '—' },
        { header: 'Owner', cell: (item) => (item.ownerSide ? sides[item.ownerSide] : '—') },
        { header: 'Status', cell: (item) => label(item.status) || '—' },
      ];
  }
}

type Editing = { mode: 'add' } | { mode: 'edit'; item: PlanItem } | null;

/** One section of the plan (goals, accounts …): its rows as a table, with add, edit and remove on a draft. */
export function PlanSection({ kind, plan, items, today, footer }: { kind: PlanItemKind; plan: Plan; items: PlanItem[]; today: IsoDate; footer?: ReactNode }) {
  const db = useDatabase();
  const editable = plan.status === 'draft';
  const newKey = `plan-item:new:${plan.id}:${kind}`;
  // A row being added when the page went away opens again with what was typed.
  const [editing, setEditing] = useState<Editing>(useDraftKept(newKey) && editable ? { mode: 'add' } : null);
  const noun = ITEM_NOUN[kind];
  const [add] = useStoreAction((fields: PlanItemFields) => addPlanItem(db, plan, fields, Math.max(-1, ...items.map((item) => item.order)) + 1), `The ${noun}`);
  const [update] = useStoreAction((id: string, fields: PlanItemFields) => updatePlanItem(db, id, fields).then(() => true), `The ${noun}`);
  const [remove] = useStoreAction((id: string) => removePlanItem(db, id), `Removing the ${noun}`);
  const columns = columnsFor(kind, today, useOwnerSideLabels());
  const title = SECTION_TITLES[kind];

  const save = async (fields: PlanItemFields): Promise<boolean> => {
    if (editing?.mode === 'edit') {
      if (!(await update(editing.item.id, fields))) return false;
    } else {
      const created = await add(fields);
      if (!created) return false;
    }
    setEditing(null);
    return true;
  };

  const confirmRemove = (item: PlanItem) =>
    modals.openConfirmModal({
      title: `Remove this ${noun}?`,
      children: <Text size="sm">“{item.title}” is removed from the draft. Finalised versions keep it.</Text>,
      labels: { confirm: 'Remove', cancel: 'Keep' },
      confirmProps: { color: 'red' },
      onConfirm: () => void remove(item.id),
    });

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={title} data-testid={`plan-section-${kind}`}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        {editable && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ mode: 'add' })}>
            Add {noun}
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {editable ? `No ${noun === 'quarter' ? 'revenue targets' : `${noun}s`} yet.` : 'None in this version.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column.header} ta={column.align}>
                    {column.header}
                  </Table.Th>
                ))}
                {editable && <Table.Th w={80} aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id} data-testid={`plan-row-${kind}`}>
                  {columns.map((column) => (
                    <Table.Td key={column.header} ta={column.align} style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                      {column.cell(item)}
                    </Table.Td>
                  ))}
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon variant="subtle" aria-label={`Edit “${item.title}”`} onClick={() => setEditing({ mode: 'edit', item })}>
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon variant="subtle" color="red" aria-label={`Remove “${item.title}”`} onClick={() => confirmRemove(item)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {footer}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.mode === 'edit' ? `Edit ${noun}` : `Add ${noun}`} size="lg">
        {editing && (
          <Stack>
            <PlanItemForm
              draftKey={editing.mode === 'edit' ? `plan-item:${editing.item.id}` : newKey}
              kind={kind}
              initial={editing.mode === 'edit' ? planItemFormValues(editing.item) : NEW_ITEM_DEFAULTS[kind]}
              submitLabel={editing.mode === 'edit' ? 'Save' : `Add ${noun}`}
              onSubmit={save}
              onCancel={() => setEditing(null)}
            />
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
