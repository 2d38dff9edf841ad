import { ActionIcon, Alert, Button, Card, Checkbox, Group, NumberInput, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { validateTierDefinition, type TierDefinition, type TierLevel } from '../../../src-shared/tiers/tierDefinition';

const numberOr = (value: string | number, fallback: number) => (typeof value === 'number' ? value : value === '' ? fallback : Number(value));

/** Admins edit the tier definition: base currency and rates, then each tier's criteria, lowest first. */
export function TierDefinitionEditor({ initial, courses, saving, onSave, onCancel }: { initial: TierDefinition; courses: string[]; saving: boolean; onSave: (definition: TierDefinition) => void; onCancel: () => void }) {
  const [definition, setDefinition] = useState<TierDefinition>(() => structuredClone(initial));
  const [rates, setRates] = useState(() => Object.entries(initial.rates).map(([currency, rate]) => ({ currency, rate })));
  const current: TierDefinition = useMemo(() => ({ ...definition, rates: Object.fromEntries(rates.filter((r) => r.currency.trim()).map((r) => [r.currency.trim().toUpperCase(), r.rate])) }), [definition, rates]);
  const issues = useMemo(() => validateTierDefinition(current), [current]);
  const setTier = (index: number, change: Partial<TierLevel['criteria']> & { name?: string }) =>
    setDefinition((d) => ({
      ...d,
      tiers: d.tiers.map((t, i) => {
        if (i !== index) return t;
        const { name, ...criteria } = change;
        return { name: name ?? t.name, criteria: { ...t.criteria, ...criteria } };
      }),
    }));

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Title order={3} size="h5">
            Currency
          </Title>
          <Text size="sm" c="dimmed">
            Revenue thresholds are in the base currency. Won deals in another currency count only at a rate kept here; a currency without a rate is left out and named.
          </Text>
          <TextInput label="Base currency" w={160} maxLength={3} value={definition.baseCurrency} onChange={(e) => setDefinition((d) => ({ ...d, baseCurrency: e.currentTarget.value.toUpperCase() }))} />
          {rates.map((r, i) => (
            <Group key={i} gap="xs" align="flex-end">
              <TextInput label={i === 0 ? 'Currency' : undefined} aria-label={`Rate ${i + 1} currency`} w={120} maxLength={3} value={r.currency} onChange={(e) => { const currency = e.currentTarget.value.toUpperCase(); setRates((rs) => rs.map((x, j) => (j === i ? { ...x, currency } : x))); }} />
              <NumberInput label={i === 0 ? `1 unit in ${definition.baseCurrency}` : undefined} aria-label={`Rate ${i + 1} in ${definition.baseCurrency}`} w={180} decimalScale={6} min={0} value={r.rate} onChange={(v) => setRates((rs) => rs.map((x, j) => (j === i ? { ...x, rate: numberOr(v, 0) } : x)))} />
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove the ${r.currency || 'new'} rate`} onClick={() => setRates((rs) => rs.filter((_, j) => j !== i))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => setRates((rs) => [...rs, { currency: '', rate: 1 }])}>
            Add a rate
          </Button>
        </Stack>
      </Card>
      {definition.tiers.map((tier, index) => (
        <Card key={index} withBorder padding="md" aria-label={`Tier ${index + 1}`} component="section">
          <Stack gap="xs">
            <Group justify="space-between">
              <TextInput label={`Tier ${index + 1} name`} value={tier.name} w={240} onChange={(e) => setTier(index, { name: e.currentTarget.value })} />
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove tier ${tier.name || index + 1}`} onClick={() => setDefinition((d) => ({ ...d, tiers: d.tiers.filter((_, i) => i !== index) }))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            <TagsInput label="Required certifications" description="Course names; each needs a completed training" data={courses} value={tier.criteria.certifications} onChange={(certifications) => setTier(index, { certifications })} />
            <Group gap="sm" align="flex-start">
              <NumberInput label={`Won in 12 months (${definition.baseCurrency})`} min={0} thousandSeparator="," w={220} value={tier.criteria.wonRevenue} onChange={(v) => setTier(index, { wonRevenue: numberOr(v, 0) })} />
              <NumberInput label="Deals registered in 12 months" min={0} allowDecimal={false} w={220} value={tier.criteria.dealsRegistered} onChange={(v) => setTier(index, { dealsRegistered: numberOr(v, 0) })} />
              <NumberInput label="Minimum PSAT (1–5)" description="Empty: no threshold" min={1} max={5} decimalScale={1} w={180} value={tier.criteria.minPsat ?? ''} onChange={(v) => setTier(index, { minPsat: v === '' ? undefined : numberOr(v, 1) })} />
            </Group>
            <Checkbox label="Onboarding complete" checked={tier.criteria.onboardingComplete} onChange={(e) => setTier(index, { onboardingComplete: e.currentTarget.checked })} />
          </Stack>
        </Card>
      ))}
      <Button variant="light" w="fit-content" leftSection={<IconPlus size={16} />} onClick={() => setDefinition((d) => ({ ...d, tiers: [...d.tiers, { name: '', criteria: { ...(d.tiers.at(-1)?.criteria ?? { certifications: [], wonRevenue: 0, dealsRegistered: 0, onboardingComplete: false }) } }] }))}>
        Add a tier above
      </Button>
      {issues.length > 0 && (
        <Alert color="orange" title="Fix these before saving" role="alert">
          <Stack gap={2}>
            {issues.map((issue, i) => (
              <Text key={i} size="sm">
                {issue.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Group gap="xs">
        <Button disabled={issues.length > 0} loading={saving} onClick={() => onSave(current)}>
          Save tier definition
        </Button>
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
