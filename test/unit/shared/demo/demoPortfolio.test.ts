import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { BENCH_SIZE, DEMO_SIZE, generateDemoPortfolio, LARGE_BENCH_SIZE, QUICK_BENCH_SIZE, mulberry32, type DemoPortfolio } from '../../../../src-shared/demo/demoPortfolio';
import { dayNumber, isOverdue, phaseForDay } from '../../../../src-shared/domain/journey';
import { journeyTemplateFor } from '../../../../src-shared/domain/journeyTemplates';
import { PARTNER_STATUSES, PARTNER_TYPES, PHASES, type CollectionName } from '../../../../src-shared/domain/types';
import { COLLECTION_SCHEMAS } from '../../../../src-shared/schemas/collectionSchemas';

const TODAY = '2026-03-15';
const OWNER = { ownerEmail: 'pam@vendor.example', ownerName: 'Pat Manager' };

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = Object.fromEntries(Object.entries(COLLECTION_SCHEMAS).map(([name, schema]) => [name, ajv.compile(schema)])) as Record<
  CollectionName,
  ReturnType<typeof ajv.compile>
>;

/** Every schema violation, as "collection[index]: path message" lines (empty when all valid). */
function schemaViolations(portfolio: DemoPortfolio): string[] {
  const out: string[] = [];
  for (const [name, docs] of Object.entries(portfolio) as [CollectionName, unknown[]][]) {
    const validate = validators[name];
    docs.forEach((doc, i) => {
      if (!validate(doc)) out.push(...(validate.errors ?? []).map((e) => `${name}[${i}]: ${e.instancePath} ${e.message ?? ''}`));
    });
  }
  return out;
}

const demo = generateDemoPortfolio({ seed: 1, today: TODAY, ...OWNER });

