import { describe, expect, it } from 'vitest';
import type { Deal, Partner, Task } from '../../../../src-shared/domain/types';
import { highlightSegments, matchReasons } from '../../../../src-shared/search/highlight';
import { SearchIndex, type SearchInput } from '../../../../src-shared/search/searchIndex';

const NOW = '2026-06-01T09:00:00.000Z';

function partner(id: string, name: string, extra: Partial<Partner> = {}): Partner {
  return {
    id,
    createdAt: NOW,
    updatedAt: NOW,
    name,
    type: 'reseller',
    maturity: 'new',
    tier: 'Silver',
    region: 'EMEA',
    website: `${id}.example`,
    ownerEmail: 'ann@north.example',
    contacts: [],
    team: [],
    day0: '2026-05-01',
    status: 'active',
    tags: [],
    templateId: 'tpl',
    ...extra,
  };
}

function task(id: string, partnerId: string, title: string): Task {
  return {
    id,
    createdAt: NOW,
    updatedAt: NOW,
    partnerId,
    phase: 'preboarding',
    category: 'welcome',
    title,
    guidance: '',
    key: id,
    dueOffset: 0,
    dueDate: '2026-05-01',
    ownerSide: 'vendor',
    ownerName: '',
    required: true,
    status: 'open',
    source: 'template',
    order: 0,
  };
}

function deal(id: string, partnerId: string, account: string): Deal {
  return { id, createdAt: NOW, updatedAt: NOW, partnerId, account, amount: 1000, currency: 'EUR', stage: 'registered', registeredOn: '2026-05-01', source: 'sourced' };
}

const ownerLabel = (email: string) => (email === 'ann@north.example' ? 'Ann Berg' : email);

const KESTREL = partner('p1', 'Kestrel Systems', { contacts: [{ id: 'c1', name: 'Jo Park', role: '', email: '', phone: '' }], tags: ['cloud'] });
const SAO = partner('p2', 'São Paulo Integrações', { region: 'LATAM', ownerEmail: 'zed@south.example' });
const BANANA = partner('p3', 'Banana Logistics', { region: 'APAC' });

function input(partners: Partner[], tasks: Task[] = [], deals: Deal[] = []): SearchInput {
  const group = <T extends { partnerId: string }>(docs: T[]) => {
    const map = new Map<string, T[]>();
    for (const doc of docs) map.set(doc.partnerId, [...(map.get(doc.partnerId) ?? []), doc]);
    return map;
  };
  return { partners, tasksByPartner: group(tasks), dealsByPartner: group(deals), ownerLabel };
}

const ids = (found: ReadonlySet<string> | null) => (found === null ? null : [...found].sort());

describe('search index: partners', () => {
  const index = new SearchIndex();
  index.sync(input([KESTREL, SAO, BANANA]));

  it('finds partners by the start of any word of their fields, every word of the query required', () => {
    expect(ids(index.partnerMatches('kes'))).toEqual(['p1']);
    expect(ids(index.partnerMatches('kestrel systems'))).toEqual(['p1']);
    expect(ids(index.partnerMatches('kestrel apac'))).toEqual([]);
    expect(ids(index.partnerMatches('jo'))).toEqual(['p1']); // a contact
    expect(ids(index.partnerMatches('ann berg'))).toEqual(['p1', 'p3']); // the owner's name
    expect(ids(index.partnerMatches('ann@north'))).toEqual(['p1', 'p3']); // the owner's email
    expect(ids(index.partnerMatches('cloud'))).toEqual(['p1']); // a tag
    expect(ids(index.partnerMatches('emea silver reseller'))).toEqual(['p1']); // region, tier, type
  });

  it('matches the start of words, not any substring: "ana" finds no Banana, "strel" no Kestrel', () => {
    expect(ids(index.partnerMatches('ana'))).toEqual([]);
    expect(ids(index.partnerMatches('strel'))).toEqual([]);
  });

  it('ignores case and accents both ways: "SAO" and "são" find São Paulo', () => {
    expect(ids(index.partnerMatches('SAO'))).toEqual(['p2']);
    expect(ids(index.partnerMatches('integracoes'))).toEqual(['p2']);
    expect(ids(index.partnerMatches('são'))).toEqual(['p2']);
  });

  it('does not forgive typos in the portfolio (the rows are exactly what the words start)', () => {
    expect(ids(index.partnerMatches('kestral'))).toEqual([]);
  });

  it('answers null for a blank query (no search: every row)', () => {
    expect(index.partnerMatches('   ')).toBeNull();
  });
});

