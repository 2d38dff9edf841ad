import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconFileDownload } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import type { PartnerType } from '../../../src-shared/domain/types';
import { formatBytes, resourcesForStep } from '../../../src-shared/resources/resourceRules';
import { openCachedFile } from '../../files/fileCache';
import { useCachedFiles } from '../../files/useFileCache';
import { usePlatform } from '../../platform/usePlatform';
import { useResources } from './useResources';

/** The resources a task's step links (current versions, for the partner's type), opened from the laptop's cache. */
export function ResourceLinks({ resourceIds, partnerType }: { resourceIds: readonly string[] | undefined; partnerType: PartnerType }) {
  const { resources } = useResources();
  const { files } = useCachedFiles();
  const platform = usePlatform();
  const shown = useMemo(() => resourcesForStep(resourceIds, resources, partnerType), [resourceIds, resources, partnerType]);
  const cached = useMemo(() => new Set(files.map((file) => file.sha256)), [files]);
  if (shown.length === 0) return null;
  return (
    <Stack gap={4} aria-label="Resources for this step" data-testid="task-resources">
      {shown.map((resource) =>
        resource.kind === 'link' ? (
          <Group key={resource.id} gap={6} wrap="nowrap">
            <IconExternalLink size={14} aria-hidden />
            <Anchor size="sm" component="button" type="button" onClick={() => void platform.openExternal(resource.url ?? '')}>
              {resource.title}
            </Anchor>
          </Group>
        ) : (
          <Group key={resource.id} gap={6} wrap="nowrap">
            <IconFileDownload size={14} aria-hidden />
            {resource.file && cached.has(resource.file.sha256) ? (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => {
                  const sha = resource.file?.sha256 ?? '';
                  void openCachedFile(sha).then((ok) => {
                    if (!ok) notifications.show({ color: 'red', message: `“${resource.title}” is not on this laptop any more.` });
                  });
                }}
              >
                {resource.title}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {resource.title}
              </Text>
            )}
            {resource.file && (
              <Badge size="xs" variant="light" color={cached.has(resource.file.sha256) ? 'teal' : 'gray'}>
                {cached.has(resource.file.sha256) ? `on this laptop · ${formatBytes(resource.file.size)}` : 'not downloaded yet'}
              </Badge>
            )}
          </Group>
        ),
      )}
    </Stack>
  );
}
