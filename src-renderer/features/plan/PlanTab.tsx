import { Alert, Badge, Button, Card, Center, Group, List, Loader, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { formatDate } from '../../../src-shared/util/formatDate';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconFileDownload, IconGitCompare, IconLock, IconSparkles, IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import type { IsoDate, OwnerSide, Partner, Plan, PlanItem, PlanItemKind, Task } from '../../../src-shared/domain/types';
import { GOAL_STATUS_LABELS, GOAL_STATUSES, goalSummary } from '../../../src-shared/plan/goalRules';
import { PAPER_LABELS, PAPER_SIZES, planPdfFileName, versionLabel, type PaperSize } from '../../../src-shared/plan/pdfOptions';
import { planTemplateFor } from '../../../src-shared/plan/planTemplates';
import { formatMoney, itemsOfKind, mdfTotals } from '../../../src-shared/plan/planTotals';
import { planExportCheck } from '../../../src-shared/plan/planExportCheck';
import { validateSignOff, type SignOffErrors } from '../../../src-shared/plan/planValidation';
import { currentDraft, finalVersions } from '../../../src-shared/plan/planVersions';
import { PARTNER_TYPE_LABELS } from '../../app/labels';
import { DateField } from '../../app/DateField';
import { LazyBoundary } from '../../app/LazyBoundary';
import { GoalProgressChart, RevenueChart } from '../../app/LazyScreens';
import { SaveIndicator } from '../../app/SaveIndicator';
import { useAutosave } from '../../app/useAutosave';
import { useOwnerSideLabels } from '../../app/useProfile';
import { SaveStatusContext, useSaveStatus, useSaveStatusState } from '../../app/useSaveStatus';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { usePlatform } from '../../platform/usePlatform';
import { MdfLedgerCard } from '../mdf/MdfLedgerCard';
import { PlanCompare } from './PlanCompare';
import { goalChartData, revenueChartData } from './planChartData';
import { PlanSection } from './PlanSection';
import { createPlan, finalisePlan, updatePlanText, updateSignOffField } from './planWrites';
import { usePaperSize } from './usePaperSize';
import { usePlanItems } from './usePlanItems';

const SECTIONS: PlanItemKind[] = ['goal', 'account', 'initiative', 'revenue', 'risk'];

/** The partner's joint business plan: the working draft, its finalised versions, comparison and PDF export. */
export function PlanTab({ partner, plans, tasks, today }: { partner: Partner; plans: Plan[]; tasks: Task[]; today: IsoDate }) {
  const db = useDatabase();
  const items = usePlanItems(partner.id);
  const draft = currentDraft(plans);
  const finals = finalVersions(plans);
  const versions = draft ? [draft, ...finals] : finals;
  const [viewingId, setViewingId] = useState<string | null>(null);
  const [comparing, setComparing] = useState(false);
  const viewing = versions.find((plan) => plan.id === viewingId) ?? draft ?? finals[0];

  const [start, starting] = useStoreAction(
    (fromTemplate: boolean) => createPlan(db, partner, fromTemplate ? planTemplateFor(partner, tasks) : null),
    'The new plan',
  );
  const [finalise, finalising] = useStoreAction((draftId: string) => finalisePlan(db, draftId), 'Finalising the version');

  if (items === null) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Loading the plan" />
      </Center>
    );
  }

  if (!viewing) {
    return (
      <Card withBorder radius="md" padding="xl">
        <Stack align="center" gap="sm" py="lg">
          <Title order={3}>No business plan yet</Title>
          <Text c="dimmed" ta="center" maw={560}>
            Agree objectives, 30-60-90 day goals, target accounts, initiatives and MDF with {partner.name}. Start from the {PARTNER_TYPE_LABELS[partner.type].toLowerCase()}{' '}
            template (goals pre-filled from the journey) or from a blank plan.
          </Text>
          <Group>
            <Button leftSection={<IconTemplate size={16} />} loading={starting} onClick={() => void start(true)}>
              Start from the {PARTNER_TYPE_LABELS[partner.type]} template
            </Button>
            <Button variant="default" leftSection={<IconSparkles size={16} />} disabled={starting} onClick={() => void start(false)}>
              Start from scratch
            </Button>
          </Group>
        </Stack>
      </Card>
    );
  }

  const planItems = items.filter((item) => item.planId === viewing.id);
  const readOnly = viewing.status === 'final';
  const confirmFinalise = (plan: Plan) =>
    modals.openConfirmModal({
      title: `Finalise version ${plan.version}?`,
      children: (
        <Text size="sm">
          The plan as it is now is frozen as version {plan.version}, dated today and read-only. You keep editing a draft that becomes version {plan.version + 1}.
        </Text>
      ),
      labels: { confirm: `Finalise version ${plan.version}`, cancel: 'Cancel' },
      onConfirm: () =>
        void finalise(plan.id).then((frozen) => {
          if (frozen) notifications.show({ color: 'teal', title: `Version ${frozen.version} finalised`, message: `${partner.name}: editing continues on the draft.` });
        }),
    });

  return (
    <Stack gap="md" data-testid="plan-tab">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <Select
            label="Version"
            data={versions.map((plan) => ({ value: plan.id, label: `${versionLabel(plan)}${plan.finalisedAt ? ` · finalised ${formatDate(plan.finalisedAt.slice(0, 10))}` : ''}` }))}
            value={viewing.id}
            onChange={(value) => setViewingId(value)}
            allowDeselect={false}
            w={300}
          />
          {readOnly ? (
            <Badge leftSection={<IconLock size={12} />} variant="light" color="gray" size="lg">
              Read-only
            </Badge>
          ) : (
            <Badge variant="light" size="lg">
              Draft
            </Badge>
          )}
        </Group>
        <Group gap="sm">
          {draft && (
            <Button variant="light" loading={finalising} onClick={() => confirmFinalise(draft)}>
              Finalise version {draft.version}
            </Button>
          )}
          <Button variant={comparing ? 'filled' : 'default'} leftSection={<IconGitCompare size={16} />} disabled={versions.length < 2} onClick={() => setComparing((value) => !value)}>
            Compare versions
          </Button>
          <ExportButton partner={partner} plan={viewing} items={planItems} today={today} />
        </Group>
      </Group>
      {readOnly && (
        <Alert color="gray" variant="light" icon={<IconLock size={16} />}>
          {versionLabel(viewing)} was finalised on {viewing.finalisedAt ? formatDate(viewing.finalisedAt.slice(0, 10)) : ''} and cannot change. Edit the draft to prepare the next version.
        </Alert>
      )}
      {comparing && <PlanCompare versions={versions} items={items} />}
      <PlanText key={`text-${viewing.id}`} plan={viewing} />
      <PlanOverview items={planItems} today={today} />
      {SECTIONS.map((kind) => (
        <PlanSection key={`${viewing.id}-${kind}`} kind={kind} plan={viewing} items={itemsOfKind(planItems, kind)} today={today} />
      ))}
      <MdfLedgerCard partnerId={partner.id} initiatives={itemsOfKind(planItems, 'initiative')} />
      <SignOff key={`sign-off-${viewing.id}`} plan={viewing} />
    </Stack>
  );
}

