import { describe, expect, it } from 'vitest';
import { MAX_RESOURCE_FILE_BYTES, type Resource } from '../../../../src-shared/domain/types';
import {
  currentVersionOf,
  filesToCache,
  filterLibrary,
  formatBytes,
  isForAudience,
  replacementProblem,
  resourcesForStep,
  validateResourceInput,
} from '../../../../src-shared/resources/resourceRules';

const NOW = '2026-12-02T10:00:00.000Z';
const sha = (digit: string) => digit.repeat(64);

function makeResource(overrides: Partial<Resource> & Pick<Resource, 'id'>): Resource {
  return {
    createdAt: NOW,
    updatedAt: NOW,
    kind: 'file',
    title: overrides.id,
    file: { sha256: sha('a'), name: `${overrides.id}.pdf`, mime: 'application/pdf', size: 1000 },
    audience: [],
    phase: 'immersion',
    version: 1,
    createdBy: 'lead@vendor.example',
    ...overrides,
  };
}

describe('current version of a resource', () => {
  const v1 = makeResource({ id: 'sheet-v1', replacedBy: 'sheet-v2' });
  const v2 = makeResource({ id: 'sheet-v2', version: 2, replacedBy: 'sheet-v3' });
  const v3 = makeResource({ id: 'sheet-v3', version: 3 });
  const byId = new Map([v1, v2, v3].map((resource) => [resource.id, resource]));

  it('follows replacedBy to the newest version', () => {
    expect(currentVersionOf(byId, 'sheet-v1')?.id).toBe('sheet-v3');
    expect(currentVersionOf(byId, 'sheet-v3')?.id).toBe('sheet-v3');
  });

  it('offers nothing rather than a replaced version when the newer one is missing or the chain loops', () => {
    expect(currentVersionOf(new Map([[v1.id, v1]]), 'sheet-v1')).toBeNull();
    const a = makeResource({ id: 'a', replacedBy: 'b' });
    const b = makeResource({ id: 'b', replacedBy: 'a' });
    expect(currentVersionOf(new Map([[a.id, a], [b.id, b]]), 'a')).toBeNull();
    expect(currentVersionOf(byId, 'unknown')).toBeNull();
  });
});

describe('audience and the library list', () => {
  const all = makeResource({ id: 'portal', kind: 'link', title: 'Partner portal', url: 'https://portal.example', file: undefined, phase: 'preboarding' });
  const isv = makeResource({ id: 'api-guide', title: 'API guide', audience: ['isv'], phase: 'activation' });
  const old = makeResource({ id: 'old-deck', title: 'Pitch deck', replacedBy: 'new-deck' });
  const deck = makeResource({ id: 'new-deck', title: 'Pitch deck', version: 2, audience: ['reseller', 'msp'] });

  it('treats an empty audience as every partner type', () => {
    expect(isForAudience(all, 'referral')).toBe(true);
    expect(isForAudience(isv, 'isv')).toBe(true);
    expect(isForAudience(isv, 'reseller')).toBe(false);
  });

  it('lists current resources by phase, filters by phase, audience and words, and shows replaced ones only when asked', () => {
    const library = [deck, isv, old, all];
    expect(filterLibrary(library, {}).map((r) => r.id)).toEqual(['portal', 'new-deck', 'api-guide']);
    expect(filterLibrary(library, { includeReplaced: true }).map((r) => r.id)).toEqual(['portal', 'new-deck', 'old-deck', 'api-guide']);
    expect(filterLibrary(library, { phase: 'activation' }).map((r) => r.id)).toEqual(['api-guide']);
    expect(filterLibrary(library, { audience: 'isv' }).map((r) => r.id)).toEqual(['portal', 'api-guide']);
    expect(filterLibrary(library, { search: 'DECK' }).map((r) => r.id)).toEqual(['new-deck']);
  });
});

