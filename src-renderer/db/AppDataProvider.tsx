import { startTransition, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RxCollection } from 'rxdb';
import { combineLatest, map, type Observable } from 'rxjs';
import type { Partner } from '../../src-shared/domain/types';
import { groupByPartner } from '../../src-shared/util/groupByPartner';
import { liveCollection } from './liveCollection';
import { AppDataContext, type AppData, type PendingRecords } from './useAppData';
import { useDatabase } from './useDatabase';

/** Everything but the partners, grouped by partner: what the first screen can paint without. */
type Records = Pick<AppData, 'tasksByPartner' | 'meetingsByPartner' | 'dealsByPartner' | 'plansByPartner' | 'trainingsByPartner' | 'surveysByPartner'>;

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
      // Each collection is grouped as it emits (in its own task, not in a render), keeping the
      // arrays of partners whose documents did not change so per-partner results can be reused.
      let first = true;
      const subscription = combineLatest({
        tasksByPartner: liveGrouped(db.tasks),
        meetingsByPartner: liveGrouped(db.meetings),
        dealsByPartner: liveGrouped(db.deals),
        plansByPartner: liveGrouped(db.plans),
        trainingsByPartner: liveGrouped(db.trainings),
        surveysByPartner: liveGrouped(db.surveys),
      }).subscribe({
        next: (next) => {
          // The first load renders as a transition, so the painted rows stay responsive while
          // every screen takes the records in. Later changes render at once: a partner created
          // together with its tasks must never show an empty journey in between.
          if (first) startTransition(() => setRecords(next));
          else setRecords(next);
          first = false;
        },
        error: setError,
      });
      unsubscribe = () => subscription.unsubscribe();
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [db, partnersReady, beforeRecords]);

  if (error) throw error;

  const partnersById = useMemo(() => new Map((partners ?? []).map((p) => [p.id, p])), [partners]);
  const loading = partners === null || records === null;

  const value = useMemo<AppData>(
    () => ({
      loading,
      partnersReady,
      pending: loading ? pending : null,
      partners: partners ?? [],
      partnersById,
      ...(records ?? NO_RECORDS),
    }),
    [loading, partnersReady, pending, partners, partnersById, records],
  );

  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>;
}

const NO_RECORDS: Records = {
  tasksByPartner: new Map(),
  meetingsByPartner: new Map(),
  dealsByPartner: new Map(),
  plansByPartner: new Map(),
  trainingsByPartner: new Map(),
  surveysByPartner: new Map(),
};

/** A collection grouped by partner, live; a partner whose documents are unchanged keeps its array. */
function liveGrouped<T extends { partnerId: string }>(collection: RxCollection<T>): Observable<Map<string, T[]>> {
  let previous: Map<string, T[]> | undefined;
  return liveCollection(collection).pipe(
    map((docs) => {
      previous = groupByPartner(docs, previous);
      return previous;
    }),
  );
}
