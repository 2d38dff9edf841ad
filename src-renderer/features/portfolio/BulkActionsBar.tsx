import { Autocomplete, Button, Card, CloseButton, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconDownload, IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { isValidEmail } from '../../../src-shared/domain/partnerInput';
import { portfolioToCsv } from '../../../src-shared/import/partnerCsv';
import type { Partner } from '../../../src-shared/domain/types';
import { showUndoToast } from '../../app/showUndoToast';
import { useStoreAction } from '../../app/useStoreAction';
import { useToday } from '../../app/useToday';
import { useDatabase } from '../../db/useDatabase';
import { CSV_FILE } from '../../platform/platform';
import { usePlatform } from '../../platform/usePlatform';
import { applyBulkChange, archiveChange, restoreBulkChange } from './bulkPartnerChanges';

type Props = {
  selected: Partner[];
  /** Known owners: email → name. */
  owners: ReadonlyMap<string, string>;
  ownerLabel: (email: string) => string;
  onClear: () => void;
};

const count = (n: number): string => (n === 1 ? '1 partner' : `${n} partners`);

/** What can be done to the selected partners at once: assign an owner, export them, archive them. */
export function BulkActionsBar({ selected, owners, ownerLabel, onClear }: Props) {
  const db = useDatabase();
  const platform = usePlatform();
  const today = useToday();
  const [assigning, setAssigning] = useState(false);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);

  const [assign, assigningNow] = useStoreAction(async (partners: Partner[], ownerEmail: string) => {
    const snapshot = await applyBulkChange(db, partners, () => ({ ownerEmail }));
    showUndoToast({
      message: `${count(partners.length)} assigned to ${ownerLabel(ownerEmail)}`,
      undo: () => restoreBulkChange(db, snapshot),
      undoDescription: 'give the partners their previous owners back',
    });
  }, 'assign the owner');
  const [archive, archivingNow] = useStoreAction(async (partners: Partner[]) => {
    const snapshot = await applyBulkChange(db, partners, (partner) => archiveChange(partner, today));
    showUndoToast({
      message: `${count(partners.length)} archived (marked churned, hidden from the portfolio)`,
      undo: () => restoreBulkChange(db, snapshot),
      undoDescription: 'restore the partners’ status',
    });
  }, 'archive the partners');

  const exportSelected = async () => {
    const result = await platform.saveTextFile({ suggestedName: `partners-selected-${today}.csv`, content: portfolioToCsv(selected), kind: CSV_FILE });
    if (result.saved) notifications.show({ color: 'teal', title: 'Partners exported', message: `${count(selected.length)} saved as CSV.` });
  };

  const submitOwner = async () => {
    const value = email.trim().toLowerCase();
    if (!isValidEmail(value)) {
      setError(value === '' ? 'Enter the new owner’s email' : `“${email.trim()}” is not an email address (like name@example.com)`);
      return;
    }
    setAssigning(false);
    await assign(selected, value);
  };

  const ownerOptions = [...owners.keys()].sort((a, b) => ownerLabel(a).localeCompare(ownerLabel(b)));

  return (
    <Card withBorder padding="xs" radius="md" role="region" aria-label="Selected partners" data-testid="bulk-bar" bg="var(--mantine-primary-color-light)">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600} size="sm" aria-live="polite" data-testid="selection-count">
          {count(selected.length)} selected
        </Text>
        <Group gap="xs" wrap="wrap">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconUserShare size={14} />}
            loading={assigningNow}
            onClick={() => {
              setEmail('');
              setError(null);
              setAssigning(true);
            }}
          >
            Assign owner…
          </Button>
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={() => void exportSelected()}>
            Export selected
          </Button>
          <Button size="xs" variant="default" color="red" leftSection={<IconArchive size={14} />} loading={archivingNow} onClick={() => void archive(selected)}>
            Archive
          </Button>
          <CloseButton size="sm" aria-label="Clear selection" onClick={onClear} />
        </Group>
      </Group>
      <Modal opened={assigning} onClose={() => setAssigning(false)} closeButtonProps={{ 'aria-label': 'Close' }} title={`Assign an owner to ${count(selected.length)}`}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submitOwner();
          }}
        >
          <Stack>
            <Autocomplete
              label="Owner’s email"
              description="The partner manager who owns these partners. Pick someone or type an email."
              data={ownerOptions}
              renderOption={({ option }) => (
                <Stack gap={0}>
                  <Text size="sm">{ownerLabel(option.value)}</Text>
                  {ownerLabel(option.value) !== option.value && (
                    <Text size="xs" c="dimmed">
                      {option.value}
                    </Text>
                  )}
                </Stack>
              )}
              value={email}
              onChange={(value) => {
                setEmail(value);
                setError(null);
              }}
              error={error}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAssigning(false)}>
                Cancel
              </Button>
              <Button type="submit">Assign</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
