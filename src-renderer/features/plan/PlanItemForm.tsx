import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { OWNER_SIDES, type PlanItemKind } from '../../../src-shared/domain/types';
import { ACCOUNT_STAGES, INITIATIVE_STATUSES, RISK_STATUSES, validatePlanItem, type PlanItemErrors, type PlanItemFields, type PlanItemFormField, type PlanItemFormValues } from '../../../src-shared/plan/planValidation';
import { INITIATIVE_TYPE_LABELS, INITIATIVE_TYPES, MDF_STATUSES } from '../../../src-shared/plan/planTotals';
import { DateField } from '../../app/DateField';
import { DraftFormFooter } from '../../app/DraftFormFooter';
import { useDraft, useKeepDraft } from '../../app/useDraft';
import { useOwnerSideLabels } from '../../app/useProfile';
import { label } from './planLabels';

type Props = {
  /** Where what is typed is kept until it is saved (plan and kind for a new row, the row when editing). */
  draftKey: string;
  kind: PlanItemKind;
  initial: PlanItemFormValues;
  submitLabel: string;
  onSubmit: (fields: PlanItemFields) => Promise<boolean>;
  onCancel: () => void;
};

const options = (values: readonly string[]) => values.map((value) => ({ value, label: label(value) }));

/**
 * Adds or edits one plan row. Each field is checked when it loses focus and all of them on save;
 * a message says what is wrong right under the field, and nothing is written until every field
 * is valid.
 */
export function PlanItemForm({ draftKey, kind, initial, submitLabel, onSubmit, onCancel }: Props) {
  const draft = useDraft<PlanItemFormValues>(draftKey, initial);
  const [values, setValues] = useState<PlanItemFormValues>(draft.initial);
  useKeepDraft(draft, values);
  const sides = useOwnerSideLabels();
  const OWNER_OPTIONS = OWNER_SIDES.map((value) => ({ value, label: sides[value] }));
  const [errors, setErrors] = useState<PlanItemErrors>({});
  const [saving, setSaving] = useState(false);

  const set = (field: PlanItemFormField, value: string) => {
    setValues((current) => {
      const next = { ...current, [field]: value };
      // MDF and other initiatives have different statuses: switching type starts on its first one.
      if (field === 'initiativeType') next.status = value === 'mdf' ? 'requested' : 'planned';
      return next;
    });
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const check = (field: PlanItemFormField) => {
    const result = validatePlanItem(kind, values);
    const message = result.ok ? undefined : result.errors[field];
    // On blur only complain about what was typed; "required" waits for Save.
    if (message && (values[field] ?? '').trim() !== '') setErrors((current) => ({ ...current, [field]: message }));
  };
  const text = (field: PlanItemFormField, fieldLabel: string, extra: { required?: boolean; description?: string } = {}) => (
    <TextInput
      label={fieldLabel}
      value={values[field] ?? ''}
      onChange={(event) => set(field, event.currentTarget.value)}
      onBlur={() => check(field)}
      error={errors[field]}
      withAsterisk={extra.required}
      description={extra.description}
      inputMode={['target', 'actual', 'amount', 'fit'].includes(field) ? 'decimal' : undefined}
    />
  );
  const date = (field: 'dueDate', fieldLabel: string) => (
    <DateField label={fieldLabel} value={values[field] ?? ''} onChange={(value) => set(field, value)} error={errors[field]} clearable />
  );
  const select = (field: PlanItemFormField, fieldLabel: string, data: { value: string; label: string }[]) => (
    <Select label={fieldLabel} data={data} value={values[field] ?? null} onChange={(value) => set(field, value ?? '')} error={errors[field]} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = validatePlanItem(kind, values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setSaving(true);
    try {
      if (await onSubmit(result.value)) {
        draft.clear();
        setErrors({});
      }
    } finally {
      setSaving(false);
    }
  };

  const mdf = values.initiativeType === 'mdf';
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        {kind === 'goal' && (
          <>
            {text('title', 'Goal', { required: true })}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {text('metric', 'Metric')}
              {text('target', 'Target', { required: true })}
              {text('actual', 'Actual')}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {date('dueDate', 'Due date')}
              {select('ownerSide', 'Owner side', OWNER_OPTIONS)}
            </SimpleGrid>
          </>
        )}
        {kind === 'account' && (
          <>
            {text('title', 'Account name', { required: true })}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {text('segment', 'Segment')}
              {text('fit', 'Fit score (0–100)')}
              {select('stage', 'Stage', options(ACCOUNT_STAGES))}
            </SimpleGrid>
            {text('nextStep', 'Next step')}
          </>
        )}
        {kind === 'initiative' && (
          <>
            {select(
              'initiativeType',
              'Type',
              INITIATIVE_TYPES.map((value) => ({ value, label: INITIATIVE_TYPE_LABELS[value] })),
            )}
            {text('title', 'Initiative', { required: true })}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {text('amount', mdf ? 'MDF amount' : 'Budget', { required: mdf })}
              {text('currency', 'Currency', { required: mdf })}
              {select('status', mdf ? 'MDF status' : 'Status', options(mdf ? MDF_STATUSES : INITIATIVE_STATUSES))}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {date('dueDate', 'Due date')}
              {select('ownerSide', 'Owner side', OWNER_OPTIONS)}
            </SimpleGrid>
          </>
        )}
        {kind === 'revenue' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('quarter', 'Quarter', { required: true, description: 'Year and quarter, as 2027-Q1' })}
            {text('currency', 'Currency', { required: true, description: 'Three letters (ISO 4217)' })}
            {text('target', 'Revenue target', { required: true })}
            {text('actual', 'Actual revenue')}
          </SimpleGrid>
        )}
        {kind === 'risk' && (
          <>
            {text('title', 'Risk', { required: true })}
            <Textarea label="Mitigation" value={values.mitigation ?? ''} onChange={(event) => set('mitigation', event.currentTarget.value)} error={errors.mitigation} autosize minRows={2} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {select('ownerSide', 'Owner side', OWNER_OPTIONS)}
              {select('status', 'Status', options(RISK_STATUSES))}
            </SimpleGrid>
          </>
        )}
        <DraftFormFooter draft={draft} onCancel={onCancel} submitLabel={submitLabel} saving={saving} mt="xs" />
      </Stack>
    </form>
  );
}

/** Defaults a new row of each kind starts with. */
export const NEW_ITEM_DEFAULTS: Record<PlanItemKind, PlanItemFormValues> = {
  goal: { ownerSide: 'partner', actual: '0' },
  account: { stage: 'identified' },
  initiative: { initiativeType: 'campaign', status: 'planned', ownerSide: 'partner' },
  revenue: {},
  risk: { ownerSide: 'vendor', status: 'open' },
};
