import { Alert, Button, Checkbox, Code, CopyButton, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import type { WebhookEventType } from '../../../src-shared/api/scopes';
import { webhookUrlProblem } from '../../../src-shared/api/webhookUrl';
import type { WebhookAdminClient, WebhookSubscription } from './webhookAdminClient';
import { WEBHOOK_EVENT_OPTIONS } from './webhookText';

type Props = { opened: boolean; client: WebhookAdminClient; onClose: () => void; onAdded: () => void };

/**
 * Add a subscription: URL (the server's own rule checks it here first, and the server again),
 * events from the event list; then the signing secret, shown this once with a copy button.
 */
export function AddWebhookModal({ opened, client, onClose, onAdded }: Props) {
  const [created, setCreated] = useState<(WebhookSubscription & { secret: string }) | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm<{ url: string; events: WebhookEventType[] }>({
    initialValues: { url: '', events: [] },
    validate: {
      url: (value) => webhookUrlProblem(value),
      events: (value) => (value.length === 0 ? 'Pick at least one event to send.' : null),
    },
  });

  const close = () => {
    form.reset();
    setCreated(null);
    setProblem(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    setSaving(true);
    const outcome = await client.add({ url: values.url.trim(), events: values.events });
    setSaving(false);
    if (outcome.kind === 'ok') {
      setCreated(outcome.body);
      onAdded();
      return;
    }
    if (outcome.kind === 'refused' && (outcome.field === 'url' || outcome.field === 'events')) form.setFieldError(outcome.field, outcome.message);
    else setProblem(outcome.kind === 'unauthorized' ? 'Your session ended: sign in again in Settings.' : outcome.message);
  });

  return (
    <Modal opened={opened} onClose={close} title={created ? 'Webhook added: copy its signing secret' : 'Add a webhook'} size="lg">
      {created ? (
        <Stack gap="sm" data-testid="webhook-secret">
          <Text size="sm">
            Events for <Code>{created.url}</Code> are signed with this secret (header <Code>Partner-Desk-Signature</Code>, HMAC-SHA256 of timestamp and body). Store it in the receiver now:{' '}
            <b>it is not shown again.</b>
          </Text>
          <Group gap="xs" wrap="nowrap" align="center">
            <IconKey size={18} aria-hidden />
            <Code block style={{ flex: 1, wordBreak: 'break-all' }} aria-label="Signing secret">
              {created.secret}
            </Code>
            <CopyButton value={created.secret}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
                  {copied ? 'Copied' : 'Copy secret'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end" mt="sm">
            <Button onClick={close} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)}>
          <Stack gap="sm">
            <TextInput
              label="Receiver URL"
              description="Where Partner Desk POSTs each event, e.g. your Zapier, Make or n8n webhook"
              placeholder="https://hooks.example.com/partner-desk"
              required
              data-autofocus
              {...form.getInputProps('url')}
            />
            <Checkbox.Group label="Events" description="What the receiver is told about" required {...form.getInputProps('events')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                {WEBHOOK_EVENT_OPTIONS.map((option) => (
                  <Checkbox key={option.value} value={option.value} label={option.label} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            {problem && (
              <Alert color="red" role="alert" title="Not added">
                {problem}
              </Alert>
            )}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={saving}>
                Add webhook
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
