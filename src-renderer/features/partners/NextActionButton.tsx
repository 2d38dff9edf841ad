import { Button } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { NextAction } from '../../../src-shared/domain/nextBestAction';
import { nextActionTarget } from './nextActionTarget';

const URGENCY_COLOR = { overdue: 'red', due: 'orange', suggested: 'indigo' } as const;

/** The partner's next best action, one click from wherever it is shown. */
export function NextActionButton({ partnerId, action, compact }: { partnerId: string; action: NextAction | null; compact?: boolean }) {
  const navigate = useNavigate();
  if (!action) return null;
  const target = nextActionTarget(partnerId, action);
  return (
    <Button
      size={compact ? 'compact-sm' : 'xs'}
      variant="light"
      color={URGENCY_COLOR[action.urgency]}
      rightSection={<IconArrowRight size={14} />}
      onClick={(event) => {
        event.stopPropagation();
        void navigate(target);
      }}
      title={action.detail}
      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' }, root: { height: 'auto', minHeight: compact ? 24 : 30, paddingBlock: 4 } }}
    >
      {action.label}
    </Button>
  );
}