function ExportButton({ partner, plan, items, today }: { partner: Partner; plan: Plan; items: PlanItem[]; today: IsoDate }) {
  const platform = usePlatform();
  const [paper, setPaper] = usePaperSize();
  const [exporting, setExporting] = useState(false);
  const exportPdf = async () => {
    setExporting(true);
    try {
      const result = await platform.exportPlanPdf({ planId: plan.id, paper, suggestedName: planPdfFileName(partner.name, plan, today) });
      if (result.saved) notifications.show({ color: 'teal', title: 'PDF saved', message: result.location ?? 'The plan was saved as PDF.' });
    } catch (error) {
      notifications.show({ color: 'red', title: 'PDF not exported', message: error instanceof Error ? error.message : String(error), autoClose: false });
    } finally {
      setExporting(false);
    }
  };
  // Say what is missing first: an empty plan prints pages of dashes.
  const checkThenExport = () => {
    const check = planExportCheck(plan, items);
    if (check.missing.length === 0) return void exportPdf();
    const list = (
      <List size="sm" spacing={2} mt="xs">
        {check.missing.map((part) => (
          <List.Item key={part}>{part}</List.Item>
        ))}
      </List>
    );
    if (check.empty) {
      modals.open({
        title: 'This plan is empty',
        children: (
          <Stack gap="xs" data-testid="plan-export-empty">
            <Text size="sm">Nothing is filled in yet, so the PDF would be pages of dashes. Add at least objectives or a few goals first:</Text>
            {list}
            <Group justify="flex-end" mt="sm">
              <Button data-autofocus onClick={() => modals.closeAll()}>
                Back to the plan
              </Button>
            </Group>
          </Stack>
        ),
      });
      return;
    }
    modals.openConfirmModal({
      title: 'Some parts of the plan are still empty',
      children: (
        <Stack gap={0} data-testid="plan-export-missing">
          <Text size="sm">The PDF shows these as empty:</Text>
          {list}
        </Stack>
      ),
      labels: { confirm: 'Export anyway', cancel: 'Back to the plan' },
      onConfirm: () => void exportPdf(),
    });
  };
  return (
    <Group gap={6} wrap="nowrap">
      <SegmentedControl size="xs" data={PAPER_SIZES.map((value) => ({ value, label: PAPER_LABELS[value] }))} value={paper} onChange={(value) => setPaper(value as PaperSize)} aria-label="Paper size" />
      <Button leftSection={<IconFileDownload size={16} />} loading={exporting} onClick={checkThenExport}>
        Export PDF
      </Button>
    </Group>
  );
}

