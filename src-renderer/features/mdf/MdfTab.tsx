import { Badge, Button, Card, Center, Group, Loader, MultiSelect, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCash, IconCloudDownload, IconFileText, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Deal, IsoDate, MdfDoc, MdfState, Partner, Plan, PlanItem } from '../../../src-shared/domain/types';
import { mdfQuarters } from '../../../src-shared/mdf/mdfBudget';
import { approvedAmount, currentClaim, isMdfRequest, MDF_STATE_LABELS, mdfQuarterLabel, type MdfRequest } from '../../../src-shared/mdf/mdfRules';
import { formatMoney, itemsOfKind } from '../../../src-shared/plan/planTotals';
import { currentDraft, finalVersions, lineageOf } from '../../../src-shared/plan/planVersions';
import { formatDate } from '../../../src-shared/util/formatDate';
import { useDraftKept } from '../../app/useDraft';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { openCachedFile } from '../../files/fileCache';
import { useCachedFiles } from '../../files/useFileCache';
import { usePlanItems } from '../plan/usePlanItems';
import { MdfActionForm, MdfBudgetForm, MdfRequestForm, type InitiativeChoice, type MdfAction } from './MdfForms';
import { linkDeals } from './mdfWrites';
import { useMdfDocs } from './useMdfDocs';

const STATE_COLORS: Record<MdfState, string> = { requested: 'gray', approved: 'blue', rejected: 'red', claimed: 'violet', claim_approved: 'teal', claim_refused: 'orange', paid: 'green' };

/** The steps a request offers in its state (the rules refuse the others anyway). */
const NEXT_STEPS: Record<MdfState, { action: MdfAction; label: string; primary?: boolean }[]> = {
  requested: [
    { action: 'approve', label: 'Approve', primary: true },
    { action: 'reject', label: 'Reject' },
  ],
  approved: [{ action: 'claim', label: 'File a claim', primary: true }],
  rejected: [],
  claimed: [
    { action: 'approveClaim', label: 'Approve claim', primary: true },
    { action: 'refuseClaim', label: 'Refuse claim' },
  ],
  claim_approved: [{ action: 'pay', label: 'Mark paid', primary: true }],
  claim_refused: [{ action: 'claim', label: 'Claim again', primary: true }],
  paid: [],
};

/** The initiatives of the partner's plan a request can fund: those of the draft (or the latest version), by lineage id. */
function initiativeChoices(plans: Plan[], items: PlanItem[]): { choices: InitiativeChoice[]; titles: Map<string, string> } {
  const titles = new Map<string, string>();
  // Older versions first, so the draft's (current) title wins.
  const ordered = [...finalVersions(plans)].reverse();
  const draft = currentDraft(plans);
  if (draft) ordered.push(draft);
  for (const plan of ordered) for (const item of itemsOfKind(items.filter((i) => i.planId === plan.id), 'initiative')) titles.set(lineageOf(item.id), item.title);
  const shown = draft ?? finalVersions(plans)[0];
  const choices = shown ? itemsOfKind(items.filter((i) => i.planId === shown.id), 'initiative').map((item) => ({ value: lineageOf(item.id), label: item.title })) : [];
  return { choices, titles };
}

async function openProof(sha256: string, name: string) {
  const ok = await openCachedFile(sha256);
  if (!ok) notifications.show({ color: 'orange', message: `“${name}” is not on this laptop yet: it downloads at the next sync with the server.` });
}

