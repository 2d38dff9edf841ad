import { Badge, List, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Health } from '../../../src-shared/domain/health';
import { HEALTH_COLORS } from '../../app/labels';

/** Health score as a coloured badge; click (or Enter) shows the reasons behind it. */
export function HealthBadge({ health, size = 'md' }: { health: Health; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Popover width={320} position="bottom-start" shadow="md" withArrow>
      <Popover.Target>
        <UnstyledButton aria-label={`Health ${health.score} of 100, ${health.band}. Show reasons`}>
          <Badge color={HEALTH_COLORS[health.band]} variant="light" size={size} style={{ cursor: 'pointer' }}>
            {health.score}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            Health {health.score}/100
          </Text>
          {health.reasons.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing is holding this partner back.
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {health.reasons.map((reason) => (
                <List.Item key={reason.text}>
                  {reason.text}
                  {reason.impact < 0 && (
                    <Text span c="dimmed" size="xs">
                      {' '}
                      ({reason.impact})
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
