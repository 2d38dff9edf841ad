import { PARTNER_STATUS_LABELS, PARTNER_TYPE_LABELS } from './labels';
import { format, isValid, parseISO } from 'date-fns';
import {
  MATURITIES,
  PARTNER_STATUSES,
  PARTNER_TYPES,
  type Maturity,
  type Partner,
  type PartnerStatus,
  type PartnerType,
} from './types';

/** A partner as typed into the form or read from a CSV row: raw strings, not yet checked. */
export type PartnerInput = {
  name: string;
  type: string;
  maturity: string;
  tier: string;
  region: string;
  website: string;
  day0: string;
  ownerEmail: string;
  status: string;
};

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** A validated, normalised partner input, ready to store. */
export type PartnerInputValue = Pick<Partner, 'name' | 'type' | 'maturity' | 'tier' | 'region' | 'website' | 'day0' | 'ownerEmail' | 'status'>;

export type PartnerInputResult =
  | { ok: true; value: PartnerInputValue }
  | { ok: false; errors: FieldErrors<keyof PartnerInput> };

/** What the form and the CSV import know about the portfolio when checking a partner. */
export type PartnerInputOptions = {
  /** Names already in the portfolio: a partner may not take one of them. */
  existingNames?: readonly string[];
  /** The partner's current name when it is being edited (keeping it is fine). */
  ownName?: string;
};

/** Partner names compare ignoring case, surrounding and repeated whitespace. */
export function partnerNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Whether `name` is one of `existingNames` by `partnerNameKey`. */
export function isNameTaken(name: string, existingNames: readonly string[]): boolean {
  const key = partnerNameKey(name);
  return key !== '' && existingNames.some((existing) => partnerNameKey(existing) === key);
}

/** The message for a name already in the portfolio, in the form and the CSV import alike. */
export function nameTakenMessage(name: string): string {
  return `Name “${name.trim().replace(/\s+/g, ' ')}” is already in your portfolio`;
}

/** Longest values the partner collection accepts. */
const MAX = { name: 200, tier: 40, region: 80, website: 300, ownerEmail: 200 } as const;

/** Lower-cases and collapses spaces, hyphens and underscores so "At-Risk" matches "at_risk". */
function canonical(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/** Common ways people write a partner type in a spreadsheet, in canonical form. */
const TYPE_SYNONYMS: Record<string, PartnerType> = {
  'value added reseller': 'reseller',
  var: 'reseller',
  'independent software vendor': 'isv',
  'system integrator': 'si',
  'systems integrator': 'si',
  'managed service provider': 'msp',
  'managed services provider': 'msp',
  'referral partner': 'referral',
  influence: 'referral',
  influencer: 'referral',
  'influence partner': 'referral',
};

const STATUS_SYNONYMS: Record<string, PartnerStatus> = { 'at risk': 'at_risk' };

/** The choices an error message lists: the labels the user sees (each one is accepted as typed). */
const TYPE_CHOICES = PARTNER_TYPES.map((type) => PARTNER_TYPE_LABELS[type]).join(', ');
const STATUS_CHOICES = PARTNER_STATUSES.map((status) => PARTNER_STATUS_LABELS[status]).join(', ');

/**
 * Reads a partner type the way people write it: exact values in any case plus obvious long
 * forms ("System integrator" → si, "Managed service provider" → msp). Null when unrecognised.
 */
export function parsePartnerType(s: string): PartnerType | null {
  const c = canonical(s);
  return PARTNER_TYPES.find((t) => t === c) ?? TYPE_SYNONYMS[c] ?? null;
}

/** A quoted echo of the offending value, shortened so a pasted paragraph can't flood the message. */
function got(s: string): string {
  const t = s.trim();
  return `(got “${t.length > 40 ? `${t.slice(0, 40)}…` : t}”)`;
}

/**
 * A practical email check: one @, no spaces, a dotted domain without empty labels. It catches
 * typos, not every RFC 5322 corner.
 */
export function isValidEmail(s: string): boolean {
  return s.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(s);
}

/** A `YYYY-MM-DD` string naming a day that exists on the calendar (2026-02-30 does not). */
export function isRealIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = parseISO(s);
  return isValid(d) && format(d, 'yyyy-MM-dd') === s;
}

/**
 * A website as an absolute http(s) URL: a bare domain ("acme.com/partners") gets `https://`;
 * other schemes, spaces and hosts without a dotted name are rejected (null).
 */
