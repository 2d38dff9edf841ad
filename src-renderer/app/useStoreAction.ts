import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { storeErrorMessage } from '../db/storeErrorMessage';

/**
 * Runs a write against the local store; a failure becomes a clear red notification instead of
 * vanishing. Returns the wrapped action and whether it is running.
 */
export function useStoreAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
  description: string,
): [(...args: A) => Promise<R | undefined>, boolean] {
  const [pending, setPending] = useState(false);
  const run = useCallback(
    async (...args: A) => {
      setPending(true);
      try {
        return await action(...args);
      } catch (error) {
        console.error(error);
        notifications.show({ color: 'red', title: 'Not saved', message: storeErrorMessage(error, description), autoClose: false });
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [action, description],
  );
  return [run, pending];
}
