import type { OwnerSide, TeamMember } from './types';

/**
 * Who sends the plans and recaps: the partner manager using this laptop and the company they
 * work for (the vendor). Kept as a local profile setting, never in a synced collection.
 */
export type Identity = { name: string; company: string };

/** The name older versions put on a profile (and so on a partner's team) before anyone was asked. */
export const PLACEHOLDER_MANAGER_NAME = 'Partner manager';

/** What the vendor side is called when the company is not known yet. */
export const UNNAMED_VENDOR = 'Our side';

const isPlaceholder = (name: string | undefined): boolean => !name || !name.trim() || name.trim() === PLACEHOLDER_MANAGER_NAME;

/** True when the manager still has to say who they are (first run). */
export function needsIdentity(identity: Identity): boolean {
  return isPlaceholder(identity.name) || !identity.company.trim();
}

/** The vendor's name as the user sees it: the company, or "Our side" until it is known. */
export function vendorName(company: string): string {
  return company.trim() || UNNAMED_VENDOR;
}

/** "Partner" or the vendor's company name, for owner columns and pickers. */
export function ownerSideLabel(side: OwnerSide, company: string): string {
  return side === 'partner' ? 'Partner' : vendorName(company);
}

export function ownerSideLabels(company: string): Record<OwnerSide, string> {
  return { partner: ownerSideLabel('partner', company), vendor: ownerSideLabel('vendor', company) };
}

/** Messages for the identity form, on the field they belong to. */
export function identityErrors(identity: Identity): Partial<Record<keyof Identity, string>> {
  const errors: Partial<Record<keyof Identity, string>> = {};
  if (isPlaceholder(identity.name)) errors.name = 'Enter your name: it goes on the plans and recaps you send';
  else if (identity.name.trim().length > 120) errors.name = 'Your name is too long (at most 120 characters)';
  if (!identity.company.trim()) errors.company = 'Enter your company’s name: partners see it on their plan';
  else if (identity.company.trim().length > 120) errors.company = 'The company name is too long (at most 120 characters)';
  return errors;
}

/**
 * The partner manager a plan names: the partner's own manager on its team, unless that entry is
 * the old placeholder, then the person using the app; never the placeholder itself.
 */
export function planManagerName(team: readonly Pick<TeamMember, 'role' | 'name'>[], userName: string): string {
  const onTeam = team.find((member) => member.role === 'partner_manager' && !isPlaceholder(member.name))?.name.trim();
  if (onTeam) return onTeam;
  return isPlaceholder(userName) ? '—' : userName.trim();
}
