import { describe, expect, it } from 'vitest';
import { accentColorError, accentOrDefault, DEFAULT_ACCENT, isLogoDataUrl, logoFileError } from '../../../../src-shared/welcomekit/branding';

describe('branding', () => {
  it('accepts hex accent colours and names a wrong one', () => {
    expect(accentColorError('#1c7ed6')).toBeNull();
    expect(accentColorError('#abc')).toBeNull();
    expect(accentColorError('')).toBeNull();
    expect(accentColorError('blue')).toBe('“blue” is not a colour: use a hex colour such as #1c7ed6');
    expect(accentOrDefault('#1C7ED6')).toBe('#1c7ed6');
    expect(accentOrDefault('rgb(1,2,3)')).toBe(DEFAULT_ACCENT);
    expect(accentOrDefault(undefined)).toBe(DEFAULT_ACCENT);
  });

  it('takes PNG, JPEG and SVG logos up to 1 MB and says why another file is refused', () => {
    expect(logoFileError({ name: 'logo.png', type: 'image/png', size: 20_000 })).toBeNull();
    expect(logoFileError({ name: 'logo.svg', type: 'image/svg+xml', size: 2_000 })).toBeNull();
    expect(logoFileError({ name: 'notes.pdf', type: 'application/pdf', size: 2_000 })).toBe('“notes.pdf” is not a PNG, JPEG or SVG image');
    expect(logoFileError({ name: 'big.jpg', type: 'image/jpeg', size: 3 * 1024 * 1024 })).toBe('“big.jpg” is 3.0 MB; a logo can be at most 1 MB');
    expect(logoFileError({ name: 'empty.png', type: 'image/png', size: 0 })).toBe('“empty.png” is empty');
  });

  it('uses a stored logo only when it is an image data URL', () => {
    expect(isLogoDataUrl('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isLogoDataUrl('data:text/html;base64,PGgxPg==')).toBe(false);
    expect(isLogoDataUrl('https://evil.example/logo.png')).toBe(false);
  });
});
