import { ActionIcon, Alert, Anchor, Badge, Button, Card, Group, Menu, Modal, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconExternalLink, IconFileDownload, IconLibrary, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { PARTNER_TYPES, PHASES, type PartnerType, type Phase, type Resource } from '../../../src-shared/domain/types';
import { PHASE_INFO } from '../../../src-shared/domain/journey';
import { filterLibrary, formatBytes, isReplaced } from '../../../src-shared/resources/resourceRules';
import { PARTNER_TYPE_LABELS } from '../../app/labels';
import { PageLoader } from '../../app/PageLoader';
import { useProfile } from '../../app/useProfile';
import { useDatabase } from '../../db/useDatabase';
import { openCachedFile, queueUpload } from '../../files/fileCache';
import { fileCacheChanged, useCachedFiles, useFileCacheState } from '../../files/useFileCache';
import { usePlatform } from '../../platform/usePlatform';
import { useSync } from '../../sync/useSync';
import { ResourceForm, formValueOf, type PickedFile, type ResourceFormValue } from './ResourceForm';
import { createResource, markReplaced, updateResource } from './resourceWrites';
import { useResources } from './useResources';

type Editing = { resource: Resource | null } | null;

/** The resource library: files and links by phase and audience; admins add, edit and replace them. */
export function ResourcesPage() {
  const db = useDatabase();
  const { loading, resources, error } = useResources();
  const cache = useCachedFiles();
  const cacheState = useFileCacheState();
  const platform = usePlatform();
  const { session } = useSync();
  const [profile] = useProfile();
  const canEdit = !session || session.user.role === 'admin';
  const [phase, setPhase] = useState<Phase | null>(null);
  const [audience, setAudience] = useState<PartnerType | null>(null);
  const [search, setSearch] = useState('');
  const [includeReplaced, setIncludeReplaced] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [replacing, setReplacing] = useState<Resource | null>(null);
  const [replacement, setReplacement] = useState<string | null>(null);
  const [replaceError, setReplaceError] = useState<string | null>(null);

  const byId = useMemo(() => new Map(resources.map((resource) => [resource.id, resource])), [resources]);
  const shown = useMemo(() => filterLibrary(resources, { phase, audience, includeReplaced, search }), [resources, phase, audience, includeReplaced, search]);
  const cached = useMemo(() => new Map(cache.files.map((file) => [file.sha256, file])), [cache.files]);
  const cachedTotal = cache.files.reduce((sum, file) => sum + file.size, 0);

  if (loading || cache.loading) return <PageLoader />;
  if (error)
    return (
      <Alert color="red" title="The resource library could not be read">
        {error}
      </Alert>
    );

  const save = async (value: ResourceFormValue, picked: PickedFile | null) => {
    if (value.kind === 'file' && picked) await queueUpload(picked.ref, picked.bytes);
    if (editing?.resource) await updateResource(db, editing.resource.id, value);
    else await createResource(db, value, profile.email || profile.name || 'admin');
    if (picked) {
      fileCacheChanged();
      window.dispatchEvent(new Event('partner-desk:upload-queued'));
    }
    setEditing(null);
  };

  const open = async (resource: Resource) => {
    if (resource.kind === 'link') return platform.openExternal(resource.url ?? '');
    const ok = resource.file ? await openCachedFile(resource.file.sha256) : false;
    if (!ok) notifications.show({ color: 'orange', message: `“${resource.title}” is not on this laptop yet: it downloads at the next sync with the server.` });
  };

  const confirmReplace = async () => {
    if (!replacing || !replacement) return;
    try {
      await markReplaced(db, replacing.id, replacement);
      setReplacing(null);
      setReplacement(null);
      setReplaceError(null);
    } catch (err) {
      setReplaceError(err instanceof Error ? err.message : String(err));
    }
  };

  const failed = cacheState.lastReport?.failed ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <IconLibrary aria-hidden />
          <Title order={2}>Resource library</Title>
        </Group>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ resource: null })}>
            Add resource
          </Button>
        )}
      </Group>
      <Text c="dimmed" size="sm">
        Datasheets, slides and links for partners. Journey steps link them; each task shows only its own step&apos;s resources. Files are kept on this laptop so you can open
        them with no network.
      </Text>

      <Group align="flex-end">
        <TextInput label="Search" placeholder="Title or description" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select label="Phase" placeholder="All phases" clearable data={PHASES.map((p) => ({ value: p, label: PHASE_INFO[p].label }))} value={phase} onChange={(p) => setPhase(p as Phase | null)} />
        <Select
          label="Audience"
          placeholder="All partner types"
          clearable
          data={PARTNER_TYPES.map((type) => ({ value: type, label: PARTNER_TYPE_LABELS[type] }))}
          value={audience}
          onChange={(type) => setAudience(type as PartnerType | null)}
        />
        <Switch label="Show replaced versions" checked={includeReplaced} onChange={(e) => setIncludeReplaced(e.currentTarget.checked)} mb={6} />
      </Group>

      {resources.length === 0 ? (
        <Card withBorder>
          <Text fw={500}>The library is empty.</Text>
          <Text size="sm" c="dimmed">
            {canEdit ? 'Add the datasheets, decks and links partners need; then link them to journey steps.' : 'Your program admin adds resources; they appear here after the next sync.'}
          </Text>
        </Card>
      ) : shown.length === 0 ? (
        <Text c="dimmed">No resource matches these filters.</Text>
      ) : (
        <Table highlightOnHover aria-label="Resources">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Title</Table.Th>
              <Table.Th>Phase</Table.Th>
              <Table.Th>Audience</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>On this laptop</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((resource) => {
              const newer = resource.replacedBy ? byId.get(resource.replacedBy) : undefined;
              return (
                <Table.Tr key={resource.id} data-testid={`resource-${resource.id}`}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {resource.kind === 'link' ? <IconExternalLink size={16} aria-label="Link" /> : <IconFileDownload size={16} aria-label="File" />}
                      <Anchor component="button" type="button" onClick={() => void open(resource)} fw={500}>
                        {resource.title}
                      </Anchor>
                    </Group>
                    {isReplaced(resource) && (
                      <Text size="xs" c="orange">
                        Replaced by{' '}
                        {newer ? (
                          <Anchor size="xs" component="button" type="button" onClick={() => void open(newer)}>
                            {newer.title} (v{newer.version})
                          </Anchor>
                        ) : (
                          'a newer version not on this laptop'
                        )}
                      </Text>
                    )}
                    {resource.description && (
                      <Text size="xs" c="dimmed">
                        {resource.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{PHASE_INFO[resource.phase].label}</Table.Td>
                  <Table.Td>{resource.audience.length === 0 ? 'All partner types' : resource.audience.map((type) => PARTNER_TYPE_LABELS[type]).join(', ')}</Table.Td>
                  <Table.Td>v{resource.version}</Table.Td>
                  <Table.Td>
                    {resource.kind === 'link' ? (
                      <Text size="xs" c="dimmed">
                        Link
                      </Text>
                    ) : resource.file && cached.has(resource.file.sha256) ? (
                      <Badge color="teal" variant="light">
                        {formatBytes(resource.file.size)}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        {isReplaced(resource) ? 'Not kept (replaced)' : 'Not downloaded yet'}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canEdit && (
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <ActionIcon variant="subtle" aria-label={`More for ${resource.title}`}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setEditing({ resource })}>Edit</Menu.Item>
                          {!isReplaced(resource) && <Menu.Item onClick={() => setReplacing(resource)}>Mark replaced by…</Menu.Item>}
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}

      <Card withBorder>
        <Group justify="space-between">
          <Title order={4}>Files on this laptop</Title>
          <Text size="sm" data-testid="cache-total">
            {cache.files.length === 0 ? 'Nothing cached yet' : `${cache.files.length} ${cache.files.length === 1 ? 'file' : 'files'} · ${formatBytes(cachedTotal)}`}
            {cacheState.running ? ' · downloading…' : ''}
          </Text>
        </Group>
        {failed.length > 0 && (
          <Alert color="orange" mt="sm" title="Some files are not up to date">
            {failed.map((problem) => (
              <div key={problem.sha256}>{problem.message}</div>
            ))}
          </Alert>
        )}
        {cache.files.length > 0 && (
          <Table mt="sm" aria-label="Cached files">
            <Table.Tbody>
              {cache.files.map((file) => (
                <Table.Tr key={file.sha256}>
                  <Table.Td>{file.name}</Table.Td>
                  <Table.Td>{formatBytes(file.size)}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => void cache.remove(file.sha256)}>
                      Remove from this laptop
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.resource ? 'Edit resource' : 'Add resource'} size="lg">
        {editing && <ResourceForm initial={formValueOf(editing.resource)} onSave={save} onCancel={() => setEditing(null)} />}
      </Modal>

      <Modal opened={replacing !== null} onClose={() => setReplacing(null)} title={replacing ? `Replace “${replacing.title}”` : ''}>
        <Stack>
          <Select
            label="Replaced by"
            placeholder="The newer resource"
            searchable
            data={resources.filter((r) => !isReplaced(r) && r.id !== replacing?.id).map((r) => ({ value: r.id, label: `${r.title} (v${r.version})` }))}
            value={replacement}
            onChange={setReplacement}
          />
          {replaceError && <Alert color="red">{replaceError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReplacing(null)}>
              Cancel
            </Button>
            <Button disabled={!replacement} onClick={() => void confirmReplace()}>
              Mark replaced
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
