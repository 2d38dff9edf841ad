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

  // Each grouping only recomputes when its own collection emitted a new array, and keeps the
  // arrays of partners whose documents did not change (per-partner results can be reused).
  const partners = raw?.partners;
  const partnersById = useMemo(() => new Map((partners ?? []).map((p) => [p.id, p])), [partners]);
  const tasksByPartner = useGrouping(raw?.tasks);
  const meetingsByPartner = useGrouping(raw?.meetings);
  const dealsByPartner = useGrouping(raw?.deals);
  const plansByPartner = useGrouping(raw?.plans);
  const trainingsByPartner = useGrouping(raw?.trainings);
  const surveysByPartner = useGrouping(raw?.surveys);

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

/** Groups a collection by partner, keeping the previous arrays of unchanged partners. */
function useGrouping<T extends { partnerId: string }>(docs: T[] | undefined): Map<string, T[]> {
  const [regroup] = useState(createRegrouper<T>);
  return useMemo(() => regroup(docs ?? []), [regroup, docs]);
}

function createRegrouper<T extends { partnerId: string }>(): (docs: readonly T[]) => Map<string, T[]> {
  let previous: Map<string, T[]> | undefined;
  return (docs) => {
    previous = groupByPartner(docs, previous);
    return previous;
  };
}
