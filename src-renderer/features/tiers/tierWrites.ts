import { newId, nowIso } from '../../../src-shared/domain/ids';
import type { Partner, Template, TierDecisionOutcome } from '../../../src-shared/domain/types';
import { decideTier } from '../../../src-shared/tiers/tierDecision';
import { TIERS_TEMPLATE_NAME, validateTierDefinition, type TierDefinition } from '../../../src-shared/tiers/tierDefinition';
import type { TierRecommendation } from '../../../src-shared/tiers/tierRecommendation';
import type { AppDatabase } from '../../db/appDatabase';

/**
 * Records a manager's decision on a recommendation on the partner (`tierHistory`); an approval
 * also sets the tier. The partner is re-read so the decision applies to its tier as stored now.
 */
export async function decideTierRecommendation(
  db: AppDatabase,
  partnerId: string,
  recommendation: TierRecommendation,
  decision: { outcome: TierDecisionOutcome; note: string; decidedBy: string },
): Promise<void> {
  const doc = await db.partners.findOne(partnerId).exec();
  if (!doc) throw new Error('This partner no longer exists on this laptop.');
  const partner = doc.toJSON() as unknown as Partner;
  if (partner.tier !== recommendation.currentTier) throw new Error(`The tier changed to ${partner.tier || 'none'} meanwhile; review the new recommendation.`);
  const now = nowIso();
  const change = decideTier(partner, recommendation, { ...decision, id: newId(), decidedAt: now });
  await doc.incrementalPatch({ ...change, updatedAt: now });
}

/** Saves the program's tier definition (the one `tiers` template), refusing one with problems. */
export async function saveTierDefinition(db: AppDatabase, definition: TierDefinition, templateId: string | null): Promise<string> {
  const issues = validateTierDefinition(definition);
  if (issues.length) throw new Error(issues.map((i) => i.message).join(' '));
  const now = nowIso();
  const data = definition as unknown as Record<string, unknown>;
  if (templateId) {
    const doc = await db.templates.findOne(templateId).exec();
    if (doc) {
      // The same document keeps the program's other settings (the protection window): kept as they are.
      await doc.incrementalModify((old) => ({ ...old, data: { ...old.data, ...data }, updatedAt: now }));
      return templateId;
    }
  }
  const template: Template = { id: newId(), createdAt: now, updatedAt: now, kind: 'tiers', name: TIERS_TEMPLATE_NAME, data };
  await db.templates.insert(template);
  return template.id;
}
