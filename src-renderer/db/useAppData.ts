import { createContext, useContext } from 'react';
import type { Deal, Meeting, Partner, Plan, Survey, Task, Training } from '../../src-shared/domain/types';

/** The whole local portfolio, live: every screen reads from here and re-renders on change. */
export type AppData = {
  loading: boolean;
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
 * Everything a per-partner result depends on: the partner, the day and its grouped documents.
 * The groupings keep a partner's arrays while its documents are unchanged, so a result computed
 * from these inputs can be reused while `sameInputs` holds.
 */
export function partnerInputs(data: AppData, partner: Partner, today: string): readonly unknown[] {
  return [
    partner,
    today,
    data.tasksByPartner.get(partner.id),
    data.meetingsByPartner.get(partner.id),
    data.dealsByPartner.get(partner.id),
    data.plansByPartner.get(partner.id),
    data.trainingsByPartner.get(partner.id),
    data.surveysByPartner.get(partner.id),
  ];
}

export function sameInputs(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((input, i) => input === b[i]);
}