function PlanText({ plan }: { plan: Plan }) {
  const db = useDatabase();
  const status = useSaveStatusState();
  const readOnly = plan.status === 'final';
  const save = (change: Partial<Pick<Plan, 'objectives' | 'summary'>>) => status.track(updatePlanText(db, plan.id, change));
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Objectives and summary">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Objectives and summary
        </Title>
        {!readOnly && <SaveIndicator state={status.state} completed={status.completed} />}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PlanTextField label="Objectives" stored={plan.objectives} readOnly={readOnly} onSave={(objectives) => save({ objectives })} />
        <PlanTextField label="Summary" stored={plan.summary} readOnly={readOnly} onSave={(summary) => save({ summary })} />
      </SimpleGrid>
      {status.state === 'error' && (
        <Text size="xs" c="red" mt="xs" role="alert">
          The last change could not be saved on this laptop; it is still on screen. Keep typing to try again.
        </Text>
      )}
    </Card>
  );
}

/** A text saved as it is typed; while not being typed in, it shows the stored text (edits from other laptops included). */
function PlanTextField({ label, stored, readOnly, onSave }: { label: string; stored: string; readOnly: boolean; onSave: (value: string) => Promise<unknown> }) {
  const field = useAutosave(stored, onSave);
  return (
    <Textarea
      label={label}
      value={field.value}
      readOnly={readOnly}
      autosize
      minRows={3}
      maxLength={20000}
      onChange={(event) => field.onChange(event.currentTarget.value)}
      onBlur={() => void field.flush()}
    />
  );
}

