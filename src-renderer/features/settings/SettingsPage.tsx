import { Alert, Button, Card, ColorInput, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title, useMantineColorScheme } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDatabaseExport, IconDatabaseImport, IconDownload, IconWebhook } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useEffect, useState } from 'react';
import { nowIso } from '../../../src-shared/domain/ids';
import { identityErrors } from '../../../src-shared/domain/identity';
import { isValidEmail } from '../../../src-shared/domain/partnerInput';
import { COLLECTION_NAMES } from '../../../src-shared/domain/types';
import { backupToJson, parseBackup, planRestore, type Backup } from '../../../src-shared/import/backup';
import { portfolioToCsv } from '../../../src-shared/import/partnerCsv';
import { useLocalProfileSetting, useProfile } from '../../app/useProfile';
import { useStoreAction } from '../../app/useStoreAction';
import { useToday } from '../../app/useToday';
import { useAppData } from '../../db/useAppData';
import { useDatabase } from '../../db/useDatabase';
import { CSV_FILE, JSON_FILE } from '../../platform/platform';
import { usePlatform } from '../../platform/usePlatform';
import { useSync } from '../../sync/useSync';
import { accentColorError, DEFAULT_ACCENT } from '../../../src-shared/welcomekit/branding';
import { LogoPicker } from '../welcomekit/LogoPicker';
import { applyRestore, exportBackup, localStamps } from './backupData';
import { SyncCard } from './SyncCard';

/**
 * Profile & branding: who the manager is and the company they work for (the vendor), as printed
 * on plans and recaps, with the logo and accent colour of the welcome kit and the business-plan PDF.
 * A local setting of this laptop; signed in, name and email are the account's.
 */
function ProfileCard() {
  const [profile] = useProfile();
  const [local, setLocal] = useLocalProfileSetting();
  const { session } = useSync();
  const form = useForm({
    initialValues: { name: profile.name, email: profile.email, company: profile.company, logo: local.logo ?? '', accentColor: local.accentColor ?? '' },
    validate: (values) => ({
      ...identityErrors(values),
      accentColor: accentColorError(values.accentColor),
      email: session || isValidEmail(values.email.trim()) ? null : `“${values.email}” is not an email address (name@company.com)`,
    }),
  });
  return (
    <Card withBorder padding="lg" data-testid="profile-card">
      <Title order={3} size="h5" mb={4}>
        Profile & branding
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Your name and company appear on the business plans and recaps you give partners.{' '}
        {session ? 'Your name and email come from your sync account.' : 'New partners are owned by this email, and you join their team as partner manager.'}
      </Text>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          const company = values.company.trim();
          const accent = values.accentColor.trim().toLowerCase();
          const { logo: _logo, accentColor: _accent, ...rest } = local;
          const branded = { ...rest, company, ...(values.logo ? { logo: values.logo } : {}), ...(accent ? { accentColor: accent } : {}) };
          setLocal(session ? branded : { ...branded, name: values.name.trim(), email: values.email.trim().toLowerCase() });
          notifications.show({ color: 'teal', message: 'Profile saved.' });
        })}
      >
        <Stack gap="sm">
          <TextInput label="Your name" autoComplete="name" disabled={session !== null} {...form.getInputProps('name')} />
          <TextInput label="Your email" autoComplete="email" disabled={session !== null} {...form.getInputProps('email')} />
          <TextInput label="Your company" description="The vendor partners see on their plan" autoComplete="organization" {...form.getInputProps('company')} />
          <LogoPicker value={form.values.logo} onChange={(logo) => form.setFieldValue('logo', logo)} company={form.values.company} />
          <ColorInput
            label="Accent colour"
            description="Headings and rules of the welcome kit and business plans"
            placeholder={DEFAULT_ACCENT}
            format="hex"
            fixOnBlur={false}
            swatches={['#4c6ef5', '#1c7ed6', '#0ca678', '#e8590c', '#c2255c', '#343a40']}
            {...form.getInputProps('accentColor')}
          />
          {session && (
            <Text size="xs" c="dimmed">
              Signed in as {session.user.role === 'admin' ? 'an administrator' : 'a partner manager'}.
            </Text>
          )}
          <Button type="submit" variant="light" style={{ alignSelf: 'flex-start' }}>
            Save profile
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function AppearanceCard() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h5" mb={4}>
        Appearance
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        System follows your operating system's light or dark setting.
      </Text>
      <SegmentedControl
        aria-label="Theme"
        value={colorScheme}
        onChange={(value) => setColorScheme(value as 'auto' | 'light' | 'dark')}
        data={[
          { value: 'auto', label: 'System' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ]}
      />
    </Card>
  );
}