describe('search index: incremental updates', () => {
  it('adds, changes and removes a task, a deal and a partner with the result following, touching only what changed', () => {
    const index = new SearchIndex();
    const kickoff = task('t1', 'p1', 'Kick-off call');
    const tasks = [kickoff, task('t2', 'p1', 'Sign the agreement')];
    const first = input([KESTREL, BANANA], tasks);
    expect(index.sync(first)).toBe(true);
    expect(index.search('kick', 10).map((hit) => [hit.kind, hit.id])).toEqual([['task', 't1']]);

    // The same data again: nothing to do.
    const version = index.version;
    expect(index.sync({ ...first, ownerLabel })).toBe(false);
    expect(index.version).toBe(version);

    // A task's status changes (same title): nothing re-indexed.
    const done = { ...kickoff, status: 'done' as const };
    expect(index.sync(input([KESTREL, BANANA], [done, tasks[1]!]))).toBe(false);

    // Renamed: the old words no longer find it, the new ones do.
    const renamed = { ...kickoff, title: 'Welcome workshop' };
    expect(index.sync(input([KESTREL, BANANA], [renamed, tasks[1]!]))).toBe(true);
    expect(index.search('kick', 10)).toEqual([]);
    expect(index.search('workshop', 10).map((hit) => hit.id)).toEqual(['t1']);

    // Added to another partner, and a deal registered.
    const added = task('t3', 'p3', 'Kick-off call');
    index.sync(input([KESTREL, BANANA], [renamed, tasks[1]!, added], [deal('d1', 'p3', 'Globex Retail')]));
    expect(index.search('kick', 10).map((hit) => hit.id)).toEqual(['t3']);
    expect(index.search('globex', 10).map((hit) => [hit.kind, hit.partnerId, hit.label])).toEqual([['deal', 'p3', 'Globex Retail']]);

    // Removed: the task, then the whole partner (its partner, tasks and deals go with it).
    index.sync(input([KESTREL, BANANA], [tasks[1]!, added], [deal('d1', 'p3', 'Globex Retail')]));
    expect(index.search('workshop', 10)).toEqual([]);
    index.sync(input([KESTREL], [tasks[1]!]));
    expect(index.search('kick', 10)).toEqual([]);
    expect(index.search('globex', 10)).toEqual([]);
    expect(ids(index.partnerMatches('banana'))).toEqual([]);
    expect(ids(index.partnerMatches('sign'))).toEqual([]); // tasks never make a partner row match
    expect(index.search('sign', 10).map((hit) => hit.id)).toEqual(['t2']);
  });

  it('re-indexes a renamed partner and its tasks, and an owner whose name became known', () => {
    const index = new SearchIndex();
    const tasks = [task('t1', 'p1', 'Kick-off call')];
    index.sync(input([KESTREL], tasks));
    expect(index.search('kick kestrel', 10).map((hit) => hit.id)).toEqual(['t1']);
    const renamed = { ...KESTREL, name: 'Osprey Systems' };
    index.sync(input([renamed], tasks));
    expect(ids(index.partnerMatches('kestrel'))).toEqual([]);
    expect(ids(index.partnerMatches('osprey'))).toEqual(['p1']);
    expect(index.search('kick osprey', 10).map((hit) => hit.id)).toEqual(['t1']);

    index.sync({ ...input([renamed], tasks), ownerLabel: () => 'Bea Lund' });
    expect(ids(index.partnerMatches('bea lund'))).toEqual(['p1']);
    expect(ids(index.partnerMatches('ann berg'))).toEqual([]);
  });
});

