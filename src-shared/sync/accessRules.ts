/**
 * Who may see what — the pure rules the server enforces (src-server materialises them in its
 * `partner_access` table). A manager sees a partner when they own it (`ownerEmail`), are on its
 * `team[]` (by email), or belong to the team the partner is shared with (server-side mapping);
 * admins see everything. Every other document follows its `partnerId`; templates are visible to
 * their creator and everyone who shares a team with the creator.
 */
import type { UserRole } from './protocol';

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

export function canSeeTemplate(user: AccessUser, creatorId: string, creatorTeamIds: readonly string[]): boolean {
  if (user.role === 'admin' || user.id === creatorId) return true;
  return creatorTeamIds.some((teamId) => user.teamIds.includes(teamId));
}
