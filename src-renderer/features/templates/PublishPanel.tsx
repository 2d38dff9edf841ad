import { Accordion, Alert, Badge, Button, Card, Checkbox, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { diffPartnerJourney, hasChanges, partnersBehind, type PartnerTemplateChange } from '../../../src-shared/journey/publishTemplate';
import type { JourneyTemplateVersion } from '../../../src-shared/journey/templateModel';
import { formatDate as formatDay } from '../journey/dueLabel';
import { useStoreAction } from '../../app/useStoreAction';
import { useAppData } from '../../db/useAppData';
import { useDatabase } from '../../db/useDatabase';
import { applyVersion } from './templateWrites';

const KEEP_REASON = { done: 'done', in_progress: 'started', pinned: 'date pinned' } as const;

function summary(change: PartnerTemplateChange): string {
  const parts = [
    change.added.length > 0 && `${change.added.length} added`,
    change.removed.length > 0 && `${change.removed.length} removed`,
    change.redated.length > 0 && `${change.redated.length} re-dated`,
    change.updated.length > 0 && `${change.updated.length} reworded`,
    change.kept.length > 0 && `${change.kept.length} kept as they are`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'No change to their tasks';
}

/**
 * The partners still on an older version of a published template: what moving each to it would
 * change (steps added, removed, re-dated; done, started and pinned tasks kept), applied only to
 * the partners the lead ticks.
 */
export function PublishPanel({ version, canEdit }: { version: JourneyTemplateVersion; canEdit: boolean }) {
  const db = useDatabase();
  const data = useAppData();
  const [apply, applying] = useStoreAction(applyVersion, 'move the partners to the new version');
  const changes = useMemo(() => {
    const tasks = [...data.tasksByPartner.values()].flat();
    return partnersBehind(data.partners, tasks, version.templateKey, version.version).map((partner) => ({
      partner,
      change: diffPartnerJourney(partner, data.tasksByPartner.get(partner.id) ?? [], version),
    }));
  }, [data.partners, data.tasksByPartner, version]);
  const [picked, setPicked] = useState<Set<string>>(new Set());

  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="publish-panel">
        Every partner on this template follows version {version.version}.
      </Text>
    );
  }

  const pickedChanges = changes.filter((c) => picked.has(c.partner.id));
  const toggle = (id: string) =>
    setPicked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const all = picked.size === changes.length;

  const run = async () => {
    const count = await apply(
      db,
      version,
      pickedChanges.map((c) => c.partner),
    );
    if (count !== undefined) {
      setPicked(new Set());
      notifications.show({ color: 'teal', title: `Version ${version.version} applied`, message: `${count} partner journey${count === 1 ? '' : 's'} updated.` });
    }
  };

  return (
    <Card withBorder padding="md" data-testid="publish-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h5">
              {changes.length} partner{changes.length === 1 ? ' is' : 's are'} on an older version
            </Title>
            <Text size="sm" c="dimmed">
              Tick the partners to move to version {version.version}. Done and started tasks are never removed or re-dated; pinned dates stay.
            </Text>
          </Stack>
          {canEdit && (
            <Group gap="xs">
              <Checkbox
                label="All"
                checked={all}
                indeterminate={picked.size > 0 && !all}
                onChange={() => setPicked(all ? new Set() : new Set(changes.map((c) => c.partner.id)))}
              />
              <Button size="sm" disabled={picked.size === 0} loading={applying} onClick={() => void run()}>
                Apply to {picked.size} partner{picked.size === 1 ? '' : 's'}
              </Button>
            </Group>
          )}
        </Group>
        <Accordion variant="separated" multiple>
          {changes.map(({ partner, change }) => (
            <Accordion.Item key={partner.id} value={partner.id} data-testid={`preview-${partner.name}`}>
              <Group wrap="nowrap" gap={0} pl="sm">
                {canEdit && <Checkbox aria-label={`Move ${partner.name} to version ${version.version}`} checked={picked.has(partner.id)} onChange={() => toggle(partner.id)} />}
                <Accordion.Control>
                  <Group justify="space-between" gap="xs">
                    <Text size="sm" fw={500}>
                      {partner.name}
                    </Text>
                    <Text size="xs" c={hasChanges(change) ? undefined : 'dimmed'}>
                      {summary(change)}
                    </Text>
                  </Group>
                </Accordion.Control>
              </Group>
              <Accordion.Panel>
                {!hasChanges(change) && change.kept.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Their tasks already match; moving them only records the version.
                  </Text>
                ) : (
                  <List size="sm" spacing={4}>
                    {change.added.map((a) => (
                      <List.Item key={`a-${a.step.key}`} icon={<Badge size="xs" color="teal">Added</Badge>}>
                        {a.step.title} · due {formatDay(a.dueDate)}
                      </List.Item>
                    ))}
                    {change.removed.map((r) => (
                      <List.Item key={`r-${r.taskId}`} icon={<Badge size="xs" color="red">Removed</Badge>}>
                        {r.title}
                      </List.Item>
                    ))}
                    {change.redated.map((r) => (
                      <List.Item key={`d-${r.taskId}`} icon={<Badge size="xs" color="indigo">Re-dated</Badge>}>
                        {r.title}: {formatDay(r.from)} → {formatDay(r.to)}
                      </List.Item>
                    ))}
                    {change.updated.map((u) => (
                      <List.Item key={`u-${u.taskId}`} icon={<Badge size="xs" color="gray">Reworded</Badge>}>
                        {u.title}
                      </List.Item>
                    ))}
                    {change.kept.map((k) => (
                      <List.Item key={`k-${k.taskId}`} icon={<Badge size="xs" color="yellow">Kept</Badge>}>
                        {k.title}: {KEEP_REASON[k.reason]}, so not {k.change === 'removed' ? 'removed' : 're-dated'}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        {!canEdit && (
          <Alert color="gray" variant="light">
            A program lead (admin) moves partners to a new version.
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
