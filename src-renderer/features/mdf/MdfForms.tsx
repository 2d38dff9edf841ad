import { Alert, Card, FileInput, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_RESOURCE_FILE_BYTES, type FileRef, type IsoDate, type MdfDoc } from '../../../src-shared/domain/types';
import { parseAmount } from '../../../src-shared/import/dealsCsv';
import { budgetWarning } from '../../../src-shared/mdf/mdfBudget';
import { approvedAmount, budgetQuarterChoices, mdfQuarterLabel, quarterOf, type MdfRequest } from '../../../src-shared/mdf/mdfRules';
import { formatMoney } from '../../../src-shared/plan/planTotals';
import { formatBytes } from '../../../src-shared/resources/resourceRules';
import { DateField } from '../../app/DateField';
import { DraftFormFooter } from '../../app/DraftFormFooter';
import { useDraft } from '../../app/useDraft';
import { storeErrorMessage } from '../../db/storeErrorMessage';
import { useDatabase } from '../../db/useDatabase';
import { fileCacheChanged } from '../../files/useFileCache';
import { queueUpload, sha256Hex } from '../../files/fileCache';
import { mdfErrorField, type MdfField } from './mdfErrorField';
import { approveMdf, createMdfRequest, decideClaim, editMdf, fileMdfClaim, payMdf, rejectMdf, saveMdfBudget } from './mdfWrites';

type Errors = Partial<Record<MdfField, string>>;

/**
 * These forms open inline (not in a modal, whose focus trap reads `data-autofocus`): the keyboard
 * lands on the field marked `data-autofocus` when the form opens, Escape cancels it.
 */
function useInlineForm(onCancel: () => void) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[data-autofocus] input, input[data-autofocus], textarea[data-autofocus]')?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && !event.defaultPrevented && !(event.target instanceof HTMLElement && event.target.closest('[aria-expanded="true"]'))) onCancel();
  };
  return [ref, onKeyDown] as const;
}

/** "12 500" / "12,500.50" → 12500.5; what is not a number becomes NaN, which the rules refuse with their message. */
const amountOf = (text: string): number => parseAmount(text) ?? Number.NaN;

/**
 * Runs a write of mdfWrites.ts: a refusal of the shared rules (or of the store) lands on the field
 * it is about, in the rule's own words; returns whether it was saved.
 */
async function runWrite(write: () => Promise<unknown>, setErrors: (errors: Errors) => void, what: string): Promise<boolean> {
  try {
    await write();
    setErrors({});
    return true;
  } catch (error) {
    // The rules refuse with a plain Error in words; the store's errors carry a code (RxDB) and are spelled out.
    const fromRule = error instanceof Error && !('code' in error) && !('status' in error);
    const message = fromRule ? error.message : storeErrorMessage(error, what);
    setErrors({ [mdfErrorField(message)]: message });
    return false;
  }
}

function FormError({ errors }: { errors: Errors }) {
  return errors.form ? (
    <Alert color="red" role="alert" icon={<IconAlertTriangle size={18} />}>
      {errors.form}
    </Alert>
  ) : null;
}

function Warning({ text }: { text: string | null }) {
  return text ? (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="mdf-budget-warning">
      {text} — it can still be approved.
    </Alert>
  ) : null;
}

type BudgetValues = { quarter: string; amount: string; currency: string; note: string };

