import { Anchor, Badge, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { healthSinceLastCheckin } from '../../../src-shared/domain/health';
import { journeyDayLabel, PHASE_INFO } from '../../../src-shared/domain/journey';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { useAppData } from '../../db/useAppData';
import { HealthBadge } from '../partners/HealthBadge';
import { NextActionButton } from '../partners/NextActionButton';
import { attentionOrder } from './attention';
import { riskDisplay } from '../../../src-shared/kpi/riskModel';
import { recordsFromAppData, useRiskAssessment } from './useRiskAssessment';

const LIMIT = 8;

/** Today's "Needs attention": red and at-risk partners first, each with its reasons and next best action. */
export function NeedsAttentionCard() {
  const { rows, rowsById, today } = usePortfolioOverview();
  const data = useAppData();
  const { risks, model } = useRiskAssessment();
  const items = useMemo(
    () => attentionOrder(rows.map((r) => ({ partnerId: r.partner.id, health: r.health, churned: r.partner.status === 'churned' })), risks),
    [rows, risks],
  );
  const flagged = items.filter((i) => i.flagged).length;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="attention-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="attention-title">
          Needs attention
        </Title>
        {flagged > 0 ? (
          <Badge color="red" variant="light">
            {flagged} red or at risk
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        Red and at-risk partners first, with their reasons and next best action. Risk = chance of not being activated by day 90 (
        {model === null ? 'computing…' : model.kind === 'fitted' ? `model fitted on ${model.outcomes} past partners` : 'expert weights until there is enough history'}).
      </Text>
      <Stack gap="sm">
        {items.slice(0, LIMIT).map((item) => {
          const row = rowsById.get(item.partnerId);
          if (!row) return null;
          const since = item.flagged ? healthSinceLastCheckin({ partner: row.partner, today, ...recordsFromAppData(data)(row.partner.id) }) : null;
          const moved = since?.changes.filter((c) => c.delta < 0).slice(0, 2) ?? [];
          return (
            <Group key={item.partnerId} gap="sm" wrap="nowrap" align="flex-start" data-testid="attention-row">
              <HealthBadge health={row.health} />
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Group gap={6}>
                  <Anchor component={Link} to={`/partners/${row.partner.id}`} fw={600} size="sm">
                    {row.partner.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {journeyDayLabel(row.journey.day)} · {PHASE_INFO[row.journey.phase].label}
                  </Text>
                  {item.atRisk && item.probability !== null && model !== null
                    ? (() => {
                        const shown = riskDisplay(model, item.probability);
                        return (
                          <Tooltip label={shown.kind === 'band' ? `Chance of not being activated by day 90. ${shown.caveat}.` : 'Chance of not being activated (onboarding complete and a first deal) by day 90'}>
                            <Badge size="sm" color="orange" variant="light">
                              {shown.text}
                            </Badge>
                          </Tooltip>
                        );
                      })()
                    : null}
                </Group>
                {item.reasons.slice(0, item.flagged ? 2 : 1).map((text) => (
                  <Text size="xs" c="dimmed" key={text}>
                    {text}
                  </Text>
                ))}
                {since && since.after !== since.before ? (
                  <Text size="xs" c={since.after < since.before ? 'red' : 'teal'}>
                    Since the check-in on {since.since}: {since.before} → {since.after}
                    {moved.length > 0 ? ` (${moved.map((c) => `${c.label.toLowerCase()} ${c.delta}`).join(', ')})` : ''}
                  </Text>
                ) : null}
                <div>
                  <NextActionButton partnerId={row.partner.id} action={row.next} compact />
                </div>
              </Stack>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
