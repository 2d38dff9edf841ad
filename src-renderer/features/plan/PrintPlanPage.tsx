import { Button, Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isPaperSize, PRINT_READY_ATTRIBUTE, versionLabel, type PaperSize, type PlanPdfHeader } from '../../../src-shared/plan/pdfOptions';
import { formatDate } from '../../../src-shared/util/formatDate';
import { planManagerName } from '../../../src-shared/domain/identity';
import { NotFound } from '../../app/NotFound';
import { useBranding, useProfile } from '../../app/useProfile';
import { useToday } from '../../app/useToday';
import { useAppData } from '../../db/useAppData';
import { planDate, PlanPrintDocument } from './PlanPrintDocument';
import { usePlanItems } from './usePlanItems';

/** The cover fills its page: the paper's height less the top and bottom margins, less a little room for rounding. */
const COVER_HEIGHT: Record<PaperSize, string> = { a4: 'calc(297mm - 1.5in - 0.12in)', letter: 'calc(11in - 1.5in - 0.12in)' };

/** What main (or the test) reads off <html> to build the PDF header and footer. */
export const PRINT_HEADER_ATTRIBUTE = 'data-print-header';

/**
 * `#/print/plan/:planId?paper=a4`: the plan's print layout with no app shell, in light colours.
 * Once the data and charts are painted it marks <html data-print-ready="true"> (the desktop app
 * waits for that before printToPDF); `&autoprint=1` (the browser build) then opens the print dialog.
 */
export function PrintPlanPage() {
  const { planId = '' } = useParams();
  const [search] = useSearchParams();
  const requested = search.get('paper');
  const paper: PaperSize = isPaperSize(requested) ? requested : 'a4';
  const autoprint = search.get('autoprint') === '1';
  const data = useAppData();
  const today = useToday();
  const [profile] = useProfile();
  const branding = useBranding();
  const company = profile.company.trim();
  const plan = [...data.plansByPartner.values()].flat().find((candidate) => candidate.id === planId);
  const partner = plan ? data.partnersById.get(plan.partnerId) : undefined;
  const allItems = usePlanItems(plan?.partnerId);
  const items = allItems?.filter((item) => item.planId === planId) ?? null;
  const ready = !data.loading && plan !== undefined && partner !== undefined && items !== null;
  const missing = !data.loading && (plan === undefined || partner === undefined);

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
      root.setAttribute(PRINT_READY_ATTRIBUTE, 'error: this plan is not on this laptop');
      return;
    }
    if (!ready || !plan || !partner) return;
    document.title = `${partner.name} – business plan – ${versionLabel(plan)}`;
    const header: PlanPdfHeader = { partnerName: partner.name, versionLabel: versionLabel(plan), dateLabel: formatDate(planDate(plan, today)), ...(company ? { vendorName: company } : {}) };
    root.setAttribute(PRINT_HEADER_ATTRIBUTE, JSON.stringify(header));
    let cancelled = false;
    // Two frames: React has committed and the browser has laid out and painted the charts.
    void document.fonts.ready.then(() =>
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
  }, [ready, missing, plan, partner, autoprint, items?.length, today, company]);

  if (missing) {
    return <NotFound what="Plan" />;
  }
  if (!ready || !plan || !partner || items === null) {
    return (
      <Center py={80}>
        <Loader aria-label="Preparing the plan for printing" />
      </Center>
    );
  }
  return (
    <>
      <div className="pp-toolbar">
        <Button variant="default" component={Link} to={`/partners/${partner.id}/plan`}>
          Back to the plan
        </Button>
        <Button onClick={() => window.print()}>Print ({paper === 'letter' ? 'Letter' : 'A4'})</Button>
      </div>
      <style>{`@page { size: ${paper === 'letter' ? 'letter' : 'A4'}; margin: 0.75in 0.55in; } @media print { .plan-print .pp-cover { height: ${COVER_HEIGHT[paper]}; } }`}</style>
      <PlanPrintDocument partner={partner} plan={plan} items={items} managerName={planManagerName(partner.team, profile.name)} company={profile.company} today={today} logo={branding.logo} {...(branding.accent ? { accent: branding.accent } : {})} />
    </>
  );
}