/** Set (or change) a partner's MDF budget for a quarter; `editing` without an id is a quarter with requests but no budget yet. */
export function MdfBudgetForm({ partnerId, docs, today, editing, onDone }: { partnerId: string; docs: MdfDoc[]; today: IsoDate; editing: MdfDoc | null; onDone: () => void }) {
  const db = useDatabase();
  const lastCurrency = docs.find((d) => d.kind === 'budget')?.currency ?? docs[0]?.currency ?? 'EUR';
  const defaults: BudgetValues = editing
    ? { quarter: editing.quarter, amount: editing.id ? String(editing.amount) : '', currency: editing.currency, note: editing.note ?? '' }
    : { quarter: quarterOf(today), amount: '', currency: lastCurrency, note: '' };
  const draft = useDraft(`mdf:budget:${partnerId}:${editing?.quarter ?? 'new'}`, defaults);
  const [values, setValues] = useState(draft.initial);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [formRef, onFormKeyDown] = useInlineForm(onDone);
  const set = (change: Partial<BudgetValues>) => {
    const next = { ...values, ...change };
    setValues(next);
    draft.change(next);
    setErrors({});
  };
  const quarters = budgetQuarterChoices(today, docs.filter((d) => d.kind === 'budget').map((d) => d.quarter));
  const submit = async () => {
    setSaving(true);
    const saved = await runWrite(() => saveMdfBudget(db, partnerId, { quarter: values.quarter, amount: amountOf(values.amount), currency: values.currency, note: values.note }), setErrors, 'save the budget');
    setSaving(false);
    if (saved) {
      draft.clear();
      onDone();
    }
  };
  return (
    <Card withBorder radius="md" padding="md" ref={formRef} onKeyDown={onFormKeyDown} component="form" aria-label="MDF budget" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Stack gap="sm">
        <Title order={4}>{editing ? `Budget for ${mdfQuarterLabel(editing.quarter)}` : 'Set a quarter’s MDF budget'}</Title>
        <Group grow align="flex-start">
          <Select
            label="Quarter"
            data={quarters.map((q) => ({ value: q, label: mdfQuarterLabel(q) }))}
            value={values.quarter}
            onChange={(q) => q && set({ quarter: q })}
            allowDeselect={false}
            disabled={editing !== null}
            error={errors.quarter}
            data-autofocus={editing ? undefined : true}
          />
          <TextInput label="Budget" inputMode="decimal" value={values.amount} onChange={(e) => set({ amount: e.currentTarget.value })} error={errors.amount} required data-autofocus={editing ? true : undefined} />
          <TextInput label="Currency" maxLength={3} w={90} value={values.currency} onChange={(e) => set({ currency: e.currentTarget.value.toUpperCase() })} error={errors.currency} required />
        </Group>
        <Textarea label="Note" autosize minRows={1} value={values.note} onChange={(e) => set({ note: e.currentTarget.value })} error={errors.note} />
        <FormError errors={errors} />
        <DraftFormFooter draft={draft} onCancel={onDone} submitLabel="Save budget" saving={saving} />
      </Stack>
    </Card>
  );
}

type RequestValues = { activity: string; amount: string; currency: string; plannedOn: string; initiativeId: string };
export type InitiativeChoice = { value: string; label: string };

