import { Alert, Badge, Button, Card, Grid, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRoute, IconUpload } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { MATURITIES, PARTNER_TYPES } from '../../../src-shared/domain/types';
import { currentDraft, latestPublished, seedsNotStored, templateHistory, type JourneyTemplateVersion } from '../../../src-shared/journey/templateModel';
import { PARTNER_TYPE_LABELS } from '../../app/labels';
import { PageLoader } from '../../app/PageLoader';
import { useStoreAction } from '../../app/useStoreAction';
import { useAppData } from '../../db/useAppData';
import { useDatabase } from '../../db/useDatabase';
import { useSync } from '../../sync/useSync';
import { TemplateEditor } from './TemplateEditor';
import { publishSeeds } from './templateWrites';
import { useTemplateDocs } from './useJourneyTemplates';

const MATURITY_LABELS = { new: 'New to the category', experienced: 'Experienced' } as const;

/** Journey templates by partner type × maturity; the selected one is edited beside the list. */
export function TemplatesPage() {
  const { templateKey } = useParams();
  const { loading, docs, error } = useTemplateDocs();
  const data = useAppData();
  const { session } = useSync();
  const canEdit = !session || session.user.role === 'admin';
  const history = useMemo(() => templateHistory(docs), [docs]);
  const unstoredSeeds = useMemo(() => seedsNotStored(docs), [docs]);

  if (loading || data.loading) return <PageLoader />;
  if (error)
    return (
      <Alert color="red" title="The templates could not be read">
        {error}
      </Alert>
    );

  const entries = [...history.entries()].map(([key, versions]) => ({
    key,
    versions,
    shown: currentDraft(history, key) ?? latestPublished(history, key) ?? (versions[0] as JourneyTemplateVersion),
    draft: currentDraft(history, key),
  }));
  const selected = entries.find((e) => e.key === templateKey) ?? entries.find((e) => e.key === 'reseller-new');
  const followers = (key: string) => data.partners.filter((p) => p.templateId === key && p.status !== 'churned').length;

  return (
    <Stack gap="md">
      <Group gap="sm">
        <IconRoute size={26} stroke={1.6} aria-hidden />
        <Title order={2}>Journey templates</Title>
      </Group>
      <Text c="dimmed" size="sm" maw={760}>
        {canEdit
          ? 'Each partner type and maturity has its journey. Edit a template as a new version, check it, publish it, then choose which partners already on an older version move to it. Done and started tasks are never removed or re-dated.'
          : 'Program leads (admins) design these journeys; you can read every step. New partners get the published version for their type and maturity.'}
      </Text>
      {canEdit && unstoredSeeds.length > 0 && <PublishSeedsCard count={unstoredSeeds.length} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Card withBorder padding="xs" component="nav" aria-label="Templates">
            {PARTNER_TYPES.map((type) => (
              <Stack key={type} gap={0} mb="xs">
                <Text size="xs" tt="uppercase" fw={600} c="dimmed" px="xs" pt={4}>
                  {PARTNER_TYPE_LABELS[type]}
                </Text>
                {entries
                  .filter((e) => e.shown.partnerType === type)
                  .sort((a, b) => MATURITIES.indexOf(a.shown.maturity) - MATURITIES.indexOf(b.shown.maturity) || a.shown.name.localeCompare(b.shown.name))
                  .map((e) => (
                    <NavLink
                      key={e.key}
                      component={Link}
                      to={`/templates/${e.key}`}
                      active={selected?.key === e.key}
                      label={e.key === `${type}-${e.shown.maturity}` ? MATURITY_LABELS[e.shown.maturity] : e.shown.name}
                      description={`v${latestPublished(history, e.key)?.version ?? '–'} · ${followers(e.key)} partner${followers(e.key) === 1 ? '' : 's'}`}
                      rightSection={e.draft ? <Badge size="xs" color="orange" variant="light">Draft</Badge> : null}
                      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                    />
                  ))}
              </Stack>
            ))}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {selected ? (
            <TemplateEditor key={selected.key} versions={selected.versions} history={history} canEdit={canEdit} />
          ) : (
            <Alert color="gray">Pick a template on the left.</Alert>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/**
 * The built-in journeys are code until an admin publishes them as program documents, once for
 * the team (every laptop then syncs the same editable templates; nothing is written at a
 * laptop's first run, which would duplicate them across a team).
 */
function PublishSeedsCard({ count }: { count: number }) {
  const db = useDatabase();
  const [publish, publishing] = useStoreAction(() => publishSeeds(db), 'publish the built-in templates');
  return (
    <Card withBorder padding="sm" data-testid="publish-seeds">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Stack gap={2} maw={640}>
          <Text size="sm" fw={600}>
            {count} built-in {count === 1 ? 'journey is' : 'journeys are'} not program documents yet
          </Text>
          <Text size="xs" c="dimmed">
            Publish them once: they become version 1 of each template, synced to every manager, and CSV imports and the demo use them. Edits stay versions you publish.
          </Text>
        </Stack>
        <Button
          leftSection={<IconUpload size={16} />}
          loading={publishing}
          onClick={() =>
            void publish().then((written) => {
              if (written !== undefined) notifications.show({ color: 'teal', message: `${written} built-in ${written === 1 ? 'template' : 'templates'} published as version 1` });
            })
          }
        >
          Publish the built-in templates
        </Button>
      </Group>
    </Card>
  );
}
