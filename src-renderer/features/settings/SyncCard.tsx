import { Alert, Badge, Button, Card, Checkbox, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useLocalStorage } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInfoCircle, IconLock, IconLogin, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { usePlatform } from '../../platform/usePlatform';
import { describeSyncStatus } from '../../sync/describeSyncStatus';
import { DEFAULT_SERVER_URL, normalizeServerUrl, type SignInProblem } from '../../sync/requestSignIn';
import { useNow } from '../../sync/useNow';
import { useSync } from '../../sync/useSync';

const NO_SECRET_STORE = 'This computer has no secret store; the token is stored unencrypted.';

/** Set just before the desktop app reloads to let the page reach a newly chosen sync server. */
const RELOADED_FOR_SERVER = 'partnerdesk.reloadedForSyncServer';

/** True once after the reload that allowed a new sync server (the form then asks for the password again). */
function takeReloadedForServer(): boolean {
  try {
    const reloaded = sessionStorage.getItem(RELOADED_FOR_SERVER) === '1';
    sessionStorage.removeItem(RELOADED_FOR_SERVER);
    return reloaded;
  } catch {
    return false;
  }
}

function SignInForm({ again }: { again: boolean }) {
  const { session, signIn } = useSync();
  const platform = usePlatform();
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [reloadedForServer] = useState(takeReloadedForServer);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useLocalStorage({
    key: 'partnerdesk.syncSignIn',
    defaultValue: { serverUrl: DEFAULT_SERVER_URL, email: '' },
    getInitialValueInEffect: false,
  });
  const form = useForm({
    initialValues: { serverUrl: session?.serverUrl ?? last.serverUrl, email: session?.user.email ?? last.email, password: '' },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setProblem(null);
    form.clearErrors();
    try {
      const normalized = normalizeServerUrl(values.serverUrl);
      if (normalized.ok) {
        let access: { reloadRequired: boolean };
        try {
          access = await platform.allowSyncServer(normalized.url);
        } catch {
          form.setFieldError('serverUrl', 'Use an https:// address (http:// only for a server on this computer), without a user name or password.');
          return;
        }
        if (access.reloadRequired) {
          // The page's security policy is fixed when it loads: reload once so it may reach the server.
          setLast({ serverUrl: values.serverUrl.trim(), email: values.email.trim() });
          sessionStorage.setItem(RELOADED_FOR_SERVER, '1');
          window.location.reload();
          return;
        }
      }
      const result = await signIn(values);
      if (!result.ok) {
        if (result.problem.field) form.setFieldError(result.problem.field, result.problem.message);
        else setProblem(result.problem);
        return;
      }
      setLast({ serverUrl: values.serverUrl.trim(), email: values.email.trim() });
      notifications.show({
        color: result.secure || platform.kind === 'browser' ? 'teal' : 'orange',
        title: again ? 'Signed in again' : 'Signed in',
        message: !result.secure && platform.kind === 'electron' ? `Sync is on. ${NO_SECRET_STORE}` : 'Sync is on: your changes now reach your team.',
      });
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in to sync">
      <Stack gap="sm">
        {reloadedForServer && !problem && (
          <Alert color="blue" icon={<IconInfoCircle />} title="Server allowed">
            Partner Desk may now reach this server. Enter your password again to sign in.
          </Alert>
        )}
        {problem && (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not signed in" role="alert">
            {problem.message}
          </Alert>
        )}
        <TextInput
          label="Server address"
          description="Ask your Partner Desk administrator for it."
          autoComplete="url"
          spellCheck={false}
          {...form.getInputProps('serverUrl')}
        />
        <Group grow align="flex-start">
          <TextInput label="Email" type="email" autoComplete="username" spellCheck={false} {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
        </Group>
        <Group justify={again ? 'flex-end' : 'space-between'} align="center">
          {!again && (
            <Text size="xs" c="dimmed" maw={420}>
              {platform.kind === 'browser' ? 'In the browser you stay signed in until this tab closes. ' : ''}
              Partner Desk keeps working while signed out or offline; nothing on this laptop is lost.
            </Text>
          )}
          <Button type="submit" leftSection={<IconLogin size={16} />} loading={busy}>
            {again ? 'Sign in again' : 'Sign in'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SignOutDialog({ onDone }: { onDone: () => void }) {
  const { session, status, signOut } = useSync();
  const [remove, setRemove] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!session) return null;
  const pending = status.pending;
  return (
    <Stack gap="md">
      <Text size="sm">
        Sync stops and Partner Desk returns to the local profile of this laptop. Sign in again at any time to pick up where you left off.
      </Text>
      {pending > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle />}>
          {pending} change{pending === 1 ? ' has' : 's have'} not reached the server yet. Keep the data on this laptop and they are sent the next
          time you sign in.
        </Alert>
      )}
      <Checkbox
        checked={remove}
        onChange={(event) => setRemove(event.currentTarget.checked)}
        label="Also remove this account’s data from this laptop"
        description={
          remove && pending > 0
            ? `The ${pending} unsent changes will be lost.`
            : 'Your data on the server is not affected. The resource library’s files leave this laptop either way; they download again at your next sign-in.'
        }
        color="red"
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} disabled={busy}>
          Cancel
        </Button>
        <Button
          color={remove ? 'red' : undefined}
          loading={busy}
          data-autofocus
          onClick={async () => {
            setBusy(true);
            onDone();
            await signOut({ removeLocalData: remove });
            notifications.show({
              color: 'teal',
              title: 'Signed out',
              message: remove ? `${session.user.email}’s data was removed from this laptop.` : `${session.user.email}’s data stays on this laptop for your next sign-in; the library’s files download again then.`,
            });
          }}
        >
          {remove ? 'Sign out and remove' : 'Sign out'}
        </Button>
      </Group>
    </Stack>
  );
}

/** Settings → Sync: sign in to a sync server, see the account, sign out. */
export function SyncCard() {
  const { session, status, secureStorage } = useSync();
  const platform = usePlatform();
  const now = useNow();
  const description = describeSyncStatus(status, now);

  const confirmSignOut = () => {
    const modalId = 'sign-out';
    modals.open({
      modalId,
      title: session ? `Sign out of ${session.user.email}?` : 'Sign out?',
      size: 'lg',
      children: <SignOutDialog onDone={() => modals.close(modalId)} />,
    });
  };

  return (
    <Card withBorder padding="lg" data-testid="sync-card">
      <Group justify="space-between" mb={4}>
        <Title order={3} size="h5">
          Sync
        </Title>
        <Badge color={description.tone} variant="light">
          {description.text}
        </Badge>
      </Group>
      {!session ? (
        <>
          <Text size="sm" c="dimmed" mb="md">
            Sign in to your team’s sync server to share partners with your team and use them on several laptops. Everything stays on this laptop
            too, and works offline.
          </Text>
          <SignInForm again={false} />
        </>
      ) : (
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconUserCircle size={22} color="var(--mantine-color-dimmed)" style={{ flex: '0 0 auto', marginTop: 2 }} aria-hidden />
            <Stack gap={2}>
              <Text size="sm">
                Signed in as <b>{session.user.name}</b> ({session.user.email})
                {session.user.teams.length > 0 && ` · team ${session.user.teams.map((team) => team.name).join(', ')}`}
              </Text>
              <Text size="sm" c="dimmed">
                {session.serverUrl}
                {status.state === 'unauthorized' ? '' : ` · ${description.detail}`}
              </Text>
            </Stack>
          </Group>
          {platform.kind === 'electron' && secureStorage === false && (
            <Alert color="orange" icon={<IconLock />} title="Sign-in stored unencrypted">
              {NO_SECRET_STORE} Sync works; anyone who can read your files could use the token until it expires.
            </Alert>
          )}
          {platform.kind === 'browser' && (
            <Text size="xs" c="dimmed">
              <IconInfoCircle size={12} style={{ verticalAlign: -1 }} /> In the browser you stay signed in until this tab closes.
            </Text>
          )}
          {status.state === 'unauthorized' && (
            <>
              <Alert color="orange" icon={<IconAlertTriangle />} title="Sign in again to keep syncing">
                The server ended this session (it expired or was revoked). Your changes stay on this laptop and are sent once you sign in again.
              </Alert>
              <SignInForm again />
            </>
          )}
          <Group>
            <Button variant="default" color="red" leftSection={<IconLogout size={16} />} onClick={confirmSignOut}>
              Sign out
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