/** Request MDF for an activity, drawing on the quarter of its planned date, linked to a plan initiative; or change a request still waiting for a decision (`editing`). */
export function MdfRequestForm({ partnerId, docs, today, initiatives, editing, onDone }: { partnerId: string; docs: MdfDoc[]; today: IsoDate; initiatives: InitiativeChoice[]; editing?: MdfRequest; onDone: () => void }) {
  const db = useDatabase();
  const currency = docs.find((d) => d.kind === 'budget' && d.quarter === quarterOf(today))?.currency ?? docs[0]?.currency ?? 'EUR';
  const draft = useDraft<RequestValues>(
    editing ? `mdf:request:${editing.id}` : `mdf:request:new:${partnerId}`,
    editing
      ? { activity: editing.activity, amount: String(editing.amount), currency: editing.currency, plannedOn: editing.plannedOn, initiativeId: editing.initiativeId ?? '' }
      : { activity: '', amount: '', currency, plannedOn: today, initiativeId: '' },
  );
  const [values, setValues] = useState(draft.initial);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [formRef, onFormKeyDown] = useInlineForm(onDone);
  const set = (change: Partial<RequestValues>) => {
    const next = { ...values, ...change };
    setValues(next);
    draft.change(next);
    setErrors({});
  };
  const amount = amountOf(values.amount);
  const warning =
    Number.isFinite(amount) && amount > 0 && /^\d{4}-\d{2}-\d{2}$/.test(values.plannedOn)
      ? budgetWarning(docs, { quarter: quarterOf(values.plannedOn), amount, currency: values.currency.trim().toUpperCase(), ...(editing ? { excludeId: editing.id } : {}) })
      : null;
  const submit = async () => {
    setSaving(true);
    const input = { activity: values.activity, amount, currency: values.currency, plannedOn: values.plannedOn, ...(values.initiativeId ? { initiativeId: values.initiativeId } : {}), ...(editing?.dealIds ? { dealIds: editing.dealIds } : {}) };
    const saved = await runWrite(() => (editing ? editMdf(db, editing.id, input) : createMdfRequest(db, partnerId, input, today)), setErrors, editing ? 'change the MDF request' : 'file the MDF request');
    setSaving(false);
    if (saved) {
      draft.clear();
      onDone();
    }
  };
  return (
    <Card withBorder radius="md" padding="md" ref={formRef} onKeyDown={onFormKeyDown} component="form" aria-label={editing ? 'Change the MDF request' : 'MDF request'} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Stack gap="sm">
        {editing ? <Text fw={600}>Change the request</Text> : <Title order={4}>Request MDF</Title>}
        <TextInput label="Activity" description="What the funds pay for" placeholder="Webinar series with the partner" value={values.activity} onChange={(e) => set({ activity: e.currentTarget.value })} error={errors.activity} required data-autofocus />
        <Group grow align="flex-start">
          <TextInput label="Amount" inputMode="decimal" value={values.amount} onChange={(e) => set({ amount: e.currentTarget.value })} error={errors.amount} required />
          <TextInput label="Currency" maxLength={3} w={90} value={values.currency} onChange={(e) => set({ currency: e.currentTarget.value.toUpperCase() })} error={errors.currency} required />
          <DateField label="Planned date" value={values.plannedOn} onChange={(plannedOn) => set({ plannedOn })} error={errors.plannedOn} required />
        </Group>
        <Select
          label="Plan initiative"
          description={initiatives.length === 0 ? 'No initiative in this partner’s plan yet: add one in the Plan tab to link it' : 'The initiative of the joint plan this funds'}
          placeholder={initiatives.length === 0 ? 'None' : 'Pick an initiative'}
          data={initiatives}
          value={values.initiativeId || null}
          onChange={(initiativeId) => set({ initiativeId: initiativeId ?? '' })}
          clearable
          searchable
          disabled={initiatives.length === 0}
        />
        <Warning text={warning} />
        <FormError errors={errors} />
        <DraftFormFooter draft={draft} onCancel={onDone} submitLabel={editing ? 'Save request' : 'Request MDF'} saving={saving} />
      </Stack>
    </Card>
  );
}

export type MdfAction = 'approve' | 'reject' | 'claim' | 'approveClaim' | 'refuseClaim' | 'pay';

const ACTION_TITLES: Record<MdfAction, string> = {
  approve: 'Approve the request',
  reject: 'Reject the request',
  claim: 'File a claim with proof of performance',
  approveClaim: 'Approve the claim',
  refuseClaim: 'Refuse the claim',
  pay: 'Record the payment',
};
const SUBMIT_LABELS: Record<MdfAction, string> = { approve: 'Approve', reject: 'Reject', claim: 'File claim', approveClaim: 'Approve claim', refuseClaim: 'Refuse claim', pay: 'Mark paid' };

type ActionValues = { amount: string; reason: string; note: string; on: string };

