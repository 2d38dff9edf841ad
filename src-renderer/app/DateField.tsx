import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDate, parseTypedDate } from '../../src-shared/util/formatDate';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'defaultValue'> & {
  /** The stored ISO date (`YYYY-MM-DD`), '' for none. */
  value: string;
  /** The ISO date picked or typed, '' when cleared. */
  onChange: (value: string) => void;
};

/** What a typed text that is not a date gets: what was typed and how to write one. */
export function notADateMessage(typed: string): string {
  return `“${typed}” is not a date: type it like ${formatDate('2026-12-03')} or pick it in the calendar`;
}

/**
 * The one date field of the app: shows the date in the user's locale ("3 Dec 2026", "Dec 3,
 * 2026"), opens a calendar, and takes a date typed by hand (ISO, the locale's numeric form or with
 * the month's name); text that is not a date is refused with a message naming it. What it
 * gives back, and what is stored, is always ISO `YYYY-MM-DD`.
 */
export function DateField({ value, onChange, error, onBlur, ...props }: Props) {
  const [unreadable, setUnreadable] = useState<string | null>(null);
  return (
    <DateInput
      leftSection={<IconCalendar size={16} />}
      {...props}
      value={value || null}
      onChange={(picked) => {
        setUnreadable(null);
        onChange(picked ?? '');
      }}
      valueFormat={(iso) => formatDate(String(iso).slice(0, 10))}
      dateParser={(text) => parseTypedDate(text)}
      onBlur={(event) => {
        const typed = event.currentTarget.value.trim();
        setUnreadable(typed !== '' && parseTypedDate(typed) === null && typed !== formatDate(value) ? typed : null);
        onBlur?.(event);
      }}
      error={error ?? (unreadable !== null ? notADateMessage(unreadable) : undefined)}
      popoverProps={{ withinPortal: true, ...props.popoverProps }}
    />
  );
}
