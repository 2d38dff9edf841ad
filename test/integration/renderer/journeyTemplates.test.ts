import { afterEach, describe, expect, it } from 'vitest';
import { createPartner } from '../../../src-renderer/features/partners/createPartner';
import { loadDemoPortfolio } from '../../../src-renderer/features/firstrun/loadDemoPortfolio';
import { importPartners } from '../../../src-renderer/features/importer/importPartners';
import { applyVersion, publishDraft, publishSeeds, saveDraft, startDraft } from '../../../src-renderer/features/templates/templateWrites';
import { diffPartnerJourney, partnersBehind } from '../../../src-shared/journey/publishTemplate';
import { JOURNEY_SEEDS, latestPublished, seedsNotStored, templateHistory } from '../../../src-shared/journey/templateModel';
import { allDocs, closeAll, openDatabase, partnerValue, PROFILE } from './support';

afterEach(closeAll);

const seed = JOURNEY_SEEDS.find((s) => s.templateKey === 'reseller-new')!;

describe('journey template versions in the store', () => {
  it('publishes an edited seed as version 2 and moves only the picked partners, keeping done tasks', async () => {
    const db = await openDatabase();
    const acme = await createPartner(db, partnerValue({ name: 'Acme Cloud', day0: '2026-03-02' }), PROFILE);
    const globex = await createPartner(db, partnerValue({ name: 'Globex', day0: '2026-03-02' }), PROFILE);
    const initech = await createPartner(db, partnerValue({ name: 'Initech', day0: '2026-03-02' }), PROFILE);

    // Acme already sent the welcome kit; the lead moves the kit later and drops the ecosystem overview.
    const acmeKit = (await db.tasks.find({ selector: { partnerId: acme.id, key: 'welcome-kit' } }).exec())[0]!;
    await acmeKit.incrementalPatch({ status: 'done', completedOn: '2026-03-03' });
    const draftId = await startDraft(db, seed);
    const steps = seed.steps
      .filter((s) => s.key !== 'ecosystem-overview')
      .map((s) => (s.key === 'welcome-kit' ? { ...s, dueOffset: 3 } : s.key === 'kickoff-call' ? { ...s, dependsOn: ['welcome-kit'] } : s));
    await saveDraft(db, draftId, { name: seed.name, steps });
    await expect(saveDraft(db, 'missing', { name: 'x', steps })).rejects.toThrow('This template draft no longer exists on this laptop.');
    await publishDraft(db, draftId);
    await expect(saveDraft(db, draftId, { name: 'x', steps })).rejects.toThrow('This version is already published; start a new version to change it.');

    const templates = await allDocs(db, 'templates');
    const v2 = latestPublished(templateHistory(templates), 'reseller-new')!;
    expect(v2.version).toBe(2);
    const partners = await allDocs(db, 'partners');
    const tasks = await allDocs(db, 'tasks');
    expect(partnersBehind(partners, tasks, 'reseller-new', 2).map((p) => p.name).sort()).toEqual(['Acme Cloud', 'Globex', 'Initech']);
    const acmeChange = diffPartnerJourney(acme, tasks, v2);
    expect(acmeChange.kept.map((k) => [k.title, k.reason])).toEqual([['Send the welcome kit', 'done']]);
    expect(acmeChange.removed.map((r) => r.title)).toEqual(['Walk through the ecosystem overview']);

    const byName = new Map(partners.map((p) => [p.name, p]));
    expect(await applyVersion(db, v2, [byName.get('Acme Cloud')!, byName.get('Globex')!])).toBe(2);

    const after = await allDocs(db, 'tasks');
    const of = (partnerId: string, key: string) => after.find((t) => t.partnerId === partnerId && t.key === key);
    expect(of(acme.id, 'welcome-kit')).toMatchObject({ status: 'done', dueDate: '2026-03-03', templateVersion: 2 });
    expect(of(globex.id, 'welcome-kit')).toMatchObject({ status: 'open', dueDate: '2026-03-05', dueOffset: 3, templateVersion: 2 });
    expect(of(globex.id, 'kickoff-call')?.dependsOn).toEqual(['welcome-kit']);
    expect(of(globex.id, 'ecosystem-overview')).toBeUndefined();
    // Initech was not picked: still version 1, untouched.
    expect(of(initech.id, 'ecosystem-overview')).toBeDefined();
    expect(of(initech.id, 'welcome-kit')).toMatchObject({ dueDate: '2026-03-03', templateVersion: 1 });
    expect(partnersBehind(await allDocs(db, 'partners'), after, 'reseller-new', 2).map((p) => p.name)).toEqual(['Initech']);

    // A new partner gets version 2.
    const hooli = await createPartner(db, partnerValue({ name: 'Hooli', day0: '2026-03-02' }), PROFILE);
    expect(of(hooli.id, 'welcome-kit')).toBeUndefined();
    expect((await db.tasks.find({ selector: { partnerId: hooli.id, key: 'welcome-kit' } }).exec())[0]?.dueDate).toBe('2026-03-05');
  });

  it('refuses to publish a draft that does not validate, saying why', async () => {
    const db = await openDatabase();
    const draftId = await startDraft(db, seed);
    await saveDraft(db, draftId, { name: seed.name, steps: [] });
    await expect(publishDraft(db, draftId)).rejects.toThrow('The template cannot be published yet: The template has no steps: add at least one before publishing.');
  });

  it('publishes the built-in templates once as version 1 documents; imports and the demo then follow the edited versions', async () => {
    const db = await openDatabase();
    expect(await publishSeeds(db)).toBe(JOURNEY_SEEDS.length);
    // Once: a second click (or another admin's laptop after sync) writes nothing.
    expect(await publishSeeds(db)).toBe(0);
    const stored = await allDocs(db, 'templates');
    expect(stored).toHaveLength(JOURNEY_SEEDS.length);
    expect(seedsNotStored(stored)).toEqual([]);
    const v1 = latestPublished(templateHistory(stored), 'isv-new')!;
    expect(v1).toMatchObject({ version: 1, published: true, docId: expect.any(String) });

    // The lead edits the stored ISV journey: a renamed step, published as version 2.
    const draftId = await startDraft(db, v1);
    await saveDraft(db, draftId, { name: v1.name, steps: v1.steps.map((s) => (s.key === 'kickoff-call' ? { ...s, title: 'Hold the ISV kick-off call' } : s)) });
    await publishDraft(db, draftId);

    await importPartners(db, [{ row: 2, value: { ...partnerValue({ name: 'Initech', type: 'isv', maturity: 'new' }), ownerEmail: 'sam@vendor.example' } }], PROFILE);
    const initech = (await allDocs(db, 'partners')).find((p) => p.name === 'Initech')!;
    expect(initech.templateId).toBe('isv-new');
    const kickoff = (await allDocs(db, 'tasks')).find((t) => t.partnerId === initech.id && t.key === 'kickoff-call');
    expect(kickoff).toMatchObject({ title: 'Hold the ISV kick-off call', templateVersion: 2 });

    await loadDemoPortfolio(db, PROFILE, '2026-12-01', { partners: 12, meetings: 0, deals: 0 });
    const partners = await allDocs(db, 'partners');
    const tasks = await allDocs(db, 'tasks');
    const demoIsv = partners.find((p) => p.type === 'isv' && p.maturity === 'new' && p.name !== 'Initech');
    expect(demoIsv).toBeDefined();
    expect(tasks.find((t) => t.partnerId === demoIsv!.id && t.key === 'kickoff-call')).toMatchObject({ title: 'Hold the ISV kick-off call', templateVersion: 2 });
    // A type with only the stored seed gets version 1 from its document.
    const other = partners.find((p) => p.type !== 'isv');
    expect(tasks.filter((t) => t.partnerId === other!.id).every((t) => t.source !== 'template' || t.templateVersion === 1)).toBe(true);
  });
});
