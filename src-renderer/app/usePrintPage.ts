import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { isPaperSize, PRINT_READY_ATTRIBUTE, type PaperSize, type PlanPdfHeader } from '../../src-shared/plan/pdfOptions';

/** What main (or the test) reads off <html> to build the PDF header and footer. */
export const PRINT_HEADER_ATTRIBUTE = 'data-print-header';

export type PrintPageState = {
  /** The data is loaded and the document can be painted. */
  ready: boolean;
  /** The data is loaded and the record to print is not on this laptop. */
  missing: boolean;
  /** What <html data-print-ready> says when `missing` (main shows it instead of a PDF). */
  missingMessage: string;
  /** `document.title` once ready (the browser's print dialog offers it as the file name). */
  title: string;
  /** The PDF header and footer main draws; null until ready. */
  header: PlanPdfHeader | null;
  /** Images inside this selector are decoded before the page is marked ready (a logo, say). */
  imagesIn?: string;
  /** Anything else that changes what is painted (an item count, a logo): a change re-marks the page. */
  paintKey?: string;
};

/**
 * The set-up every print page shares (`#/print/…?paper=a4&autoprint=1`): light colours while it
 * is shown, the paper from the address, and <html data-print-ready="true"> once fonts and images
 * are loaded and two frames have passed (React committed, the browser painted) — the desktop app
 * waits for that before printToPDF; `autoprint=1` (the browser build) then opens the print dialog.
 */
export function usePrintPage({ ready, missing, missingMessage, title, header, imagesIn, paintKey = '' }: PrintPageState): { paper: PaperSize } {
  const [search] = useSearchParams();
  const requested = search.get('paper');
  const paper: PaperSize = isPaperSize(requested) ? requested : 'a4';
  const autoprint = search.get('autoprint') === '1';
  const headerJson = header ? JSON.stringify(header) : null;

  useEffect(() => {
    const root = document.documentElement;
    const previous = root.getAttribute('data-mantine-color-scheme');
    root.setAttribute('data-mantine-color-scheme', 'light');
    return () => {
      if (previous) root.setAttribute('data-mantine-color-scheme', previous);
      root.removeAttribute(PRINT_READY_ATTRIBUTE);
      root.removeAttribute(PRINT_HEADER_ATTRIBUTE);
    };
  }, []);

  useEffect(() => {
    const root = document.documentElement;
    if (missing) {
      root.setAttribute(PRINT_READY_ATTRIBUTE, missingMessage);
      return;
    }
    if (!ready || headerJson === null) return;
    document.title = title;
    root.setAttribute(PRINT_HEADER_ATTRIBUTE, headerJson);
    let cancelled = false;
    const images = imagesIn ? [...document.querySelectorAll<HTMLImageElement>(`${imagesIn} img`)].map((image) => image.decode().catch(() => undefined)) : [];
    void Promise.all([document.fonts.ready, ...images]).then(() =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (cancelled) return;
          root.setAttribute(PRINT_READY_ATTRIBUTE, 'true');
          if (autoprint) window.print();
        }),
      ),
    );
    return () => {
      cancelled = true;
      root.removeAttribute(PRINT_READY_ATTRIBUTE);
    };
  }, [ready, missing, missingMessage, title, headerJson, imagesIn, paintKey, autoprint]);

  return { paper };
}