describe('resources of a journey step', () => {
  const old = makeResource({ id: 'old-deck', replacedBy: 'new-deck' });
  const deck = makeResource({ id: 'new-deck', version: 2 });
  const isv = makeResource({ id: 'api-guide', audience: ['isv'] });
  const other = makeResource({ id: 'unrelated' });
  const library = [old, deck, isv, other];

  it('shows only the linked resources, each in its current version, once', () => {
    expect(resourcesForStep(['old-deck', 'new-deck'], library, 'reseller').map((r) => r.id)).toEqual(['new-deck']);
  });

  it('leaves out resources meant for other partner types, and shows nothing for a step without links', () => {
    expect(resourcesForStep(['api-guide', 'new-deck'], library, 'reseller').map((r) => r.id)).toEqual(['new-deck']);
    expect(resourcesForStep(['api-guide'], library, 'isv').map((r) => r.id)).toEqual(['api-guide']);
    expect(resourcesForStep([], library, 'isv')).toEqual([]);
    expect(resourcesForStep(undefined, library, 'isv')).toEqual([]);
  });
});

describe('what the laptop caches', () => {
  it('keeps the files of current resources once per content hash, and no links', () => {
    const files = filesToCache([
      makeResource({ id: 'a', file: { sha256: sha('1'), name: 'a.pdf', mime: 'application/pdf', size: 10 } }),
      makeResource({ id: 'b', file: { sha256: sha('1'), name: 'copy.pdf', mime: 'application/pdf', size: 10 } }),
      makeResource({ id: 'old', replacedBy: 'a', file: { sha256: sha('2'), name: 'old.pdf', mime: 'application/pdf', size: 10 } }),
      makeResource({ id: 'link', kind: 'link', url: 'https://x.example', file: undefined }),
    ]);
    expect(files.map((file) => file.sha256)).toEqual([sha('1')]);
  });

  it('writes sizes the way a manager reads them', () => {
    expect(formatBytes(12)).toBe('12 bytes');
    expect(formatBytes(830 * 1024)).toBe('830 KB');
    expect(formatBytes(MAX_RESOURCE_FILE_BYTES)).toBe('25.0 MB');
  });
});

describe('resource input', () => {
  const link = { kind: 'link', title: 'Partner portal', url: 'https://portal.example', audience: [], phase: 'preboarding', version: 1 };
  const file = { sha256: sha('b'), name: 'sheet.pdf', mime: 'application/pdf', size: 2048 };

  it('accepts a link with a web address and a file with its reference', () => {
    expect(validateResourceInput(link).ok).toBe(true);
    expect(validateResourceInput({ ...link, kind: 'file', url: '', file }).ok).toBe(true);
  });

  it('names the field and the problem of a wrong resource', () => {
    expect(validateResourceInput({ ...link, title: '  ' })).toMatchObject({ ok: false, field: 'title', error: 'title: give the resource a title' });
    expect(validateResourceInput({ ...link, url: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: 'url: enter a web address starting with https:// or http://' });
    expect(validateResourceInput({ ...link, url: 'portal' })).toMatchObject({ ok: false, field: 'url' });
    expect(validateResourceInput({ ...link, kind: 'file', url: '' })).toMatchObject({ ok: false, error: 'file: choose the file to upload' });
    expect(validateResourceInput({ ...link, kind: 'file', file: { ...file, size: MAX_RESOURCE_FILE_BYTES + 1 } })).toMatchObject({
      ok: false,
      error: 'file.size: the file is larger than 25.0 MB, the most the library stores',
    });
    expect(validateResourceInput({ ...link, audience: ['partner'] })).toMatchObject({ ok: false, field: 'audience.0' });
  });

  it('refuses a replacement that is the resource itself, missing, or already replaced', () => {
    const library = [makeResource({ id: 'v1' }), makeResource({ id: 'v2', title: 'Deck v2', replacedBy: 'v3' }), makeResource({ id: 'v3' })];
    expect(replacementProblem(library, 'v1', 'v3')).toBeNull();
    expect(replacementProblem(library, 'v1', 'v1')).toBe('a resource cannot replace itself');
    expect(replacementProblem(library, 'v1', 'nope')).toBe('no resource with id "nope" in the library');
    expect(replacementProblem(library, 'v1', 'v2')).toBe('“Deck v2” is itself replaced: pick its newest version');
  });
});
