import { Badge, List, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Health } from '../../../src-shared/domain/health';
import { HEALTH_COLORS } from '../../app/labels';
import { HealthContributions } from '../dashboard/HealthContributions';

/**
 * Health score as a coloured badge; click (or Enter) shows the reasons behind it. The popover is
 * only mounted once first opened: a table of 500 badges each positioning a popover costs a third
 * of a second to render.
 */
export function HealthBadge({ health, size = 'md' }: { health: Health; size?: 'sm' | 'md' | 'lg' }) {
  const [mounted, setMounted] = useState(false);
  const [opened, setOpened] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (mounted) button.current?.focus();
  }, [mounted]);

  const badge = (
    <UnstyledButton
      ref={button}
      aria-label={`Health ${health.score} of 100, ${health.band}. Show reasons`}
      aria-expanded={opened}
      onClick={(event) => {
        event.stopPropagation();
        // Once mounted, the popover's own target handler toggles it.
        if (!mounted) {
          setMounted(true);
          setOpened(true);
        }
      }}
    >
      <Badge color={HEALTH_COLORS[health.band]} variant="light" size={size} style={{ cursor: 'pointer' }}>
        {health.score}
      </Badge>
    </UnstyledButton>
  );
  if (!mounted) return badge;

  return (
    <Popover width={320} position="bottom-start" shadow="md" withArrow opened={opened} onChange={setOpened}>
      <Popover.Target>{badge}</Popover.Target>
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
          {health.contributions ? <HealthContributions contributions={health.contributions} /> : null}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
