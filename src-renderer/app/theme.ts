import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "DejaVu Sans", sans-serif',
  headings: { fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "DejaVu Sans", sans-serif' },
  cursorType: 'pointer',
});
