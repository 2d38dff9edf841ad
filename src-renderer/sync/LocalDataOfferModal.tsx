import { Button, Group, List, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowsJoin2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useSync } from './useSync';

/**
 * After the first sign-in on a laptop that already has local partners: bring them into the
 * account (copied, then sent to the server), or keep the two apart.
 */
export function LocalDataOfferModal() {
  const { offer, session, acceptOffer, declineOffer } = useSync();
  const [copying, setCopying] = useState(false);
  if (!offer || !session) return null;
  const partners = `${offer.partners} local partner${offer.partners === 1 ? '' : 's'}`;

  const accept = async () => {
    setCopying(true);
    try {
      await acceptOffer();
    } finally {
      setCopying(false);
    }
  };

  return (
    <Modal opened onClose={declineOffer} title={`Bring your ${partners} into this account?`} size="lg" closeOnClickOutside={false}>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" size={40} radius="xl" aria-hidden>
            <IconArrowsJoin2 size={22} />
          </ThemeIcon>
          <Text size="sm">
            This laptop has {partners} that you entered before signing in. {session.user.email} has no partners on this laptop yet.
          </Text>
        </Group>
        <List size="sm" spacing={4}>
          <List.Item>
            <b>Bring them in</b>: all {offer.records.toLocaleString('en-US')} records (journeys, meetings, plans, deals) are copied into the account
            and sent to the server, so your team sees them.
          </List.Item>
          <List.Item>
            <b>Keep separate</b>: they stay in the local profile, which you see again when you sign out.
          </List.Item>
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={declineOffer} disabled={copying}>
            Keep separate
          </Button>
          <Button onClick={() => void accept()} loading={copying} data-autofocus>
            Bring {partners} in
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