describe('mulberry32', () => {
  it('is deterministic and stays in [0, 1)', () => {
    const a = mulberry32(99);
    const b = mulberry32(99);
    for (let i = 0; i < 1000; i += 1) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe('generateDemoPortfolio', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoPortfolio({ seed: 1, today: TODAY, ...OWNER })).toEqual(demo);
    const other = generateDemoPortfolio({ seed: 2, today: TODAY, ...OWNER });
    expect(other.partners.map((p) => p.name)).not.toEqual(demo.partners.map((p) => p.name));
  });

  it('has the demo size', () => {
    expect(demo.partners).toHaveLength(DEMO_SIZE.partners);
    expect(demo.meetings).toHaveLength(DEMO_SIZE.meetings);
    expect(demo.deals).toHaveLength(DEMO_SIZE.deals);
    const journeyTasks = demo.partners.reduce((n, p) => n + journeyTemplateFor(p.type, p.maturity).tasks.length, 0);
    expect(demo.tasks).toHaveLength(journeyTasks + (DEMO_SIZE.extraTasks ?? 0));
  });

  it('covers every partner type, phase and status', () => {
    expect(new Set(demo.partners.map((p) => p.type))).toEqual(new Set(PARTNER_TYPES));
    expect(new Set(demo.partners.map((p) => phaseForDay(dayNumber(p.day0, TODAY))))).toEqual(new Set(PHASES));
    expect(new Set(demo.partners.map((p) => p.status))).toEqual(new Set(PARTNER_STATUSES));
    expect(new Set(demo.partners.map((p) => p.maturity))).toEqual(new Set(['new', 'experienced']));
    const days = demo.partners.map((p) => dayNumber(p.day0, TODAY));
    for (const day of [0, 3, 20, 60, 120, 300]) expect(days).toContain(day);
    expect(demo.partners.filter((p) => p.status === 'churned').length).toBeGreaterThanOrEqual(2);
    // Tiers follow each partner's data (demoDistribution.test.ts): the demo's partners earn the lower tiers, none Platinum yet.
    const tiers = new Set(demo.partners.map((p) => p.tier));
    expect([...tiers].every((t) => ['Registered', 'Silver', 'Gold', 'Platinum'].includes(t))).toBe(true);
    expect(tiers.has('Registered') && tiers.has('Silver')).toBe(true);
    expect(new Set(demo.partners.map((p) => p.region.split(' / ')[0]))).toEqual(new Set(['EMEA', 'NA', 'APAC', 'LATAM']));
  });

  it('validates every document against the collection schemas', () => {
    expect(schemaViolations(demo)).toEqual([]);
  });

  it('keeps partners consistent: unique names, contacts on the partner domain, owner on the team', () => {
    expect(new Set(demo.partners.map((p) => p.name.toLowerCase())).size).toBe(demo.partners.length);
    for (const p of demo.partners) {
      const domain = new URL(p.website).hostname.replace(/^www\./, '');
      expect(p.contacts.length).toBeGreaterThanOrEqual(1);
      expect(p.contacts.length).toBeLessThanOrEqual(3);
      for (const c of p.contacts) expect(c.email.endsWith(`@${domain}`)).toBe(true);
      expect(p.team.find((m) => m.role === 'partner_manager')).toMatchObject({ name: OWNER.ownerName, email: OWNER.ownerEmail });
      expect(p.team.some((m) => m.role === 'technical') && p.team.some((m) => m.role === 'marketing')).toBe(true);
      expect(p.ownerEmail).toBe(OWNER.ownerEmail);
      expect(p.templateId).toBe(journeyTemplateFor(p.type, p.maturity).id);
      const day = dayNumber(p.day0, TODAY);
      if (p.status === 'recruited') expect(day).toBeLessThan(0);
      else expect(day).toBeGreaterThanOrEqual(0);
      if (p.status === 'churned') expect(p.churnedOn && p.churnedOn <= TODAY && p.churnedOn > p.day0).toBe(true);
    }
  });

  it('uses unique ids and links everything to an existing partner', () => {
    const all = Object.values(demo).flat() as { id: string }[];
    expect(new Set(all.map((d) => d.id)).size).toBe(all.length);
    const partnerIds = new Set(demo.partners.map((p) => p.id));
    for (const doc of [...demo.tasks, ...demo.meetings, ...demo.deals, ...demo.trainings, ...demo.surveys]) {
      expect(partnerIds.has(doc.partnerId)).toBe(true);
    }
  });

  it('keeps timestamps ISO, updatedAt ≥ createdAt and nothing dated after today', () => {
    for (const doc of Object.values(demo).flat() as { createdAt: string; updatedAt: string }[]) {
      expect(doc.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(doc.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(doc.updatedAt >= doc.createdAt).toBe(true);
      expect(doc.createdAt.slice(0, 10) <= TODAY).toBe(true);
      expect(doc.updatedAt.slice(0, 10) <= TODAY).toBe(true);
    }
  });

  it('gives tasks plausible states', () => {
    const byId = new Map(demo.partners.map((p) => [p.id, p]));
    for (const t of demo.tasks) {
      const partner = byId.get(t.partnerId);
      if (!partner) throw new Error('orphan task');
      if (t.status === 'done') {
        expect(t.completedOn && t.completedOn <= TODAY && t.completedOn >= partner.day0).toBe(true);
      } else {
        expect(t.completedOn).toBeUndefined();
      }
      if (partner.status === 'recruited') expect(t.status).toBe('open');
    }
    const healthyPast = demo.tasks.filter((t) => ['onboarding', 'active'].includes(byId.get(t.partnerId)?.status ?? '') && t.dueDate < '2026-02-01');
    const donePast = healthyPast.filter((t) => t.status === 'done').length;
    expect(donePast / healthyPast.length).toBeGreaterThan(0.8);
    for (const p of demo.partners.filter((x) => x.status === 'at_risk')) {
      expect(demo.tasks.some((t) => t.partnerId === p.id && isOverdue(t, TODAY))).toBe(true);
    }
    const notApplicable = demo.tasks.filter((t) => t.status === 'not_applicable').length;
    expect(notApplicable).toBeLessThan(demo.tasks.length * 0.05);
  });

  it('holds kick-offs in week 1 and check-ins with sentiment', () => {
    const started = demo.partners.filter((p) => dayNumber(p.day0, TODAY) > 7);
    const kickoffs = demo.meetings.filter((m) => m.kind === 'kickoff' && m.status === 'done');
    expect(kickoffs.length).toBeGreaterThanOrEqual(Math.floor(started.length * 0.8));
    const day0 = new Map(demo.partners.map((p) => [p.id, p.day0]));
    for (const k of kickoffs) {
      const day = dayNumber(day0.get(k.partnerId) ?? '', k.scheduledOn);
      expect(day >= 1 && day <= 7).toBe(true);
    }
    const checkins = demo.meetings.filter((m) => m.kind === 'checkin' && m.status === 'done');
    expect(checkins.length).toBeGreaterThan(10);
    for (const m of checkins) {
      expect(m.sentiment).toBeGreaterThanOrEqual(1);
      expect(m.sentiment).toBeLessThanOrEqual(5);
      expect(m.notes).not.toBe('');
      expect(m.scheduledOn < TODAY).toBe(true);
    }
    for (const m of demo.meetings.filter((x) => x.status === 'scheduled')) expect(m.scheduledOn >= TODAY).toBe(true);
  });

  it('dates deals sensibly in mostly USD, EUR and GBP', () => {
    const day0 = new Map(demo.partners.map((p) => [p.id, p.day0]));
    for (const d of demo.deals) {
      const start = day0.get(d.partnerId) ?? '';
      expect(dayNumber(start, d.registeredOn)).toBeGreaterThanOrEqual(20);
      expect(d.registeredOn <= TODAY).toBe(true);
      if (d.stage === 'won' || d.stage === 'lost') {
        expect(d.closedOn && d.closedOn >= d.registeredOn && d.closedOn <= TODAY).toBe(true);
      } else {
        expect(d.closedOn).toBeUndefined();
      }
      expect(d.amount).toBeGreaterThan(0);
    }
    const major = demo.deals.filter((d) => ['USD', 'EUR', 'GBP'].includes(d.currency)).length;
    expect(major / demo.deals.length).toBeGreaterThan(0.7);
    expect(new Set(demo.deals.map((d) => d.stage)).size).toBe(4);
  });

  it('adds trainings and PSAT surveys for partners far enough along, and ticks the matching tasks', () => {
    const byId = new Map(demo.partners.map((p) => [p.id, p]));
    for (const s of demo.surveys) {
      const p = byId.get(s.partnerId);
      expect(dayNumber(p?.day0 ?? '', s.takenOn)).toBeGreaterThanOrEqual(90);
      expect(s.takenOn <= TODAY).toBe(true);
    }
    const pastDay90 = demo.partners.filter((p) => dayNumber(p.day0, TODAY) > 100 && p.status !== 'churned');
    for (const p of pastDay90) {
      expect(demo.surveys.some((s) => s.partnerId === p.id)).toBe(true);
      expect(demo.trainings.some((t) => t.partnerId === p.id)).toBe(true);
      expect(demo.tasks.find((t) => t.partnerId === p.id && t.key === 'psat-day90')?.status).toBe('done');
    }
    for (const t of demo.trainings) {
      if (t.status === 'completed') expect(t.completedOn && t.completedOn <= TODAY).toBe(true);
      else expect(t.completedOn).toBeUndefined();
    }
    for (const p of demo.partners) {
      const firstDeal = demo.tasks.find((t) => t.partnerId === p.id && t.key === 'first-deal');
      const deals = demo.deals.filter((d) => d.partnerId === p.id).map((d) => d.registeredOn).sort();
      expect(firstDeal?.status === 'done').toBe(deals.length > 0);
      if (deals.length > 0) expect(firstDeal?.completedOn).toBe(deals[0]);
    }
  });

  // How fast it generates is a benchmark figure (npm run bench: results.demoGenerate), not a test.
  it('generates the benchmark size exactly, with unique names and ids, and schema-valid', () => {
    const bench = generateDemoPortfolio({ seed: 5, today: TODAY, size: BENCH_SIZE, ...OWNER });
    expect(bench.partners).toHaveLength(500);
    expect(bench.tasks).toHaveLength(20_000);
    expect(bench.meetings).toHaveLength(5_000);
    expect(bench.deals).toHaveLength(5_000);
    expect(new Set(bench.partners.map((p) => p.name.toLowerCase())).size).toBe(500);
    expect(new Set(bench.tasks.map((t) => t.id)).size).toBe(20_000);
    expect(schemaViolations(bench)).toEqual([]);
  });

  // npm run bench --size=2000 and --quick seed these through loadDemo: exactly the asked counts, names still unique.
  it.each([
    ['large (2,000 partners)', LARGE_BENCH_SIZE],
    ['quick (100 partners)', QUICK_BENCH_SIZE],
  ])('generates the %s benchmark size exactly, with unique partner names and task ids', (_label, size) => {
    const portfolio = generateDemoPortfolio({ seed: 5, today: TODAY, size, ...OWNER });
    expect(portfolio.partners).toHaveLength(size.partners);
    expect(portfolio.tasks).toHaveLength(size.totalTasks ?? -1);
    expect(portfolio.meetings).toHaveLength(size.meetings);
    expect(portfolio.deals).toHaveLength(size.deals);
    expect(new Set(portfolio.partners.map((p) => p.name.toLowerCase())).size).toBe(size.partners);
    expect(new Set(portfolio.tasks.map((t) => t.id)).size).toBe(size.totalTasks);
  });

  it('refuses a task total smaller than the journeys alone', () => {
    expect(() => generateDemoPortfolio({ today: TODAY, size: { partners: 10, totalTasks: 50, meetings: 0, deals: 0 }, ...OWNER })).toThrow(RangeError);
  });

  it('copes with tiny sizes', () => {
    const tiny = generateDemoPortfolio({ today: TODAY, size: { partners: 1, meetings: 3, deals: 2 }, ...OWNER });
    expect(tiny.partners).toHaveLength(1);
    expect(tiny.meetings).toHaveLength(1);
    expect(tiny.deals).toHaveLength(0);
    expect(schemaViolations(tiny)).toEqual([]);
  });
});
