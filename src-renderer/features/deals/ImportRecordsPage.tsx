import { Alert, Button, Card, Code, Group, List, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconUpload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { nowIso } from '../../../src-shared/domain/ids';
import type { Deal, Survey, Training } from '../../../src-shared/domain/types';
import { buildImportedDeals, validateDealsCsv } from '../../../src-shared/import/dealsCsv';
import type { RowError } from '../../../src-shared/import/partnerCsv';
import { buildImportedSurveys, validateSurveysCsv } from '../../../src-shared/import/surveysCsv';
import { buildImportedTrainings, validateTrainingsCsv } from '../../../src-shared/import/trainingsCsv';
import { useStoreAction } from '../../app/useStoreAction';
import { insertAll } from '../../db/insertAll';
import { useAppData } from '../../db/useAppData';
import { useDatabase } from '../../db/useDatabase';
import type { AppDatabase } from '../../db/appDatabase';
import { CSV_FILE } from '../../platform/platform';
import { usePlatform } from '../../platform/usePlatform';

type Kind = 'deals' | 'trainings' | 'surveys';

const COLUMNS: Record<Kind, string> = {
  deals: 'partner, account, amount, currency, stage, registered_on, closed_on, source',
  trainings: 'partner, person, course, required, status, completed_on',
  surveys: 'partner, score, taken_on, comment',
};
const NOUN: Record<Kind, string> = { deals: 'deals', trainings: 'trainings', surveys: 'PSAT responses' };

type Checked = { fileName: string; kind: Kind; fileError?: string; errors: RowError[]; docs: Deal[] | Training[] | Survey[] };

/** Inserts one file's records all-or-nothing. */
async function importRecords(db: AppDatabase, checked: Checked): Promise<number> {
  if (checked.kind === 'deals') await insertAll(db.deals, checked.docs as Deal[]);
  else if (checked.kind === 'trainings') await insertAll(db.trainings, checked.docs as Training[]);
  else await insertAll(db.surveys, checked.docs as Survey[]);
  return checked.docs.length;
}

/** Imports deals (CRM export), trainings (LMS export) and PSAT surveys from CSV, with row-level errors like the partner import. */
export function ImportRecordsPage() {
  const db = useDatabase();
  const platform = usePlatform();
  const { partners } = useAppData();
  const [kind, setKind] = useState<Kind>('deals');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [run, importing] = useStoreAction(importRecords, 'import the records');
  const partnerRefs = useMemo(() => partners.map((p) => ({ id: p.id, name: p.name, day0: p.day0 })), [partners]);

  const open = async () => {
    const file = await platform.openTextFile(CSV_FILE);
    if (!file) return;
    const now = nowIso();
    if (kind === 'deals') {
      const v = validateDealsCsv(file.content, file.name, partnerRefs);
      setChecked({ fileName: file.name, kind, ...(v.fileError ? { fileError: v.fileError } : {}), errors: v.errors, docs: buildImportedDeals(v.valid, { now }) });
    } else if (kind === 'trainings') {
      const v = validateTrainingsCsv(file.content, file.name, partnerRefs);
      setChecked({ fileName: file.name, kind, ...(v.fileError ? { fileError: v.fileError } : {}), errors: v.errors, docs: buildImportedTrainings(v.valid, { now }) });
    } else {
      const v = validateSurveysCsv(file.content, file.name, partnerRefs);
      setChecked({ fileName: file.name, kind, ...(v.fileError ? { fileError: v.fileError } : {}), errors: v.errors, docs: buildImportedSurveys(v.valid, { now }) });
    }
  };

  const confirm = async () => {
    if (!checked) return;
    const n = await run(db, checked);
    if (n !== undefined) {
      notifications.show({ color: 'teal', title: 'Imported', message: `${n} ${NOUN[checked.kind]} imported from ${checked.fileName}.` });
      setChecked(null);
    }
  };

  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>Import deals, trainings and surveys</Title>
      <Text c="dimmed" size="sm">
        From your CRM or LMS exports. Each row names its partner by exact name or id; rows with problems are listed and left out, nothing is half-imported.
      </Text>
      <SegmentedControl
        value={kind}
        onChange={(v) => {
          setKind(v as Kind);
          setChecked(null);
        }}
        data={[
          { value: 'deals', label: 'Deals (deals.csv)' },
          { value: 'trainings', label: 'Trainings (trainings.csv)' },
          { value: 'surveys', label: 'PSAT surveys (surveys.csv)' },
        ]}
        w="fit-content"
      />
      <Card withBorder radius="md" padding="md">
        <Stack gap="xs">
          <Text size="sm">
            Columns: <Code>{COLUMNS[kind]}</Code>
          </Text>
          <Group>
            <Button leftSection={<IconUpload size={16} />} onClick={() => void open()} disabled={partners.length === 0}>
              Choose a CSV file
            </Button>
            {partners.length === 0 ? (
              <Text size="sm" c="dimmed">
                Add or import partners first: every row must name one.
              </Text>
            ) : null}
          </Group>
        </Stack>
      </Card>
      {checked?.fileError ? (
        <Alert color="red" title="This file cannot be imported" role="alert">
          {checked.fileError}
        </Alert>
      ) : null}
      {checked && !checked.fileError ? (
        <Card withBorder radius="md" padding="md" aria-label="Import check">
          <Stack gap="sm">
            <Text fw={600}>
              {checked.fileName}: {checked.docs.length} {NOUN[checked.kind]} ready, {checked.errors.length} problem{checked.errors.length === 1 ? '' : 's'}
            </Text>
            {checked.errors.length > 0 ? (
              <Alert color="orange" title="Rows left out" role="alert">
                <List size="sm" spacing={2}>
                  {checked.errors.slice(0, 50).map((e) => (
                    <List.Item key={`${e.row}-${e.message}`}>{e.message}</List.Item>
                  ))}
                </List>
                {checked.errors.length > 50 ? <Text size="sm">and {checked.errors.length - 50} more</Text> : null}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChecked(null)}>
                Cancel
              </Button>
              <Button leftSection={<IconFileImport size={16} />} disabled={checked.docs.length === 0} loading={importing} onClick={() => void confirm()}>
                Import {checked.docs.length} {NOUN[checked.kind]}
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
