import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { combineLatest } from 'rxjs';
import type { Deal, Meeting, Partner, Plan, Survey, Task, Training } from '../../src-shared/domain/types';
import { groupByPartner } from '../../src-shared/util/groupByPartner';
import { liveCollection } from './liveCollection';
import { AppDataContext, type AppData } from './useAppData';
import { useDatabase } from './useDatabase';

type Raw = {
  partners: Partner[];
  tasks: Task[];
  meetings: Meeting[];
  deals: Deal[];
  plans: Plan[];
  trainings: Training[];
  surveys: Survey[];
};

/** Subscribes once to every collection the screens read and keeps them grouped by partner. */
export function AppDataProvider({ children }: { children: ReactNode }) {
  const db = useDatabase();
  const [raw, setRaw] = useState<Raw | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const subscription = combineLatest({
      partners: liveCollection(db.partners),
      tasks: liveCollection(db.tasks),
      meetings: liveCollection(db.meetings),
      deals: liveCollection(db.deals),
      plans: liveCollection(db.plans),
      trainings: liveCollection(db.trainings),
      surveys: liveCollection(db.surveys),
    }).subscribe({ next: setRaw, error: setError });
    return () => subscription.unsubscribe();
  }, [db]);

  if (error) throw error;

  // Each grouping only recomputes when its own collection emitted a new array.
  const partners = raw?.partners;
  const partnersById = useMemo(() => new Map((partners ?? []).map((p) => [p.id, p])), [partners]);
  const tasksByPartner = useMemo(() => groupByPartner(raw?.tasks ?? []), [raw?.tasks]);
  const meetingsByPartner = useMemo(() => groupByPartner(raw?.meetings ?? []), [raw?.meetings]);
  const dealsByPartner = useMemo(() => groupByPartner(raw?.deals ?? []), [raw?.deals]);
  const plansByPartner = useMemo(() => groupByPartner(raw?.plans ?? []), [raw?.plans]);
  const trainingsByPartner = useMemo(() => groupByPartner(raw?.trainings ?? []), [raw?.trainings]);
  const surveysByPartner = useMemo(() => groupByPartner(raw?.surveys ?? []), [raw?.surveys]);

  const value = useMemo<AppData>(
    () => ({
      loading: raw === null,
      partners: partners ?? [],
      partnersById,
      tasksByPartner,
      meetingsByPartner,
      dealsByPartner,
      plansByPartner,
      trainingsByPartner,
      surveysByPartner,
    }),
    [raw, partners, partnersById, tasksByPartner, meetingsByPartner, dealsByPartner, plansByPartner, trainingsByPartner, surveysByPartner],
  );

  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>;
}
