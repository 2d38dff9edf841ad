import { Button } from '@mantine/core';
import { IconGift } from '@tabler/icons-react';
import type { Partner } from '../../../src-shared/domain/types';
import { useWelcomeKitExport } from './useWelcomeKitExport';

/** "Welcome kit (PDF)": the partner's branded welcome kit in one click. */
export function WelcomeKitButton({ partner, size = 'sm', variant = 'default' }: { partner: Pick<Partner, 'id' | 'name'>; size?: 'xs' | 'sm'; variant?: 'default' | 'light' }) {
  const { exportKit, exporting } = useWelcomeKitExport(partner);
  return (
    <Button size={size} variant={variant} leftSection={<IconGift size={16} />} loading={exporting} onClick={() => void exportKit()}>
      Welcome kit (PDF)
    </Button>
  );
}
