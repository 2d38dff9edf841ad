import { Alert, Anchor, Autocomplete, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarQuestion } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { isRealIsoDate } from '../../../src-shared/domain/partnerInput';
import { OWNER_SIDES, type IsoDate, type OwnerSide } from '../../../src-shared/domain/types';
import { actionFromFields, defaultDueDate, DEFAULT_OWNER_SIDE, parseActionLine, type ActionFields, type ParsedAction } from '../../../src-shared/meetings/parseActionLine';
import { formatDate } from '../../../src-shared/util/formatDate';
import { DateField } from '../../app/DateField';
import { useDraft, useKeepDraft } from '../../app/useDraft';
import { useOwnerSideLabels } from '../../app/useProfile';

type Props = {
  /** Where the line or form being typed is kept until the item is added (meeting or check-in of a partner). */
  draftKey: string;
  today: IsoDate;
  partnerPeople: string[];
  vendorPeople: string[];
  label: string;
  /** Stores a new item (without `dueDate` when the line gave none) and returns its id. */
  onAdd: (action: ParsedAction) => Promise<string | undefined> | string;
  /** Sets the due date of an item added without one. */
  onSetDue: (id: string, dueDate: IsoDate) => Promise<unknown> | void;
};

type ActionDraft = { mode: 'line' | 'form'; line: string; fields: ActionFields };

const EMPTY_FIELDS: ActionFields = { text: '', ownerSide: DEFAULT_OWNER_SIDE, ownerName: '', dueDate: '' };

/**
 * One keystroke-friendly line for an action item: "Send MDF guide @partner Anna due:2026-12-01",
 * Enter adds it. Without a due date it is added at once (due 7 days after the meeting unless
 * changed, so a reload or the end of the call never drops it) and a date is offered. "Use a form
 * instead" gives the same item from plain fields (what, owner side, owner, due date picker); what
 * is typed in either is kept as a draft until it is added.
 */
export function ActionLineInput({ draftKey, today, partnerPeople, vendorPeople, label, onAdd, onSetDue }: Props) {
  const draft = useDraft<ActionDraft>(draftKey, { mode: 'line', line: '', fields: EMPTY_FIELDS });
  const [mode, setMode] = useState(draft.initial.mode);
  const [line, setLine] = useState(draft.initial.line);
  const [fields, setFields] = useState<ActionFields>(draft.initial.fields);
  useKeepDraft(draft, useMemo(() => ({ mode, line, fields }), [mode, line, fields]));
  const sides = useOwnerSideLabels();
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<(ParsedAction & { id: string }) | null>(null);
  const [askedDue, setAskedDue] = useState<string>(defaultDueDate(today));
  const input = useRef<HTMLInputElement>(null);
  const parsed = line.trim() === '' ? null : parseActionLine(line, { today, partnerPeople, vendorPeople });

  const submit = async () => {
    if (!parsed) return;
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    const id = await onAdd(parsed.action);
    if (id === undefined) return;
    setLine('');
    setError(null);
    draft.clear();
    if (parsed.action.dueDate) {
      input.current?.focus();
      return;
    }
    setAskedDue(defaultDueDate(today));
    setAsking({ ...parsed.action, id });
  };

  // The plain form: the same item as the line, one field each (no syntax to learn).
  const [formError, setFormError] = useState<string | null>(null);
  const setField = <K extends keyof ActionFields>(key: K, value: ActionFields[K]) => {
    setFields((current) => ({ ...current, [key]: value }));
    setFormError(null);
  };
  const submitForm = async () => {
    const result = actionFromFields(fields, { today });
    if (!result.ok) {
      setFormError(result.error);
      return;
    }
    const id = await onAdd(result.action);
    if (id === undefined) return;
    setFields({ ...EMPTY_FIELDS, ownerSide: fields.ownerSide });
    draft.clear();
  };
  const peopleOnSide = fields.ownerSide === 'partner' ? partnerPeople : vendorPeople;

  const done = () => {
    setAsking(null);
    input.current?.focus();
  };

  if (mode === 'form') {
    return (
      <Card withBorder radius="md" padding="sm" component="section" aria-label={label}>
        <Stack gap="xs">
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {label}
            </Text>
            <Anchor component="button" type="button" size="xs" onClick={() => setMode('line')}>
              Type it as one line instead
            </Anchor>
          </Group>
          <TextInput label="What needs doing" withAsterisk value={fields.text} onChange={(event) => setField('text', event.currentTarget.value)} error={formError} autoComplete="off" />
          <Stack gap={4}>
            <Text size="sm" fw={500} id={`${draftKey}-side`}>
              Owner side
            </Text>
            <SegmentedControl
              aria-labelledby={`${draftKey}-side`}
              style={{ alignSelf: 'flex-start' }}
              value={fields.ownerSide}
              onChange={(value) => setField('ownerSide', value as OwnerSide)}
              data={OWNER_SIDES.map((value) => ({ value, label: sides[value] }))}
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Autocomplete label="Owner" description="Optional: who on that side" data={[...new Set(peopleOnSide)]} value={fields.ownerName} onChange={(value) => setField('ownerName', value)} />
            <DateField label="Due date" description="Empty: 7 days after the meeting" clearable minDate={today} value={fields.dueDate} onChange={(value) => setField('dueDate', value)} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button onClick={() => void submitForm()}>Add action item</Button>
          </Group>
        </Stack>
      </Card>
    );
  }

  return (
    <>
      <TextInput
        ref={input}
        label={label}
        placeholder="Send MDF guide @partner Anna due:+7"
        description={
          <>
            Owner with @partner / @vendor and a name, due date with due:YYYY-MM-DD or due:+7. Enter adds.{' '}
            <Anchor component="button" type="button" size="xs" onClick={() => setMode('form')}>
              Use a form instead
            </Anchor>
          </>
        }
        value={line}
        onChange={(event) => {
          setLine(event.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void submit();
          }
        }}
        error={error}
        autoComplete="off"
      />
      {parsed?.ok && !asking && (
        <Text size="xs" c="dimmed" data-testid="action-preview">
          Adds “{parsed.action.text}” · {sides[parsed.action.ownerSide]}
          {parsed.action.ownerName ? `: ${parsed.action.ownerName}` : ''} ·{' '}
          {parsed.action.dueDate ? `due ${formatDate(parsed.action.dueDate)}` : 'no due date yet'}
        </Text>
      )}
      {asking && (
        <Alert variant="light" color="yellow" icon={<IconCalendarQuestion size={18} />} title={`When is “${asking.text}” due?`}>
          <Group align="flex-end" gap="sm">
            <DateField label="Due date" minDate={today} value={askedDue} onChange={setAskedDue} w={180} />
            <Button
              data-autofocus
              autoFocus
              disabled={!isRealIsoDate(askedDue) || askedDue < today}
              onClick={() => void Promise.resolve(onSetDue(asking.id, askedDue)).then(done)}
            >
              Add with this date
            </Button>
            <Button variant="default" onClick={done}>
              Keep 7 days
            </Button>
          </Group>
          <Text size="xs" c="dimmed" mt={6}>
            Added without a due date: it is due 7 days after the meeting ({formatDate(defaultDueDate(today))}) unless you pick another.
          </Text>
        </Alert>
      )}
    </>
  );
}
