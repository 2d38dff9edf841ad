import type { Health } from '../../../src-shared/domain/health';
import type { PartnerRisk } from '../../../src-shared/kpi/riskModel';

export type AttentionRow = { partnerId: string; health: Health; churned: boolean };

export type AttentionItem = { partnerId: string; flagged: boolean; red: boolean; atRisk: boolean; probability: number | null; reasons: string[] };

/**
 * Who needs attention first on Today: red and at-risk partners on top (both, then red, then at
 * risk; highest risk and lowest health first), then everyone else by health. Each comes with its
 * reasons: the health reasons that cost points, then the measures pushing the risk up.
 */
export function attentionOrder(rows: readonly AttentionRow[], risks: ReadonlyMap<string, PartnerRisk>): AttentionItem[] {
  const items = rows
    .filter((r) => !r.churned)
    .map((r) => {
      const risk = risks.get(r.partnerId);
      const red = r.health.band === 'red';
      const atRisk = risk?.atRisk ?? false;
      const reasons = r.health.reasons.filter((x) => x.impact < 0).map((x) => x.text);
      for (const extra of risk?.reasons ?? []) if (!reasons.includes(extra)) reasons.push(extra);
      return { item: { partnerId: r.partnerId, flagged: red || atRisk, red, atRisk, probability: risk?.probability ?? null, reasons }, score: r.health.score };
    });
  const rank = (i: AttentionItem) => (i.red && i.atRisk ? 0 : i.red ? 1 : i.atRisk ? 2 : 3);
  items.sort((a, b) => rank(a.item) - rank(b.item) || (b.item.probability ?? 0) - (a.item.probability ?? 0) || a.score - b.score);
  return items.map((x) => x.item);
}
