import { Badge } from '@mantine/core';
import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { notifications } from '@mantine/notifications';
import {
  IconAward,
  IconBuildingStore,
  IconCalendarDue,
  IconCalendarEvent,
  IconChartBar,
  IconCoin,
  IconFileImport,
  IconFileTypePdf,
  IconLayoutList,
  IconMessages,
  IconPhoneCall,
  IconPlus,
  IconRoute,
  IconSearch,
  IconSettings,
  IconTargetArrow,
} from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { planPdfFileName } from '../../../src-shared/plan/pdfOptions';
import { PARTNER_TYPE_LABELS } from '../../app/labels';
import { useToday } from '../../app/useToday';
import { useAppData } from '../../db/useAppData';
import { usePlatform } from '../../platform/usePlatform';
import { useNewPartner } from '../partners/useNewPartner';
import { usePaperSize } from '../plan/usePaperSize';
import { partnerCommands, partnerIdOfPath, SCREEN_COMMANDS, type PaletteCommand } from './paletteCommands';

const ICONS: Record<string, ReactNode> = {
  today: <IconCalendarDue size={18} />,
  portfolio: <IconLayoutList size={18} />,
  dashboard: <IconChartBar size={18} />,
  feedback: <IconMessages size={18} />,
  templates: <IconRoute size={18} />,
  tiers: <IconAward size={18} />,
  import: <IconFileImport size={18} />,
  'records-import': <IconFileImport size={18} />,
  settings: <IconSettings size={18} />,
  'new-partner': <IconPlus size={18} />,
  checkin: <IconCalendarEvent size={18} />,
  'checkin-pick': <IconCalendarEvent size={18} />,
  kickoff: <IconPhoneCall size={18} />,
  plan: <IconTargetArrow size={18} />,
  'export-plan': <IconFileTypePdf size={18} />,
  'plan-pick': <IconFileTypePdf size={18} />,
  deal: <IconCoin size={18} />,
};

/** Ctrl/Cmd+K: jump to any partner or screen, or run an action (on the partner on screen) by typing. */
export function CommandPalette() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { partners, partnersById, plansByPartner } = useAppData();
  const newPartner = useNewPartner();
  const platform = usePlatform();
  const today = useToday();
  const [paper] = usePaperSize();
  const current = partnersById.get(partnerIdOfPath(pathname) ?? '') ?? null;

  const actions = useMemo<(SpotlightActionGroupData | SpotlightActionData)[]>(() => {
    const currentPlans = current ? (plansByPartner.get(current.id) ?? []) : [];
    const run = (command: PaletteCommand) => () => {
      const target = command.run;
      if (target.kind === 'navigate') void navigate(target.to);
      else if (target.kind === 'new-partner') newPartner();
      else {
        const plan = currentPlans.find((candidate) => candidate.id === target.planId);
        const partner = partnersById.get(target.partnerId);
        if (!plan || !partner) return;
        platform.exportPlanPdf({ planId: plan.id, paper, suggestedName: planPdfFileName(partner.name, plan, today) }).then(
          (result) => {
            if (result.saved) notifications.show({ color: 'teal', title: 'PDF saved', message: result.location ?? 'The plan was saved as PDF.' });
          },
          (error: unknown) => notifications.show({ color: 'red', title: 'PDF not exported', message: error instanceof Error ? error.message : String(error), autoClose: false }),
        );
      }
    };
    const toAction = (command: PaletteCommand): SpotlightActionData => ({
      id: command.id,
      label: command.label,
      ...(command.description ? { description: command.description } : {}),
      keywords: command.keywords,
      leftSection: ICONS[command.id],
      onClick: run(command),
    });
    return [
      { group: current ? current.name : 'Actions', actions: partnerCommands(current, currentPlans).map(toAction) },
      { group: 'Screens', actions: SCREEN_COMMANDS.map(toAction) },
      {
        group: 'Partners',
        actions: [...partners]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((partner) => ({
            id: `partner-${partner.id}`,
            label: partner.name,
            description: [PARTNER_TYPE_LABELS[partner.type], partner.tier, partner.region].filter(Boolean).join(' · '),
            keywords: [partner.website, partner.type, ...partner.tags, ...partner.contacts.map((c) => c.name)],
            leftSection: <IconBuildingStore size={18} />,
            rightSection: partner.status === 'churned' ? <Badge size="xs" color="gray">Churned</Badge> : undefined,
            onClick: () => void navigate(`/partners/${partner.id}`),
          })),
      },
    ];
  }, [partners, partnersById, current, plansByPartner, navigate, newPartner, platform, paper, today]);

  return (
    <Spotlight
      actions={actions}
      shortcut={['mod + K']}
      // Ctrl/Cmd+K works from inside text fields too (it has no meaning there).
      tagsToIgnore={[]}
      limit={12}
      highlightQuery
      scrollable
      maxHeight={420}
      nothingFound="No partner, screen or action matches"
      searchProps={{ leftSection: <IconSearch size={18} />, placeholder: 'Search partners and actions…', 'aria-label': 'Search partners and actions' }}
    />
  );
}
