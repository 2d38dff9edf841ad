import { dayNumber, dueDateFor, PHASE_INFO } from '../../../src-shared/domain/journey';
import { PHASES, type IsoDate, type Meeting, type Partner, type Phase, type Survey } from '../../../src-shared/domain/types';

/**
 * When to ask the partner for a PSAT: at day 90 (the end of onboarding) when no survey has been
 * taken since, and after each business review held since the latest survey. Null when none is due.
 */
export function psatPrompt(partner: Pick<Partner, 'day0' | 'status'>, surveys: readonly Survey[], meetings: readonly Meeting[], today: IsoDate): string | null {
  if (partner.status === 'churned') return null;
  const latest = surveys.reduce<IsoDate | null>((m, s) => (m === null || s.takenOn > m ? s.takenOn : m), null);
  const day90 = dueDateFor(partner.day0, 90);
  if (dayNumber(partner.day0, today) >= 90 && (latest === null || latest < day90)) {
    return 'The end-of-onboarding PSAT is due (day 90): ask how onboarding went while it is fresh.';
  }
  const review = meetings
    .filter((m) => m.kind === 'review' && m.status === 'done' && m.scheduledOn <= today && (latest === null || m.scheduledOn > latest))
    .sort((a, b) => (a.scheduledOn < b.scheduledOn ? 1 : -1))[0];
  if (review) return `A business review was held on ${review.scheduledOn}: record the partner's PSAT from it.`;
  return null;
}

export type PhaseFeedback = {
  phase: Phase;
  label: string;
  count: number;
  mean: number | null;
  /** The weakest step(s): a mean below 3.5, or the lowest mean among phases with feedback. */
  weak: boolean;
  items: { survey: Survey; partnerName: string }[];
};

/** Program feedback by journey phase, so weak steps stand out: lowest-scored items first within a phase. */
export function feedbackByPhase(surveys: readonly Survey[], partnerName: (id: string) => string): PhaseFeedback[] {
  const rows = PHASES.map((phase) => {
    const mine = surveys.filter((s) => (s.phase ?? 'engagement') === phase);
    const mean = mine.length === 0 ? null : Math.round((mine.reduce((a, s) => a + s.score, 0) / mine.length) * 100) / 100;
    return {
      phase,
      label: PHASE_INFO[phase].label,
      count: mine.length,
      mean,
      weak: false,
      items: mine
        .sort((a, b) => a.score - b.score || (a.takenOn < b.takenOn ? 1 : -1))
        .map((survey) => ({ survey, partnerName: partnerName(survey.partnerId) })),
    };
  });
  const means = rows.filter((r) => r.mean !== null).map((r) => r.mean ?? 0);
  const lowest = means.length > 1 ? Math.min(...means) : null;
  for (const r of rows) r.weak = r.mean !== null && (r.mean < 3.5 || r.mean === lowest);
  return rows;
}
