import { Button, Center, Loader } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { versionLabel, type PaperSize } from '../../../src-shared/plan/pdfOptions';
import { formatDate } from '../../../src-shared/util/formatDate';
import { planManagerName } from '../../../src-shared/domain/identity';
import { NotFound } from '../../app/NotFound';
import { useBranding, useProfile } from '../../app/useProfile';
import { usePrintPage } from '../../app/usePrintPage';
import { useToday } from '../../app/useToday';
import { useAppData } from '../../db/useAppData';
import { planDate, PlanPrintDocument } from './PlanPrintDocument';
import { useMdfDocs } from '../mdf/useMdfDocs';
import { usePlanItems } from './usePlanItems';

/** The cover fills its page: the paper's height less the top and bottom margins, less a little room for rounding. */
const COVER_HEIGHT: Record<PaperSize, string> = { a4: 'calc(297mm - 1.5in - 0.12in)', letter: 'calc(11in - 1.5in - 0.12in)' };

/**
 * `#/print/plan/:planId?paper=a4`: the plan's print layout with no app shell, in light colours.
 * Once the data and charts are painted it marks <html data-print-ready="true"> (`usePrintPage`).
 */
export function PrintPlanPage() {
  const { planId = '' } = useParams();
  const data = useAppData();
  const today = useToday();
  const [profile] = useProfile();
  const branding = useBranding();
  const company = profile.company.trim();
  const plan = [...data.plansByPartner.values()].flat().find((candidate) => candidate.id === planId);
  const partner = plan ? data.partnersById.get(plan.partnerId) : undefined;
  const allItems = usePlanItems(plan?.partnerId);
  const items = allItems?.filter((item) => item.planId === planId) ?? null;
  const mdfDocs = useMdfDocs(plan?.partnerId);
  const ready = !data.loading && plan !== undefined && partner !== undefined && items !== null && mdfDocs !== null;
  const missing = !data.loading && (plan === undefined || partner === undefined);
  const { paper } = usePrintPage({
    ready,
    missing,
    missingMessage: 'error: this plan is not on this laptop',
    title: plan && partner ? `${partner.name} – business plan – ${versionLabel(plan)}` : '',
    header: plan && partner ? { partnerName: partner.name, versionLabel: versionLabel(plan), dateLabel: formatDate(planDate(plan, today)), ...(company ? { vendorName: company } : {}) } : null,
    // The charts are laid out from the items: a changed plan, partner or item count is painted again.
    paintKey: `${plan?.updatedAt}|${partner?.updatedAt}|${items?.length}|${mdfDocs?.length}`,
  });

  if (missing) {
    return <NotFound what="Plan" />;
  }
  if (!ready || !plan || !partner || items === null || mdfDocs === null) {
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
      <PlanPrintDocument partner={partner} plan={plan} items={items} managerName={planManagerName(partner.team, profile.name)} company={profile.company} today={today} mdfDocs={mdfDocs} logo={branding.logo} {...(branding.accent ? { accent: branding.accent } : {})} />
    </>
  );
}
