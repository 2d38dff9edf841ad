import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCalendarQuestion } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { isRealIsoDate } from '../../../src-shared/domain/partnerInput';
import { readableDate } from '../../../src-shared/domain/nextBestAction';
import type { IsoDate } from '../../../src-shared/domain/types';
import { defaultDueDate, parseActionLine, type ParsedAction } from '../../../src-shared/meetings/parseActionLine';
import { OWNER_SIDE_LABELS } from '../../app/labels';

type Props = {
  today: IsoDate;
  partnerPeople: string[];
  vendorPeople: string[];
  label: string;
  /** Stores a new item (without `dueDate` when the line gave none) and returns its id. */
  onAdd: (action: ParsedAction) => Promise<string | undefined> | string;
  /** Sets the due date of an item added without one. */
  onSetDue: (id: string, dueDate: IsoDate) => Promise<unknown> | void;
};

/**
 * One keystroke-friendly line for an action item: "Send MDF guide @partner Anna due:2026-12-01",
 * Enter adds it. Without a due date it is added at once (due 7 days after the meeting unless
 * changed, so a reload or the end of the call never drops it) and a date is offered.
 */
export function ActionLineInput({ today, partnerPeople, vendorPeople, label, onAdd, onSetDue }: Props) {
  const [line, setLine] = useState('');
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
    if (parsed.action.dueDate) {
      input.current?.focus();
      return;
    }
    setAskedDue(defaultDueDate(today));
    setAsking({ ...parsed.action, id });
  };

  const done = () => {
    setAsking(null);
    input.current?.focus();
  };

  return (
    <>
      <TextInput
        ref={input}
        label={label}
        placeholder="Send MDF guide @partner Anna due:2026-12-01"
        description="Owner with @partner / @vendor and a name, due date with due:YYYY-MM-DD or due:+7. Enter adds."
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
          Adds “{parsed.action.text}” · {OWNER_SIDE_LABELS[parsed.action.ownerSide]}
          {parsed.action.ownerName ? `: ${parsed.action.ownerName}` : ''} ·{' '}
          {parsed.action.dueDate ? `due ${readableDate(parsed.action.dueDate)}` : 'no due date yet'}
        </Text>
      )}
      {asking && (
        <Alert variant="light" color="yellow" icon={<IconCalendarQuestion size={18} />} title={`When is “${asking.text}” due?`}>
          <Group align="flex-end" gap="sm">
            <DateInput
              label="Due date"
              valueFormat="YYYY-MM-DD"
              dateParser={(text) => (isRealIsoDate(text.trim()) ? text.trim() : null)}
              minDate={today}
              value={askedDue}
              onChange={(value) => setAskedDue(value ?? '')}
              w={160}
            />
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
            Added without a due date: it is due 7 days after the meeting ({readableDate(defaultDueDate(today))}) unless you pick another.
          </Text>
        </Alert>
      )}
    </>
  );
}
