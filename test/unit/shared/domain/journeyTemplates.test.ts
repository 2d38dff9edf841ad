import { describe, expect, it } from 'vitest';
import { phaseForDay } from '../../../../src-shared/domain/journey';
import { JOURNEY_TEMPLATES, journeyTemplateFor, type JourneyTemplate } from '../../../../src-shared/domain/journeyTemplates';
import { MATURITIES, PARTNER_TYPES, PHASES, type PartnerType } from '../../../../src-shared/domain/types';

const keys = (t: JourneyTemplate) => t.tasks.map((x) => x.key);
const task = (t: JourneyTemplate, key: string) => t.tasks.find((x) => x.key === key);
const combos = PARTNER_TYPES.flatMap((type) => MATURITIES.map((maturity) => [type, maturity] as const));

describe('journey templates', () => {
  it('has one template per partner type and maturity, with ids like reseller-new', () => {
    expect(JOURNEY_TEMPLATES).toHaveLength(10);
    expect(new Set(JOURNEY_TEMPLATES.map((t) => t.id)).size).toBe(10);
    for (const [type, maturity] of combos) {
      const t = journeyTemplateFor(type, maturity);
      expect(t.id).toBe(`${type}-${maturity}`);
      expect(t.partnerType).toBe(type);
      expect(t.maturity).toBe(maturity);
      expect(t.name).not.toBe('');
    }
  });

  describe.each(combos)('%s / %s', (type, maturity) => {
    const t = journeyTemplateFor(type, maturity);

    it('contains the stable keys other features look up', () => {
      for (const key of ['agreement-signed', 'portal-access', 'welcome-kit', 'kickoff-call', 'business-plan', 'target-accounts', 'first-deal', 'psat-day90', 'qbr']) {
        expect(keys(t), key).toContain(key);
      }
    });

    it('puts every task in the phase its due day falls in, in journey order', () => {
      for (const x of t.tasks) expect(phaseForDay(x.dueOffset), x.key).toBe(x.phase);
      const offsets = t.tasks.map((x) => x.dueOffset);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      for (const phase of PHASES) expect(t.tasks.some((x) => x.phase === phase), phase).toBe(true);
    });

    it('has unique keys, short practical guidance and fits the task schema', () => {
      expect(new Set(keys(t)).size).toBe(t.tasks.length);
      for (const x of t.tasks) {
        expect(x.key).toMatch(/^[a-z0-9-]{1,80}$/);
        expect(x.title.length).toBeGreaterThan(5);
        expect(x.title.length).toBeLessThanOrEqual(300);
        expect(x.guidance.length).toBeGreaterThan(20);
        expect(x.guidance.length).toBeLessThanOrEqual(200);
      }
    });

    it('times the milestones as the program expects', () => {
      expect(task(t, 'agreement-signed')?.dueOffset).toBe(0);
      expect(task(t, 'kickoff-call')?.dueOffset).toBeLessThanOrEqual(7);
      expect(task(t, 'first-deal')?.dueOffset).toBe(60);
      expect(task(t, 'psat-day90')?.dueOffset).toBe(90);
      expect(task(t, 'qbr')?.dueOffset).toBe(120);
    });

    it('assigns realistic owner sides', () => {
      expect(task(t, 'agreement-signed')?.ownerSide).toBe('partner');
      expect(task(t, 'welcome-kit')?.ownerSide).toBe('vendor');
      expect(task(t, 'portal-access')?.ownerSide).toBe('vendor');
      expect(task(t, 'kickoff-call')?.ownerSide).toBe('vendor');
      expect(task(t, 'first-deal')?.ownerSide).toBe('partner');
      for (const x of t.tasks.filter((y) => y.category === 'training')) expect(x.ownerSide, x.key).toBe('partner');
    });
  });

  it('gives ISVs a co-innovation track and nobody else', () => {
    const coInnovation = ['technical-contacts', 'joint-solution', 'integration-validated', 'marketplace-listing'];
    for (const [type, maturity] of combos) {
      const k = keys(journeyTemplateFor(type, maturity));
      for (const key of coInnovation) expect(k.includes(key), `${type}-${maturity} ${key}`).toBe(type === 'isv');
    }
  });

  it('gives referral partners thought leadership and a light certification instead of sales certifications', () => {
    for (const maturity of MATURITIES) {
      const t = journeyTemplateFor('referral', maturity);
      expect(keys(t)).not.toContain('core-certification');
      expect(keys(t)).not.toContain('technical-certification');
      expect(task(t, 'referral-certification')?.required).toBe(true);
      expect(keys(t)).toEqual(expect.arrayContaining(['co-authored-content', 'thought-leadership-kit', 'referral-process-training']));
      expect(task(t, 'first-deal')?.title).toBe('Register the first referral');
    }
  });

  it('requires the core sales certification for every selling partner type', () => {
    const selling: PartnerType[] = ['reseller', 'isv', 'si', 'msp'];
    for (const type of selling) {
      for (const maturity of MATURITIES) {
        const t = journeyTemplateFor(type, maturity);
        expect(task(t, 'core-certification')?.required, `${type}-${maturity}`).toBe(true);
        expect(keys(t)).not.toContain('referral-certification');
        expect(keys(t)).not.toContain('co-authored-content');
      }
    }
  });

  it('gives MSPs managed-service steps and SIs practice building', () => {
    for (const maturity of MATURITIES) {
      expect(keys(journeyTemplateFor('msp', maturity))).toEqual(expect.arrayContaining(['service-packaging', 'support-escalation']));
      expect(keys(journeyTemplateFor('si', maturity))).toEqual(
        expect.arrayContaining(['practice-lead', 'practice-offering', 'delivery-consultants-trained']),
      );
      expect(keys(journeyTemplateFor('reseller', maturity))).not.toContain('service-packaging');
      expect(keys(journeyTemplateFor('reseller', maturity))).not.toContain('delivery-consultants-trained');
    }
  });

  it('lets experienced partners skip the basics and move faster through activation', () => {
    for (const type of PARTNER_TYPES) {
      const fresh = journeyTemplateFor(type, 'new');
      const experienced = journeyTemplateFor(type, 'experienced');
      expect(keys(fresh)).toEqual(expect.arrayContaining(['ecosystem-overview', 'product-training']));
      expect(keys(experienced)).not.toContain('ecosystem-overview');
      expect(keys(experienced)).not.toContain('product-training');
      expect(experienced.tasks.length).toBeLessThan(fresh.tasks.length);
      for (const x of experienced.tasks.filter((y) => y.phase === 'activation')) {
        expect(x.dueOffset, x.key).toBeLessThanOrEqual(task(fresh, x.key)?.dueOffset ?? Infinity);
      }
      expect(task(experienced, 'business-plan')?.dueOffset).toBeLessThan(task(fresh, 'business-plan')?.dueOffset ?? 0);
    }
  });
});
