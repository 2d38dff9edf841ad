import { Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { identityErrors } from '../../../src-shared/domain/identity';
import { useLocalProfileSetting, useProfile } from '../../app/useProfile';
import { useSync } from '../../sync/useSync';

/**
 * The first question of a new laptop: who the manager is and which company they work for, so
 * plans, recaps and owner columns name both sides. Signed in, the name comes from the account.
 */
export function IdentityStep() {
  const [profile] = useProfile();
  const [local, setLocal] = useLocalProfileSetting();
  const { session } = useSync();
  const form = useForm({
    initialValues: { name: profile.name, company: profile.company },
    validate: (values) => identityErrors(values),
  });
  return (
    <Card withBorder padding="lg" w="100%" maw={520} component="section" aria-labelledby="identity-step-title">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setLocal({ ...local, name: session ? local.name || values.name.trim() : values.name.trim(), company: values.company.trim() });
        })}
      >
        <Stack gap="sm">
          <Title order={3} size="h4" id="identity-step-title">
            First, who are you?
          </Title>
          <Text size="sm" c="dimmed">
            Your name and your company go on the business plans and recaps you hand to partners. You can change both later in Settings.
          </Text>
          <TextInput label="Your name" autoComplete="name" data-autofocus disabled={session !== null} {...form.getInputProps('name')} />
          <TextInput label="Your company" autoComplete="organization" {...form.getInputProps('company')} />
          <Button type="submit" style={{ alignSelf: 'flex-start' }}>
            Continue
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
