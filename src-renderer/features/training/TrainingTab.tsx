import { Autocomplete, Badge, Button, Card, Checkbox, Group, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCertificate, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { isRealIsoDate } from '../../../src-shared/domain/partnerInput';
import type { Partner, Task, Training, TrainingStatus } from '../../../src-shared/domain/types';
import { formatDate } from '../../../src-shared/util/formatDate';
import { DateField } from '../../app/DateField';
import { DraftIndicator } from '../../app/DraftIndicator';
import { useDraft, useDraftKept, useKeepDraft } from '../../app/useDraft';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { openCertificationSteps, requiredCompletion, stepForCourse } from './trainingSummary';
import { completeTraining, recordTraining } from './trainingWrites';

type FormValues = { person: string; course: string; required: boolean; status: TrainingStatus; completedOn: string; stepId: string | null };

function TrainingForm({ partner, tasks, today, onDone }: { partner: Partner; tasks: Task[]; today: string; onDone: () => void }) {
  const db = useDatabase();
  const steps = useMemo(() => openCertificationSteps(tasks), [tasks]);
  const draft = useDraft<FormValues>(`training:new:${partner.id}`, { person: '', course: '', required: true, status: 'enrolled', completedOn: today, stepId: null });
  const [v, setV] = useState<FormValues>(draft.initial);
  useKeepDraft(draft, v);
  const [errors, setErrors] = useState<Partial<Record<keyof FormValues, string>>>({});
  const [save, saving] = useStoreAction(recordTraining, 'record the training');
  const set = <K extends keyof FormValues>(k: K, value: FormValues[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setErrors((e) => ({ ...e, [k]: undefined }));
  };
  const submit = async () => {
    const e: typeof errors = {};
    if (v.person.trim() === '') e.person = 'Person is required: who at the partner takes the course';
    if (v.course.trim() === '') e.course = 'Course is required';
    if (v.status === 'completed' && (!isRealIsoDate(v.completedOn) || v.completedOn > today)) e.completedOn = 'Completed on must be a real date, not in the future';
    if (Object.keys(e).length > 0) {
      setErrors(e);
      return;
    }
    const input = { person: v.person.trim(), course: v.course.trim(), required: v.required, status: v.status, ...(v.status === 'completed' ? { completedOn: v.completedOn } : {}) };
    const saved = await save(db, partner.id, input, v.status === 'completed' ? (v.stepId ?? undefined) : undefined);
    if (saved) {
      draft.clear();
      onDone();
    }
  };
  return (
    <Card withBorder radius="md" padding="md" component="form" aria-label="Record a training" onSubmit={(ev) => { ev.preventDefault(); void submit(); }}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Record a training</Title>
          <DraftIndicator state={draft.state} restored={draft.restored} />
        </Group>
        <Group grow align="flex-start">
          <Autocomplete label="Person" data={[...new Set(partner.contacts.map((c) => c.name))]} value={v.person} onChange={(x) => set('person', x)} error={errors.person} required />
          <TextInput
            label="Course"
            value={v.course}
            onChange={(e) => {
              const course = e.currentTarget.value;
              set('course', course);
              const match = stepForCourse(course, steps);
              if (match) set('stepId', match.id);
            }}
            error={errors.course}
            required
          />
        </Group>
        <Group grow align="flex-end">
          <Select label="Status" data={[{ value: 'enrolled', label: 'Enrolled' }, { value: 'completed', label: 'Completed' }]} value={v.status} onChange={(x) => set('status', (x ?? 'enrolled') as TrainingStatus)} allowDeselect={false} />
          {v.status === 'completed' ? <DateField label="Completed on" value={v.completedOn} maxDate={today} onChange={(value) => set('completedOn', value)} error={errors.completedOn} /> : <div />}
          <Checkbox label="Required certification" checked={v.required} onChange={(e) => set('required', e.currentTarget.checked)} mb={8} />
        </Group>
        {v.status === 'completed' && steps.length > 0 ? (
          <Select
            label="Ticks off journey step"
            description="A completed required certification completes its step in the journey"
            clearable
            data={steps.map((s) => ({ value: s.id, label: s.title }))}
            value={v.stepId}
            onChange={(x) => set('stepId', x)}
          />
        ) : null}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              draft.clear();
              onDone();
            }}
          >
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Save training
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Enrolments and certifications per person at the partner, and the required completion rate. */
export function TrainingTab({ partner, trainings, tasks, today }: { partner: Partner; trainings: Training[]; tasks: Task[]; today: string }) {
  const db = useDatabase();
  const [adding, setAdding] = useState(useDraftKept(`training:new:${partner.id}`));
  const [complete] = useStoreAction(completeTraining, 'mark the training completed');
  const rate = requiredCompletion(trainings);
  const steps = openCertificationSteps(tasks);
  const byPerson = useMemo(() => {
    const m = new Map<string, Training[]>();
    for (const t of [...trainings].sort((a, b) => a.course.localeCompare(b.course))) m.set(t.person, [...(m.get(t.person) ?? []), t]);
    return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [trainings]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4} style={{ flex: '0 1 360px' }}>
          <Text size="sm" fw={500}>
            Required certifications: {rate.total === 0 ? 'none recorded yet' : `${rate.done} of ${rate.total} completed`}
          </Text>
          {rate.rate !== null ? <Progress value={rate.rate * 100} aria-label="Certification completion" color={rate.rate >= 0.8 ? 'green' : rate.rate >= 0.5 ? 'yellow' : 'red'} /> : null}
        </Stack>
        {!adding ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            Record a training
          </Button>
        ) : null}
      </Group>
      {adding ? <TrainingForm partner={partner} tasks={tasks} today={today} onDone={() => setAdding(false)} /> : null}
      {byPerson.length === 0 && !adding ? (
        <Text c="dimmed" size="sm">
          No enrolments yet. Record who at {partner.name} takes which course; required certifications count toward the completion rate.
        </Text>
      ) : null}
      {byPerson.length > 0 ? (
        <Table aria-label="Trainings" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Course</Table.Th>
              <Table.Th>Required</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {byPerson.flatMap(([person, list]) =>
              list.map((t, i) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{i === 0 ? person : ''}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {t.required ? <IconCertificate size={16} aria-hidden /> : null}
                      <Text size="sm">{t.course}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>{t.required ? 'Required' : 'Optional'}</Table.Td>
                  <Table.Td>
                    {t.status === 'completed' ? (
                      <Badge color="green" variant="light">
                        Completed {t.completedOn ? formatDate(t.completedOn) : ''}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        Enrolled
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {t.status === 'enrolled' ? (
                      <Button size="xs" variant="light" aria-label={`Mark ${t.course} completed for ${t.person}`} onClick={() => void complete(db, t.id, today, t.required ? stepForCourse(t.course, steps)?.id : undefined)}>
                        Mark completed
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
