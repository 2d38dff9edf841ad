import { Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAward } from '@tabler/icons-react';
import { useState } from 'react';
import type { Partner } from '../../../src-shared/domain/types';
import { awaitsDecision, lastDecisionOn } from '../../../src-shared/tiers/tierDecision';
import type { TierRecommendation } from '../../../src-shared/tiers/tierRecommendation';
import { formatMoment } from '../../app/formatMoment';
import { useCurrentUser } from '../../app/useProfile';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { decisionTitle, MOVE_COLORS, MOVE_LABELS, summarySentence } from './tierText';
import { decideTierRecommendation } from './tierWrites';

/** The partner's tier recommendation with its reasons, Approve / Reject, and the decisions so far. */
export function TierCard({ partner, recommendation }: { partner: Partner; recommendation: TierRecommendation }) {
  const db = useDatabase();
  const currentUser = useCurrentUser();
  const [decide, pending] = useStoreAction(decideTierRecommendation, 'record the tier decision');
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const awaiting = awaitsDecision(partner, recommendation);
  const rejected = recommendation.move !== 'keep' && !awaiting ? lastDecisionOn(partner, recommendation.recommendedTier) : undefined;
  const history = [...(partner.tierHistory ?? [])].reverse();

  const submit = async (outcome: 'approved' | 'rejected') => {
    await decide(db, partner.id, recommendation, { outcome, note, decidedBy: currentUser() });
    setRejecting(false);
    setNote('');
  };

  return (
    <Card withBorder padding="md" component="section" aria-label="Tier" data-testid="tier-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <IconAward size={20} stroke={1.6} aria-hidden />
            <Title order={3} size="h5">
              Tier: {partner.tier || 'none'}
            </Title>
            {recommendation.move !== 'keep' && (
              <Badge color={MOVE_COLORS[recommendation.move]} variant="light">
                {MOVE_LABELS[recommendation.move]} to {recommendation.recommendedTier} recommended
              </Badge>
            )}
          </Group>
          {awaiting && !rejecting && (
            <Group gap="xs">
              <Button size="xs" color="teal" loading={pending} onClick={() => void submit('approved')}>
                Approve {recommendation.recommendedTier}
              </Button>
              <Button size="xs" variant="default" disabled={pending} onClick={() => setRejecting(true)}>
                Reject
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm" data-testid="tier-summary">
          {summarySentence(recommendation)}
        </Text>
        {rejected && (
          <Text size="sm" c="dimmed">
            Rejected {formatMoment(rejected.decidedAt)} by {rejected.decidedBy}: {rejected.note}
          </Text>
        )}
        {recommendation.next && (
          <Text size="sm" c="dimmed">
            For {recommendation.next.tier}: {recommendation.next.missing.length ? recommendation.next.missing.join(', ') : 'every criterion is met; the tiers below are not'}.
          </Text>
        )}
        {rejecting && (
          <Stack gap="xs">
            <Textarea label="Why reject it?" description="Kept with the decision, so the next review knows." autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
            <Group gap="xs">
              <Button size="xs" color="orange" loading={pending} disabled={!note.trim()} onClick={() => void submit('rejected')}>
                Reject {MOVE_LABELS[recommendation.move].toLowerCase()}
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setRejecting(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        )}
        {history.length > 0 && (
          <Stack gap={4} data-testid="tier-history">
            <Text size="xs" tt="uppercase" fw={600} c="dimmed">
              Tier decisions
            </Text>
            <List size="sm" spacing={4}>
              {history.map((d) => (
                <List.Item key={d.id}>
                  <Text span size="sm" fw={500}>
                    {decisionTitle(d)}
                  </Text>{' '}
                  <Text span size="sm" c="dimmed">
                    {formatMoment(d.decidedAt)} by {d.decidedBy}
                    {d.note ? ` — ${d.note}` : ''}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
