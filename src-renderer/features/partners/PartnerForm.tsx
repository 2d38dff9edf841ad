import { SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { validatePartnerInput, type PartnerInput } from '../../../src-shared/domain/partnerInput';
import { PARTNER_STATUSES, PARTNER_TYPES } from '../../../src-shared/domain/types';
import { PARTNER_STATUS_LABELS, PARTNER_TYPE_LABELS, TIER_OPTIONS } from '../../app/labels';
import { DateField } from '../../app/DateField';
import { DraftFormFooter } from '../../app/DraftFormFooter';
import { useDraft } from '../../app/useDraft';
import { validateTypedOnBlur } from '../../app/validateTypedOnBlur';
import type { ValidPartner } from './createPartner';

type Props = {
  /** Where what is typed is kept until it is saved: `partner:new`, or `partner:<id>` when editing. */
  draftKey: string;
  initial: PartnerInput;
  submitLabel: string;
  /** Editing an existing partner also shows its status. */
  showStatus?: boolean;
  /** Resolves false when nothing was saved (the draft is kept); anything else forgets the draft. */
  onSubmit: (value: ValidPartner) => Promise<unknown>;
  onCancel: () => void;
  /** Names already in the portfolio (refused, as by the CSV import) and the partner's own name when editing. */
  existingNames?: readonly string[];
  ownName?: string;
};

export const EMPTY_PARTNER_INPUT: PartnerInput = {
  name: '',
  type: '',
  maturity: 'new',
  tier: '',
  region: '',
  website: '',
  day0: '',
  ownerEmail: '',
  status: 'onboarding',
};

/** New/edit partner form: every field validated inline by the shared rule, on blur and submit. */
export function PartnerForm({ draftKey, initial, submitLabel, showStatus, onSubmit, onCancel, existingNames, ownName }: Props) {
  const options = { existingNames, ownName };
  const draft = useDraft(draftKey, initial);
  const form = useForm<PartnerInput>({
    mode: 'controlled',
    initialValues: draft.initial,
    onValuesChange: (values) => draft.change(values),
    validate: (values) => {
      const result = validatePartnerInput(values, options);
      return result.ok ? {} : result.errors;
    },
  });

  const checkTyped = (field: keyof PartnerInput) => validateTypedOnBlur(form, field);

  const submit = form.onSubmit(async (values) => {
    const result = validatePartnerInput(values, options);
    if (!result.ok) return;
    if ((await onSubmit(result.value)) !== false) draft.clear();
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Partner details">
      <Stack gap="md">
        <TextInput label="Partner name" withAsterisk data-autofocus autoComplete="off" {...form.getInputProps('name')} {...checkTyped('name')} />
        <SimpleGrid cols={2}>
          <Select
            label="Partner type"
            withAsterisk
            data={PARTNER_TYPES.map((value) => ({ value, label: PARTNER_TYPE_LABELS[value] }))}
            allowDeselect={false}
            {...form.getInputProps('type')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} component="label" id="maturity-label">
              Experience with our category
            </Text>
            <SegmentedControl
              aria-labelledby="maturity-label"
              data={[
                { value: 'new', label: 'New' },
                { value: 'experienced', label: 'Experienced' },
              ]}
              {...form.getInputProps('maturity')}
            />
          </Stack>
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <DateField
            label="Contract signed (Day 0)"
            withAsterisk
            description="The journey's due dates count from this day"
            clearable
            {...form.getInputProps('day0')}
            value={form.values.day0}
            onChange={(value) => form.setFieldValue('day0', value)}
          />
          <Select label="Tier" data={TIER_OPTIONS} clearable {...form.getInputProps('tier')} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput label="Region" autoComplete="off" {...form.getInputProps('region')} {...checkTyped('region')} />
          <TextInput label="Website" autoComplete="off" {...form.getInputProps('website')} {...checkTyped('website')} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput
            label="Owner (partner manager email)"
            description="Leave empty to own it yourself"
            autoComplete="off"
            {...form.getInputProps('ownerEmail')}
            {...checkTyped('ownerEmail')}
          />
          {showStatus && (
            <Select
              label="Status"
              data={PARTNER_STATUSES.map((value) => ({ value, label: PARTNER_STATUS_LABELS[value] }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
          )}
        </SimpleGrid>
        <DraftFormFooter draft={draft} onCancel={onCancel} submitLabel={submitLabel} saving={form.submitting} mt="sm" />
      </Stack>
    </form>
  );
}
