import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { AppDatabase } from './appDatabase';
import { openAppDatabase } from './openAppDatabase';
import { storeErrorMessage } from './storeErrorMessage';
import { DatabaseContext } from './useDatabase';

type GateState = { status: 'opening' } | { status: 'open'; db: AppDatabase } | { status: 'failed'; message: string };

/**
 * Opens the profile's local store; shows progress, or a clear error with a retry. `currentUser`
 * names who is editing (stamped into `updatedBy` on every local write).
 */
export function DatabaseGate({ profileId, currentUser, children }: { profileId: string; currentUser?: () => string; children: ReactNode }) {
  const [state, setState] = useState<GateState>({ status: 'opening' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    openAppDatabase(profileId, currentUser).then(
      (db) => active && setState({ status: 'open', db }),
      (error: unknown) => {
        console.error(error);
        if (active) setState({ status: 'failed', message: storeErrorMessage(error, 'open your local data') });
      },
    );
    return () => {
      active = false;
    };
  }, [profileId, currentUser, attempt]);

  if (state.status === 'open') return <DatabaseContext.Provider value={state.db}>{children}</DatabaseContext.Provider>;
  if (state.status === 'failed') {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" icon={<IconDatabaseOff />} title="Your local data could not be opened" maw={560}>
          <Stack gap="sm">
            <Text size="sm">{state.message}</Text>
            <Text size="sm" c="dimmed">
              Nothing has been deleted. Close other Partner Desk windows, then try again.
            </Text>
            <Button
              variant="light"
              color="red"
              w="fit-content"
              onClick={() => {
                setState({ status: 'opening' });
                setAttempt((n) => n + 1);
              }}
            >
              Try again
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
  return (
    <Center h="100vh">
      <Stack align="center" gap="xs">
        <Loader />
        <Text c="dimmed" size="sm">
          Opening your portfolio…
        </Text>
      </Stack>
    </Center>
  );
}
