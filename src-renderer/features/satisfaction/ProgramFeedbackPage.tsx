import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '../../../src-shared/util/formatDate';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { PageLoader } from '../../app/PageLoader';
import { useAppData } from '../../db/useAppData';
import { feedbackByPhase } from './psatPrompt';

/** Every partner's feedback by journey phase, weakest steps flagged, so the program can be improved. */
export function ProgramFeedbackPage() {
  const data = useAppData();
  // Phases whose every response is listed (the weakest twelve otherwise).
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const phases = useMemo(
    () => feedbackByPhase([...data.surveysByPartner.values()].flat(), (id) => data.partnersById.get(id)?.name ?? 'Unknown partner'),
    [data.surveysByPartner, data.partnersById],
  );
  if (data.loading) return <PageLoader />;
  const total = phases.reduce((s, p) => s + p.count, 0);
  return (
    <Stack gap="md">
      <Title order={2}>Program feedback</Title>
      <Text c="dimmed" size="sm">
        {total === 0 ? 'No PSAT feedback yet: responses recorded on a partner’s Satisfaction tab appear here, by journey phase.' : `${total} PSAT responses by the journey phase they are about. Weak steps (mean below 3.5, or the lowest) are flagged.`}
      </Text>
      {phases.map((p) => (
        <Card key={p.phase} withBorder radius="md" padding="md" aria-label={`${p.label} feedback`}>
          <Group justify="space-between" mb={p.items.length > 0 ? 'sm' : 0}>
            <Title order={3} size="h4">
              {p.label}
            </Title>
            <Group gap="xs">
              {p.weak ? <Badge color="red">Weak step</Badge> : null}
              <Badge variant="light" color="gray">
                {p.count === 0 ? 'no feedback' : `mean ${p.mean?.toFixed(2)} · ${p.count} response${p.count === 1 ? '' : 's'}`}
              </Badge>
            </Group>
          </Group>
          <Stack gap={6}>
            {(expanded.has(p.phase) ? p.items : p.items.slice(0, 12)).map(({ survey, partnerName }) => (
              <Group key={survey.id} gap="sm" wrap="nowrap" align="flex-start">
                <Badge size="sm" color={survey.score >= 4 ? 'green' : survey.score === 3 ? 'yellow' : 'red'} variant="light" style={{ flexShrink: 0 }}>
                  {survey.score}
                </Badge>
                <Text size="sm" style={{ flex: 1 }}>
                  {survey.comment || <Text span c="dimmed" size="sm">No comment</Text>}
                </Text>
                <Anchor component={Link} to={`/partners/${survey.partnerId}/satisfaction`} size="xs" style={{ whiteSpace: 'nowrap' }}>
                  {partnerName} · {formatDate(survey.takenOn)}
                </Anchor>
              </Group>
            ))}
            {p.items.length > 12 && !expanded.has(p.phase) ? (
              <Button variant="subtle" size="compact-sm" style={{ alignSelf: 'flex-start' }} onClick={() => setExpanded(new Set([...expanded, p.phase]))}>
                Show all {p.items.length} responses
              </Button>
            ) : null}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
