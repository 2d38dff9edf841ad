import { describe, expect, it } from 'vitest';
import { generateJourney } from '../../../../src-shared/domain/journey';
import { journeyTemplateFor } from '../../../../src-shared/domain/journeyTemplates';
import type { Partner } from '../../../../src-shared/domain/types';
import { planPdfFileName, planPdfOptions, toChromiumPdfOptions, toElectronPrintOptions } from '../../../../src-shared/plan/pdfOptions';
import { planTemplateFor } from '../../../../src-shared/plan/planTemplates';
import { validatePlanItem, planItemFormValues } from '../../../../src-shared/plan/planValidation';
import { makePartner } from '../domain/fixtures';

const journey = (partner: Partner) => generateJourney(partner, { now: '2027-01-01T00:00:00.000Z', template: journeyTemplateFor(partner.type, partner.maturity) });

describe('plan templates', () => {
  it('pre-fills a reseller plan with goals from its journey: certification, first campaign, first deal', () => {
    const partner = makePartner({ type: 'reseller', day0: '2027-01-01' });
    const seed = planTemplateFor(partner, journey(partner));
    const goals = seed.items.filter((item) => item.kind === 'goal');
    const titles = goals.map((goal) => goal.title);
    expect(titles).toEqual(expect.arrayContaining(['Complete the core sales certification', 'Plan the first co-marketing campaign', 'Register the first deal']));
    const firstDeal = goals.find((goal) => goal.title === 'Register the first deal');
    expect(firstDeal).toMatchObject({ dueDate: '2027-03-02', ownerSide: 'partner', target: 1, actual: 0 });
    expect(seed.objectives).toMatch(/certified sales team/);
  });

  it('gives a referral partner referral goals and no sales certification', () => {
    const partner = makePartner({ type: 'referral', day0: '2027-01-01' });
    const titles = planTemplateFor(partner, journey(partner)).items.map((item) => item.title);
    expect(titles).toContain('Complete the referral partner certification');
    expect(titles).not.toContain('Complete the core sales certification');
  });

  it('counts journey steps already done as achieved, and falls back to Day-0 offsets without a journey', () => {
    const partner = makePartner({ type: 'isv', day0: '2027-01-01' });
    const tasks = journey(partner).map((task) => (task.key === 'technical-certification' ? { ...task, status: 'done' as const } : task));
    const cert = planTemplateFor(partner, tasks).items.find((item) => item.title === 'Complete the technical pre-sales certification');
    expect(cert?.actual).toBe(cert?.target);
    const fallback = planTemplateFor(partner, []).items.filter((item) => item.kind === 'goal');
    expect(fallback.map((goal) => goal.dueDate)).toContain('2027-01-31');
  });

  it('produces rows that pass the editor’s own validation', () => {
    for (const type of ['reseller', 'isv', 'si', 'msp', 'referral'] as const) {
      const partner = makePartner({ type, day0: '2027-01-01' });
      for (const item of planTemplateFor(partner, journey(partner)).items) {
        expect(validatePlanItem(item.kind, planItemFormValues(item)).ok, `${type}: ${item.title}`).toBe(true);
      }
    }
  });
});

describe('PDF options', () => {
  const options = planPdfOptions('a4', { partnerName: 'Acme <Cloud> & Co', versionLabel: 'Version 2' });

  it('numbers pages in the footer and escapes the partner name in header and footer', () => {
    expect(options.footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(options.headerTemplate).toContain('Acme &lt;Cloud&gt; &amp; Co');
    expect(options.headerTemplate).not.toContain('<Cloud>');
  });

  it('says partner, version and date in every page’s footer, and names both companies in the header', () => {
    const dated = planPdfOptions('a4', { partnerName: 'Acme Cloud', versionLabel: 'Version 2', dateLabel: '1 Dec 2026', vendorName: 'North Wind' });
    expect(dated.footerTemplate).toContain('<span>Acme Cloud · Version 2 · 1 Dec 2026</span>');
    expect(dated.headerTemplate).toContain('North Wind and Acme Cloud · Joint business plan');
  });

  it('gives Electron and Chromium the same page, margins and templates', () => {
    const electron = toElectronPrintOptions(options);
    const chromium = toChromiumPdfOptions(options);
    expect(electron.pageSize).toBe('A4');
    expect(chromium.format).toBe('A4');
    expect(electron.margins).toEqual({ top: 0.75, bottom: 0.75, left: 0.55, right: 0.55 });
    expect(chromium.margin).toEqual({ top: '0.75in', bottom: '0.75in', left: '0.55in', right: '0.55in' });
    expect(electron.footerTemplate).toBe(chromium.footerTemplate);
    expect(toElectronPrintOptions(planPdfOptions('letter', { partnerName: 'x', versionLabel: 'y' })).pageSize).toBe('Letter');
  });

  it('suggests a file name safe on every OS', () => {
    expect(planPdfFileName('Acme/Cloud: "EU"', { status: 'final', version: 2 }, '2027-02-01')).toBe('Acme-Cloud- -EU- - business plan v2 - 2027-02-01.pdf');
    expect(planPdfFileName('Acme', { status: 'draft', version: 3 }, '2027-02-01')).toBe('Acme - business plan draft v3 - 2027-02-01.pdf');
  });
});
