import { Alert, Badge, Button, Card, Group, SegmentedControl, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconMessageStar, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { dayNumber, PHASE_INFO, phaseForDay } from '../../../src-shared/domain/journey';
import { isRealIsoDate } from '../../../src-shared/domain/partnerInput';
import { PHASES, type Meeting, type Partner, type Phase, type Survey } from '../../../src-shared/domain/types';
import { formatDate } from '../../../src-shared/util/formatDate';
import { DateField } from '../../app/DateField';
import { DraftIndicator } from '../../app/DraftIndicator';
import { useDraft, useDraftKept, useKeepDraft } from '../../app/useDraft';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { psatPrompt } from './psatPrompt';
import { recordSurvey } from './surveyWrites';

const SCORE_WORDS = ['', 'Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'];

type SurveyDraft = { score: number; comment: string; takenOn: string; phase: Phase };

function SurveyForm({ partner, today, onDone }: { partner: Partner; today: string; onDone: () => void }) {
  const db = useDatabase();
  const draft = useDraft<SurveyDraft>(`psat:new:${partner.id}`, { score: 0, comment: '', takenOn: today, phase: phaseForDay(Math.max(0, dayNumber(partner.day0, today))) });
  const [score, setScore] = useState(draft.initial.score);
  const [comment, setComment] = useState(draft.initial.comment);
  const [takenOn, setTakenOn] = useState(draft.initial.takenOn);
  const [phase, setPhase] = useState<Phase>(draft.initial.phase);
  useKeepDraft(draft, useMemo(() => ({ score, comment, takenOn, phase }), [score, comment, takenOn, phase]));
  const [errors, setErrors] = useState<{ score?: string; takenOn?: string }>({});
  const [save, saving] = useStoreAction(recordSurvey, 'record the PSAT');
  const submit = async () => {
    const e: typeof errors = {};
    if (score < 1) e.score = 'Pick a score from 1 to 5';
    if (!isRealIsoDate(takenOn) || takenOn > today || takenOn < partner.day0) e.takenOn = 'Taken on must be a real date between Day 0 and today';
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    if (await save(db, partner.id, { score, takenOn, comment, phase })) {
      draft.clear();
      onDone();
    }
  };
  return (
    <Card withBorder radius="md" padding="md" component="form" aria-label="Record a PSAT" onSubmit={(ev) => { ev.preventDefault(); void submit(); }}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Record a PSAT</Title>
          <DraftIndicator state={draft.state} restored={draft.restored} />
        </Group>
        <div>
          <Text size="sm" fw={500} id="psat-score-label">
            Score
          </Text>
          <Group gap="sm">
            <SegmentedControl
              aria-labelledby="psat-score-label"
              value={score > 0 ? String(score) : ''}
              onChange={(v) => setScore(Number(v))}
              data={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))}
            />
            <Text size="sm" c="dimmed">
              {score > 0 ? `${score} of 5 — ${SCORE_WORDS[score]}` : 'not scored'}
            </Text>
          </Group>
          {errors.score ? (
            <Text size="xs" c="red" role="alert">
              {errors.score}
            </Text>
          ) : null}
        </div>
        <Group grow align="flex-start">
          <DateField label="Taken on" value={takenOn} minDate={partner.day0} maxDate={today} onChange={setTakenOn} error={errors.takenOn} />
          <Select label="About journey phase" data={PHASES.map((p) => ({ value: p, label: PHASE_INFO[p].label }))} value={phase} onChange={(v) => setPhase((v ?? phase) as Phase)} allowDeselect={false} />
        </Group>
        <Textarea label="Comment" placeholder="What worked, what should change" autosize minRows={2} maxLength={5000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
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
            Save PSAT
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** PSAT responses and feedback of one partner, with a prompt when one is due (day 90, after reviews). */
export function SatisfactionTab({ partner, surveys, meetings, today }: { partner: Partner; surveys: Survey[]; meetings: Meeting[]; today: string }) {
  const [adding, setAdding] = useState(useDraftKept(`psat:new:${partner.id}`));
  const prompt = psatPrompt(partner, surveys, meetings, today);
  const sorted = [...surveys].sort((a, b) => (a.takenOn < b.takenOn ? 1 : -1));
  return (
    <Stack gap="md">
      {prompt && !adding ? (
        <Alert color="indigo" icon={<IconMessageStar size={18} />} title="PSAT due">
          <Group justify="space-between">
            <Text size="sm">{prompt}</Text>
            <Button size="xs" onClick={() => setAdding(true)}>
              Record PSAT
            </Button>
          </Group>
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {surveys.length === 0 ? 'No PSAT recorded yet.' : `${surveys.length} response${surveys.length === 1 ? '' : 's'}, mean ${(surveys.reduce((s, x) => s + x.score, 0) / surveys.length).toFixed(1)} of 5.`}
        </Text>
        {!adding ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} variant="light">
            Record a PSAT
          </Button>
        ) : null}
      </Group>
      {adding ? <SurveyForm partner={partner} today={today} onDone={() => setAdding(false)} /> : null}
      <Stack gap="xs" aria-label="PSAT responses">
        {sorted.map((s) => (
          <Card key={s.id} withBorder padding="sm" radius="md">
            <Group justify="space-between" wrap="nowrap">
              <Group gap="sm">
                <Badge color={s.score >= 4 ? 'green' : s.score === 3 ? 'yellow' : 'red'} variant="light">
                  PSAT {s.score} of 5
                </Badge>
                <Text size="sm">{s.comment || <Text span c="dimmed" size="sm">No comment</Text>}</Text>
              </Group>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {PHASE_INFO[s.phase ?? 'engagement'].label} · {formatDate(s.takenOn)}
              </Text>
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
