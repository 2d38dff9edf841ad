import { Alert, Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconAward, IconPencil } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TierDefinition } from '../../../src-shared/tiers/tierDefinition';
import { compactAmount } from '../../../src-shared/tiers/tierRecommendation';
import { parseTierMoveFilter, rowsAwaitingDecision, tierMoveCounts } from '../../../src-shared/tiers/tierPortfolio';
import { PageLoader } from '../../app/PageLoader';
import { useStoreAction } from '../../app/useStoreAction';
import { useAppData } from '../../db/useAppData';
import { useDatabase } from '../../db/useDatabase';
import { useSync } from '../../sync/useSync';
import { ProtectionWindowCard } from '../deals/ProtectionWindowCard';
import { TierDefinitionEditor } from './TierDefinitionEditor';
import { MOVE_COLORS, MOVE_LABELS, summarySentence } from './tierText';
import { saveTierDefinition } from './tierWrites';
import { useTierRecommendations } from './useTierRecommendations';

function criteriaLines(definition: TierDefinition, criteria: TierDefinition['tiers'][number]['criteria']): string[] {
  const lines: string[] = [];
  if (criteria.certifications.length) lines.push(`Certifications: ${criteria.certifications.join(', ')}`);
  if (criteria.wonRevenue > 0) lines.push(`${definition.baseCurrency} ${compactAmount(criteria.wonRevenue)} won in 12 months`);
  if (criteria.dealsRegistered > 0) lines.push(`${criteria.dealsRegistered} deals registered in 12 months`);
  if (criteria.minPsat !== undefined) lines.push(`PSAT ${criteria.minPsat} or more`);
  if (criteria.onboardingComplete) lines.push('Onboarding complete');
  return lines.length ? lines : ['No criteria: every partner holds at least this tier'];
}

/** The tier definition (admins edit, managers read) and the partners whose recommendation awaits a decision. */
export function TiersPage() {
  const db = useDatabase();
  const data = useAppData();
  const { session } = useSync();
  const canEdit = !session || session.user.role === 'admin';
  const { loading, error, active, rows } = useTierRecommendations();
  const [editing, setEditing] = useState(false);
  const [save, saving] = useStoreAction(saveTierDefinition, 'save the tier definition');
  const [params, setParams] = useSearchParams();
  const move = parseTierMoveFilter(params.get('move'));
  const counts = useMemo(() => tierMoveCounts(rows), [rows]);
  const shown = useMemo(() => rowsAwaitingDecision(rows, move), [rows, move]);
  const courses = useMemo(() => [...new Set([...data.trainingsByPartner.values()].flat().map((t) => t.course))].sort(), [data.trainingsByPartner]);

  if (loading) return <PageLoader />;
  if (error)
    return (
      <Alert color="red" title="The tier definition could not be read">
        {error}
      </Alert>
    );
  const { definition } = active;
  const rateText = Object.entries(definition.rates).map(([c, r]) => `1 ${c} = ${r} ${definition.baseCurrency}`).join(' · ');

  return (
    <Stack gap="md">
      <Group gap="sm" justify="space-between">
        <Group gap="sm">
          <IconAward size={26} stroke={1.6} aria-hidden />
          <Title order={2}>Partner tiers</Title>
        </Group>
        {canEdit && !editing && (
          <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            Edit the tiers
          </Button>
        )}
      </Group>
      <Text c="dimmed" size="sm" maw={760}>
        Every partner gets a tier recommendation from these criteria, over the last 12 months. It is only a recommendation: a manager approves or rejects it in the partner&apos;s workspace, and the decision is kept.
        {canEdit ? '' : ' Program leads (admins) set the criteria.'}
      </Text>
      {active.issues.length > 0 && (
        <Alert color="orange" title="The stored tier definition cannot be used; the built-in one applies">
          {active.issues.map((i) => i.message).join(' ')}
        </Alert>
      )}
      {editing ? (
        <TierDefinitionEditor
          initial={definition}
          courses={courses}
          saving={saving}
          onCancel={() => setEditing(false)}
          onSave={(next) =>
            void save(db, next, active.template?.id ?? null).then((id) => {
              if (id) setEditing(false);
            })
          }
        />
      ) : (
        <Card withBorder padding="md" component="section" aria-label="Tier definition">
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {active.template ? 'Your program’s definition' : 'The built-in definition (no one has edited it yet)'} · amounts in {definition.baseCurrency}
              {rateText ? ` · ${rateText}` : ' · no other currency counts'}
            </Text>
            <Table verticalSpacing="xs" data-testid="tier-definition">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tier</Table.Th>
                  <Table.Th>Criteria</Table.Th>
                  <Table.Th ta="right">Partners</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {definition.tiers.map((tier) => (
                  <Table.Tr key={tier.name}>
                    <Table.Td fw={600}>{tier.name}</Table.Td>
                    <Table.Td>
                      {criteriaLines(definition, tier.criteria).map((line) => (
                        <Text key={line} size="sm">
                          {line}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td ta="right">{rows.filter((r) => r.partner.tier.trim().toLowerCase() === tier.name.trim().toLowerCase()).length}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Card>
      )}
      <ProtectionWindowCard canEdit={canEdit} />
      <Card withBorder padding="md" component="section" aria-label="Recommendations awaiting a decision">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3} size="h5">
              Awaiting a decision
            </Title>
            <SegmentedControl
              size="xs"
              value={move ?? 'all'}
              onChange={(value) => setParams(value === 'all' ? {} : { move: value })}
              data={[
                { value: 'all', label: `All (${counts.promote + counts.demote})` },
                { value: 'promote', label: `Promotions (${counts.promote})` },
                { value: 'demote', label: `Demotions (${counts.demote})` },
              ]}
            />
          </Group>
          {shown.length === 0 ? (
            <Text size="sm" c="dimmed">
              {move ? `No ${MOVE_LABELS[move].toLowerCase()} awaits a decision.` : 'Every partner holds the tier it qualifies for, or its recommendation was decided.'}
            </Text>
          ) : (
            <Table verticalSpacing="xs" data-testid="tier-awaiting">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Partner</Table.Th>
                  <Table.Th>Now</Table.Th>
                  <Table.Th>Recommended</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map(({ partner, recommendation }) => (
                  <Table.Tr key={partner.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/partners/${partner.id}`}>
                        {partner.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{partner.tier || 'none'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={MOVE_COLORS[recommendation.move]}>
                        {recommendation.recommendedTier}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{summarySentence(recommendation)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
