import { Box, Button, FileButton, Group, Image, Input, Stack, Text } from '@mantine/core';
import { IconPhoto, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { LOGO_TYPES, logoFileError } from '../../../src-shared/welcomekit/branding';

const readAsDataUrl = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });

type Props = { value: string; onChange: (dataUrl: string) => void; company: string };

/** The vendor logo: pick a PNG, JPEG or SVG (up to 1 MB), see it, remove it. Kept on this laptop. */
export function LogoPicker({ value, onChange, company }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const pick = async (file: File | null) => {
    if (!file) return;
    const error = logoFileError(file);
    setProblem(error);
    if (error) return;
    try {
      onChange(await readAsDataUrl(file));
    } catch (readError) {
      setProblem(`“${file.name}” could not be read (${readError instanceof Error ? readError.message : String(readError)})`);
    }
  };
  return (
    <Input.Wrapper label="Logo" description="PNG, JPEG or SVG up to 1 MB, printed on the welcome kit and business plans" error={problem} id="branding-logo">
      <Stack gap="xs" mt={6}>
        {value ? (
          <Box p="xs" bg="white" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)', alignSelf: 'flex-start' }}>
            <Image src={value} alt={company ? `${company} logo` : 'Your logo'} h={48} w="auto" fit="contain" data-testid="logo-preview" />
          </Box>
        ) : (
          <Text size="sm" c="dimmed">
            No logo yet: the PDFs show the company name.
          </Text>
        )}
        <Group gap="xs">
          <FileButton onChange={(file) => void pick(file)} accept={LOGO_TYPES.join(',')}>
            {(props) => (
              <Button {...props} variant="default" size="xs" leftSection={<IconPhoto size={14} />}>
                {value ? 'Replace logo…' : 'Choose logo…'}
              </Button>
            )}
          </FileButton>
          {value && (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              leftSection={<IconTrash size={14} />}
              onClick={() => {
                setProblem(null);
                onChange('');
              }}
            >
              Remove logo
            </Button>
          )}
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
