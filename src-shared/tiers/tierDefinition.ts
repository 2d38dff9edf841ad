import { z } from 'zod';

/**
 * The program's tier definition: ordered tiers, lowest first (e.g. Registered, Silver, Gold), each
 * with the criteria a partner must meet to hold it. Admins edit it; it syncs as the one template
 * of kind `tiers` (`Template.data`). With none stored, `DEFAULT_TIER_DEFINITION` applies (a
 * fallback, never written by itself).
 */
export type TierCriteria = {
  /** Course names that must each have a completed training at the partner. */
  certifications: string[];
  /** Won revenue in the last 12 months, in the definition's base currency (0: no threshold). */
  wonRevenue: number;
  /** Deals registered in the last 12 months (0: no threshold). */
  dealsRegistered: number;
  /** Average PSAT score (1–5) over the last 12 months; absent: no threshold. */
  minPsat?: number;
  /** The onboarding journey must be complete. */
  onboardingComplete: boolean;
};

export type TierLevel = { name: string; criteria: TierCriteria };

export type TierDefinition = {
  /** The currency thresholds are in; won deals in other currencies count at `rates`. */
  baseCurrency: string;
  /** What one unit of a currency is worth in the base currency (e.g. `{ EUR: 1.08 }` for USD). */
  rates: Record<string, number>;
  tiers: TierLevel[];
};

export const TIERS_TEMPLATE_NAME = 'Partner tiers';

const CURRENCY = /^[A-Z]{3}$/;

const criteriaSchema = z.object({
  certifications: z.array(z.string()).default([]),
  wonRevenue: z.number().default(0),
  dealsRegistered: z.number().default(0),
  minPsat: z.number().optional(),
  onboardingComplete: z.boolean().default(false),
});

const definitionSchema = z.object({
  baseCurrency: z.string(),
  rates: z.record(z.string(), z.number()).default({}),
  tiers: z.array(z.object({ name: z.string(), criteria: criteriaSchema.default({ certifications: [], wonRevenue: 0, dealsRegistered: 0, onboardingComplete: false }) })),
});

export const DEFAULT_TIER_DEFINITION: TierDefinition = {
  baseCurrency: 'USD',
  rates: { EUR: 1.08, GBP: 1.27 },
  tiers: [
    { name: 'Registered', criteria: { certifications: [], wonRevenue: 0, dealsRegistered: 0, onboardingComplete: false } },
    {
      name: 'Silver',
      criteria: { certifications: ['Core Sales Certification'], wonRevenue: 50_000, dealsRegistered: 2, onboardingComplete: true },
    },
    {
      name: 'Gold',
      criteria: {
        certifications: ['Core Sales Certification', 'Technical Pre-sales Certification'],
        wonRevenue: 250_000,
        dealsRegistered: 5,
        minPsat: 4,
        onboardingComplete: true,
      },
    },
    {
      name: 'Platinum',
      criteria: {
        certifications: ['Core Sales Certification', 'Technical Pre-sales Certification', 'Implementation Specialist'],
        wonRevenue: 1_000_000,
        dealsRegistered: 12,
        minPsat: 4.3,
        onboardingComplete: true,
      },
    },
  ],
};

/** A problem with a definition, on a tier (by position) and field when it has one. */
export type TierDefinitionIssue = { tierIndex?: number; field?: string; message: string };

/** Reads a stored definition (`Template.data`); anything unreadable is an issue, never a throw. */
export function parseTierDefinition(data: unknown): { definition: TierDefinition; issues: TierDefinitionIssue[] } | { definition: null; issues: TierDefinitionIssue[] } {
  const parsed = definitionSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
    return { definition: null, issues: [{ message: `The tier definition cannot be read${where}: ${first?.message ?? 'unknown shape'}.` }] };
  }
  const definition: TierDefinition = parsed.data;
  return { definition, issues: validateTierDefinition(definition) };
}

