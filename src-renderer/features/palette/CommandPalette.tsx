import { Badge, Group, Stack, Text } from '@mantine/core';
import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { notifications } from '@mantine/notifications';
import {
  IconAward,
  IconBuildingStore,
  IconChecklist,
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
import { useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { planPdfFileName } from '../../../src-shared/plan/pdfOptions';
import { matchesEveryTerm, typoTerms } from '../../../src-shared/search/highlight';
import { queryTerms, type SearchHit } from '../../../src-shared/search/searchIndex';
import { PARTNER_TYPE_LABELS } from '../../app/labels';
import { useToday } from '../../app/useToday';
import { useAppData } from '../../db/useAppData';
import { usePlatform } from '../../platform/usePlatform';
import { useNewPartner } from '../partners/useNewPartner';
import { usePaperSize } from '../plan/usePaperSize';
import { Highlighted } from '../search/Highlighted';
import { useSearchIndex } from '../search/useSearchIndex';
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

/** Partners with no query (alphabetically), and hits per kind with one. */
const PARTNERS_UNFILTERED = 10;
const HITS_PER_KIND = 6;

/** An action's content: its icon, its label and description with what the query matched marked. */
function ActionContent({
  kind,
  icon,
  label,
  description,
  terms,
  typos,
  right,
}: {
  kind: 'command' | SearchHit['kind'];
  icon: ReactNode;
  label: string;
  description?: string;
  terms: readonly string[];
  typos?: readonly string[];
  right?: ReactNode;
}) {
  return (
    <Group wrap="nowrap" gap="sm" w="100%" data-testid={`palette-${kind}`}>
      {/* Inherited colour, faded: readable on the selected action's background too. */}
      <Text component="span" inherit lh={0} opacity={0.7}>
        {icon}
      </Text>
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Highlighted text={label} terms={terms} wholeTerms={typos} size="sm" c="inherit" />
        {description && <Highlighted text={description} terms={terms} wholeTerms={typos} size="xs" opacity={0.75} />}
      </Stack>
      {right}
    </Group>
  );
}

/**
 * Ctrl/Cmd+K: jump to any partner or screen, run an action (on the partner on screen), or find a
 * task or a deal by typing. Partners, tasks and deals come from the app's search index
 * (src-shared/search: word starts, case and accents ignored, a typo forgiven in longer words);
 * screens and actions are matched by the same word-start rule.
 */
export function CommandPalette() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { partners, partnersById, plansByPartner, dealsByPartner } = useAppData();
  const [query, setQuery] = useState('');
  const search = useSearchIndex();
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
    const terms = queryTerms(query);
    const toAction = (command: PaletteCommand): SpotlightActionData => ({
      id: command.id,
      label: command.label,
      children: <ActionContent kind="command" icon={ICONS[command.id]} label={command.label} description={command.description} terms={terms} />,
      onClick: run(command),
    });
    const commands = (list: PaletteCommand[]) =>
      list.filter((command) => matchesEveryTerm([command.label, command.description ?? '', ...command.keywords], terms)).map(toAction);
    const partnerAction = (partner: (typeof partners)[number], typos?: string[]): SpotlightActionData => ({
      id: `partner-${partner.id}`,
      label: partner.name,
      children: (
        <ActionContent
          kind="partner"
          icon={<IconBuildingStore size={18} />}
          label={partner.name}
          description={[PARTNER_TYPE_LABELS[partner.type], partner.tier, partner.region].filter(Boolean).join(' · ')}
          terms={terms}
          typos={typos}
          right={partner.status === 'churned' ? <Badge size="xs" color="gray">Churned</Badge> : undefined}
        />
      ),
      onClick: () => void navigate(`/partners/${partner.id}`),
    });
    const hits = terms.length > 0 ? search.search(query, 200) : [];
    const ofKind = (kind: SearchHit['kind']) => hits.filter((hit) => hit.kind === kind && partnersById.has(hit.partnerId)).slice(0, HITS_PER_KIND);
    const hitAction = (hit: SearchHit, tab: string, icon: ReactNode, detail: string): SpotlightActionData => {
      const partner = partnersById.get(hit.partnerId);
      return {
        id: `${hit.kind}-${hit.id}`,
        label: hit.label,
        children: <ActionContent kind={hit.kind} icon={icon} label={hit.label} description={[partner?.name, detail].filter(Boolean).join(' · ')} terms={terms} typos={typoTerms(hit.terms, terms)} />,
        onClick: () => void navigate(`/partners/${hit.partnerId}/${tab}`),
      };
    };
    const dealStage = (hit: SearchHit) => (dealsByPartner.get(hit.partnerId) ?? []).find((deal) => deal.id === hit.id)?.stage.replace(/_/g, ' ') ?? '';
    const partnerActions =
      terms.length === 0
        ? [...partners].sort((a, b) => a.name.localeCompare(b.name)).slice(0, PARTNERS_UNFILTERED).map((partner) => partnerAction(partner))
        : ofKind('partner').flatMap((hit) => {
            const partner = partnersById.get(hit.partnerId);
            return partner ? [partnerAction(partner, typoTerms(hit.terms, terms))] : [];
          });
    const groups: SpotlightActionGroupData[] = [
      { group: current ? current.name : 'Actions', actions: commands(partnerCommands(current, currentPlans)) },
      { group: 'Screens', actions: commands(SCREEN_COMMANDS) },
      { group: 'Partners', actions: partnerActions },
      { group: 'Tasks', actions: ofKind('task').map((hit) => hitAction(hit, 'journey', <IconChecklist size={18} />, '')) },
      { group: 'Deals', actions: ofKind('deal').map((hit) => hitAction(hit, 'deals', <IconCoin size={18} />, `deal${dealStage(hit) ? `, ${dealStage(hit)}` : ''}`)) },
    ];
    return groups.filter((group) => group.actions.length > 0);
  }, [query, search, partners, partnersById, current, plansByPartner, dealsByPartner, navigate, newPartner, platform, paper, today]);

  return (
    <Spotlight
      actions={actions}
      query={query}
      onQueryChange={setQuery}
      // The actions above are already what the query finds (and how far each group goes).
      filter={(_query, found) => found}
      limit={Infinity}
      shortcut={['mod + K']}
      // Ctrl/Cmd+K works from inside text fields too (it has no meaning there).
      tagsToIgnore={[]}
      scrollable
      maxHeight={420}
      nothingFound="No partner, screen or action matches"
      searchProps={{ leftSection: <IconSearch size={18} />, placeholder: 'Search partners and actions…', 'aria-label': 'Search partners and actions' }}
    />
  );
}
