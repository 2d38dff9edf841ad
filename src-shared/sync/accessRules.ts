/**
 * Who may see what — the pure rules the server enforces (src-server materialises them in its
 * `partner_access` table). A manager sees a partner when they own it (`ownerEmail`), are on its
 * `team[]` (by email), or belong to the team the partner is shared with (server-side mapping);
 * admins see everything. Every other document follows its `partnerId`, except the documents of the
 * program collections (`PROGRAM_COLLECTIONS`), which belong to no partner: their creator and
 * everyone who shares a team with the creator see and change them, and when the creator is an
 * admin (a program lead publishing for the whole organisation) every user sees them.
 * src-server/storage/visibilitySql.ts is the one SQL translation of these rules.
 */
import type { CollectionName } from '../domain/types';
import type { UserRole } from './protocol';

/** Collections whose documents belong to the program, not to a partner (no `partnerId`). */
export const PROGRAM_COLLECTIONS = ['templates', 'resources'] as const satisfies readonly CollectionName[];

/** Program collections only admins write (the resource library): a manager creates none and changes none. */
export const ADMIN_WRITTEN_COLLECTIONS = ['resources'] as const satisfies readonly ProgramCollection[];

export function isAdminWrittenCollection(collection: CollectionName): boolean {
  return (ADMIN_WRITTEN_COLLECTIONS as readonly CollectionName[]).includes(collection);
}

export type ProgramCollection = (typeof PROGRAM_COLLECTIONS)[number];

export function isProgramCollection(collection: CollectionName): collection is ProgramCollection {
  return (PROGRAM_COLLECTIONS as readonly CollectionName[]).includes(collection);
}

export type AccessUser = {
  id: string;
  email: string;
  role: UserRole;
  teamIds: readonly string[];
};

export type PartnerAccessFacts = {
  ownerEmail: string;
  /** Emails listed in the partner's `team[]`. */
  teamEmails: readonly string[];
  /** The team the partner is shared with (assigned on creation, reassigned by admins). */
  sharedTeamId: string | null;
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The emails on a partner document's `team[]`, normalised; tolerant of malformed data. */
export function partnerTeamEmails(team: unknown): string[] {
  if (!Array.isArray(team)) return [];
  const emails = new Set<string>();
  for (const member of team) {
    if (typeof member !== 'object' || member === null) continue;
    const email = (member as Record<string, unknown>).email;
    if (typeof email === 'string' && email.trim() !== '') emails.add(normaliseEmail(email));
  }
  return [...emails].sort();
}

export function canSeePartner(user: AccessUser, partner: PartnerAccessFacts): boolean {
  if (user.role === 'admin') return true;
  const email = normaliseEmail(user.email);
  if (normaliseEmail(partner.ownerEmail) === email) return true;
  if (partner.teamEmails.some((member) => normaliseEmail(member) === email)) return true;
  return partner.sharedTeamId !== null && user.teamIds.includes(partner.sharedTeamId);
}

/** Who created a program document, as the rules need them: the server's `owner_id`, now. */
export type ProgramDocCreator = { id: string; role: UserRole; teamIds: readonly string[] };

/** Whether `user` is a program document's creator or shares a team with them. */
function sharesWithCreator(user: AccessUser, creator: ProgramDocCreator): boolean {
  return user.id === creator.id || creator.teamIds.some((teamId) => user.teamIds.includes(teamId));
}

/**
 * May change a program document of `collection`: admins; and for templates (not the
 * admin-written resource library) its creator and whoever shares a team with the creator.
 */
export function canEditProgramDocument(user: AccessUser, creator: ProgramDocCreator, collection: ProgramCollection): boolean {
  if (user.role === 'admin') return true;
  return !isAdminWrittenCollection(collection) && sharesWithCreator(user, creator);
}

/**
 * May see a program document: admins, its creator and whoever shares a team with the creator,
 * and everyone when its creator is an admin (journey templates, tier definitions and resources a
 * program lead publishes are for the whole organisation; managers read them, they do not change them).
 */
export function canSeeProgramDocument(user: AccessUser, creator: ProgramDocCreator): boolean {
  return user.role === 'admin' || creator.role === 'admin' || sharesWithCreator(user, creator);
}
