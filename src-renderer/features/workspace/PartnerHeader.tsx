import { newId } from '../../../src-shared/domain/ids';
import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconWorld } from '@tabler/icons-react';
import { journeyDayLabel, PHASE_INFO } from '../../../src-shared/domain/journey';
import type { PartnerOverview } from '../../../src-shared/domain/partnerOverview';
import type { Partner } from '../../../src-shared/domain/types';
import { HEALTH_COLORS, PARTNER_STATUS_LABELS, PARTNER_TYPE_LABELS } from '../../app/labels';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { usePlatform } from '../../platform/usePlatform';
import { formatDate } from '../journey/dueLabel';
import { useAppData } from '../../db/useAppData';
import { PartnerForm } from '../partners/PartnerForm';
import { WelcomeKitButton } from '../welcomekit/WelcomeKitButton';
import { updatePartner } from '../partners/updatePartner';

const STATUS_COLORS = { recruited: 'gray', onboarding: 'indigo', active: 'teal', at_risk: 'orange', churned: 'gray' } as const;

/** Who the partner is, where it stands (Day N, phase) and how healthy it is, with the reasons. */
export function PartnerHeader({ partner, overview }: { partner: Partner; overview: PartnerOverview }) {
  const db = useDatabase();
  const platform = usePlatform();
  const [save] = useStoreAction(updatePartner, 'save the partner');
  const { journey, health } = overview;
  const problems = health.reasons.filter((reason) => reason.impact < 0);
  const positives = health.reasons.filter((reason) => reason.impact >= 0);

  const { partners } = useAppData();
  const edit = () => {
    const id = `modal-${newId()}`;
    modals.open({
      modalId: id,
      title: `Edit ${partner.name}`,
      size: 'lg',
      children: (
        <PartnerForm
          draftKey={`partner:${partner.id}`}
          initial={{ ...partner, maturity: partner.maturity, status: partner.status }}
          existingNames={partners.map((p) => p.name)}
          ownName={partner.name}
          submitLabel="Save changes"
          showStatus
          onCancel={() => modals.close(id)}
          onSubmit={async (value) => {
            await save(db, partner.id, value);
            modals.close(id);
          }}
        />
      ),
    });
  };

  return (
    <Card withBorder padding="lg" data-testid="partner-header">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
        <Stack gap={6} style={{ flex: '1 1 320px' }}>
          <Group gap="xs">
            <Title order={2} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              {partner.name}
            </Title>
            <Badge color={STATUS_COLORS[partner.status]} variant="light">
              {PARTNER_STATUS_LABELS[partner.status]}
            </Badge>
          </Group>
          <Group gap="xs">
            <Badge variant="outline">{PARTNER_TYPE_LABELS[partner.type]}</Badge>
            {partner.tier && <Badge variant="outline" color="gray">{partner.tier}</Badge>}
            <Badge variant="outline" color="gray">
              {partner.maturity === 'new' ? 'New to the category' : 'Experienced'}
            </Badge>
            {partner.region && (
              <Text size="sm" c="dimmed">
                {partner.region}
              </Text>
            )}
            {partner.website && (
              <Anchor
                size="sm"
                href={partner.website}
                onClick={(event) => {
                  event.preventDefault();
                  void platform.openExternal(partner.website);
                }}
              >
                <Group gap={4} component="span">
                  <IconWorld size={14} />
                  {partner.website.replace(/^https?:\/\//, '')}
                </Group>
              </Anchor>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {journeyDayLabel(journey.day)} · {PHASE_INFO[journey.phase].label} · signed{' '}
            {formatDate(partner.day0)}
          </Text>
        </Stack>
        <Group gap="lg" align="flex-start" wrap="nowrap">
          <Stack gap={4} maw={360} aria-label="Health">
            <Group gap="xs">
              <Badge size="xl" color={HEALTH_COLORS[health.band]} variant="filled" aria-label={`Health ${health.score} of 100`}>
                {health.score}
              </Badge>
              <Text size="sm" fw={600}>
                Health
              </Text>
            </Group>
            {problems.length > 0 ? (
              <List size="xs" spacing={2}>
                {problems.slice(0, 4).map((reason) => (
                  <List.Item key={reason.text}>{reason.text}</List.Item>
                ))}
              </List>
            ) : (
              <Text size="xs" c="dimmed">
                {positives[0]?.text ?? 'On track.'}
              </Text>
            )}
          </Stack>
          <Stack gap="xs">
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit}>
              Edit
            </Button>
            <WelcomeKitButton partner={partner} />
          </Stack>
        </Group>
      </Group>
    </Card>
  );
}
