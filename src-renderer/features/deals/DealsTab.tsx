import { Alert, Badge, Button, Card, Group, NumberFormatter, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconConfetti, IconLock, IconPlus, IconTrophy } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { DEAL_STAGES, type Deal, type DealSource, type DealStage, type Partner } from '../../../src-shared/domain/types';
import { DateField } from '../../app/DateField';
import { DraftIndicator } from '../../app/DraftIndicator';
import { useDraft, useDraftKept } from '../../app/useDraft';
import { useStoreAction } from '../../app/useStoreAction';
import { formatDate } from '../../../src-shared/util/formatDate';
import { useAppData } from '../../db/useAppData';
import { useDatabase } from '../../db/useDatabase';
import { firstWonDeal, validateDealForm, type DealFormErrors, type DealFormValues } from './dealInput';
import { changeDealStage, createDeal } from './dealWrites';
import { checkDuplicates, indexDeals, protectedCollisionMessage } from '../../../src-shared/deals/duplicates';
import { isStagePickable } from '../../../src-shared/deals/registration';
import { RegistrationActions } from './RegistrationActions';
import { useProtectionWindow } from './useProtectionWindow';

export const STAGE_LABELS: Record<DealStage, string> = { registered: 'Registered', approved: 'Approved', won: 'Won', lost: 'Lost' };
const STAGE_COLORS: Record<DealStage, string> = { registered: 'gray', approved: 'blue', won: 'green', lost: 'red' };

function emptyForm(today: string, currency: string): DealFormValues {
  return { account: '', amount: '', currency, stage: 'registered', registeredOn: today, closedOn: today, source: 'sourced' };
}

/** Register a deal, with a duplicate pre-check against every deal on this laptop. */
function DealForm({ partner, deals, today, onDone }: { partner: Partner; deals: Deal[]; today: string; onDone: () => void }) {
  const db = useDatabase();
  const data = useAppData();
  const draft = useDraft(`deal:new:${partner.id}`, emptyForm(today, deals[deals.length - 1]?.currency ?? 'USD'));
  const [values, setValues] = useState(draft.initial);
  const [errors, setErrors] = useState<DealFormErrors>({});
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [save, saving] = useStoreAction(createDeal, 'register the deal');
  const index = useMemo(() => indexDeals([...data.dealsByPartner.values()].flat()), [data.dealsByPartner]);
  const check = useMemo(() => (values.account.trim().length >= 3 ? checkDuplicates(values.account, index, { partnerId: partner.id, today }) : { matches: [] }), [values.account, index, partner.id, today]);
  const similar = check.matches.map((m) => m.deal);
  const blocking = check.blocking;
  const set = <K extends keyof DealFormValues>(key: K, value: DealFormValues[K]) => {
    const next = { ...values, [key]: value };
    setValues(next);
    draft.change(next);
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const needsConfirm = similar.length > 0 && confirmedFor !== values.account.trim();

  const submit = async () => {
    const result = validateDealForm(values, today);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    if (needsConfirm) {
      setConfirmedFor(values.account.trim());
      return;
    }
    const saved = await save(db, partner.id, result.value);
    if (saved?.firstDeal) {
      notifications.show({
        color: 'green',
        icon: <IconConfetti size={18} />,
        title: `First deal for ${partner.name}!`,
        message: saved.stepTicked ? `“${saved.deal.account}” is registered: the journey’s “first deal” step is ticked.` : `“${saved.deal.account}” is registered.`,
      });
    }
    if (saved) {
      draft.clear();
      onDone();
    }
  };

  return (
    <Card withBorder padding="md" radius="md" component="form" aria-label="Register a deal" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Register a deal</Title>
          <DraftIndicator state={draft.state} restored={draft.restored} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label="Account" placeholder="Customer name or web domain" value={values.account} onChange={(e) => set('account', e.currentTarget.value)} error={errors.account} required data-autofocus />
          <TextInput label="Amount" inputMode="decimal" value={values.amount} onChange={(e) => set('amount', e.currentTarget.value)} error={errors.amount} required />
          <TextInput label="Currency" maxLength={3} value={values.currency} onChange={(e) => set('currency', e.currentTarget.value.toUpperCase())} error={errors.currency} required w={90} />
        </Group>
        <Group grow align="flex-start">
          <Select label="Stage" data={DEAL_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s], disabled: !isStagePickable(s, undefined) }))} description="Approve it in the list, with a reason" value={values.stage} onChange={(v) => set('stage', (v ?? 'registered') as DealStage)} allowDeselect={false} />
          <DateField label="Registered on" value={values.registeredOn} onChange={(value) => set('registeredOn', value)} error={errors.registeredOn} required />
          {values.stage === 'won' || values.stage === 'lost' ? (
            <DateField label="Closed on" value={values.closedOn} onChange={(value) => set('closedOn', value)} error={errors.closedOn} required />
          ) : null}
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4} id="deal-source-label">
            Source
          </Text>
          <SegmentedControl
            aria-labelledby="deal-source-label"
            value={values.source}
            onChange={(v) => set('source', v as DealSource)}
            data={[
              { value: 'sourced', label: 'Partner-sourced' },
              { value: 'influenced', label: 'Influenced' },
            ]}
          />
        </div>
        {blocking ? (
          <Alert color="red" icon={<IconLock size={18} />} title="Protected by another partner" role="alert" data-testid="protected-collision">
            <Text size="sm">{protectedCollisionMessage(blocking, data.partnersById.get(blocking.deal.partnerId)?.name ?? 'Another partner')}</Text>
          </Alert>
        ) : null}
        {similar.length > 0 ? (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Possible duplicate" role="alert">
            <Text size="sm">
              {similar.length === 1 ? 'A deal' : `${similar.length} deals`} with a similar account {similar.length === 1 ? 'is' : 'are'} already registered on this laptop:
            </Text>
            <Stack gap={2} mt={4}>
              {similar.slice(0, 5).map((d) => (
                <Text size="sm" key={d.id}>
                  “{d.account}” — {data.partnersById.get(d.partnerId)?.name ?? 'another partner'}, {STAGE_LABELS[d.stage].toLowerCase()}, registered {formatDate(d.registeredOn)}
                </Text>
              ))}
            </Stack>
            <Text size="sm" mt={4}>
              {needsConfirm ? 'Check with the partner before registering it again.' : 'Press “Register anyway” to save it all the same.'}
            </Text>
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              draft.clear();
              onDone();
            }}
          >
            Cancel
          </Button>
          <Button type="submit" loading={saving} color={similar.length > 0 && !needsConfirm ? 'orange' : undefined}>
            {similar.length > 0 && !needsConfirm ? 'Register anyway' : 'Register deal'}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The partner's registered deals: register one, move it through its stages, see the first win. */
