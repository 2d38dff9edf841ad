import type { MdfCurrencyKpis } from '../../../src-shared/kpi/mdfKpis';
import { formatMoney } from '../../../src-shared/plan/planTotals';

/** One currency's two MDF figures as the dashboard shows them. */
export type MdfKpiTile = { currency: string; utilisation: string; utilisationHint: string; roi: string; roiHint: string };

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;
const multiple = (ratio: number) => `${ratio.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}×`;

/**
 * The MDF tiles, one per currency (never added across): utilisation = claimed ÷ approved, and the
 * return = won revenue of the deals linked to funded requests ÷ what the funding cost.
 */
export function mdfKpiTiles(kpis: readonly MdfCurrencyKpis[]): MdfKpiTile[] {
  return kpis
    .filter((k) => k.approvedCount > 0 || k.wonDeals > 0)
    .map((k) => ({
      currency: k.currency,
      utilisation: k.utilisation === null ? '—' : percent(k.utilisation),
      utilisationHint: k.approved > 0 ? `${formatMoney(k.claimed, k.currency)} claimed of ${formatMoney(k.approved, k.currency)} approved (${k.approvedCount} request${k.approvedCount === 1 ? '' : 's'})` : `No ${k.currency} MDF approved`,
      roi: k.roi === null ? '—' : multiple(k.roi),
      roiHint:
        k.invested > 0
          ? `${formatMoney(k.wonRevenue, k.currency)} won in ${k.wonDeals} linked deal${k.wonDeals === 1 ? '' : 's'} on ${formatMoney(k.invested, k.currency)} of MDF`
          : `${formatMoney(k.wonRevenue, k.currency)} won in linked deals, with no ${k.currency} MDF to compare`,
    }));
}
