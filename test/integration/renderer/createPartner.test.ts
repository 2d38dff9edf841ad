import { afterEach, describe, expect, it } from 'vitest';
import { storeErrorMessage } from '../../../src-renderer/db/storeErrorMessage';
import { createPartner } from '../../../src-renderer/features/partners/createPartner';
import { JOURNEY_TEMPLATES, type JourneyTemplate } from '../../../src-shared/domain/journeyTemplates';
import type { Task } from '../../../src-shared/domain/types';
import { allDocs, closeAll, counts, openDatabase, partnerValue, plusDays, PROFILE } from './support';

function templateOf(type: string, maturity: string): JourneyTemplate {
  const template = JOURNEY_TEMPLATES.find((t) => t.partnerType === type && t.maturity === maturity);
  if (!template) throw new Error(`no template ${type}/${maturity}`);
  return template;
}

afterEach(closeAll);

describe('createPartner', () => {
  it.each([
    ['reseller', 'new'],
    ['isv', 'experienced'],
    ['referral', 'new'],
  ] as const)('saves a %s/%s partner with its whole journey due from Day 0', async (type, maturity) => {
    const db = await openDatabase();
    const partner = await createPartner(db, partnerValue({ type, maturity, day0: '2026-03-02' }), PROFILE);

    const [stored] = await allDocs(db, 'partners');
    expect(stored).toEqual(partner);
    expect(stored).toMatchObject({ name: 'Acme Cloud', type, maturity, day0: '2026-03-02', status: 'onboarding', contacts: [], tags: [] });

    const template = templateOf(type, maturity);
    expect(stored?.templateId).toBe(template.id);
    const tasks = await allDocs(db, 'tasks');
    expect(tasks).toHaveLength(template.tasks.length);
    expect(tasks.every((t) => t.partnerId === partner.id && t.source === 'template')).toBe(true);
    // Day 0 is the signing date, so the agreement is done; every other step starts open.
    expect(tasks.filter((t) => t.status !== 'open').map((t) => [t.key, t.status, t.completedOn])).toEqual([['agreement-signed', 'done', '2026-03-02']]);
    for (const step of template.tasks) {
      const task = tasks.find((t) => t.key === step.key);
      expect(task, step.key).toBeDefined();
      expect(task?.dueDate, step.key).toBe(plusDays('2026-03-02', step.dueOffset));
      expect(task).toMatchObject({ title: step.title, phase: step.phase, required: step.required, dueOffset: step.dueOffset });
    }
  });

  it('makes the signed-in manager owner and team member when no owner is given', async () => {
    const db = await openDatabase();
    const partner = await createPartner(db, partnerValue({ ownerEmail: '' }), PROFILE);
    const stored = await db.partners.findOne(partner.id).exec();
    expect(stored?.ownerEmail).toBe(PROFILE.email);
    expect(stored?.team).toEqual([{ id: expect.any(String), name: PROFILE.name, email: PROFILE.email, role: 'partner_manager' }]);
  });

  it('keeps an explicitly chosen owner', async () => {
    const db = await openDatabase();
    const partner = await createPartner(db, partnerValue({ ownerEmail: 'sam@vendor.example' }), PROFILE);
    expect((await db.partners.findOne(partner.id).exec())?.ownerEmail).toBe('sam@vendor.example');
  });

  it('leaves nothing half-written when the journey is refused, and keeps existing partners', async () => {
    const db = await openDatabase();
    const existing = await createPartner(db, partnerValue({ name: 'Globex Systems' }), PROFILE);
    const before = await counts(db);

    // The disk fills up while the journey is written: the store refuses the 6th step.
    const sixthStep = templateOf('reseller', 'new').tasks[5]?.key;
    db.tasks.preInsert((task: Task) => {
      if (task.key === sixthStep) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }, false);
    const error = await createPartner(db, partnerValue({ name: 'Initech' }), PROFILE).then(
      () => null,
      (refused: unknown) => refused,
    );
    expect(error).toMatchObject({ name: 'QuotaExceededError' });
    expect(storeErrorMessage(error, 'add the partner')).toMatch(/^Could not add the partner: this computer is out of storage space/);

    expect(await counts(db)).toEqual(before);
    expect((await allDocs(db, 'partners')).map((p) => p.name)).toEqual(['Globex Systems']);
    const tasks = await allDocs(db, 'tasks');
    expect(tasks.every((t) => t.partnerId === existing.id)).toBe(true);
    expect(tasks).toHaveLength(templateOf('reseller', 'new').tasks.length);
  });
});

describe('createPartner with a name already in the portfolio', () => {
  it('refuses it with the rule the CSV import uses, and writes nothing', async () => {
    const db = await openDatabase();
    await createPartner(db, partnerValue({ name: 'Brightline Partners' }), PROFILE);
    const before = await counts(db);
    await expect(createPartner(db, partnerValue({ name: 'brightline  partners' }), PROFILE)).rejects.toThrow('Name “brightline partners” is already in your portfolio');
    expect(await counts(db)).toEqual(before);
  });
});

describe('createPartner with a published journey template', () => {
  it('generates the newest published version (not a draft) with its conditions, and records its key', async () => {
    const db = await openDatabase();
    const now = '2026-03-01T09:00:00.000Z';
    const steps = [
      { key: 'agreement-signed', phase: 'preboarding', category: 'legal', title: 'Sign', guidance: '', dueOffset: 0, ownerSide: 'partner', required: true, resourceIds: [], dependsOn: [] },
      { key: 'emea-kit', phase: 'immersion', category: 'welcome', title: 'EMEA kit', guidance: '', dueOffset: 2, ownerSide: 'vendor', required: true, resourceIds: [], dependsOn: ['agreement-signed'], condition: { when: 'only', regions: ['EMEA'], tiers: [] } },
      { key: 'apac-kit', phase: 'immersion', category: 'welcome', title: 'APAC kit', guidance: '', dueOffset: 2, ownerSide: 'vendor', required: true, resourceIds: [], dependsOn: [], condition: { when: 'only', regions: ['APAC'], tiers: [] } },
    ];
    const doc = (id: string, version: number, published: boolean) => ({
      id,
      createdAt: now,
      updatedAt: now,
      kind: 'journey' as const,
      name: 'Reseller — new',
      partnerType: 'reseller' as const,
      maturity: 'new' as const,
      data: { templateKey: 'reseller-new', version, published, steps: published ? steps : [] },
    });
    await db.templates.bulkInsert([doc('v2', 2, true), doc('v3', 3, false)]);

    const partner = await createPartner(db, partnerValue({ type: 'reseller', maturity: 'new', region: 'EMEA', day0: '2026-03-02' }), PROFILE);
    expect(partner.templateId).toBe('reseller-new');
    const tasks = await allDocs(db, 'tasks');
    expect(tasks.map((t) => [t.key, t.dependsOn, t.templateVersion])).toEqual(
      expect.arrayContaining([
        ['agreement-signed', [], 2],
        ['emea-kit', ['agreement-signed'], 2],
      ]),
    );
    expect(tasks).toHaveLength(2);
  });
});
