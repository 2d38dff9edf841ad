import { Alert, Button, FileInput, Group, MultiSelect, NumberInput, SegmentedControl, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { MAX_RESOURCE_FILE_BYTES, PARTNER_TYPES, PHASES, type Phase, type PartnerType, type Resource, type ResourceFileRef } from '../../../src-shared/domain/types';
import { PHASE_INFO } from '../../../src-shared/domain/journey';
import { formatBytes, validateResourceInput } from '../../../src-shared/resources/resourceRules';
import { PARTNER_TYPE_LABELS } from '../../app/labels';
import { sha256Hex } from '../../files/fileCache';

export type ResourceFormValue = {
  kind: 'file' | 'link';
  title: string;
  description: string;
  url: string;
  file?: ResourceFileRef;
  audience: PartnerType[];
  phase: Phase;
  version: number;
};

/** The new file's bytes, read when it is picked (cached and uploaded on save). */
export type PickedFile = { ref: ResourceFileRef; bytes: ArrayBuffer };

export function formValueOf(resource: Resource | null): ResourceFormValue {
  if (!resource) return { kind: 'file', title: '', description: '', url: '', audience: [], phase: 'immersion', version: 1 };
  return {
    kind: resource.kind,
    title: resource.title,
    description: resource.description ?? '',
    url: resource.url ?? '',
    ...(resource.file ? { file: resource.file } : {}),
    audience: resource.audience,
    phase: resource.phase,
    version: resource.version,
  };
}

/** Add or edit a resource: a link's address or a file (up to 25 MB), its audience, phase and version. */
export function ResourceForm({ initial, onSave, onCancel }: { initial: ResourceFormValue; onSave: (value: ResourceFormValue, picked: PickedFile | null) => Promise<void>; onCancel: () => void }) {
  const [value, setValue] = useState(initial);
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const set = (change: Partial<ResourceFormValue>) => setValue((old) => ({ ...old, ...change }));

  const pick = async (file: File | null) => {
    setErrors((old) => ({ ...old, file: '' }));
    if (!file) return;
    if (file.size > MAX_RESOURCE_FILE_BYTES) {
      setErrors((old) => ({ ...old, file: `“${file.name}” is ${formatBytes(file.size)}; the library stores files up to ${formatBytes(MAX_RESOURCE_FILE_BYTES)}` }));
      return;
    }
    const bytes = await file.arrayBuffer();
    const ref: ResourceFileRef = { sha256: await sha256Hex(bytes), name: file.name, mime: file.type || 'application/octet-stream', size: file.size };
    setPicked({ ref, bytes });
    set({ file: ref, ...(value.title.trim() === '' ? { title: file.name.replace(/\.[^.]+$/, '') } : {}) });
  };

  const submit = async () => {
    const result = validateResourceInput(value);
    if (!result.ok) {
      const field = result.field.split('.')[0] ?? 'resource';
      setErrors({ [field]: result.error.slice(result.error.indexOf(':') + 2) });
      return;
    }
    setErrors({});
    setSaving(true);
    setFailure(null);
    try {
      await onSave(value, picked);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack>
      <SegmentedControl
        value={value.kind}
        onChange={(kind) => set({ kind: kind as 'file' | 'link' })}
        data={[
          { value: 'file', label: 'File' },
          { value: 'link', label: 'Link' },
        ]}
        aria-label="Kind of resource"
      />
      <TextInput label="Title" required value={value.title} onChange={(e) => set({ title: e.currentTarget.value })} error={errors.title} data-autofocus />
      {value.kind === 'link' ? (
        <TextInput label="Web address" placeholder="https://" required value={value.url} onChange={(e) => set({ url: e.currentTarget.value })} error={errors.url} />
      ) : (
        <FileInput
          label="File"
          description={value.file ? `${value.file.name} · ${formatBytes(value.file.size)}` : `PDF, slides or images, up to ${formatBytes(MAX_RESOURCE_FILE_BYTES)}`}
          placeholder={value.file ? 'Choose another file' : 'Choose a file'}
          onChange={(file) => void pick(file)}
          error={errors.file}
          clearable
        />
      )}
      <Textarea label="Description" autosize minRows={2} value={value.description} onChange={(e) => set({ description: e.currentTarget.value })} error={errors.description} />
      <Group grow align="flex-start">
        <Select
          label="Phase"
          data={PHASES.map((phase) => ({ value: phase, label: PHASE_INFO[phase].label }))}
          value={value.phase}
          onChange={(phase) => phase && set({ phase: phase as Phase })}
          allowDeselect={false}
        />
        <NumberInput label="Version" min={1} value={value.version} onChange={(version) => set({ version: typeof version === 'number' ? version : 1 })} error={errors.version} />
      </Group>
      <MultiSelect
        label="Audience"
        description="Leave empty for every partner type"
        data={PARTNER_TYPES.map((type) => ({ value: type, label: PARTNER_TYPE_LABELS[type] }))}
        value={value.audience}
        onChange={(audience) => set({ audience: audience as PartnerType[] })}
        clearable
      />
      {failure && (
        <Alert color="red" title="Not saved">
          {failure}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={() => void submit()} loading={saving}>
          Save resource
        </Button>
      </Group>
    </Stack>
  );
}
