import { ActionIcon, Alert, Checkbox, Group, Input, NumberInput, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { formatDate } from '../../../src-shared/util/formatDate';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { newId } from '../../../src-shared/domain/ids';
import { dayNumber, phaseForDay, PHASE_INFO } from '../../../src-shared/domain/journey';
import { isRealIsoDate } from '../../../src-shared/domain/partnerInput';
import type { ActionItem, Meeting, Partner, Plan, PlanItem, Task } from '../../../src-shared/domain/types';
import { openPlanGoals, suggestedNextCheckin, validateCheckin, type CheckinErrors } from '../../../src-shared/meetings/checkins';
import { DateField } from '../../app/DateField';
import { DraftFormFooter } from '../../app/DraftFormFooter';
import { OWNER_SIDE_LABELS } from '../../app/labels';
import { useDraft, useKeepDraft } from '../../app/useDraft';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { ActionLineInput } from './ActionLineInput';
import { peopleOf } from './AttendeesPicker';
import { recordCheckin } from './recordCheckin';

type Props = {
  partner: Partner;
  tasks: Task[];
  plans: Plan[];
  today: string;
  /** A scheduled check-in being recorded (its date and attendees are the starting point). */
  scheduled?: Meeting;
  /** Start from the scheduled date (recording a past scheduled check-in) rather than today. */
  heldOnScheduledDate?: boolean;
  onDone: () => void;
  onCancel: () => void;
};

const SENTIMENTS = [
  { value: '1', label: '1 · Struggling' },
  { value: '2', label: '2' },
  { value: '3', label: '3 · OK' },
  { value: '4', label: '4' },
  { value: '5', label: '5 · Great' },
];

type CheckinDraft = {
  heldOn: string;
  nextOn: string;
  nextTouched: boolean;
  sentiment: number | null;
  blockers: string;
  notes: string;
  nextSteps: ActionItem[];
  actuals: Record<string, number>;
  doneIds: string[];
};

/** The partner's plan goals, live from the store (plan items are not part of the app-wide data). */
function usePlanGoals(partnerId: string, plans: Plan[]): PlanItem[] | null {
  const db = useDatabase();
  const [items, setItems] = useState<{ partnerId: string; items: PlanItem[] } | null>(null);
  useEffect(() => {
    const subscription = db.planitems.find({ selector: { partnerId } }).$.subscribe((docs) => setItems({ partnerId, items: docs.map((d) => d.toJSON() as PlanItem) }));
    return () => subscription.unsubscribe();
  }, [db, partnerId]);
  if (!items || items.partnerId !== partnerId) return null;
  return openPlanGoals(plans, items.items, partnerId);
}

/** Records a check-in: progress, blockers, sentiment, notes, next steps and the next date. */
export function CheckinForm({ partner, tasks, plans, today, scheduled, heldOnScheduledDate, onDone, onCancel }: Props) {
  const db = useDatabase();
  const [save, saving] = useStoreAction(recordCheckin, 'record the check-in');
  const initialHeld = scheduled && heldOnScheduledDate && scheduled.scheduledOn <= today && scheduled.scheduledOn >= partner.day0 ? scheduled.scheduledOn : today;
  const draft = useDraft<CheckinDraft>(`checkin:${partner.id}:${scheduled?.id ?? 'new'}`, {
    heldOn: initialHeld,
    nextOn: suggestedNextCheckin(partner, initialHeld),
    nextTouched: false,
    sentiment: null,
    blockers: '',
    notes: '',
    nextSteps: [],
    actuals: {},
    doneIds: [],
  });
  const start = draft.initial;
  const [heldOn, setHeldOn] = useState(start.heldOn);
  const [nextOn, setNextOn] = useState(start.nextOn);
  const [nextTouched, setNextTouched] = useState(start.nextTouched);
  const [sentiment, setSentiment] = useState<number | null>(start.sentiment);
  const [blockers, setBlockers] = useState(start.blockers);
  const [notes, setNotes] = useState(start.notes);
  const [nextSteps, setNextSteps] = useState<ActionItem[]>(start.nextSteps);
  const [actuals, setActuals] = useState<Record<string, number>>(start.actuals);
  const [doneIds, setDoneIds] = useState<string[]>(start.doneIds);
  // Every change is kept as a draft until the check-in is recorded or cancelled.
  const kept = useMemo(
    () => ({ heldOn, nextOn, nextTouched, sentiment, blockers, notes, nextSteps, actuals, doneIds }),
    [heldOn, nextOn, nextTouched, sentiment, blockers, notes, nextSteps, actuals, doneIds],
  );
  useKeepDraft(draft, kept);
  const [errors, setErrors] = useState<CheckinErrors & { form?: string }>({});
  const goals = usePlanGoals(partner.id, plans);
  const phase = phaseForDay(dayNumber(partner.day0, isRealIsoDate(heldOn) ? heldOn : today));
  const phaseTasks = tasks.filter((t) => t.phase === phase && t.status === 'open').sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const { partnerPeople, vendorPeople } = peopleOf(partner);

  const changeHeldOn = (value: string) => {
    setHeldOn(value);
    setErrors((e) => ({ ...e, heldOn: undefined }));
    if (!nextTouched && isRealIsoDate(value)) setNextOn(suggestedNextCheckin(partner, value));
  };

  const submit = async () => {
    const found: CheckinErrors & { form?: string } = validateCheckin({ heldOn, sentiment, nextCheckinOn: nextOn }, partner, today);
    if (sentiment === null) found.sentiment = 'Pick how the partner feels, from 1 (struggling) to 5 (great).';
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const meeting = await save(db, partner, {
      heldOn,
      ...(sentiment !== null ? { sentiment } : {}),
      blockers: blockers.trim(),
      notes: notes.trim(),
      attendees: scheduled?.attendees ?? [],
      nextSteps,
      nextCheckinOn: nextOn,
      goalActuals: actuals,
      completedTaskIds: doneIds,
      ...(scheduled ? { scheduledMeetingId: scheduled.id } : {}),
    });
    if (!meeting) return;
    draft.clear();
    notifications.show({
      color: 'teal',
      title: 'Check-in recorded',
      message: `${nextSteps.length > 0 ? `${nextSteps.length} next step${nextSteps.length === 1 ? '' : 's'} added to the journey. ` : ''}Next check-in ${formatDate(nextOn)}.`,
    });
    onDone();
  };

  return (
    <form
      aria-label="Check-in"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        {scheduled && (
          <Text size="sm" c="dimmed" data-testid="fulfils-scheduled">
            This records the check-in scheduled for {formatDate(scheduled.scheduledOn)}.
          </Text>
        )}
        <Group grow align="flex-start">
          <DateField label="Held on" withAsterisk value={heldOn} onChange={changeHeldOn} error={errors.heldOn} />
          <DateField
            label="Next check-in"
            withAsterisk
            description="From the cadence; change it if you agreed another date"
            value={nextOn}
            onChange={(value) => {
              setNextOn(value);
              setNextTouched(true);
              setErrors((e) => ({ ...e, nextCheckinOn: undefined }));
            }}
            error={errors.nextCheckinOn}
          />
        </Group>

        <Input.Wrapper label="How does the partner feel?" withAsterisk error={errors.sentiment}>
          <SegmentedControl
            fullWidth
            data={SENTIMENTS}
            value={sentiment === null ? '' : String(sentiment)}
            onChange={(value) => {
              setSentiment(Number(value));
              setErrors((e) => ({ ...e, sentiment: undefined }));
            }}
            aria-label="Sentiment from 1 to 5"
          />
        </Input.Wrapper>

        {goals === null ? null : goals.length > 0 ? (
          <Stack gap={6}>
            <Title order={4} size="h6">
              Progress on plan goals
            </Title>
            {goals.map((goal) => (
              <Group key={goal.id} gap="sm" wrap="nowrap">
                <Text size="sm" style={{ flex: 1 }}>
                  {goal.title}
                  {goal.metric ? ` (${goal.metric})` : ''}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · target {goal.target ?? '—'}
                  </Text>
                </Text>
                <NumberInput
                  w={130}
                  size="xs"
                  min={0}
                  aria-label={`Actual for “${goal.title}”`}
                  value={actuals[goal.id] ?? goal.actual ?? ''}
                  onChange={(value) =>
                    setActuals((a) => {
                      const next = { ...a };
                      if (typeof value === 'number') next[goal.id] = value;
                      else delete next[goal.id];
                      return next;
                    })
                  }
                />
              </Group>
            ))}
          </Stack>
        ) : (
          <Stack gap={6}>
            <Title order={4} size="h6">
              {PHASE_INFO[phase].label}: steps done since the last check-in
            </Title>
            {phaseTasks.length === 0 ? (
              <Text size="sm" c="dimmed">
                No open steps in this phase{plans.length === 0 ? ', and no business plan yet' : ''}.
              </Text>
            ) : (
              phaseTasks.map((task) => (
                <Checkbox
                  key={task.id}
                  label={task.title}
                  checked={doneIds.includes(task.id)}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    setDoneIds((ids) => (on ? [...ids, task.id] : ids.filter((id) => id !== task.id)));
                  }}
                />
              ))
            )}
          </Stack>
        )}

        <Textarea label="Blockers" placeholder="What is in the partner’s way?" autosize minRows={2} value={blockers} onChange={(e) => setBlockers(e.currentTarget.value)} />
        <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />

        <Stack gap={4}>
          <ActionLineInput
            draftKey={`checkin-action:${partner.id}`}
            label="Next steps"
            today={today}
            partnerPeople={partnerPeople}
            vendorPeople={vendorPeople}
            onAdd={(action) => {
              const id = newId();
              setNextSteps((steps) => [...steps, { id, ...action }]);
              return id;
            }}
            onSetDue={(id, dueDate) => setNextSteps((steps) => steps.map((step) => (step.id === id ? { ...step, dueDate } : step)))}
          />
          {nextSteps.map((step) => (
            <Group key={step.id} gap="xs" wrap="nowrap" data-testid="next-step">
              <Text size="sm" style={{ flex: 1 }}>
                <b>{step.text}</b> · {OWNER_SIDE_LABELS[step.ownerSide]}
                {step.ownerName ? `: ${step.ownerName}` : ''} · due {step.dueDate ? formatDate(step.dueDate) : 'in 7 days'}
              </Text>
              <ActionIcon variant="subtle" color="red" aria-label={`Remove “${step.text}”`} onClick={() => setNextSteps((s) => s.filter((x) => x.id !== step.id))}>
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>

        {errors.form && <Alert color="red">{errors.form}</Alert>}
        <DraftFormFooter draft={draft} onCancel={onCancel} submitLabel="Record check-in" saving={saving} />
      </Stack>
    </form>
  );
}
