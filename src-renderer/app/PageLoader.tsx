import { Center, Loader } from '@mantine/core';

/** Shown while the local store delivers its first results. */
export function PageLoader() {
  return (
    <Center py={80} aria-busy="true" aria-label="Loading">
      <Loader />
    </Center>
  );
}
