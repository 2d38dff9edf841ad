import { Button, Checkbox, Group, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { PHASE_INFO } from '../../../src-shared/domain/journey';
import { OWNER_SIDES, PHASES, TASK_CATEGORIES } from '../../../src-shared/domain/types';
import type { JourneyStep } from '../../../src-shared/journey/templateModel';
import { validateTemplate } from '../../../src-shared/journey/validateTemplate';
import { CATEGORY_LABELS, TIER_OPTIONS } from '../../app/labels';
import { useOwnerSideLabels } from '../../app/useProfile';
import { isReplaced } from '../../../src-shared/resources/resourceRules';
import { useResources } from '../resources/useResources';

type ConditionMode = 'all' | 'only' | 'except';
type Values = Omit<JourneyStep, 'condition'> & { conditionMode: ConditionMode; regions: string[]; tiers: string[] };

function toValues(step: JourneyStep): Values {
  const { condition, ...rest } = step;
  return { ...rest, conditionMode: condition?.when ?? 'all', regions: condition?.regions ?? [], tiers: condition?.tiers ?? [] };
}

function toStep(values: Values): JourneyStep {
  const { conditionMode, regions, tiers, ...rest } = values;
  const step: JourneyStep = { ...rest, key: rest.key.trim(), title: rest.title.trim(), guidance: rest.guidance.trim() };
  return conditionMode === 'all' ? step : { ...step, condition: { when: conditionMode, regions, tiers } };
}

/**
 * One template step, edited in a form. The template's rules run on the form as it would be
 * saved (`others` are the other steps, `index` this step's place), so an offset outside the
 * phase, a taken key or a dependency cycle shows on its field before saving.
 */
export function StepForm({
  step,
  index,
  steps,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  step: JourneyStep;
  index: number;
  steps: readonly JourneyStep[];
  submitLabel: string;
  onSubmit: (step: JourneyStep) => Promise<unknown>;
  onCancel: () => void;
}) {
  const sides = useOwnerSideLabels();
  const issuesFor = (values: Values) => {
    const next = [...steps];
    next.splice(index, index < steps.length ? 1 : 0, toStep(values));
    return validateTemplate(next).filter((issue) => issue.stepIndex === index);
  };
  const fieldError = (field: 'key' | 'title' | 'dueOffset' | 'dependsOn' | 'condition') => (_value: unknown, values: Values) =>
    issuesFor(values)
      .filter((issue) => issue.field === field)
      .map((issue) => {
        const message = issue.message.replace(/^Step \d+( \([^)]*\))?: /, '');
        return message.charAt(0).toUpperCase() + message.slice(1);
      })
      .join(' ') || null;
  const form = useForm<Values>({
    initialValues: toValues(step),
    validate: {
      key: fieldError('key'),
      title: fieldError('title'),
      dueOffset: fieldError('dueOffset'),
      dependsOn: fieldError('dependsOn'),
      regions: fieldError('condition'),
    },
  });
  const { resources } = useResources();
  // Current resources to pick from, and any replaced one still linked (so it shows, marked, and can be removed).
  const resourceOptions = resources
    .filter((resource) => !isReplaced(resource) || form.values.resourceIds.includes(resource.id))
    .map((resource) => ({
      value: resource.id,
      label: `${resource.title} (v${resource.version}${isReplaced(resource) ? ', replaced: its newest version is shown on tasks' : `, ${PHASE_INFO[resource.phase].label}`})`,
    }));
  const otherKeys = steps.filter((_, i) => i !== index).map((s) => ({ value: s.key, label: `${s.title} (${s.key})` }));
  const window = PHASE_INFO[form.values.phase];
  return (
    <form noValidate onSubmit={form.onSubmit((values) => onSubmit(toStep(values)))}>
      <Stack>
        <TextInput label="Step" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Key" description="Stable id other features find the task by" withAsterisk {...form.getInputProps('key')} />
          <NumberInput
            label="Due day"
            description={`Days after Day 0 · ${window.label}: ${window.window}`}
            allowDecimal={false}
            withAsterisk
            {...form.getInputProps('dueOffset')}
            onChange={(value) => form.setFieldValue('dueOffset', typeof value === 'number' ? value : Number.NaN)}
          />
          <Select label="Phase" data={PHASES.map((value) => ({ value, label: PHASE_INFO[value].label }))} allowDeselect={false} {...form.getInputProps('phase')} />
          <Select
            label="Category"
            data={TASK_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))}
            allowDeselect={false}
            {...form.getInputProps('category')}
          />
          <Select label="Who does it" data={OWNER_SIDES.map((value) => ({ value, label: sides[value] }))} allowDeselect={false} {...form.getInputProps('ownerSide')} />
          <MultiSelect
            label="Depends on"
            description="Steps that must be finished first"
            data={otherKeys}
            searchable
            nothingFoundMessage="No step of that name"
            {...form.getInputProps('dependsOn')}
          />
        </SimpleGrid>
        <Textarea label="Guidance" autosize minRows={2} maxRows={6} {...form.getInputProps('guidance')} />
        <MultiSelect
          label="Resources"
          description="Library files and links this step's task shows (nothing else from the library)"
          data={resourceOptions}
          searchable
          clearable
          nothingFoundMessage={resources.length === 0 ? 'The resource library is empty' : 'No resource of that name'}
          {...form.getInputProps('resourceIds')}
        />
        <Checkbox label="Required to complete onboarding" {...form.getInputProps('required', { type: 'checkbox' })} />
        <Stack gap={6}>
          <Text size="sm" fw={500} id="condition-label">
            Which partners get this step
          </Text>
          <SegmentedControl
            aria-labelledby="condition-label"
            data={[
              { value: 'all', label: 'Every partner' },
              { value: 'only', label: 'Only these' },
              { value: 'except', label: 'All except these' },
            ]}
            {...form.getInputProps('conditionMode')}
          />
          {form.values.conditionMode !== 'all' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TagsInput label="Regions" description="e.g. EMEA; press Enter after each" {...form.getInputProps('regions')} />
              <TagsInput label="Tiers" data={TIER_OPTIONS} {...form.getInputProps('tiers')} />
            </SimpleGrid>
          )}
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit">{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