/** One step of a request (approve, reject, claim, decide the claim, pay): its fields, the rule's refusal on the field it is about. */
export function MdfActionForm({ request, docs, action, today, onDone }: { request: MdfRequest; docs: MdfDoc[]; action: MdfAction; today: IsoDate; onDone: () => void }) {
  const db = useDatabase();
  const startAmount = action === 'approve' ? String(request.amount) : action === 'claim' ? String(approvedAmount(request)) : '';
  const draft = useDraft<ActionValues>(`mdf:${action}:${request.id}`, { amount: startAmount, reason: '', note: '', on: today });
  const [values, setValues] = useState(draft.initial);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [formRef, onFormKeyDown] = useInlineForm(onDone);
  const [picked, setPicked] = useState<{ ref: FileRef; bytes: ArrayBuffer } | null>(null);
  const set = (change: Partial<ActionValues>) => {
    const next = { ...values, ...change };
    setValues(next);
    draft.change(next);
    setErrors({});
  };
  const pick = async (file: File | null) => {
    setErrors({});
    if (!file) return setPicked(null);
    if (file.size > MAX_RESOURCE_FILE_BYTES) {
      setErrors({ proof: `“${file.name}” is ${formatBytes(file.size)}; a proof file can be up to ${formatBytes(MAX_RESOURCE_FILE_BYTES)}` });
      return;
    }
    const bytes = await file.arrayBuffer();
    setPicked({ ref: { sha256: await sha256Hex(bytes), name: file.name, mime: file.type || 'application/octet-stream', size: file.size }, bytes });
  };
  const amount = amountOf(values.amount);
  const warning = action === 'approve' && Number.isFinite(amount) && amount > 0 ? budgetWarning(docs, { quarter: request.quarter, amount, currency: request.currency, excludeId: request.id }, { countPending: false }) : null;

  const write = async () => {
    switch (action) {
      case 'approve':
        return approveMdf(db, request.id, amount, values.reason, values.on);
      case 'reject':
        return rejectMdf(db, request.id, values.reason, values.on);
      case 'claim': {
        const saved = await fileMdfClaim(db, request.id, { amount, note: values.note, on: values.on, ...(picked ? { proof: picked.ref } : {}) });
        // The rule accepted the claim: the proof is cached now and uploaded when the server answers.
        if (picked) {
          await queueUpload(picked.ref, picked.bytes);
          fileCacheChanged();
          window.dispatchEvent(new Event('partner-desk:upload-queued'));
        }
        return saved;
      }
      case 'approveClaim':
        return decideClaim(db, request.id, true, values.reason, values.on);
      case 'refuseClaim':
        return decideClaim(db, request.id, false, values.reason, values.on);
      case 'pay':
        return payMdf(db, request.id, values.on);
    }
  };
  const submit = async () => {
    setSaving(true);
    const saved = await runWrite(write, setErrors, ACTION_TITLES[action].toLowerCase());
    setSaving(false);
    if (saved) {
      draft.clear();
      onDone();
    }
  };

  const withAmount = action === 'approve' || action === 'claim';
  const withReason = action === 'approve' || action === 'reject' || action === 'approveClaim' || action === 'refuseClaim';
  const dateLabel = { approve: 'Approved on', reject: 'Rejected on', claim: 'Claimed on', approveClaim: 'Decided on', refuseClaim: 'Decided on', pay: 'Paid on' }[action];
  return (
    <Card withBorder radius="md" padding="sm" ref={formRef} onKeyDown={onFormKeyDown} component="form" aria-label={ACTION_TITLES[action]} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Stack gap="sm">
        <Text fw={600}>{ACTION_TITLES[action]}</Text>
        <Group grow align="flex-start">
          {withAmount ? (
            <TextInput
              label={action === 'approve' ? `Approved amount (${request.currency})` : `Claimed amount (${request.currency})`}
              description={action === 'approve' ? `Requested ${formatMoney(request.amount, request.currency)}` : `Approved ${formatMoney(approvedAmount(request), request.currency)}`}
              inputMode="decimal"
              value={values.amount}
              onChange={(e) => set({ amount: e.currentTarget.value })}
              error={errors.amount}
              required
              data-autofocus
            />
          ) : null}
          <DateField label={dateLabel} value={values.on} onChange={(on) => set({ on })} error={errors.on} required data-autofocus={withAmount || withReason ? undefined : true} />
        </Group>
        {withReason ? (
          <Textarea
            label="Reason"
            description={action === 'approve' ? 'Needed when less than the requested amount is approved' : action === 'approveClaim' ? 'Optional' : 'The partner sees why'}
            autosize
            minRows={2}
            value={values.reason}
            onChange={(e) => set({ reason: e.currentTarget.value })}
            error={errors.reason}
            required={action === 'reject' || action === 'refuseClaim'}
            data-autofocus={withAmount ? undefined : true}
          />
        ) : null}
        {action === 'claim' ? (
          <>
            <Textarea label="Proof of performance" description="What took place and what it produced: attendees, leads, photos" autosize minRows={2} value={values.note} onChange={(e) => set({ note: e.currentTarget.value })} error={errors.note} required />
            <FileInput
              label="Proof file"
              description={picked ? `${picked.ref.name} · ${formatBytes(picked.ref.size)} — kept on this laptop and sent to the server at the next sync` : `Attendee list, invoice, photos — up to ${formatBytes(MAX_RESOURCE_FILE_BYTES)}`}
              placeholder="Choose a file"
              onChange={(file) => void pick(file)}
              error={errors.proof}
              clearable
            />
          </>
        ) : null}
        <Warning text={warning} />
        <FormError errors={errors} />
        <DraftFormFooter draft={draft} onCancel={onDone} submitLabel={SUBMIT_LABELS[action]} saving={saving} />
      </Stack>
    </Card>
  );
}
