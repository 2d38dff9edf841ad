import { newId, nowIso } from '../../../src-shared/domain/ids';
import type { Maturity, Partner, PartnerType, Task, Template } from '../../../src-shared/domain/types';
import { diffPartnerJourney, journeyWritesFor } from '../../../src-shared/journey/publishTemplate';
import { seedsNotStored, type JourneyStep, type JourneyTemplateData, type JourneyTemplateVersion } from '../../../src-shared/journey/templateModel';
import { validateTemplate } from '../../../src-shared/journey/validateTemplate';
import type { AppDatabase } from '../../db/appDatabase';
import { insertAll } from '../../db/insertAll';

function templateDoc(fields: { name: string; partnerType: PartnerType; maturity: Maturity; data: JourneyTemplateData }): Template {
  const now = nowIso();
  return { id: newId(), createdAt: now, updatedAt: now, kind: 'journey', ...fields, data: fields.data as unknown as Record<string, unknown> };
}

/**
 * Starts the next version of a template as an editable draft: a copy of `from` (the newest
 * published version, or the built-in seed) numbered one higher.
 */
export async function startDraft(db: AppDatabase, from: JourneyTemplateVersion): Promise<string> {
  const doc = templateDoc({
    name: from.name,
    partnerType: from.partnerType,
    maturity: from.maturity,
    data: { templateKey: from.templateKey, version: from.version + 1, published: false, steps: from.steps },
  });
  await db.templates.insert(doc);
  return doc.id;
}

/**
 * "Publish the built-in templates": stores each seed not stored yet as published version 1 of
 * its key (a program document every user of the team then syncs), so the built-in journeys
 * become editable data once, by an admin's explicit action, never at every laptop's first run.
 * Returns how many were written (0 when they already were).
 */
export async function publishSeeds(db: AppDatabase): Promise<number> {
  const stored = (await db.templates.find({ selector: { kind: 'journey' } }).exec()).map((doc) => doc.toJSON());
  const now = nowIso();
  const docs = seedsNotStored(stored).map((seed) =>
    templateDoc({
      name: seed.name,
      partnerType: seed.partnerType,
      maturity: seed.maturity,
      data: { templateKey: seed.templateKey, version: 1, published: true, publishedAt: now, steps: seed.steps },
    }),
  );
  await insertAll(db.templates, docs);
  return docs.length;
}

/** A new template copied from another, for a partner type and maturity: a draft, version 1. Returns its key. */
export async function copyTemplate(db: AppDatabase, from: JourneyTemplateVersion, to: { name: string; partnerType: PartnerType; maturity: Maturity }): Promise<string> {
  const templateKey = `${to.partnerType}-${to.maturity}-${newId().slice(0, 8)}`;
  await db.templates.insert(templateDoc({ ...to, data: { templateKey, version: 1, published: false, steps: from.steps } }));
  return templateKey;
}

async function draftDoc(db: AppDatabase, docId: string) {
  const doc = await db.templates.findOne(docId).exec();
  if (!doc) throw new Error('This template draft no longer exists on this laptop.');
  const data = doc.toJSON().data as unknown as JourneyTemplateData;
  if (data.published) throw new Error('This version is already published; start a new version to change it.');
  return { doc, data };
}

/** Saves a draft's steps and name (a published version is never changed). */
export async function saveDraft(db: AppDatabase, docId: string, change: { name: string; steps: JourneyStep[] }): Promise<void> {
  const { doc, data } = await draftDoc(db, docId);
  await doc.incrementalPatch({ name: change.name, data: { ...data, steps: change.steps } as unknown as Record<string, unknown>, updatedAt: nowIso() });
}

/** Throws away a draft that was never published. */
export async function discardDraft(db: AppDatabase, docId: string): Promise<void> {
  const { doc } = await draftDoc(db, docId);
  await doc.remove();
}

/** Publishes a draft when it validates: new partners get it from now on. */
export async function publishDraft(db: AppDatabase, docId: string): Promise<void> {
  const { doc, data } = await draftDoc(db, docId);
  const issues = validateTemplate(data.steps);
  if (issues.length > 0) throw new Error(`The template cannot be published yet: ${issues[0]?.message}`);
  const now = nowIso();
  await doc.incrementalPatch({ data: { ...data, published: true, publishedAt: now } as unknown as Record<string, unknown>, updatedAt: now });
}

/**
 * Moves the picked partners' journeys to a published version: per partner, the previewed
 * change computed again from the stored tasks as they are now (so a task finished since the
 * preview is kept), inserted, updated and removed together: a failed write puts the partner's
 * journey back as it was.
 */
export async function applyVersion(db: AppDatabase, version: JourneyTemplateVersion, partners: readonly Partner[]): Promise<number> {
  let applied = 0;
  for (const partner of partners) {
    const current = (await db.tasks.find({ selector: { partnerId: partner.id } }).exec()).map((d) => d.toMutableJSON() as Task);
    const change = diffPartnerJourney(partner, current, version);
    const now = nowIso();
    const writes = journeyWritesFor(change, partner, current, version, { now, newId });
    const byId = new Map(current.map((t) => [t.id, t]));
    const originals = writes.patch.flatMap((p) => byId.get(p.id) ?? []);
    const patched = writes.patch.flatMap((p) => {
      const task = byId.get(p.id);
      return task ? [{ ...task, ...p.change }] : [];
    });
    await insertAll(db.tasks, writes.insert);
    try {
      if (patched.length > 0) {
        const result = await db.tasks.bulkUpsert(patched);
        if (result.error.length > 0) throw new Error(`${result.error.length} tasks of ${partner.name} could not be updated.`);
      }
      if (writes.remove.length > 0) await db.tasks.bulkRemove(writes.remove);
      if (partner.templateId !== version.templateKey) {
        await (await db.partners.findOne(partner.id).exec())?.incrementalPatch({ templateId: version.templateKey, updatedAt: now });
      }
    } catch (error) {
      // All of a partner's change or none of it: take the new tasks out and put the old ones back.
      if (writes.insert.length > 0) await db.tasks.bulkRemove(writes.insert.map((t) => t.id));
      if (originals.length > 0) await db.tasks.bulkUpsert(originals.map((t) => ({ ...t, updatedAt: nowIso() })));
      throw error;
    }
    applied++;
  }
  return applied;
}
