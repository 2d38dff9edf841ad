import { Badge, Button, Card, Center, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconGitMerge } from '@tabler/icons-react';
import { formatMoment } from '../../app/formatMoment';
import { PageLoader } from '../../app/PageLoader';
import { useProfile } from '../../app/useProfile';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import type { ConflictRecord, Partner } from '../../../src-shared/domain/types';
import { isCollectionName } from '../../../src-shared/sync/protocol';
import { fieldLabel, formatConflictValue, recordLabel } from './conflictDisplay';
import { restoreConflict } from './restoreConflict';
import { documentKey, useConflictDocuments, type ConflictDocuments } from './useConflictDocuments';

function Side({ label, value, by, at, tone, you }: { label: string; value: string; by: string; at: string; tone: 'kept' | 'other'; you: string }) {
  const who = by.toLowerCase() === you.toLowerCase() ? `${by} (you)` : by;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      style={
        tone === 'kept'
          ? { borderColor: 'var(--mantine-color-teal-outline)', background: 'color-mix(in srgb, var(--mantine-color-teal-6) 6%, transparent)' }
          : undefined
      }
    >
      <Text size="xs" fw={600} tt="uppercase" c={tone === 'kept' ? 'teal' : 'dimmed'} mb={4}>
        {label}
      </Text>
      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-testid={`conflict-${tone}-value`}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" mt={6}>
        {who} · {formatMoment(at)}
      </Text>
    </Paper>
  );
}

function ConflictCard({ record, documents }: { record: ConflictRecord; documents: ConflictDocuments }) {
  const db = useDatabase();
  const [profile] = useProfile();
  const [restore, restoring] = useStoreAction(restoreConflict, 'restore the other value');
  const collection = isCollectionName(record.collectionName) ? record.collectionName : null;
  const document = documents.get(documentKey(record.collectionName, record.documentId)) ?? null;
  const lostDocument = record.field === '_deleted' && typeof record.lostValue === 'object' ? (record.lostValue as Record<string, unknown>) : null;
  const what = collection ? recordLabel(collection, document ?? lostDocument) : record.collectionName;
  const field = collection ? fieldLabel(collection, record.field, document, [record.keptValue, record.lostValue]) : record.field;
  const show = (value: unknown) => (collection ? formatConflictValue(collection, record.field, value) : JSON.stringify(value));

  return (
    <Card withBorder padding="md" data-testid="conflict-record" data-restored={record.restored}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <Stack gap={2}>
          <Text fw={600}>
            {what} · {field}
          </Text>
          <Text size="xs" c="dimmed">
            Edited on two laptops; merged {formatMoment(record.createdAt)}
          </Text>
        </Stack>
        {record.restored && (
          <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />}>
            Restored
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Side label={record.restored ? 'Was kept' : 'Kept'} value={show(record.keptValue)} by={record.keptBy} at={record.keptAt} tone="kept" you={profile.email} />
        <Side label={record.restored ? 'Restored value' : 'The other value'} value={show(record.lostValue)} by={record.lostBy} at={record.lostAt} tone="other" you={profile.email} />
      </SimpleGrid>
      {!record.restored && (
        <Group justify="flex-end" mt="sm">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconArrowBackUp size={14} />}
            loading={restoring}
            onClick={() => void restore(db, record)}
          >
            Restore the other value
          </Button>
        </Group>
      )}
    </Card>
  );
}

/** The partner's "Changes merged" history: every same-field edit that lost a merge, and a way back. */
export function ChangesMergedTab({ partner, records }: { partner: Partner; records: ConflictRecord[] | null }) {
  const documents = useConflictDocuments(records);
  if (records === null) return <PageLoader />;
  if (records.length === 0) {
    return (
      <Center py={48}>
        <Stack align="center" gap="xs" maw={520}>
          <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
            <IconGitMerge size={26} />
          </ThemeIcon>
          <Title order={3} size="h5">
            Nothing merged for {partner.name}
          </Title>
          <Text c="dimmed" ta="center" size="sm">
            No conflicting edits so far: when two laptops change the same field while offline, both values are kept here.
          </Text>
        </Stack>
      </Center>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        When two laptops changed the same field, the later edit was kept and the other value was saved here. Restoring it makes it the newest edit
        on every laptop.
      </Text>
      {records.map((record) => (
        <ConflictCard key={record.id} record={record} documents={documents} />
      ))}
    </Stack>
  );
}