function RequestCard({ request, docs, deals, today, initiatives, initiativeTitle, cached }: { request: MdfRequest; docs: MdfDoc[]; deals: Deal[]; today: IsoDate; initiatives: InitiativeChoice[]; initiativeTitle: string | undefined; cached: ReadonlySet<string> }) {
  const db = useDatabase();
  const steps = NEXT_STEPS[request.state];
  const [acting, setActing] = useState<MdfAction | 'edit' | null>(useDraftKept(`mdf:request:${request.id}`) ? 'edit' : null);
  const [link] = useStoreAction(linkDeals, 'link the deals');
  const claim = currentClaim(request);
  const money = (amount: number) => formatMoney(amount, request.currency);
  const labelledBy = `mdf-${request.id}-title`;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={labelledBy} data-testid="mdf-request">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={5} id={labelledBy}>
              {request.activity}
            </Title>
            <Text size="sm" c="dimmed">
              {money(request.amount)} requested {formatDate(request.requestedOn)} · planned {formatDate(request.plannedOn)} ({mdfQuarterLabel(request.quarter)}) · {initiativeTitle ? `funds “${initiativeTitle}”` : 'no plan initiative'}
            </Text>
          </div>
          <Badge color={STATE_COLORS[request.state]} variant="light" data-testid="mdf-state">
            {MDF_STATE_LABELS[request.state]}
          </Badge>
        </Group>
        {request.decision ? (
          <Text size="sm">
            {request.decision.outcome === 'approved' ? `Approved ${money(approvedAmount(request))}` : 'Rejected'} on {formatDate(request.decision.on)}
            {request.decision.reason ? ` — ${request.decision.reason}` : ''}
          </Text>
        ) : null}
        {(request.claims ?? []).map((c, index) => (
          <Group key={`${c.claimedOn}-${index}`} gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" style={{ flex: 1 }}>
              Claimed {money(c.amount)} on {formatDate(c.claimedOn)}: {c.note}
              {c.decision ? ` — claim ${c.decision.outcome} on ${formatDate(c.decision.on)}${c.decision.reason ? ` (${c.decision.reason})` : ''}` : ' — waiting for a decision'}
            </Text>
            {c.proof ? (
              <Tooltip label={cached.has(c.proof.sha256) ? 'On this laptop: opens offline' : 'Not on this laptop yet: it downloads at the next sync'}>
                <Button
                  size="compact-sm"
                  variant="light"
                  color={cached.has(c.proof.sha256) ? undefined : 'gray'}
                  leftSection={cached.has(c.proof.sha256) ? <IconFileText size={14} /> : <IconCloudDownload size={14} />}
                  onClick={() => void openProof(c.proof?.sha256 ?? '', c.proof?.name ?? '')}
                  aria-label={`Open proof ${c.proof.name}`}
                >
                  {c.proof.name}
                </Button>
              </Tooltip>
            ) : null}
          </Group>
        ))}
        {request.state === 'paid' ? (
          <Text size="sm" fw={500} c="green">
            Paid {money(claim?.amount ?? 0)} on {formatDate(request.paidOn ?? '')}
          </Text>
        ) : null}
        {request.state !== 'rejected' && deals.length > 0 ? (
          <MultiSelect
            size="xs"
            label="Deals this brought (for the MDF return)"
            data={deals.map((d) => ({ value: d.id, label: `${d.account} · ${formatMoney(d.amount, d.currency)} · ${d.stage}` }))}
            value={request.dealIds ?? []}
            onChange={(ids) => void link(db, request.id, ids)}
            clearable
            searchable
          />
        ) : null}
        {acting === 'edit' ? (
          <MdfRequestForm partnerId={request.partnerId} docs={docs} today={today} initiatives={initiatives} editing={request} onDone={() => setActing(null)} />
        ) : acting ? (
          <MdfActionForm request={request} docs={docs} action={acting} today={today} onDone={() => setActing(null)} />
        ) : steps.length > 0 ? (
          <Group gap="xs">
            {steps.map((step) => (
              <Button key={step.action} size="xs" variant={step.primary ? 'filled' : 'default'} onClick={() => setActing(step.action)}>
                {step.label}
              </Button>
            ))}
            {request.state === 'requested' ? (
              <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setActing('edit')}>
                Edit
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** A partner's MDF: budgets per quarter, and each request from request to payment. Amounts stay in their own currency. */
export function MdfTab({ partner, plans, deals, today }: { partner: Partner; plans: Plan[]; deals: Deal[]; today: IsoDate }) {
  const docs = useMdfDocs(partner.id);
  const items = usePlanItems(partner.id);
  const [budgetFor, setBudgetFor] = useState<MdfDoc | 'new' | null>(useDraftKept(`mdf:budget:${partner.id}:new`) ? 'new' : null);
  const [requesting, setRequesting] = useState(useDraftKept(`mdf:request:new:${partner.id}`));
  const { choices, titles } = useMemo(() => initiativeChoices(plans, items ?? []), [plans, items]);
  const requests = useMemo(() => (docs ?? []).filter(isMdfRequest).sort((a, b) => b.plannedOn.localeCompare(a.plannedOn) || b.createdAt.localeCompare(a.createdAt)), [docs]);
  const quarters = useMemo(() => mdfQuarters(docs ?? []), [docs]);
  const cache = useCachedFiles();
  const cached = useMemo(() => new Set(cache.files.map((file) => file.sha256)), [cache.files]);

  if (docs === null || items === null) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Loading MDF" />
      </Center>
    );
  }

  const actions = (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconCash size={16} />} onClick={() => setBudgetFor('new')} disabled={budgetFor !== null}>
        Set a budget
      </Button>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setRequesting(true)} disabled={requesting}>
        Request MDF
      </Button>
    </Group>
  );
  const forms = (
    <>
      {budgetFor !== null ? (
        <MdfBudgetForm key={budgetFor === 'new' ? 'new' : budgetFor.id} partnerId={partner.id} docs={docs} today={today} editing={budgetFor === 'new' ? null : budgetFor} onDone={() => setBudgetFor(null)} />
      ) : null}
      {requesting ? <MdfRequestForm partnerId={partner.id} docs={docs} today={today} initiatives={choices} onDone={() => setRequesting(false)} /> : null}
    </>
  );

  if (docs.length === 0) {
    return (
      <Stack gap="md">
        {budgetFor === null && !requesting ? (
          <Card withBorder radius="md" padding="xl">
            <Stack align="center" gap="sm" py="lg">
              <Title order={3}>No MDF yet</Title>
              <Text c="dimmed" ta="center" maw={560}>
                Market development funds pay for {partner.name}’s campaigns: set a budget per quarter, request funds for an activity of the plan, approve it, then claim with proof of
                performance and record the payment.
              </Text>
              {actions}
            </Stack>
          </Card>
        ) : (
          forms
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {requests.length === 0 ? 'No MDF request yet.' : `${requests.length} MDF request${requests.length === 1 ? '' : 's'}.`} Amounts stay in their own currency.
        </Text>
        {actions}
      </Group>
      {forms}
      <Card withBorder radius="md" padding="md">
        <Title order={4} mb="xs">
          Budgets by quarter
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="MDF budgets">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Quarter</Table.Th>
                <Table.Th ta="right">Budget</Table.Th>
                <Table.Th ta="right" title="Approved requests, or their approved claims">
                  Used
                </Table.Th>
                <Table.Th ta="right">Waiting</Table.Th>
                <Table.Th ta="right">Remaining</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quarters.map((q) => (
                <Table.Tr key={q.quarter}>
                  <Table.Td>
                    {mdfQuarterLabel(q.quarter)}
                    {q.otherCurrency.length > 0 && q.budget ? (
                      <Text size="xs" c="dimmed">
                        {q.otherCurrency.length} request{q.otherCurrency.length === 1 ? '' : 's'} in another currency, not counted
                      </Text>
                    ) : null}
                  </Table.Td>
                  {q.budget && q.currency ? (
                    <>
                      <Table.Td ta="right">{formatMoney(q.amount, q.currency)}</Table.Td>
                      <Table.Td ta="right">{formatMoney(q.used, q.currency)}</Table.Td>
                      <Table.Td ta="right">{formatMoney(q.pending, q.currency)}</Table.Td>
                      <Table.Td ta="right" c={q.remaining < 0 ? 'red' : undefined}>
                        {formatMoney(q.remaining, q.currency)}
                      </Table.Td>
                    </>
                  ) : (
                    <Table.Td colSpan={4} ta="right">
                      <Text size="sm" c="dimmed">
                        No budget set
                      </Text>
                    </Table.Td>
                  )}
                  <Table.Td ta="right">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={q.budget ? <IconPencil size={14} /> : <IconPlus size={14} />}
                      onClick={() => setBudgetFor(q.budget ?? { id: '', createdAt: '', updatedAt: '', partnerId: partner.id, kind: 'budget', quarter: q.quarter, amount: 0, currency: q.requests[0]?.currency ?? 'EUR' })}
                      aria-label={`${q.budget ? 'Edit' : 'Set'} the ${mdfQuarterLabel(q.quarter)} budget`}
                    >
                      {q.budget ? 'Edit' : 'Set'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {requests.map((request) => (
        <RequestCard key={request.id} request={request} docs={docs} deals={deals} today={today} initiatives={choices} initiativeTitle={request.initiativeId ? titles.get(request.initiativeId) : undefined} cached={cached} />
      ))}
    </Stack>
  );
}