function PlanOverview({ items, today }: { items: PlanItem[]; today: IsoDate }) {
  const goals = itemsOfKind(items, 'goal');
  const summary = goalSummary(goals, today);
  const mdf = mdfTotals(items);
  const goalRows = goalChartData(items, today);
  const revenue = revenueChartData(items);
  if (goals.length === 0 && mdf.length === 0 && revenue.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Plan at a glance">
      <Title order={3} size="h5" mb="sm">
        At a glance
      </Title>
      <Group gap="lg" mb="sm">
        <Text size="sm">
          <b>{goals.length}</b> goals{summary.meanProgress !== null ? `, ${Math.round(summary.meanProgress * 100)}% average progress` : ''}
        </Text>
        {GOAL_STATUSES.filter((status) => summary.counts[status] > 0).map((status) => (
          <Text key={status} size="sm" c="dimmed">
            {GOAL_STATUS_LABELS[status]}: {summary.counts[status]}
          </Text>
        ))}
        {mdf.map((total) => (
          <Text key={total.currency} size="sm" data-testid="mdf-total">
            MDF total: <b>{formatMoney(total.total, total.currency)}</b>
          </Text>
        ))}
      </Group>
      <Group align="flex-start" gap="xl">
        {goalRows.length > 0 && (
          <LazyBoundary fallback={<Skeleton w={520} h={Math.max(120, goalRows.length * 22 + 40)} />}>
            <GoalProgressChart rows={goalRows} width={520} />
          </LazyBoundary>
        )}
        {revenue.map((data) => (
          <LazyBoundary key={data.currency} fallback={<Skeleton w={460} h={240} />}>
            <RevenueChart data={data} width={460} />
          </LazyBoundary>
        ))}
      </Group>
    </Card>
  );
}

function SignOff({ plan }: { plan: Plan }) {
  const status = useSaveStatusState();
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Sign-off">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Sign-off
        </Title>
        {plan.status === 'draft' && <SaveIndicator state={status.state} completed={status.completed} />}
      </Group>
      <SaveStatusContext.Provider value={status}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(['partner', 'vendor'] as const).map((side) => (
            <SignOffSide key={side} plan={plan} side={side} />
          ))}
        </SimpleGrid>
      </SaveStatusContext.Provider>
    </Card>
  );
}

/** One side's sign-off: name, title and date, each saved as it is typed (a date once it is a real one). */
function SignOffSide({ plan, side }: { plan: Plan; side: OwnerSide }) {
  const line = plan.signOff.find((entry) => entry.side === side);
  const heading = useOwnerSideLabels()[side];
  const readOnly = plan.status === 'final';
  const stored = { name: line?.name ?? '', title: line?.title ?? '', date: line?.date ?? '' };
  const checked = validateSignOff(stored);
  const errors: SignOffErrors = checked.ok ? {} : checked.errors;
  return (
    <Stack gap="xs">
      <SignOffField plan={plan} side={side} field="name" label={`${heading}: name`} stored={stored.name} readOnly={readOnly} error={errors.name} />
      <SignOffField plan={plan} side={side} field="title" label={`${heading}: title`} stored={stored.title} readOnly={readOnly} error={errors.title} />
      <SignOffDate plan={plan} side={side} label={`${heading}: date`} stored={stored.date} readOnly={readOnly} error={errors.date} />
    </Stack>
  );
}

/** The sign-off date, picked or typed in the user's locale; saved as soon as it is a real date (or cleared). */
function SignOffDate({ plan, side, label, stored, readOnly, error }: { plan: Plan; side: OwnerSide; label: string; stored: string; readOnly: boolean; error?: string }) {
  const db = useDatabase();
  const { track } = useSaveStatus();
  return (
    <DateField
      label={label}
      value={stored}
      readOnly={readOnly}
      clearable={!readOnly}
      error={error}
      onChange={(value) => void track(updateSignOffField(db, plan.id, side, 'date', value)).catch((failure: unknown) => console.error(failure))}
    />
  );
}

function SignOffField(props: {
  plan: Plan;
  side: OwnerSide;
  field: 'name' | 'title';
  label: string;
  stored: string;
  readOnly: boolean;
  error?: string;
}) {
  const { plan, side, field: key, label, stored, readOnly, error } = props;
  const db = useDatabase();
  const { track } = useSaveStatus();
  const field = useAutosave(stored, async (value) => {
    await track(updateSignOffField(db, plan.id, side, key, value));
  });
  return (
    <TextInput
      label={label}
      value={field.value}
      readOnly={readOnly}
      error={error}
      maxLength={200}
      onChange={(event) => field.onChange(event.currentTarget.value)}
      onBlur={() => void field.flush()}
    />
  );
}