/** Everything wrong with a definition, in words an admin can act on; empty when it can be used. */
export function validateTierDefinition(definition: TierDefinition): TierDefinitionIssue[] {
  const issues: TierDefinitionIssue[] = [];
  const base = definition.baseCurrency;
  if (!CURRENCY.test(base)) issues.push({ field: 'baseCurrency', message: `Base currency "${base}" is not a 3-letter currency code (e.g. USD).` });
  for (const [code, rate] of Object.entries(definition.rates)) {
    if (!CURRENCY.test(code)) issues.push({ field: 'rates', message: `Rate currency "${code}" is not a 3-letter currency code.` });
    else if (code === base) issues.push({ field: 'rates', message: `${code} is the base currency; it needs no rate.` });
    else if (!Number.isFinite(rate) || rate <= 0) issues.push({ field: 'rates', message: `The rate for ${code} must be a positive number (1 ${code} in ${base}).` });
  }
  if (definition.tiers.length === 0) {
    issues.push({ field: 'tiers', message: 'The definition has no tiers: add at least one (e.g. Registered).' });
    return issues;
  }
  const seen = new Set<string>();
  definition.tiers.forEach((tier, index) => {
    const label = `Tier ${index + 1}${tier.name.trim() ? ` (${tier.name.trim()})` : ''}`;
    const key = tier.name.trim().toLowerCase();
    if (!key) issues.push({ tierIndex: index, field: 'name', message: `${label} has no name.` });
    else if (seen.has(key)) issues.push({ tierIndex: index, field: 'name', message: `${label}: another tier is already called "${tier.name.trim()}".` });
    seen.add(key);
    const c = tier.criteria;
    if (!Number.isFinite(c.wonRevenue) || c.wonRevenue < 0) issues.push({ tierIndex: index, field: 'wonRevenue', message: `${label}: won revenue must be 0 or more.` });
    if (!Number.isInteger(c.dealsRegistered) || c.dealsRegistered < 0) issues.push({ tierIndex: index, field: 'dealsRegistered', message: `${label}: deals registered must be a whole number, 0 or more.` });
    if (c.minPsat !== undefined && !(c.minPsat >= 1 && c.minPsat <= 5)) issues.push({ tierIndex: index, field: 'minPsat', message: `${label}: PSAT must be between 1 and 5.` });
    if (c.certifications.some((name) => !name.trim())) issues.push({ tierIndex: index, field: 'certifications', message: `${label} lists a certification with no name.` });
    if (index === 0) return;
    const prev = definition.tiers[index - 1]!;
    const prevLabel = prev.name.trim() || `tier ${index}`;
    const lower = (field: string, what: string, value: number, before: number) => {
      if (value < before) issues.push({ tierIndex: index, field, message: `${label} asks for less ${what} (${value.toLocaleString('en-US')}) than ${prevLabel} below it (${before.toLocaleString('en-US')}); tiers go from lowest to highest.` });
    };
    lower('wonRevenue', 'won revenue', c.wonRevenue, prev.criteria.wonRevenue);
    lower('dealsRegistered', 'deals registered', c.dealsRegistered, prev.criteria.dealsRegistered);
    if (prev.criteria.minPsat !== undefined) lower('minPsat', 'PSAT', c.minPsat ?? 0, prev.criteria.minPsat);
    if (prev.criteria.onboardingComplete && !c.onboardingComplete) issues.push({ tierIndex: index, field: 'onboardingComplete', message: `${label} does not ask for onboarding complete, but ${prevLabel} below it does.` });
    const missing = prev.criteria.certifications.filter((name) => !c.certifications.some((n) => sameCourse(n, name)));
    if (missing.length) issues.push({ tierIndex: index, field: 'certifications', message: `${label} does not ask for ${missing.join(', ')}, which ${prevLabel} below it requires.` });
  });
  return issues;
}

/** Course names compare without case or surrounding spaces ("core sales certification "). */
export function sameCourse(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The tier's position in the definition (by name, ignoring case), or -1 when it is not one of them. */
export function tierIndex(definition: TierDefinition, name: string): number {
  const key = name.trim().toLowerCase();
  return definition.tiers.findIndex((t) => t.name.trim().toLowerCase() === key);
}
