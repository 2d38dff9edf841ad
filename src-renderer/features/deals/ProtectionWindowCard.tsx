import { Alert, Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { checkProtectionDays, MAX_PROTECTION_DAYS, MIN_PROTECTION_DAYS } from '../../../src-shared/deals/protectionWindow';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { saveProtectionWindow } from './protectionWindowWrites';
import { useProtectionWindow } from './useProtectionWindow';

/**
 * The program's protection window for deal registrations: admins change it, managers read it.
 * A change applies to the next approvals and extension requests; protected registrations keep their expiry.
 */
export function ProtectionWindowCard({ canEdit }: { canEdit: boolean }) {
  const db = useDatabase();
  const { loading, error, window } = useProtectionWindow();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<number | string>(window.days);
  const [problem, setProblem] = useState<string | null>(null);
  const [save, saving] = useStoreAction(saveProtectionWindow, 'save the protection window');

  const submit = async () => {
    const checked = checkProtectionDays(value);
    if (!checked.ok) {
      setProblem(checked.error);
      return;
    }
    if ((await save(db, checked.value)) !== undefined) setEditing(false);
  };

  return (
    <Card withBorder padding="md" component="section" aria-label="Deal registration protection">
      <Stack gap="xs">
        <Group gap="xs">
          <IconShieldCheck size={20} stroke={1.6} aria-hidden />
          <Title order={3} size="h5">
            Deal registration protection
          </Title>
        </Group>
        {error ? (
          <Alert color="red" title="The protection window could not be read">
            {error}
          </Alert>
        ) : loading ? (
          <Text size="sm" c="dimmed">
            Reading the program’s setting…
          </Text>
        ) : editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <Group align="flex-start" gap="sm">
              <NumberInput
                label="Protection window (days)"
                description={`A whole number of days, ${MIN_PROTECTION_DAYS} to ${MAX_PROTECTION_DAYS}. Applies to the next approvals and extensions.`}
                value={value}
                onChange={(v) => {
                  setValue(v);
                  setProblem(null);
                }}
                error={problem}
                allowDecimal
                w={320}
                data-autofocus
              />
              <Group gap="xs" mt={46}>
                <Button type="submit" loading={saving}>
                  Save
                </Button>
                <Button variant="default" onClick={() => setEditing(false)}>
                  Cancel
                </Button>
              </Group>
            </Group>
          </form>
        ) : (
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" data-testid="protection-window">
              An approved registration protects the partner’s opportunity for <b>{window.days} days</b>
              {window.set ? '' : ' (the default)'}; an extension asks for another {window.days} unless the manager says otherwise. Registrations already protected keep their expiry.
            </Text>
            {canEdit ? (
              <Button
                variant="light"
                size="xs"
                onClick={() => {
                  setValue(window.days);
                  setProblem(null);
                  setEditing(true);
                }}
              >
                Change the window
              </Button>
            ) : (
              <Text size="xs" c="dimmed">
                Program leads (admins) set it.
              </Text>
            )}
          </Group>
        )}
        {window.issue ? (
          <Alert color="orange" title="The stored protection window cannot be used">
            {window.issue}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
