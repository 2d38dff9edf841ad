import { ActionIcon, Alert, Badge, Button, Card, Group, List, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCopy, IconPaperclip, IconPencil, IconPlus, IconRocket, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { newId } from '../../../src-shared/domain/ids';
import { PHASE_INFO } from '../../../src-shared/domain/journey';
import { MATURITIES, PARTNER_TYPES, PHASES, type Maturity, type PartnerType } from '../../../src-shared/domain/types';
import { latestPublished, type JourneyStep, type JourneyTemplateVersion } from '../../../src-shared/journey/templateModel';
import { validateTemplate } from '../../../src-shared/journey/validateTemplate';
import { CATEGORY_LABELS, PARTNER_TYPE_LABELS } from '../../app/labels';
import { useOwnerSideLabels } from '../../app/useProfile';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { useResources } from '../resources/useResources';
import { PublishPanel } from './PublishPanel';
import { StepForm } from './StepForm';
import { copyTemplate, discardDraft, publishDraft, saveDraft, startDraft } from './templateWrites';

type Props = { versions: JourneyTemplateVersion[]; history: Map<string, JourneyTemplateVersion[]>; canEdit: boolean };

/** Template order: by phase, then due day (stable, so equal days keep the order they were given). */
function ordered(steps: JourneyStep[]): JourneyStep[] {
  return [...steps].sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || a.dueOffset - b.dueOffset);
}

function conditionText(step: JourneyStep): string {
  if (!step.condition) return 'Every partner';
  const what = [...step.condition.regions, ...step.condition.tiers].join(', ');
  return step.condition.when === 'only' ? `Only ${what}` : `Except ${what}`;
}