function normaliseWebsite(raw: string): string | null {
  // A colon followed by a digit is a port ("acme.com:8080"), not a scheme.
  const withScheme = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(raw) ? raw : `https://${raw}`;
  if (/\s/.test(withScheme)) return null;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,}|xn--[a-z0-9-]+)$/.test(url.hostname)) return null;
  return withScheme;
}

/**
 * Checks and normalises a partner typed into the form or imported from CSV, so both paths accept
 * exactly the same data. Every field is trimmed. Rules: name required (≤ 200 characters); type
 * required, one of the partner types in any case or a long form ("System integrator"); maturity
 * defaults to `new`; Day 0 required as a real `YYYY-MM-DD` date (no other formats, to avoid
 * day/month mix-ups); website optional, an http(s) URL or bare domain (normalised to https://);
 * owner email optional but well-formed (lower-cased; the caller supplies the default); status
 * defaults to `onboarding`; a name already in the portfolio (`options.existingNames`, by
 * `partnerNameKey`) is refused. Each error says what is wrong and the expected form.
 */
export function validatePartnerInput(input: PartnerInput, options: PartnerInputOptions = {}): PartnerInputResult {
  const errors: FieldErrors<keyof PartnerInput> = {};

  const name = input.name.trim();
  if (name === '') errors.name = 'Name is required';
  else if (name.length > MAX.name) errors.name = `Name must be at most ${MAX.name} characters (got ${name.length})`;
  else if (options.ownName === undefined || partnerNameKey(options.ownName) !== partnerNameKey(name)) {
    if (isNameTaken(name, options.existingNames ?? [])) errors.name = nameTakenMessage(name);
  }

  const typeRaw = input.type.trim();
  const type = typeRaw === '' ? null : parsePartnerType(typeRaw);
  if (typeRaw === '') errors.type = `Type is required: one of ${TYPE_CHOICES}`;
  else if (!type) errors.type = `Type must be one of ${TYPE_CHOICES} ${got(typeRaw)}`;

  const maturityRaw = canonical(input.maturity);
  const maturity: Maturity | undefined = maturityRaw === '' ? 'new' : MATURITIES.find((m) => m === maturityRaw);
  if (!maturity) errors.maturity = `Maturity must be “new” or “experienced” ${got(input.maturity)}`;

  const tier = input.tier.trim();
  if (tier.length > MAX.tier) errors.tier = `Tier must be at most ${MAX.tier} characters (got ${tier.length})`;

  const region = input.region.trim();
  if (region.length > MAX.region) errors.region = `Region must be at most ${MAX.region} characters (got ${region.length})`;

  const websiteRaw = input.website.trim();
  const website = websiteRaw === '' ? '' : normaliseWebsite(websiteRaw);
  if (website === null) {
    errors.website = `Website must be a web address like example.com or https://example.com ${got(websiteRaw)}`;
  } else if (website.length > MAX.website) {
    errors.website = `Website must be at most ${MAX.website} characters (got ${website.length})`;
  }

  const day0 = input.day0.trim();
  if (day0 === '') errors.day0 = 'Day 0 (contract signed date) is required as YYYY-MM-DD';
  else if (!isRealIsoDate(day0)) errors.day0 = `Day 0 must be a real date as YYYY-MM-DD ${got(day0)}`;

  const ownerEmail = input.ownerEmail.trim().toLowerCase();
  if (ownerEmail !== '' && !isValidEmail(ownerEmail)) {
    errors.ownerEmail = `Owner email must be an email address like name@example.com ${got(input.ownerEmail)}`;
  } else if (ownerEmail.length > MAX.ownerEmail) {
    errors.ownerEmail = `Owner email must be at most ${MAX.ownerEmail} characters (got ${ownerEmail.length})`;
  }

  const statusRaw = canonical(input.status);
  const status: PartnerStatus | undefined =
    statusRaw === '' ? 'onboarding' : (PARTNER_STATUSES.find((s) => s === statusRaw) ?? STATUS_SYNONYMS[statusRaw]);
  if (!status) errors.status = `Status must be one of ${STATUS_CHOICES} ${got(input.status)}`;

  if (Object.keys(errors).length > 0 || !type || !maturity || website === null || !status) {
    return { ok: false, errors };
  }
  return { ok: true, value: { name, type, maturity, tier, region, website, day0, ownerEmail, status } };
}
