import { Button, Center, Loader } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../src-shared/util/formatDate';
import { buildWelcomeKit } from '../../../src-shared/welcomekit/welcomeKit';
import { useResources } from '../resources/useResources';
import { NotFound } from '../../app/NotFound';
import { useBranding, useOwnerSideLabels, useProfile } from '../../app/useProfile';
import { usePrintPage } from '../../app/usePrintPage';
import { useToday } from '../../app/useToday';
import { useAppData } from '../../db/useAppData';
import { WelcomeKitDocument } from './WelcomeKitDocument';

export const WELCOME_KIT_TITLE = 'Welcome kit';

/**
 * `#/print/welcome-kit/:partnerId?paper=a4`: the partner's welcome kit with no app shell, in light
 * colours. Marks <html data-print-ready="true"> once painted, like the plan's print page (the
 * desktop app prints it then; `&autoprint=1` opens the browser's print dialog).
 */
export function PrintWelcomeKitPage() {
  const { partnerId = '' } = useParams();
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
  const { paper } = usePrintPage({
    ready,
    missing,
    missingMessage: 'error: this partner is not on this laptop',
    title: kit ? `${kit.partnerName} – ${WELCOME_KIT_TITLE}` : '',
    header: kit
      ? { partnerName: kit.partnerName, versionLabel: WELCOME_KIT_TITLE, dateLabel: formatDate(today), documentTitle: WELCOME_KIT_TITLE, ...(kit.vendorName ? { vendorName: kit.vendorName } : {}) }
      : null,
    // The logo is decoded before the kit is marked ready.
    imagesIn: '.wk-print',
    paintKey: `${JSON.stringify(kit)}|${branding.logo ?? ''}`,
  });

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
