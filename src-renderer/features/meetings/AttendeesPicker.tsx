import { Chip, Group, Stack, TagsInput, Text } from '@mantine/core';
import type { Partner } from '../../../src-shared/domain/types';

type Props = {
  partner: Pick<Partner, 'name' | 'contacts' | 'team'>;
  attendees: string[];
  onChange: (attendees: string[]) => void;
};

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.trim().toLowerCase();
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Who is on the call: the partner's contacts, our team, and anyone else typed in. */
export function AttendeesPicker({ partner, attendees, onChange }: Props) {
  const partnerPeople = unique(partner.contacts.map((c) => c.name));
  const vendorPeople = unique(partner.team.map((m) => m.name));
  const known = new Set([...partnerPeople, ...vendorPeople].map((n) => n.toLowerCase()));
  const adHoc = attendees.filter((name) => !known.has(name.toLowerCase()));
  const toggle = (name: string, on: boolean) =>
    onChange(on ? unique([...attendees, name]) : attendees.filter((a) => a.toLowerCase() !== name.toLowerCase()));
  const isIn = (name: string) => attendees.some((a) => a.toLowerCase() === name.toLowerCase());

  const group = (label: string, people: string[]) => (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      {people.length === 0 ? (
        <Text size="xs" c="dimmed">
          Nobody recorded yet.
        </Text>
      ) : (
        <Group gap={6}>
          {people.map((name) => (
            <Chip key={name} size="xs" checked={isIn(name)} onChange={(on) => toggle(name, on)}>
              {name}
            </Chip>
          ))}
        </Group>
      )}
    </Stack>
  );

  return (
    <Stack gap="xs" role="group" aria-label="Attendees">
      {group(partner.name, partnerPeople)}
      {group('Our team', vendorPeople)}
      <TagsInput
        size="xs"
        label="Others"
        placeholder="Type a name, Enter"
        value={adHoc}
        onChange={(names) => onChange(unique([...attendees.filter((a) => known.has(a.toLowerCase())), ...names]))}
        clearable
      />
    </Stack>
  );
}

/** Names on each side, for the action-line parser and the recap. */
export function peopleOf(partner: Pick<Partner, 'contacts' | 'team'>): { partnerPeople: string[]; vendorPeople: string[] } {
  return { partnerPeople: partner.contacts.map((c) => c.name), vendorPeople: partner.team.map((m) => m.name) };
}

