import { Badge, Button, Group, Menu, Modal, NumberInput, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import {
  approveRegistration,
  openExtension,
  registrationLabel,
  registrationStatus,
  rejectRegistration,
  requestExtension,
  type RegistrationStatus,
} from '../../../src-shared/deals/registration';
import type { Deal } from '../../../src-shared/domain/types';
import { addDaysIso } from '../../../src-shared/kpi/calendar';
import { formatDate } from '../../../src-shared/util/formatDate';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { askExtension, decideRegistration, settleExtension } from './dealWrites';

const STATUS_COLORS: Record<RegistrationStatus['kind'], string> = { pending: 'gray', rejected: 'red', protected: 'blue', expiring: 'orange', expired: 'red', closed: 'gray' };

type Dialog = 'approve' | 'reject' | 'extend' | null;

/** The registration's protection (badge) and the manager's decisions on it: approve, reject, extend. */
/** `windowDays` is the program's protection window (admin setting): what the approval text shows is what it applies. */
export function RegistrationActions({ deal, today, windowDays }: { deal: Deal; today: string; windowDays: number }) {
  const db = useDatabase();
  const status = registrationStatus(deal, today);
  const pending = openExtension(deal);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [days, setDays] = useState<number | string>(windowDays);
  const [error, setError] = useState<string | null>(null);
  const [decide, deciding] = useStoreAction(decideRegistration, 'record the decision');
  const [ask, asking] = useStoreAction(askExtension, 'request the extension');
  const [settle] = useStoreAction(settleExtension, 'decide the extension');

  const open = (d: Dialog) => {
    setReason('');
    setDays(windowDays);
    setError(null);
    setDialog(d);
  };

  const submit = async () => {
    const n = typeof days === 'number' ? days : Number(days);
    const check = dialog === 'approve' ? approveRegistration(deal, reason, today, windowDays) : dialog === 'reject' ? rejectRegistration(deal, reason, today) : requestExtension(deal, reason, today, n);
    if (!check.ok) {
      setError(check.error);
      return;
    }
    const done = dialog === 'extend' ? await ask(db, deal.id, reason, today, n) : await decide(db, deal.id, dialog === 'approve', reason, today, windowDays);
    if (done === true) setDialog(null);
  };

  if (status.kind === 'closed') return <Text size="sm">—</Text>;
  const label = registrationLabel(status, formatDate);
  const badge = (
    <Badge color={STATUS_COLORS[status.kind]} variant="light" data-testid="registration-status">
      {label}
    </Badge>
  );
  const canDecide = status.kind === 'pending' && deal.stage === 'registered';
  const canExtend = (status.kind === 'protected' || status.kind === 'expiring' || status.kind === 'expired') && !pending;

  return (
    // Wraps rather than squeezes: a badge or the button never shows a cut label in a narrow window.
    <Group gap={6} wrap="wrap">
      {deal.decision ? <Tooltip label={`${deal.decision.outcome === 'approved' ? 'Approved' : 'Rejected'} ${formatDate(deal.decision.on)}: ${deal.decision.reason}`}>{badge}</Tooltip> : badge}
      {pending ? (
        <Badge color="grape" variant="light">
          Extension of {pending.days} days asked
        </Badge>
      ) : null}
      {canDecide || canExtend || pending ? (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="compact-xs" variant="default" rightSection={<IconChevronDown size={12} />} aria-label={`Registration of ${deal.account}`}>
              Decide
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {canDecide ? <Menu.Item onClick={() => open('approve')}>Approve…</Menu.Item> : null}
            {canDecide ? <Menu.Item onClick={() => open('reject')}>Reject…</Menu.Item> : null}
            {canExtend ? <Menu.Item onClick={() => open('extend')}>Request an extension…</Menu.Item> : null}
            {pending ? <Menu.Item onClick={() => void settle(db, deal.id, true, today)}>Approve the extension ({pending.days} days)</Menu.Item> : null}
            {pending ? <Menu.Item onClick={() => void settle(db, deal.id, false, today)}>Refuse the extension</Menu.Item> : null}
          </Menu.Dropdown>
        </Menu>
      ) : null}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === 'approve' ? `Approve the registration of ${deal.account}` : dialog === 'reject' ? `Reject the registration of ${deal.account}` : `Extend the protection of ${deal.account}`}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm">
            {dialog === 'approve' ? (
              <Text size="sm">
                The account is protected for {windowDays} days, until {formatDate(addDaysIso(today, windowDays))}.
              </Text>
            ) : null}
            {dialog === 'extend' ? <NumberInput label="Extra days" min={1} max={365} value={days} onChange={setDays} required /> : null}
            <Textarea
              label="Reason"
              description="Kept with the registration and shown to whoever looks at it later."
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setError(null);
              }}
              error={error}
              autosize
              minRows={2}
              required
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                Cancel
              </Button>
              <Button type="submit" color={dialog === 'reject' ? 'red' : undefined} loading={deciding || asking}>
                {dialog === 'approve' ? 'Approve' : dialog === 'reject' ? 'Reject' : 'Request extension'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