export function DealsTab({ partner, deals, today }: { partner: Partner; deals: Deal[]; today: string }) {
  const db = useDatabase();
  const [adding, setAdding] = useState(useDraftKept(`deal:new:${partner.id}`));
  const [move] = useStoreAction(changeDealStage, 'change the deal stage');
  const windowDays = useProtectionWindow().window.days;
  const sorted = useMemo(() => [...deals].sort((a, b) => (a.registeredOn < b.registeredOn ? 1 : a.registeredOn > b.registeredOn ? -1 : 0)), [deals]);
  const firstWin = firstWonDeal(deals);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {deals.length === 0 ? 'No deal registered yet.' : `${deals.length} deal${deals.length === 1 ? '' : 's'} registered.`} Amounts stay in their own currency.
        </Text>
        {!adding ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            Register a deal
          </Button>
        ) : null}
      </Group>
      {adding ? <DealForm partner={partner} deals={deals} today={today} onDone={() => setAdding(false)} /> : null}
      {sorted.length > 0 ? (
        <Table.ScrollContainer minWidth={880}>
          <Table striped highlightOnHover aria-label="Deals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th>Registered</Table.Th>
                <Table.Th>Closed</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th>Registration</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{d.account}</Text>
                      {firstWin?.id === d.id ? (
                        <Badge size="sm" color="green" variant="light" leftSection={<IconTrophy size={12} />}>
                          First win
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    <NumberFormatter value={d.amount} thousandSeparator="," decimalScale={2} prefix={`${d.currency} `} />
                  </Table.Td>
                  <Table.Td>{d.source === 'sourced' ? 'Partner-sourced' : 'Influenced'}</Table.Td>
                  <Table.Td>{formatDate(d.registeredOn)}</Table.Td>
                  <Table.Td>{d.closedOn ? formatDate(d.closedOn) : '—'}</Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={130}
                      aria-label={`Stage of ${d.account}`}
                      data={DEAL_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s], disabled: !isStagePickable(s, d.stage) }))}
                      value={d.stage}
                      allowDeselect={false}
                      onChange={(v) => v && v !== d.stage && void move(db, d.id, v as DealStage, today)}
                      leftSection={<Badge size="xs" circle color={STAGE_COLORS[d.stage]} aria-hidden> </Badge>}
                    />
                  </Table.Td>
                  <Table.Td>
                    <RegistrationActions deal={d} today={today} windowDays={windowDays} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
