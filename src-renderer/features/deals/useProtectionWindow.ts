import { useMemo } from 'react';
import { protectionWindow, type ProtectionWindow } from '../../../src-shared/deals/protectionWindow';
import { useTemplateDocs } from '../templates/useJourneyTemplates';

/** The program's protection window for deal registrations (the admin's synced setting, else the default), live. */
export function useProtectionWindow(): { loading: boolean; error: string | null; window: ProtectionWindow } {
  const { loading, docs, error } = useTemplateDocs();
  const window = useMemo(() => protectionWindow(docs), [docs]);
  return { loading, error, window };
}
