import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** A page for a record that is not in this profile's store (removed, or another profile's). */
export function NotFound({ what }: { what: 'Partner' | 'Plan' }) {
  return (
    <Center py={80}>
      <Stack align="center" gap="xs">
        <Title order={3}>{what} not found</Title>
        <Text c="dimmed">It may have been removed, or it belongs to another profile.</Text>
        <Button component={Link} to="/portfolio" variant="light">
          Back to the portfolio
        </Button>
      </Stack>
    </Center>
  );
}
