import { newId, nowIso } from '../../../src-shared/domain/ids';
import { journeyTemplateFor } from '../../../src-shared/domain/journeyTemplates';
import { isNameTaken, nameTakenMessage, type PartnerInputValue } from '../../../src-shared/domain/partnerInput';
import type { Partner } from '../../../src-shared/domain/types';
import { generateFromTemplate } from '../../../src-shared/journey/generateFromTemplate';
import { publishedTemplateFor } from '../../../src-shared/journey/templateModel';
import type { Profile } from '../../app/useProfile';
import type { AppDatabase } from '../../db/appDatabase';
import { insertAll } from '../../db/insertAll';

export type ValidPartner = PartnerInputValue;

/** A new partner document owned by the profile, with the profile as its partner manager. */
export function buildPartner(value: ValidPartner, profile: Profile, now = nowIso()): Partner {
  const template = journeyTemplateFor(value.type, value.maturity);
  return {
    id: newId(),
    createdAt: now,
    updatedAt: now,
    name: value.name,
    type: value.type,
    maturity: value.maturity,
    tier: value.tier,
    region: value.region,
    website: value.website,
    ownerEmail: value.ownerEmail || profile.email,
    contacts: [],
    team: [{ id: newId(), name: profile.name, email: profile.email, role: 'partner_manager' }],
    day0: value.day0,
    status: value.status,
    tags: [],
    templateId: template.id,
  };
}

/**
 * Saves a new partner and generates its journey from Day 0; all of it or nothing. A name already
 * in the portfolio is refused (the rule of the form and the CSV import).
 */
export async function createPartner(db: AppDatabase, value: ValidPartner, profile: Profile): Promise<Partner> {
  const names = (await db.partners.find().exec()).map((doc) => doc.name);
  if (isNameTaken(value.name, names)) throw new Error(nameTakenMessage(value.name));
  const now = nowIso();
  // The newest published template for the type and maturity (a program lead's version, or the seed).
  const templates = (await db.templates.find({ selector: { kind: 'journey' } }).exec()).map((doc) => doc.toJSON());
  const template = publishedTemplateFor(templates, value.type, value.maturity);
  const partner = { ...buildPartner(value, profile, now), templateId: template.templateKey };
  const tasks = generateFromTemplate(partner, template, { now });
  await db.partners.insert(partner);
  try {
    await insertAll(db.tasks, tasks);
  } catch (error) {
    await db.partners.findOne(partner.id).remove();
    throw error;
  }
  return partner;
}
