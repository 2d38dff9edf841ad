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

/**
 * A per-partner computation that reuses a partner's last result while everything it depends on
 * (the partner, the day and its grouped documents) is the same objects: the groupings keep a
 * partner's arrays while its documents are unchanged, so one edit recomputes one partner.
 */
export function createPartnerMemo<R>(compute: (data: AppData, partner: Partner, today: string) => R): (data: AppData, partners: readonly Partner[], today: string) => R[] {
  let previous = new Map<string, { inputs: readonly unknown[]; result: R }>();
  return (data, partners, today) => {
    const next = new Map<string, { inputs: readonly unknown[]; result: R }>();
    const results = partners.map((partner) => {
      const inputs = [
        partner,
        today,
        data.tasksByPartner.get(partner.id),
        data.meetingsByPartner.get(partner.id),
        data.dealsByPartner.get(partner.id),
        data.plansByPartner.get(partner.id),
        data.trainingsByPartner.get(partner.id),
        data.surveysByPartner.get(partner.id),
      ];
      const cached = previous.get(partner.id);
      const result = cached && cached.inputs.every((input, i) => input === inputs[i]) ? cached.result : compute(data, partner, today);
      next.set(partner.id, { inputs, result });
      return result;
    });
    previous = next;
    return results;
  };
}
