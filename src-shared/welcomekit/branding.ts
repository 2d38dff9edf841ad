/**
 * The vendor's branding on what partners are handed (the welcome kit, the business-plan PDF): a
 * logo the manager picks (kept on this laptop as a data URL) and an accent colour.
 */

export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export const MAX_LOGO_BYTES = 1024 * 1024;
/** The accent when none is set (the app's indigo). */
export const DEFAULT_ACCENT = '#4c6ef5';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export const isHexColor = (value: unknown): value is string => typeof value === 'string' && HEX.test(value.trim());

/** What is wrong with a colour typed in the accent field, or null. Empty means "the default". */
export function accentColorError(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed || isHexColor(trimmed)) return null;
  return `“${trimmed}” is not a colour: use a hex colour such as #1c7ed6`;
}

/** The accent to print with: the setting when valid, otherwise the default. */
export const accentOrDefault = (value: string | undefined): string => (isHexColor(value) ? value.trim().toLowerCase() : DEFAULT_ACCENT);

/** What is wrong with a picked logo file, or null (PNG, JPEG or SVG up to 1 MB). */
export function logoFileError(file: { name: string; type: string; size: number }): string | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return `“${file.name}” is not a PNG, JPEG or SVG image`;
  if (file.size > MAX_LOGO_BYTES) return `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; a logo can be at most 1 MB`;
  if (file.size === 0) return `“${file.name}” is empty`;
  return null;
}

/** A stored logo is used only when it is an image data URL of an allowed type. */
export const isLogoDataUrl = (value: unknown): value is string =>
  typeof value === 'string' && LOGO_TYPES.some((type) => value.startsWith(`data:${type};base64,`)) && value.length <= MAX_LOGO_BYTES * 1.4;
