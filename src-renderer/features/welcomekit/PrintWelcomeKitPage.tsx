import { Button, Center, Loader } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isPaperSize, PRINT_READY_ATTRIBUTE, type PaperSize, type PlanPdfHeader } from '../../../src-shared/plan/pdfOptions';
import { formatDate } from '../../../src-shared/util/formatDate';
import { buildWelcomeKit } from '../../../src-shared/welcomekit/welcomeKit';
import { useResources } from '../resources/useResources';
import { NotFound } from '../../app/NotFound';
import { useBranding, useOwnerSideLabels, useProfile } from '../../app/useProfile';
import { useToday } from '../../app/useToday';
import { useAppData } from '../../db/useAppData';
import { PRINT_HEADER_ATTRIBUTE } from '../plan/PrintPlanPage';
import { WelcomeKitDocument } from './WelcomeKitDocument';

export const WELCOME_KIT_TITLE = 'Welcome kit';

/**
 * `#/print/welcome-kit/:partnerId?paper=a4`: the partner's welcome kit with no app shell, in light
 * colours. Marks <html data-print-ready="true"> once painted, like the plan's print page (the
 * desktop app prints it then; `&autoprint=1` opens the browser's print dialog).
 */
export function PrintWelcomeKitPage() {
  const { partnerId = '' } = useParams();
  const [search] = useSearchParams();
  const requested = search.get('paper');
  const paper: PaperSize = isPaperSize(requested) ? requested : 'a4';
  const autoprint = search.get('autoprint') === '1';
  const data = useAppData();
  const today = useToday();
  const [profile] = useProfile();
  const branding = useBranding();
  const sides = useOwnerSideLabels();
  const partner = data.partnersById.get(partnerId);
  const tasks = data.tasksByPartner.get(partnerId);
  const library = useResources();
  const kit = useMemo(
    () =>
      partner
        ? buildWelcomeKit({ partner, tasks: tasks ?? [], vendorName: branding.company, user: { name: profile.name, email: profile.email }, library: library.resources })
        : null,
    [partner, tasks, branding.company, profile.name, profile.email, library.resources],
  );
  const ready = !data.loading && !library.loading && kit !== null;
  const missing = !data.loading && partner === undefined;

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
      root.setAttribute(PRINT_READY_ATTRIBUTE, 'error: this partner is not on this laptop');
      return;
    }
    if (!ready || !kit) return;
    document.title = `${kit.partnerName} – ${WELCOME_KIT_TITLE}`;
    const header: PlanPdfHeader = {
      partnerName: kit.partnerName,
      versionLabel: WELCOME_KIT_TITLE,
      dateLabel: formatDate(today),
      documentTitle: WELCOME_KIT_TITLE,
      ...(kit.vendorName ? { vendorName: kit.vendorName } : {}),
    };
    root.setAttribute(PRINT_HEADER_ATTRIBUTE, JSON.stringify(header));
    let cancelled = false;
    // Fonts and the logo loaded, then two frames: React has committed and the browser has painted.
    const images = [...document.querySelectorAll<HTMLImageElement>('.wk-print img')].map((image) => image.decode().catch(() => undefined));
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
  }, [ready, missing, kit, autoprint, today, branding.logo]);

  if (missing) return <NotFound what="Partner" />;
  if (!ready || !kit) {
    return (
      <Center py={80}>
        <Loader aria-label="Preparing the welcome kit for printing" />
      </Center>
    );
  }
  return (
    <>
      <div className="pp-toolbar">
        <Button variant="default" component={Link} to={`/partners/${partnerId}`}>
          Back to the partner
        </Button>
        <Button onClick={() => window.print()}>Print ({paper === 'letter' ? 'Letter' : 'A4'})</Button>
      </div>
      <style>{`@page { size: ${paper === 'letter' ? 'letter' : 'A4'}; margin: 0.75in 0.55in; }`}</style>
      <WelcomeKitDocument kit={kit} logo={branding.logo} accent={branding.accent} sides={sides} today={today} />
    </>
  );
}
