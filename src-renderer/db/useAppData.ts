import { createContext, useContext } from 'react';
import type { Deal, Meeting, Partner, Plan, Survey, Task, Training } from '../../src-shared/domain/types';

/** How many records (everything but the partners) are still being read, while `loading`. */
export type PendingRecords = { tasks: number; others: number };

/** The whole local portfolio, live: every screen reads from here and re-renders on change. */
export type AppData = {
  /** Not everything is read yet: whatever is computed from tasks, meetings or deals must wait. */
  loading: boolean;
  /** The partners are in (`partners` is the real list), even while the rest is `loading`. */
  partnersReady: boolean;
  /** While `loading`: how many records are on their way (null once loaded, or before counted). */
  pending: PendingRecords | null;
  partners: Partner[];
  partnersById: Map<string, Partner>;
  tasksByPartner: Map<string, Task[]>;
  meetingsByPartner: Map<string, Meeting[]>;
  dealsByPartner: Map<string, Deal[]>;
  plansByPartner: Map<string, Plan[]>;
  trainingsByPartner: Map<string, Training[]>;
  surveysByPartner: Map<string, Survey[]>;
};

export const AppDataContext = createContext<AppData | null>(null);

export function useAppData(): AppData {
  const data = useContext(AppDataContext);
  if (!data) throw new Error('useAppData must be used inside <AppDataProvider>');
  return data;
}

const EMPTY: never[] = [];

/** The documents of one partner from a grouped map (a stable empty array when there are none). */
export function forPartner<T>(grouped: Map<string, T[]>, partnerId: string): T[] {
  return grouped.get(partnerId) ?? EMPTY;
}

/** A per-partner computation with its results kept while the partner's inputs are unchanged. */
export type PartnerMemo<R> = {
  /** Every listed partner's result, computing only those whose inputs changed; forgets partners no longer listed. */
  (data: AppData, partners: readonly Partner[], today: string): R[];
  /** The listed partners whose result is not kept for these inputs (what a call would compute). */
  missing(data: AppData, partners: readonly Partner[], today: string): Partner[];
  /** Computes and keeps one partner's result, so a later call reuses it. */
  fill(data: AppData, partner: Partner, today: string): void;
};

/**
 * A per-partner computation that reuses a partner's last result while everything it depends on
 * (the partner, the day and its grouped documents) is the same objects: the groupings keep a
 * partner's arrays while its documents are unchanged, so one edit recomputes one partner. `fill`
 * lets a caller compute the results ahead, a few partners at a time, and a result is only ever
 * reused for the very inputs it was computed from.
 */
export function createPartnerMemo<R>(compute: (data: AppData, partner: Partner, today: string) => R): PartnerMemo<R> {
  type Entry = { inputs: readonly unknown[]; result: R };
  let kept = new Map<string, Entry>();
  const inputsOf = (data: AppData, partner: Partner, today: string): readonly unknown[] => [
    partner,
    today,
    data.tasksByPartner.get(partner.id),
    data.meetingsByPartner.get(partner.id),
    data.dealsByPartner.get(partner.id),
    data.plansByPartner.get(partner.id),
    data.trainingsByPartner.get(partner.id),
    data.surveysByPartner.get(partner.id),
  ];
  const keptFor = (partnerId: string, inputs: readonly unknown[]): Entry | undefined => {
    const entry = kept.get(partnerId);
    return entry && entry.inputs.every((input, i) => input === inputs[i]) ? entry : undefined;
  };
  const memo = (data: AppData, partners: readonly Partner[], today: string): R[] => {
    const next = new Map<string, Entry>();
    const results = partners.map((partner) => {
      const inputs = inputsOf(data, partner, today);
      const entry = keptFor(partner.id, inputs) ?? { inputs, result: compute(data, partner, today) };
      next.set(partner.id, entry);
      return entry.result;
    });
    kept = next;
    return results;
  };
  memo.missing = (data: AppData, partners: readonly Partner[], today: string) => partners.filter((partner) => !keptFor(partner.id, inputsOf(data, partner, today)));
  memo.fill = (data: AppData, partner: Partner, today: string) => {
    const inputs = inputsOf(data, partner, today);
    if (!keptFor(partner.id, inputs)) kept.set(partner.id, { inputs, result: compute(data, partner, today) });
  };
  return memo;
}