/** One template: its steps, and for a draft the editing, validation and publishing. */
export function TemplateEditor({ versions, history, canEdit }: Props) {
  const db = useDatabase();
  const navigate = useNavigate();
  const sides = useOwnerSideLabels();
  const { resources } = useResources();
  const resourceTitles = useMemo(() => new Map(resources.map((r) => [r.id, r.title])), [resources]);
  const published = latestPublished(history, versions[0]?.templateKey ?? '');
  const draft = versions.find((v) => !v.published && (!published || v.version > published.version));
  const shown = draft ?? published ?? versions[0];
  const [name, setName] = useState(shown?.name ?? '');
  const [start, starting] = useStoreAction(startDraft, 'start a new version');
  const [save] = useStoreAction(saveDraft, 'save the template');
  const [publish, publishing] = useStoreAction(publishDraft, 'publish the template');
  const [discard] = useStoreAction(discardDraft, 'discard the draft');
  const [copy] = useStoreAction(copyTemplate, 'copy the template');
  if (!shown) return null;

  const editing = canEdit && !!draft?.docId;
  const issues = draft ? validateTemplate(draft.steps) : [];
  const saveSteps = (steps: JourneyStep[]) => (draft?.docId ? save(db, draft.docId, { name: name.trim() || shown.name, steps: ordered(steps) }) : Promise.resolve(undefined));

  const openStep = (index: number) => {
    const id = `modal-${newId()}`;
    const steps = draft?.steps ?? [];
    const existing = steps[index];
    const blank: JourneyStep = {
      key: `step-${steps.length + 1}`,
      phase: 'activation',
      category: 'team',
      title: '',
      guidance: '',
      dueOffset: 14,
      ownerSide: 'vendor',
      required: true,
      resourceIds: [],
      dependsOn: [],
    };
    modals.open({
      modalId: id,
      title: existing ? `Edit “${existing.title}”` : 'Add a step',
      size: 'xl',
      children: (
        <StepForm
          step={existing ?? blank}
          index={existing ? index : steps.length}
          steps={steps}
          submitLabel={existing ? 'Save step' : 'Add step'}
          onCancel={() => modals.close(id)}
          onSubmit={async (step) => {
            const next = [...steps];
            if (existing) {
              next[index] = step;
              // A renamed key is renamed in the steps that depend on it.
              if (existing.key !== step.key) for (const [i, s] of next.entries()) next[i] = { ...s, dependsOn: s.dependsOn.map((k) => (k === existing.key ? step.key : k)) };
            } else next.push(step);
            await saveSteps(next);
            modals.close(id);
          }}
        />
      ),
    });
  };

  const removeStep = (index: number) => {
    const steps = draft?.steps ?? [];
    const removed = steps[index];
    if (!removed) return;
    void saveSteps(steps.filter((_, i) => i !== index).map((s) => ({ ...s, dependsOn: s.dependsOn.filter((k) => k !== removed.key) })));
  };

  const openCopy = () => {
    const id = `modal-${newId()}`;
    modals.open({ modalId: id, title: 'Copy this template', children: <CopyForm from={shown} onCancel={() => modals.close(id)} onCopy={async (to) => {
      const key = await copy(db, shown, to);
      if (key) {
        modals.close(id);
        void navigate(`/templates/${key}`);
      }
    }} /> });
  };

  const confirmPublish = () => {
    if (!draft?.docId) return;
    const docId = draft.docId;
    modals.openConfirmModal({
      title: `Publish version ${draft.version}?`,
      children: (
        <Text size="sm">
          New {PARTNER_TYPE_LABELS[shown.partnerType]} partners get this version from now on. Partners already on an older version keep their journey until you pick them in the next step.
        </Text>
      ),
      labels: { confirm: `Publish version ${draft.version}`, cancel: 'Cancel' },
      onConfirm: () => void publish(db, docId),
    });
  };

  const stepIssues = (index: number) => issues.filter((i) => i.stepIndex === index);

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 320px' }}>
            {editing ? (
              <TextInput
                label="Template name"
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                onBlur={() => name.trim() && name.trim() !== shown.name && void saveSteps(draft.steps)}
                maw={480}
              />
            ) : (
              <Title order={3}>{shown.name}</Title>
            )}
            <Group gap={6}>
              <Badge variant="light">{PARTNER_TYPE_LABELS[shown.partnerType]}</Badge>
              <Badge variant="light" color="gray">
                {shown.maturity === 'new' ? 'New to the category' : 'Experienced'}
              </Badge>
              <Badge variant="light" color={draft ? 'orange' : 'teal'} data-testid="template-version">
                {draft ? `Version ${draft.version} · draft` : `Version ${shown.version} · published`}
              </Badge>
              {!shown.docId && (
                <Badge variant="outline" color="gray">
                  Built-in
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {shown.steps.length} steps
              </Text>
            </Group>
          </Stack>
          {canEdit && (
            <Group gap="xs">
              {draft ? (
                <>
                  <Button variant="default" size="sm" leftSection={<IconPlus size={16} />} onClick={() => openStep(draft.steps.length)}>
                    Add step
                  </Button>
                  <Button size="sm" leftSection={<IconRocket size={16} />} onClick={confirmPublish} disabled={issues.length > 0} loading={publishing}>
                    Publish version {draft.version}
                  </Button>
                  <Button size="sm" variant="subtle" color="red" onClick={() => draft.docId && void discard(db, draft.docId)}>
                    Discard draft
                  </Button>
                </>
              ) : (
                <>
                  <Button size="sm" leftSection={<IconPencil size={16} />} loading={starting} onClick={() => published && void start(db, published)}>
                    Edit as version {(published?.version ?? 0) + 1}
                  </Button>
                  <Button size="sm" variant="default" leftSection={<IconCopy size={16} />} onClick={openCopy}>
                    Copy…
                  </Button>
                </>
              )}
            </Group>
          )}
        </Group>
      </Card>

      {!draft && published && <PublishPanel version={published} canEdit={canEdit} />}

      {draft && issues.length > 0 && (
        <Alert color="red" variant="light" title={`${issues.length} thing${issues.length === 1 ? '' : 's'} to fix before publishing`} data-testid="template-issues">
          <List size="sm" spacing={2}>
            {issues.map((issue, i) => (
              <List.Item key={i}>{issue.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      <Card withBorder padding={0}>
        {shown.steps.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            No steps yet. {editing ? 'Add the first step: most journeys start with the signed agreement on Day 0.' : ''}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing={6} striped highlightOnHover aria-label="Template steps">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={60}>Day</Table.Th>
                  <Table.Th>Step</Table.Th>
                  <Table.Th>Phase</Table.Th>
                  <Table.Th>Category</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Depends on</Table.Th>
                  <Table.Th>For</Table.Th>
                  {editing && <Table.Th w={80} aria-label="Actions" />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.steps.map((step, index) => (
                  <Table.Tr key={`${step.key}-${index}`} data-testid={`step-${step.key}`}>
                    <Table.Td>{step.dueOffset}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {step.title || <Text span c="dimmed" size="sm">Untitled</Text>}
                        {!step.required && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            · optional
                          </Text>
                        )}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {step.key}
                      </Text>
                      {step.resourceIds.length > 0 && (
                        <Group gap={4} mt={2} data-testid="step-resources">
                          <IconPaperclip size={12} aria-label="Linked resources" />
                          <Text size="xs" c="dimmed">
                            {step.resourceIds.map((id) => resourceTitles.get(id) ?? 'a resource not on this laptop').join(', ')}
                          </Text>
                        </Group>
                      )}
                      {stepIssues(index).map((issue, i) => (
                        <Text key={i} size="xs" c="red" role="alert">
                          {issue.message}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{PHASE_INFO[step.phase].label}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{CATEGORY_LABELS[step.category]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{sides[step.ownerSide]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {step.dependsOn.join(', ') || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{conditionText(step)}</Text>
                    </Table.Td>
                    {editing && (
                      <Table.Td>
                        <Group gap={2} wrap="nowrap">
                          <Tooltip label="Edit step">
                            <ActionIcon variant="subtle" aria-label={`Edit ${step.title || step.key}`} onClick={() => openStep(index)}>
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Remove step">
                            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${step.title || step.key}`} onClick={() => removeStep(index)}>
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      {draft && published && <PublishPanel version={published} canEdit={canEdit} />}
    </Stack>
  );
}

function CopyForm({ from, onCopy, onCancel }: { from: JourneyTemplateVersion; onCopy: (to: { name: string; partnerType: PartnerType; maturity: Maturity }) => Promise<unknown>; onCancel: () => void }) {
  const [name, setName] = useState(`${from.name} (copy)`);
  const [partnerType, setType] = useState<PartnerType>(from.partnerType);
  const [maturity, setMaturity] = useState<Maturity>(from.maturity);
  const error = name.trim() ? null : 'Name the new template';
  return (
    <Stack>
      <TextInput label="Name" withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} data-autofocus />
      <Group grow>
        <Select label="Partner type" data={PARTNER_TYPES.map((value) => ({ value, label: PARTNER_TYPE_LABELS[value] }))} value={partnerType} onChange={(v) => v && setType(v as PartnerType)} allowDeselect={false} />
        <Select
          label="Maturity"
          data={MATURITIES.map((value) => ({ value, label: value === 'new' ? 'New to the category' : 'Experienced' }))}
          value={maturity}
          onChange={(v) => v && setMaturity(v as Maturity)}
          allowDeselect={false}
        />
      </Group>
      <Text size="xs" c="dimmed">
        The copy starts as a draft; publish it to use it.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button disabled={!!error} onClick={() => void onCopy({ name: name.trim(), partnerType, maturity })}>
          Copy
        </Button>
      </Group>
    </Stack>
  );
}
