import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { ErrorBoundary as ReactErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { retryFailedLoads } from './lazyNamed';

function Fallback({ error, resetErrorBoundary }: FallbackProps) {
  const message = error instanceof Error ? error.message : String(error);
  // A screen whose code did not load loads it again on "Try again" or the next visit.
  useEffect(retryFailedLoads, []);
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title="This screen ran into a problem" maw={640}>
      <Stack gap="sm">
        <Text size="sm">Your data is safe on this laptop. Try again, or go to another screen from the menu.</Text>
        <Code block>{message}</Code>
        <Button variant="light" color="red" w="fit-content" onClick={resetErrorBoundary}>
          Try again
        </Button>
      </Stack>
    </Alert>
  );
}

/** Keeps one broken screen from taking the whole app down. */
export function ErrorBoundary({ children }: { children: ReactNode }) {
  return (
    <ReactErrorBoundary FallbackComponent={Fallback} onError={(error) => console.error(error)}>
      {children}
    </ReactErrorBoundary>
  );
}
