import { Badge } from '@mantine/core';
import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconBuildingStore, IconCalendarDue, IconFileImport, IconLayoutList, IconPlus, IconSearch, IconSettings } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { PARTNER_TYPE_LABELS } from '../../app/labels';
import { useAppData } from '../../db/useAppData';
import { useNewPartner } from '../partners/useNewPartner';

/** Ctrl/Cmd+K: jump to any partner or run an action by typing. */
export function CommandPalette() {
  const navigate = useNavigate();
  const { partners } = useAppData();
  const newPartner = useNewPartner();

  const actions = useMemo<(SpotlightActionGroupData | SpotlightActionData)[]>(
    () => [
      {
        group: 'Actions',
        actions: [
          { id: 'new-partner', label: 'New partner', description: 'Add a partner and generate its journey', leftSection: <IconPlus size={18} />, onClick: newPartner },
          { id: 'today', label: 'Go to Today', description: 'Overdue and due work across your partners', leftSection: <IconCalendarDue size={18} />, onClick: () => void navigate('/today') },
          { id: 'portfolio', label: 'Go to Portfolio', description: 'All partners in a table', leftSection: <IconLayoutList size={18} />, onClick: () => void navigate('/portfolio') },
          { id: 'import', label: 'Import partners from CSV', leftSection: <IconFileImport size={18} />, onClick: () => void navigate('/import') },
          { id: 'settings', label: 'Settings', description: 'Theme, profile, backup and restore', leftSection: <IconSettings size={18} />, onClick: () => void navigate('/settings') },
        ],
      },
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
    ],
    [partners, navigate, newPartner],
  );

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
      nothingFound="No partner or action matches"
      searchProps={{ leftSection: <IconSearch size={18} />, placeholder: 'Search partners and actions…', 'aria-label': 'Search partners and actions' }}
    />
  );
}
