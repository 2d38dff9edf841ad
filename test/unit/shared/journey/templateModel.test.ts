import { describe, expect, it } from 'vitest';
import {
  currentDraft,
  JOURNEY_SEEDS,
  latestPublished,
  parseJourneyTemplateData,
  publishedTemplateFor,
  seedsNotStored,
  templateHistory,
  type StoredTemplate,
} from '../../../../src-shared/journey/templateModel';
import { step } from './steps';

const doc = (id: string, version: number, published: boolean, steps = [step('a', 1)]): StoredTemplate => ({
  id,
  kind: 'journey',
  name: 'ISV — new to the category',
  partnerType: 'isv',
  maturity: 'new',
  data: { templateKey: 'isv-new', version, published, steps },
});

describe('journey template data', () => {
  it('has a published seed, version 1, for every partner type × maturity', () => {
    expect(JOURNEY_SEEDS).toHaveLength(10);
    expect(JOURNEY_SEEDS.every((s) => s.version === 1 && s.published && !s.docId)).toBe(true);
  });

  it('says which field of stored data is wrong', () => {
    expect(parseJourneyTemplateData({ templateKey: 'x', version: 1, published: true, steps: [{ ...step('a', 1), phase: 'later' }] })).toEqual({
      ok: false,
      error: expect.stringMatching(/^steps\.0\.phase: /),
    });
  });

  it('reads steps stored before dependencies and resources existed', () => {
    const { resourceIds: _r, dependsOn: _d, ...old } = step('a', 1);
    const parsed = parseJourneyTemplateData({ templateKey: 'x', version: 1, published: true, steps: [old] });
    expect(parsed.ok && parsed.value.steps[0]).toMatchObject({ resourceIds: [], dependsOn: [] });
  });

  it('falls back to the seed while nothing is stored', () => {
    const template = publishedTemplateFor([], 'isv', 'new');
    expect(template).toBe(JOURNEY_SEEDS.find((s) => s.templateKey === 'isv-new'));
  });

  it('uses the newest published version, not a draft, for new partners', () => {
    const docs = [doc('v1', 1, true), doc('v2', 2, true, [step('a', 1), step('b', 2)]), doc('v3', 3, false)];
    expect(publishedTemplateFor(docs, 'isv', 'new')).toMatchObject({ docId: 'v2', version: 2 });
    const history = templateHistory(docs);
    expect(history.get('isv-new')?.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(latestPublished(history, 'isv-new')?.docId).toBe('v2');
    expect(currentDraft(history, 'isv-new')?.docId).toBe('v3');
  });

  it('lists a seed and its draft copy as versions 1 and 2', () => {
    const history = templateHistory([doc('draft', 2, false)]);
    expect(history.get('isv-new')?.map((v) => [v.version, v.published, v.docId])).toEqual([
      [2, false, 'draft'],
      [1, true, undefined],
    ]);
    expect(currentDraft(history, 'isv-new')?.docId).toBe('draft');
  });

  it('lists the seeds not stored as version 1 yet: all at first, none once an admin published them', () => {
    expect(seedsNotStored([])).toEqual(JOURNEY_SEEDS);
    // A draft v2 made from the seed does not store the seed itself; a stored v1 does.
    expect(seedsNotStored([doc('draft', 2, false)]).map((s) => s.templateKey)).toContain('isv-new');
    expect(seedsNotStored([doc('v1', 1, true)]).map((s) => s.templateKey)).not.toContain('isv-new');
    expect(seedsNotStored([doc('v1', 1, true)])).toHaveLength(JOURNEY_SEEDS.length - 1);
    const broken = { ...doc('broken', 1, true), data: { templateKey: 'isv-new', version: 'one' } };
    expect(seedsNotStored([broken]).map((s) => s.templateKey)).toContain('isv-new');
  });

  it('ignores agenda templates and journey documents with broken data', () => {
    const agenda = { ...doc('agenda', 1, true), kind: 'agenda' };
    const broken = { ...doc('broken', 5, true), data: { templateKey: 'isv-new', version: 'five' } };
    expect(templateHistory([agenda, broken]).get('isv-new')).toEqual([JOURNEY_SEEDS.find((s) => s.templateKey === 'isv-new')]);
  });
});