function DataCard() {
  const db = useDatabase();
  const platform = usePlatform();
  const today = useToday();
  const { partners } = useAppData();
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [runExport, exporting] = useStoreAction(exportBackup, 'export your data');
  const [runRestore, restoring] = useStoreAction(applyRestore, 'restore the backup');

  const saveBackup = async () => {
    const backup = await runExport(db, nowIso());
    if (!backup) return;
    const result = await platform.saveTextFile({ suggestedName: `partner-desk-backup-${today}.json`, content: backupToJson(backup), kind: JSON_FILE });
    const count = COLLECTION_NAMES.reduce((sum, name) => sum + backup.collections[name].length, 0);
    if (result.saved) notifications.show({ color: 'teal', title: 'Backup saved', message: `${count} records from ${backup.collections.partners.length} partners.` });
  };

  const restore = async (backup: Backup, overwriteNewer: boolean) => {
    const plan = planRestore(backup, await localStamps(db), { overwriteNewer });
    const written = await runRestore(db, plan);
    if (written === undefined) return;
    notifications.show({
      color: 'teal',
      title: 'Backup restored',
      message: `${plan.totals.add} records added, ${plan.totals.update} updated${!overwriteNewer && plan.totals.newerLocal ? `, ${plan.totals.newerLocal} newer local records kept` : ''}.`,
    });
  };

  const chooseBackup = async () => {
    setRestoreError(null);
    const file = await platform.openTextFile(JSON_FILE).catch((error: unknown) => {
      setRestoreError(error instanceof Error ? error.message : String(error));
      return null;
    });
    if (!file) return;
    const parsed = parseBackup(file.content);
    if (!parsed.ok) {
      setRestoreError(`“${file.name}” cannot be restored. ${parsed.error}`);
      return;
    }
    const backup = parsed.value;
    const plan = planRestore(backup, await localStamps(db));
    const { totals } = plan;
    const choose = (overwriteNewer: boolean) => {
      modals.close(modalId);
      void restore(backup, overwriteNewer);
    };
    const modalId = 'restore-backup';
    modals.open({
      modalId,
      title: 'Restore this backup?',
      size: 'lg',
      children: (
        <Stack gap="sm">
          <Text size="sm">
            Backup from {new Date(backup.exportedAt).toLocaleString()} with {backup.collections.partners.length} partners.
          </Text>
          <Table withTableBorder fz="sm" aria-label="What the restore changes">
            <Table.Tbody>
              {[
                ['New records added', totals.add],
                ['Older local records updated', totals.update],
                ['Already identical', totals.unchanged],
                ['Changed here after the backup', totals.newerLocal],
              ].map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {totals.newerLocal > 0 && (
            <Alert color="orange" icon={<IconAlertCircle />}>
              {totals.newerLocal} records were changed on this laptop after the backup was made. They are kept unless you choose to replace them
              with the backup's older version.
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            Records that exist only on this laptop are never removed.
          </Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => modals.close(modalId)}>
              Cancel
            </Button>
            {totals.newerLocal > 0 && (
              <Button color="red" variant="light" onClick={() => choose(true)}>
                Replace newer records too
              </Button>
            )}
            <Button onClick={() => choose(false)} data-autofocus>
              {totals.newerLocal > 0 ? 'Restore, keep my newer records' : 'Restore'}
            </Button>
          </Group>
        </Stack>
      ),
    });
  };

  const exportCsv = async () => {
    const result = await platform.saveTextFile({ suggestedName: `partner-portfolio-${today}.csv`, content: portfolioToCsv(partners), kind: CSV_FILE });
    if (result.saved) notifications.show({ color: 'teal', title: 'Portfolio exported', message: `${partners.length} partners saved as CSV.` });
  };

  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h5" mb={4}>
        Your data
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Everything is stored on this laptop. A backup holds all partners, journeys, meetings, plans and deals in one JSON file.
      </Text>
      <Group>
        <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => void saveBackup()} loading={exporting}>
          Export all data
        </Button>
        <Button variant="default" leftSection={<IconDatabaseImport size={16} />} onClick={() => void chooseBackup()} loading={restoring}>
          Import a backup
        </Button>
        <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void exportCsv()} disabled={partners.length === 0}>
          Export portfolio as CSV
        </Button>
      </Group>
      {restoreError && (
        <Alert color="red" icon={<IconAlertCircle />} title="Backup not restored" mt="md" role="alert">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {restoreError}
          </Text>
          <Text size="xs" mt={4}>
            Nothing on this laptop was changed.
          </Text>
        </Alert>
      )}
    </Card>
  );
}

function AboutCard() {
  const platform = usePlatform();
  const [version, setVersion] = useState('');
  const [storage, setStorage] = useState<string>('');
  useEffect(() => {
    void platform.appVersion().then(setVersion);
    void navigator.storage?.estimate?.().then((estimate) => {
      if (estimate.usage !== undefined) setStorage(`${(estimate.usage / 1024 / 1024).toFixed(1)} MB used on this laptop`);
    });
  }, [platform]);
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h5" mb={4}>
        About
      </Title>
      <Text size="sm">Partner Desk {version}</Text>
      <Text size="sm" c="dimmed">
        {platform.kind === 'electron' ? 'Desktop app' : 'Browser'}
        {storage ? ` · ${storage}` : ''}
      </Text>
    </Card>
  );
}

/** Where an admin manages the sync server's webhooks (the screen says what it needs when signed out). */
function IntegrationsCard() {
  const { session } = useSync();
  return (
    <Card withBorder padding="lg" data-testid="integrations-card">
      <Title order={3} size="h5" mb={4}>
        Integrations
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {session?.user.role === 'admin'
          ? 'Send signed onboarding events to your automation (Zapier, Make, n8n) with webhooks on the sync server.'
          : 'An admin signed in to the sync server manages its webhooks here.'}
      </Text>
      <Button component={Link} to="/webhooks" variant="default" leftSection={<IconWebhook size={16} />} style={{ alignSelf: 'flex-start' }}>
        Manage webhooks
      </Button>
    </Card>
  );
}

/** Profile, theme, sync account, integrations, data export/import and version. */
export function SettingsPage() {
  return (
    <Stack gap="lg" maw={960}>
      <Title order={2}>Settings</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ProfileCard />
        <AppearanceCard />
      </SimpleGrid>
      <SyncCard />
      <IntegrationsCard />
      <DataCard />
      <AboutCard />
    </Stack>
  );
}
