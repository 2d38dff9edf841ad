import { Checkbox, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { dayNumber, dueDateError, PHASE_INFO } from '../../../src-shared/domain/journey';
import { OWNER_SIDES, PHASES, TASK_CATEGORIES, type OwnerSide, type Phase, type TaskCategory } from '../../../src-shared/domain/types';
import { DateField } from '../../app/DateField';
import { DraftFormFooter } from '../../app/DraftFormFooter';
import { CATEGORY_LABELS } from '../../app/labels';
import { useDraft } from '../../app/useDraft';
import { useOwnerSideLabels } from '../../app/useProfile';
import type { CustomTaskInput } from './updateTask';

type Values = { title: string; phase: Phase; category: TaskCategory; dueDate: string; ownerSide: OwnerSide; required: boolean; guidance: string };

/** A task the manager adds to a partner's journey by hand. */
export function AddTaskForm({
  draftKey,
  day0,
  defaultPhase,
  defaultDue,
  onSubmit,
  onCancel,
}: {
  /** Where what is typed is kept until the task is added (form and partner). */
  draftKey: string;
  day0: string;
  defaultPhase: Phase;
  defaultDue: string;
  /** Resolves true once the task is added (the draft is then forgotten). */
  onSubmit: (input: CustomTaskInput) => Promise<boolean>;
  onCancel: () => void;
}) {
  const sides = useOwnerSideLabels();
  const draft = useDraft<Values>(draftKey, { title: '', phase: defaultPhase, category: 'team', dueDate: defaultDue, ownerSide: 'vendor', required: false, guidance: '' });
  const form = useForm<Values>({
    initialValues: draft.initial,
    onValuesChange: (values) => draft.change(values),
    validate: {
      title: (value) => (value.trim() ? (value.length > 300 ? 'Keep the title under 300 characters' : null) : 'Say what needs to happen'),
      dueDate: (value) => dueDateError(value, day0),
      guidance: (value) => (value.length > 2000 ? 'Keep the guidance under 2,000 characters' : null),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        if (await onSubmit({ ...values, title: values.title.trim(), guidance: values.guidance.trim(), dueOffset: dayNumber(day0, values.dueDate) })) draft.clear();
      })}
    >
      <Stack>
        <TextInput label="Task" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={2}>
          <Select
            label="Phase"
            data={PHASES.map((value) => ({ value, label: PHASE_INFO[value].label }))}
            allowDeselect={false}
            {...form.getInputProps('phase')}
          />
          <Select
            label="Category"
            data={TASK_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))}
            allowDeselect={false}
            {...form.getInputProps('category')}
          />
          <DateField
            label="Due"
            withAsterisk
            minDate={day0}
            {...form.getInputProps('dueDate')}
            value={form.values.dueDate}
            onChange={(value) => form.setFieldValue('dueDate', value)}
          />
          <Select
            label="Who does it"
            data={OWNER_SIDES.map((value) => ({ value, label: sides[value] }))}
            allowDeselect={false}
            {...form.getInputProps('ownerSide')}
          />
        </SimpleGrid>
        <Textarea label="Guidance" autosize minRows={2} {...form.getInputProps('guidance')} />
        <Checkbox label="Required to complete onboarding" {...form.getInputProps('required', { type: 'checkbox' })} />
        <DraftFormFooter draft={draft} onCancel={onCancel} submitLabel="Add task" />
      </Stack>
    </form>
  );
}
