import { ActionIcon, Anchor, Button, Card, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { newId } from '../../../src-shared/domain/ids';
import type { Contact, Partner, TeamMember, TeamRole } from '../../../src-shared/domain/types';
import { TEAM_ROLE_LABELS } from '../../app/labels';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { updatePartner } from '../partners/updatePartner';
import { ContactForm, type PersonValues } from './ContactForm';

/** Saves the people of a partner; true once written (a failure is reported by the store action). */
async function savePeople(db: Parameters<typeof updatePartner>[0], partnerId: string, change: Parameters<typeof updatePartner>[2]): Promise<true> {
  await updatePartner(db, partnerId, change);
  return true;
}

const EMPTY: PersonValues = { name: '', role: '', email: '', phone: '' };

/** Contacts at the partner with their roles, and our team working with them. */
export function ContactsTab({ partner }: { partner: Partner }) {
  const db = useDatabase();
  const [save] = useStoreAction(savePeople, 'save the contacts');

  const editPerson = (kind: 'contact' | 'team', existing?: Contact | TeamMember) => {
    const id = `modal-${newId()}`;
    modals.open({
      modalId: id,
      title: existing ? `Edit ${existing.name}` : kind === 'contact' ? 'Add a partner contact' : 'Add a team member',
      size: 'lg',
      children: (
        <ContactForm
          draftKey={`${kind}:${existing?.id ?? 'new'}:${partner.id}`}
          teamMember={kind === 'team'}
          initial={existing ? { ...EMPTY, ...existing } : { ...EMPTY, role: kind === 'team' ? 'technical' : '' }}
          submitLabel={existing ? 'Save' : 'Add'}
          onCancel={() => modals.close(id)}
          onSubmit={async (values) => {
            const personId = existing?.id ?? newId();
            const change =
              kind === 'contact'
                ? { contacts: upsert(partner.contacts, { id: personId, ...values }) }
                : { team: upsert(partner.team, { id: personId, name: values.name, email: values.email, role: values.role as TeamRole }) };
            const saved = (await save(db, partner.id, change)) === true;
            if (saved) modals.close(id);
            return saved;
          }}
        />
      ),
    });
  };

  const remove = (kind: 'contact' | 'team', person: Contact | TeamMember) =>
    modals.openConfirmModal({
      title: `Remove ${person.name}?`,
      children: <Text size="sm">{person.name} will no longer be listed for {partner.name}.</Text>,
      labels: { confirm: 'Remove', cancel: 'Keep' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void save(db, partner.id, kind === 'contact' ? { contacts: partner.contacts.filter((c) => c.id !== person.id) } : { team: partner.team.filter((m) => m.id !== person.id) }),
    });

  const actions = (kind: 'contact' | 'team', person: Contact | TeamMember) => (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Tooltip label="Edit">
        <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${person.name}`} onClick={() => editPerson(kind, person)}>
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Remove">
        <ActionIcon variant="subtle" color="red" aria-label={`Remove ${person.name}`} onClick={() => remove(kind, person)}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );

  return (
    <Stack gap="lg">
      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h5">
            Partner contacts
          </Title>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => editPerson('contact')}>
            Add contact
          </Button>
        </Group>
        {partner.contacts.length === 0 ? (
          <Text size="sm" c="dimmed">
            No contacts yet. Add the partner's executive sponsor, sales lead and technical lead so everyone knows who to call.
          </Text>
        ) : (
          <Table verticalSpacing="xs" aria-label="Partner contacts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Phone</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {partner.contacts.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Td fw={500}>{contact.name}</Table.Td>
                  <Table.Td>{contact.role}</Table.Td>
                  <Table.Td>{contact.email && <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>}</Table.Td>
                  <Table.Td>{contact.phone}</Table.Td>
                  <Table.Td>{actions('contact', contact)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h5">
            Our team
          </Title>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => editPerson('team')}>
            Add team member
          </Button>
        </Group>
        {partner.team.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody is assigned yet. Every partner needs a partner manager as the single point of contact.
          </Text>
        ) : (
          <Table verticalSpacing="xs" aria-label="Our team">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {partner.team.map((member) => (
                <Table.Tr key={member.id}>
                  <Table.Td fw={500}>{member.name}</Table.Td>
                  <Table.Td>{TEAM_ROLE_LABELS[member.role]}</Table.Td>
                  <Table.Td>{member.email && <Anchor href={`mailto:${member.email}`}>{member.email}</Anchor>}</Table.Td>
                  <Table.Td>{actions('team', member)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}

function upsert<T extends { id: string }>(list: T[], item: T): T[] {
  return list.some((entry) => entry.id === item.id) ? list.map((entry) => (entry.id === item.id ? item : entry)) : [...list, item];
}
