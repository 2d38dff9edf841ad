import { Alert, Badge, Button, Card, Code, Group, List, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCircleCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  guessMapping,
  parseCsvText,
  PARTNER_CSV_FIELDS,
  validatePartnerRows,
  type ColumnMapping,
  type CsvParseResult,
} from '../../../src-shared/import/partnerCsv';
import { useProfile } from '../../app/useProfile';
import { useStoreAction } from '../../app/useStoreAction';
import { useToday } from '../../app/useToday';
import { useAppData } from '../../db/useAppData';
import { useDatabase } from '../../db/useDatabase';
import { CSV_FILE } from '../../platform/platform';
import { usePlatform } from '../../platform/usePlatform';
import { importPartners } from './importPartners';

const PREVIEW_ROWS = 8;

type Loaded = { fileName: string; parsed: CsvParseResult };

/** CSV import: pick a file, check the column mapping, see every bad row, import the good ones. */
export function ImportPartnersPage() {
  const platform = usePlatform();
  const db = useDatabase();
  const [profile] = useProfile();
  const today = useToday();
  const navigate = useNavigate();
  const { partners } = useAppData();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [runImport, importing] = useStoreAction(importPartners, 'import the partners');

  const existingNames = useMemo(() => partners.map((p) => p.name), [partners]);
  const validation = useMemo(
    () => (loaded ? validatePartnerRows(loaded.parsed, mapping, { defaultOwnerEmail: profile.email, existingNames, today }) : null),
    [loaded, mapping, profile.email, existingNames, today],
  );

  const chooseFile = async () => {
    setFileError(null);
    try {
      const file = await platform.openTextFile(CSV_FILE);
      if (!file) return;
      const parsed = parseCsvText(file.content, file.name);
      if (!parsed.ok) {
        setLoaded(null);
        setFileError(parsed.error);
        return;
      }
      setLoaded({ fileName: file.name, parsed: parsed.value });
      setMapping(guessMapping(parsed.value.headers));
    } catch (error) {
      setFileError(error instanceof Error ? error.message : String(error));
    }
  };

  const confirm = async () => {
    if (!validation || validation.valid.length === 0) return;
    const count = await runImport(db, validation.valid, profile);
    if (count === undefined) return;
    notifications.show({
      color: 'teal',
      title: 'Import finished',
      message: `${count} partners imported with their journeys${validation.errors.length ? `; ${validation.errors.length} rows skipped` : ''}.`,
    });
    setLoaded(null);
    void navigate('/portfolio');
  };

  const headers = loaded?.parsed.headers ?? [];
  const columnOptions = headers.map((header, index) => ({ value: String(index), label: header || `Column ${index + 1}` }));

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={0}>
        <Title order={2}>Import partners</Title>
        <Text c="dimmed">From a CSV export of your CRM or a spreadsheet. Each partner gets its onboarding journey from its contract date.</Text>
      </Stack>

      <Card withBorder padding="lg">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={6} maw={620}>
            <Group gap="xs">
              <IconFileSpreadsheet size={20} />
              <Text fw={600}>{loaded ? loaded.fileName : 'Choose a CSV file'}</Text>
              {loaded && <Badge variant="light">{loaded.parsed.rows.length} rows</Badge>}
            </Group>
            <Text size="sm" c="dimmed">
              Expected columns: <Code>name</Code>, <Code>type</Code>, <Code>maturity</Code>, <Code>tier</Code>, <Code>region</Code>, <Code>website</Code>,{' '}
              <Code>contract_signed</Code>, <Code>owner_email</Code>, <Code>status</Code>. Other headings can be mapped below. Dates as YYYY-MM-DD.
            </Text>
          </Stack>
          <Button leftSection={<IconUpload size={16} />} onClick={() => void chooseFile()} variant={loaded ? 'default' : 'filled'}>
            {loaded ? 'Choose another file' : 'Choose CSV file'}
          </Button>
        </Group>
        {fileError && (
          <Alert color="red" icon={<IconAlertCircle />} title="This file cannot be imported" mt="md" role="alert">
            {fileError}
          </Alert>
        )}
      </Card>

      {loaded && validation && (
        <>
          <Card withBorder padding="lg">
            <Title order={3} size="h5" mb="xs">
              Columns
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              Each field is matched to a column of your file. Fields marked * are required.
            </Text>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              {PARTNER_CSV_FIELDS.map((field) => (
                <Select
                  key={field.key}
                  label={`${field.label}${field.required ? ' *' : ''}`}
                  data={columnOptions}
                  value={mapping[field.key] === undefined ? null : String(mapping[field.key])}
                  onChange={(value) => setMapping((current) => ({ ...current, [field.key]: value === null ? undefined : Number(value) }))}
                  clearable
                  aria-label={`Column for ${field.label}`}
                />
              ))}
            </SimpleGrid>
            {validation.mappingErrors.length > 0 && (
              <Alert color="red" icon={<IconAlertCircle />} mt="md" title="Map the required columns" role="alert">
                <List size="sm">
                  {validation.mappingErrors.map((message) => (
                    <List.Item key={message}>{message}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </Card>

          <Card withBorder padding="lg">
            <Title order={3} size="h5" mb="sm">
              Preview
            </Title>
            <ScrollArea>
              <Table striped withTableBorder fz="xs" aria-label="File preview">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Row</Table.Th>
                    {headers.map((header, index) => (
                      <Table.Th key={index}>{header}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {loaded.parsed.rows.slice(0, PREVIEW_ROWS).map((cells, index) => (
                    <Table.Tr key={index}>
                      <Table.Td c="dimmed">{index + 2}</Table.Td>
                      {headers.map((_, column) => (
                        <Table.Td key={column}>{cells[column] ?? ''}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {loaded.parsed.rows.length > PREVIEW_ROWS && (
              <Text size="xs" c="dimmed" mt="xs">
                First {PREVIEW_ROWS} of {loaded.parsed.rows.length} rows.
              </Text>
            )}
          </Card>

          {validation.mappingErrors.length === 0 && (
            <Card withBorder padding="lg">
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <Stack gap="xs" style={{ flex: 1 }}>
                  <Group gap="xs">
                    <IconCircleCheck color="var(--mantine-color-teal-6)" />
                    <Text fw={600} data-testid="import-ready">
                      {validation.valid.length} {validation.valid.length === 1 ? 'row is' : 'rows are'} ready to import
                    </Text>
                  </Group>
                  {validation.errors.length > 0 && (
                    <Alert color="orange" icon={<IconAlertCircle />} title={`${validation.errors.length} ${validation.errors.length === 1 ? 'row has' : 'rows have'} problems and will be skipped`}>
                      <List size="sm" spacing={2} data-testid="import-errors">
                        {validation.errors.map((error) => (
                          <List.Item key={`${error.row}-${error.message}`}>{error.message}</List.Item>
                        ))}
                      </List>
                      <Text size="xs" mt="xs">
                        Fix them in the file and import it again; partners already imported are recognised by name and skipped.
                      </Text>
                    </Alert>
                  )}
                </Stack>
                <Group>
                  <Button variant="default" onClick={() => setLoaded(null)}>
                    Cancel
                  </Button>
                  <Button onClick={() => void confirm()} loading={importing} disabled={validation.valid.length === 0}>
                    Import {validation.valid.length} {validation.valid.length === 1 ? 'partner' : 'partners'}
                  </Button>
                </Group>
              </Group>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}
