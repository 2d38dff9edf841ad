import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { isValidEmail } from '../../../src-shared/domain/partnerInput';
import { TEAM_ROLES, type TeamRole } from '../../../src-shared/domain/types';
import { DraftFormFooter } from '../../app/DraftFormFooter';
import { TEAM_ROLE_LABELS } from '../../app/labels';
import { useDraft } from '../../app/useDraft';
import { validateTypedOnBlur } from '../../app/validateTypedOnBlur';

export type PersonValues = { name: string; role: string; email: string; phone: string };

const PHONE = /^[+()\d\s.-]{5,30}$/;

/** A person at the partner (role is free text) or on our team (role from the list). */
export function ContactForm({
  draftKey,
  initial,
  teamMember,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  /** Where what is typed is kept until it is saved (form, partner, person). */
  draftKey: string;
  initial: PersonValues;
  teamMember?: boolean;
  submitLabel: string;
  /** Resolves true once saved (the draft is then forgotten). */
  onSubmit: (values: PersonValues) => Promise<boolean>;
  onCancel: () => void;
}) {
  const draft = useDraft(draftKey, initial);
  const form = useForm<PersonValues>({
    initialValues: draft.initial,
    onValuesChange: (values) => draft.change(values),
    validate: {
      name: (value) => (value.trim() ? (value.length > 200 ? 'Keep the name under 200 characters' : null) : 'Enter a name'),
      role: (value) => (teamMember && !TEAM_ROLES.includes(value as TeamRole) ? 'Pick a role' : value.length > 120 ? 'Keep the role under 120 characters' : null),
      email: (value) => (value.trim() === '' || isValidEmail(value.trim()) ? null : `“${value}” is not an email address (name@company.com)`),
      phone: (value) => (value.trim() === '' || PHONE.test(value.trim()) ? null : 'Use digits, spaces and + ( ) - only'),
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit(async (values) => {
        if (await onSubmit({ name: values.name.trim(), role: values.role.trim(), email: values.email.trim(), phone: values.phone.trim() })) draft.clear();
      })}
    >
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
          {teamMember ? (
            <Select label="Role" data={TEAM_ROLES.map((value) => ({ value, label: TEAM_ROLE_LABELS[value] }))} allowDeselect={false} {...form.getInputProps('role')} />
          ) : (
            <TextInput label="Role" {...form.getInputProps('role')} />
          )}
          <TextInput label="Email" type="email" {...form.getInputProps('email')} {...validateTypedOnBlur(form, 'email')} />
          {!teamMember && <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} {...validateTypedOnBlur(form, 'phone')} />}
        </SimpleGrid>
        <DraftFormFooter draft={draft} onCancel={onCancel} submitLabel={submitLabel} />
      </Stack>
    </form>
  );
}
