import { Badge, Stack, Tabs } from '@mantine/core';
import { IconAddressBook, IconCertificate, IconCoin, IconGitMerge, IconPigMoney, IconMoodSmile, IconRoute, IconTargetArrow } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { PageBreadcrumbs } from '../../app/PageBreadcrumbs';
import { PageLoader } from '../../app/PageLoader';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { forPartner, useAppData } from '../../db/useAppData';
import { ChangesMergedTab } from '../conflicts/ChangesMergedTab';
import { useConflictRecords } from '../conflicts/useConflictRecords';
import { ContactsTab } from '../contacts/ContactsTab';
import { DealsTab } from '../deals/DealsTab';
import { JourneyTab } from '../journey/JourneyTab';
import { MdfTab } from '../mdf/MdfTab';
import { MeetingActions } from '../meetings/MeetingActions';
import { MeetingsTab, MeetingsTabIcon } from '../meetings/MeetingsTab';
import { PlanTab } from '../plan/PlanTab';
import { SatisfactionTab } from '../satisfaction/SatisfactionTab';
import { TierCard } from '../tiers/TierCard';
import { useTierRecommendation } from '../tiers/useTierRecommendations';
import { TrainingTab } from '../training/TrainingTab';
import { PartnerHeader } from './PartnerHeader';

const TABS = ['journey', 'plan', 'meetings', 'deals', 'mdf', 'training', 'satisfaction', 'contacts', 'merged'] as const;
type Tab = (typeof TABS)[number];

/** One partner: header, then its journey, its people, and the edits merged from other laptops. */
export function PartnerWorkspacePage() {
  const { partnerId = '', tab } = useParams();
  const navigate = useNavigate();
  const data = useAppData();
  const { rowsById, today } = usePortfolioOverview();
  const row = rowsById.get(partnerId);
  const active: Tab = TABS.includes(tab as Tab) ? (tab as Tab) : 'journey';
  const conflicts = useConflictRecords(partnerId);
  const unrestored = conflicts?.filter((record) => !record.restored).length ?? 0;
  const tierRow = useTierRecommendation(partnerId);

  if (data.loading) return <PageLoader />;
  if (!row) {
    return <NotFound what="Partner" />;
  }

  const { partner } = row;
  return (
    <Stack gap="md">
      <PageBreadcrumbs items={[{ label: 'Portfolio', to: '/portfolio' }, { label: partner.name }]} />
      <PartnerHeader partner={partner} overview={row} />
      {tierRow && <TierCard partner={partner} recommendation={tierRow.recommendation} />}
      <MeetingActions partner={partner} />
      <Tabs value={active} onChange={(value) => void navigate(`/partners/${partner.id}/${value ?? 'journey'}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="journey" leftSection={<IconRoute size={16} />}>
            Journey
          </Tabs.Tab>
          <Tabs.Tab value="plan" leftSection={<IconTargetArrow size={16} />}>
            Plan
          </Tabs.Tab>
          <Tabs.Tab value="meetings" leftSection={<MeetingsTabIcon />}>
            Meetings
          </Tabs.Tab>
          <Tabs.Tab value="deals" leftSection={<IconCoin size={16} />}>
            Deals
          </Tabs.Tab>
          <Tabs.Tab value="mdf" leftSection={<IconPigMoney size={16} />}>
            MDF
          </Tabs.Tab>
          <Tabs.Tab value="training" leftSection={<IconCertificate size={16} />}>
            Training
          </Tabs.Tab>
          <Tabs.Tab value="satisfaction" leftSection={<IconMoodSmile size={16} />}>
            Satisfaction
          </Tabs.Tab>
          <Tabs.Tab value="contacts" leftSection={<IconAddressBook size={16} />}>
            Contacts &amp; team
          </Tabs.Tab>
          <Tabs.Tab
            value="merged"
            leftSection={<IconGitMerge size={16} />}
            rightSection={
              unrestored > 0 ? (
                <Badge size="sm" variant="light" color="orange" aria-label={`${unrestored} not restored`}>
                  {unrestored}
                </Badge>
              ) : null
            }
          >
            Changes merged
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="journey" pt="md">
          <JourneyTab partner={partner} tasks={forPartner(data.tasksByPartner, partner.id)} overview={row} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="plan" pt="md">
          <PlanTab partner={partner} plans={forPartner(data.plansByPartner, partner.id)} tasks={forPartner(data.tasksByPartner, partner.id)} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <MeetingsTab
            partner={partner}
            meetings={forPartner(data.meetingsByPartner, partner.id)}
            tasks={forPartner(data.tasksByPartner, partner.id)}
            deals={forPartner(data.dealsByPartner, partner.id)}
            today={today}
          />
        </Tabs.Panel>
        <Tabs.Panel value="deals" pt="md">
          <DealsTab partner={partner} deals={forPartner(data.dealsByPartner, partner.id)} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="mdf" pt="md">
          <MdfTab partner={partner} plans={forPartner(data.plansByPartner, partner.id)} deals={forPartner(data.dealsByPartner, partner.id)} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="training" pt="md">
          <TrainingTab partner={partner} trainings={forPartner(data.trainingsByPartner, partner.id)} tasks={forPartner(data.tasksByPartner, partner.id)} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="satisfaction" pt="md">
          <SatisfactionTab partner={partner} surveys={forPartner(data.surveysByPartner, partner.id)} meetings={forPartner(data.meetingsByPartner, partner.id)} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <ContactsTab partner={partner} />
        </Tabs.Panel>
        <Tabs.Panel value="merged" pt="md">
          <ChangesMergedTab partner={partner} records={conflicts} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
