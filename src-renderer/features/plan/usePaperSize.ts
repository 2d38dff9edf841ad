import { useLocalStorage } from '@mantine/hooks';
import { isPaperSize, type PaperSize } from '../../../src-shared/plan/pdfOptions';

/** US and Canadian locales print on Letter, everyone else on A4. */
export function defaultPaperSize(locale = typeof navigator === 'undefined' ? 'en-GB' : navigator.language): PaperSize {
  return /-(US|CA)$/i.test(locale) ? 'letter' : 'a4';
}

/** The PDF paper size setting (A4 or Letter), remembered on this laptop. */
export function usePaperSize(): [PaperSize, (paper: PaperSize) => void] {
  const [paper, setPaper] = useLocalStorage<PaperSize>({
    key: 'partnerdesk.pdfPaper',
    defaultValue: defaultPaperSize(),
    getInitialValueInEffect: false,
  });
  return [isPaperSize(paper) ? paper : 'a4', setPaper];
}
