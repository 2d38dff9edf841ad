import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { combineLatest } from 'rxjs';
import type { Deal, Meeting, Partner, Plan, Survey, Task, Training } from '../../src-shared/domain/types';
import { groupByPartner } from '../../src-shared/util/groupByPartner';
import { liveCollection } from './liveCollection';
import { AppDataContext, type AppData, type PendingRecords } from './useAppData';
import { useDatabase } from './useDatabase';

/** Everything but the partners: what the first screen can paint without. */
type Records = {
  tasks: Task[];
  meetings: Meeting[];
  deals: Deal[];
  plans: Plan[];
  trainings: Training[];
  surveys: Survey[];
};

const RECORD_COLLECTIONS = ['tasks', 'meetings', 'deals', 'plans', 'trainings', 'surveys'] as const;

/**
 * Subscribes once to every collection the screens read and keeps them grouped by partner.
 *
 * The partners come first: the portfolio paints its rows from them alone (a few hundred
 * documents) while the tasks, meetings and deals (tens of thousands) are still being read, and
 * says how many are on their way. Their subscription starts once the partners are in, so the
 * first screen's read and render do not queue behind them. `loading` stays true until everything
 * is in: a screen that shows anything computed from tasks or meetings waits for it, so no
 * overdue count or health band is ever shown from half the data.
 *
 * `beforeRecords` holds the second read back until it resolves: end-to-end tests use it as an
 * explicit barrier to look at the screens while the records are still loading.
 */
export function AppDataProvider({ children, beforeRecords }: { children: ReactNode; beforeRecords?: Promise<void> }) {
  const db = useDatabase();
  const [partners, setPartners] = useState<Partner[] | null>(null);
  const [records, setRecords] = useState<Records | null>(null);
  const [pending, setPending] = useState<PendingRecords | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const subscription = liveCollection(db.partners).subscribe({ next: setPartners, error: setError });
    return () => subscription.unsubscribe();
  }, [db]);

  const partnersReady = partners !== null;

  // How many records are on their way (an index count each: cheap beside reading them), asked
  // once the partners are in so it does not queue in front of their read.
  useEffect(() => {
    if (!partnersReady) return;
    let active = true;
    Promise.all(RECORD_COLLECTIONS.map((name) => db[name].count().exec())).then(
      ([tasks = 0, ...rest]) => active && setPending({ tasks, others: rest.reduce((sum, n) => sum + n, 0) }),
      (failure: unknown) => console.warn('Partner Desk: could not count the records being loaded', failure),
    );
    return () => {
      active = false;
    };
  }, [db, partnersReady]);
  useEffect(() => {
    if (!partnersReady) return;
    let active = true;
    let unsubscribe = () => {};
    void (beforeRecords ?? Promise.resolve()).then(() => {
      if (!active) return;
      const subscription = combineLatest({
        tasks: liveCollection(db.tasks),
        meetings: liveCollection(db.meetings),
        deals: liveCollection(db.deals),
        plans: liveCollection(db.plans),
        trainings: liveCollection(db.trainings),
        surveys: liveCollection(db.surveys),
      }).subscribe({ next: setRecords, error: setError });
      unsubscribe = () => subscription.unsubscribe();
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [db, partnersReady, beforeRecords]);

  if (error) throw error;

  // Each grouping only recomputes when its own collection emitted a new array, and keeps the
  // arrays of partners whose documents did not change (per-partner results can be reused).
  const partnersById = useMemo(() => new Map((partners ?? []).map((p) => [p.id, p])), [partners]);
  const tasksByPartner = useGrouping(records?.tasks);
  const meetingsByPartner = useGrouping(records?.meetings);
  const dealsByPartner = useGrouping(records?.deals);
  const plansByPartner = useGrouping(records?.plans);
  const trainingsByPartner = useGrouping(records?.trainings);
  const surveysByPartner = useGrouping(records?.surveys);
  const loading = partners === null || records === null;

  const value = useMemo<AppData>(
    () => ({
      loading,
      partnersReady,
      pending: loading ? pending : null,
      partners: partners ?? [],
      partnersById,
      tasksByPartner,
      meetingsByPartner,
      dealsByPartner,
      plansByPartner,
      trainingsByPartner,
      surveysByPartner,
    }),
    [loading, partnersReady, pending, partners, partnersById, tasksByPartner, meetingsByPartner, dealsByPartner, plansByPartner, trainingsByPartner, surveysByPartner],
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