describe('search index: the partners alone (the portfolio search box)', () => {
  it('answers partner matches without indexing a task or deal; the next full sync brings them in, under the partner’s current name', () => {
    const index = new SearchIndex();
    const data = input([KESTREL, BANANA], [task('t1', 'p1', 'Kick-off call')], [deal('d1', 'p3', 'Globex Retail')]);
    expect(index.syncPartners(data)).toBe(true);
    expect(ids(index.partnerMatches('kes'))).toEqual(['p1']);
    expect(index.search('kick', 10)).toEqual([]); // not indexed yet
    expect(index.search('banana', 10).map((hit) => `${hit.kind}:${hit.id}`)).toEqual(['partner:p3']);
    expect(index.syncPartners(data)).toBe(false); // the same partners: nothing to do

    const renamed = { ...KESTREL, name: 'Osprey Systems' };
    index.syncPartners({ ...data, partners: [renamed, BANANA] });
    expect(ids(index.partnerMatches('kestrel'))).toEqual([]);
    expect(ids(index.partnerMatches('osprey'))).toEqual(['p1']);

    expect(index.sync({ ...data, partners: [renamed, BANANA] })).toBe(true);
    expect(index.search('kick osprey', 10).map((hit) => hit.id)).toEqual(['t1']);
    expect(index.search('globex', 10).map((hit) => hit.id)).toEqual(['d1']);

    // A partner removed leaves both indexes.
    index.syncPartners({ ...data, partners: [renamed] });
    expect(ids(index.partnerMatches('banana'))).toEqual([]);
    expect(index.search('banana', 10)).toEqual([]);
  });
});

describe('search index: palette', () => {
  const index = new SearchIndex();
  index.sync(input([KESTREL, SAO, BANANA], [task('t1', 'p2', 'Kick-off call')], [deal('d1', 'p1', 'Kestrel Airways')]));

  it('returns partners, tasks and deals, best first, and forgives a typo in longer words', () => {
    expect(index.search('kestrel', 10).map((hit) => `${hit.kind}:${hit.label}`)).toEqual(['partner:Kestrel Systems', 'deal:Kestrel Airways']);
    expect(index.search('kestral', 10).map((hit) => hit.label)).toContain('Kestrel Systems');
    expect(index.search('kick sao', 10).map((hit) => `${hit.kind}:${hit.label}`)).toEqual(['task:Kick-off call']);
    // A partner's name alone finds the partner, not every one of its tasks.
    expect(index.search('sao', 10).map((hit) => `${hit.kind}:${hit.label}`)).toEqual(['partner:São Paulo Integrações']);
  });
});

describe('highlighting', () => {
  const marked = (text: string, terms: string[], whole: string[] = []) =>
    highlightSegments(text, terms, whole)
      .filter((segment) => segment.match)
      .map((segment) => segment.text);

  it('marks the start of each word a query word matched, in the text’s own case and accents', () => {
    expect(marked('Kestrel Systems', ['kes'])).toEqual(['Kes']);
    expect(marked('São Paulo Integrações', ['sa', 'integracoes'])).toEqual(['Sã', 'Integrações']);
    expect(marked('Banana Logistics', ['an'])).toEqual([]);
    expect(marked('Ann Banana', ['an'])).toEqual(['An']);
  });

  it('marks a word found despite a typo whole, and leaves text with no match as one plain run', () => {
    expect(marked('Kestrel Systems', ['kestral'], ['kestrel'])).toEqual(['Kestrel']);
    expect(highlightSegments('Kestrel', [])).toEqual([{ text: 'Kestrel', match: false }]);
    expect(highlightSegments('Kestrel Systems', ['sys']).map((s) => s.text).join('')).toBe('Kestrel Systems');
  });

  it('says what beyond the name matched: the contact, the owner', () => {
    expect(matchReasons(KESTREL, 'kestrel jo', ownerLabel)).toEqual([{ field: 'contacts', label: 'contact', value: 'Jo Park' }]);
    expect(matchReasons(KESTREL, 'berg', ownerLabel)).toEqual([{ field: 'owner', label: 'owner', value: 'Ann Berg' }]);
    expect(matchReasons(KESTREL, 'kes', ownerLabel)).toEqual([]);
  });
});
