/**
 * One search index over the portfolio: partners (every field the portfolio search looks in,
 * contacts included, as they live on the partner document), tasks (title) and deals (account).
 * Built once from the data and then kept up to date with `sync`, which adds, replaces or discards
 * only the documents that changed: the app's groupings keep the arrays of unchanged partners, so
 * unchanged partners are skipped by identity. The partners are also kept in an index of their
 * own, which answers the portfolio's search box: `syncPartners` brings that part up to date
 * without indexing a single task or deal (20,000 tasks cost ~400 ms to index; the portfolio's
 * first keystroke paid it although it never shows a task).
 *
 * The rule of what matches (the portfolio table, the command palette and the benchmark's expected
 * rows all use it): the query is split into words at spaces and punctuation, case and accents are
 * ignored, and every word must be the start of a word of the document ("kes" finds "Kestrel",
 * "sao" finds "São Paulo"). The palette also forgives a typo in words of four letters or more.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Deal, Partner, Task } from '../domain/types';

export type SearchKind = 'partner' | 'task' | 'deal';

/** The partner fields searched, in the order the "matched in" line names them. */
export const PARTNER_FIELDS = ['name', 'contacts', 'owner', 'tags', 'region', 'website', 'tier', 'type'] as const;
export type PartnerField = (typeof PARTNER_FIELDS)[number];

type Doc = {
  id: string;
  kind: SearchKind;
  partnerId: string;
  /** What a hit shows: the partner's name, the task's title, the deal's account. */
  label: string;
} & Partial<Record<PartnerField | 'title' | 'account' | 'partner', string>>;

/** Words as the index splits them: at spaces, line breaks and punctuation (as MiniSearch does by default). */
const WORD_SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;

/** A word as it is compared: lower case, accents removed ("São" → "sao"). */
export function normaliseTerm(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** The words of a query as they are looked up (normalised, empty ones dropped). */
export function queryTerms(query: string): string[] {
  return query.split(WORD_SEPARATOR).map(normaliseTerm).filter(Boolean);
}

/** The text of one partner field as it is indexed and shown in "matched in". */
export function partnerFieldValues(partner: Partner, field: PartnerField, ownerLabel: (email: string) => string): string[] {
  switch (field) {
    case 'name':
      return [partner.name];
    case 'contacts':
      return partner.contacts.map((contact) => contact.name);
    case 'owner':
      return [ownerLabel(partner.ownerEmail), partner.ownerEmail].filter((value, i, all) => value.trim() !== '' && all.indexOf(value) === i);
    case 'tags':
      return partner.tags;
    case 'region':
      return [partner.region];
    case 'website':
      return [partner.website];
    case 'tier':
      return [partner.tier];
    case 'type':
      return [partner.type];
  }
}

function partnerDoc(partner: Partner, ownerLabel: (email: string) => string): Doc {
  const doc: Doc = { id: `p:${partner.id}`, kind: 'partner', partnerId: partner.id, label: partner.name };
  for (const field of PARTNER_FIELDS) doc[field] = partnerFieldValues(partner, field, ownerLabel).join('\n');
  return doc;
}

// A task or deal carries its partner's name too, so "kick-off kestrel" finds Kestrel's kick-off call.
const taskDoc = (task: Task, partner: string): Doc => ({ id: `t:${task.id}`, kind: 'task', partnerId: task.partnerId, label: task.title, title: task.title, partner });
const dealDoc = (deal: Deal, partner: string): Doc => ({ id: `d:${deal.id}`, kind: 'deal', partnerId: deal.partnerId, label: deal.account, account: deal.account, partner });

export type SearchInput = {
  partners: readonly Partner[];
  tasksByPartner?: ReadonlyMap<string, readonly Task[]>;
  dealsByPartner?: ReadonlyMap<string, readonly Deal[]>;
  /** The owner as the Owner column names them (ownerLabelFor in domain/partnerSearch). */
  ownerLabel: (email: string) => string;
};

/** A palette hit: a partner, a task or a deal, with the words to highlight in its label. */
export type SearchHit = { kind: SearchKind; id: string; partnerId: string; label: string; score: number; terms: string[] };

type Indexed<T> = { list: readonly T[]; partnerName: string; docs: Map<string, T> };

/** How much each field weighs in the palette's ranking: a name beats a contact beats a tag. */
const BOOST: Partial<Record<PartnerField | 'title' | 'account' | 'partner', number>> = { name: 4, account: 2, title: 1.5, contacts: 1.5, partner: 0.5 };

const newMiniSearch = () =>
  new MiniSearch<Doc>({
    fields: [...PARTNER_FIELDS, 'title', 'account', 'partner'],
    storeFields: ['kind', 'partnerId', 'label'],
    tokenize: (text) => text.split(WORD_SEPARATOR),
    processTerm: (term) => normaliseTerm(term) || null,
  });

export class SearchIndex {
  /** Partners, tasks and deals: the command palette's index. */
  private readonly index = newMiniSearch();
  /** The same partner documents alone: the portfolio's index (no task or deal to filter out). */
  private readonly partnerIndex = newMiniSearch();
  private partners = new Map<string, { partner: Partner; owner: string }>();
  private tasks = new Map<string, Indexed<Task>>();
  private deals = new Map<string, Indexed<Deal>>();
  /** Which partner's list a task or deal was indexed from (a document that moves partner is not lost). */
  private readonly ownerOf = new Map<string, string>();
  /** Bumped on every change of what is indexed (for memoised readers). */
  version = 0;

  /** Brings the index in line with the data, touching only what changed. True when anything did. */
  sync(input: SearchInput): boolean {
    const before = this.version;
    this.syncPartners(input);
    this.syncGroups(this.tasks, input.tasksByPartner, (task) => task.title, taskDoc, 't');
    this.syncGroups(this.deals, input.dealsByPartner, (deal) => deal.account, dealDoc, 'd');
    return this.version !== before;
  }

  /**
   * Brings the partners in line with the data and nothing else: enough for `partnerMatches`.
   * Tasks and deals wait for the next `sync` (a renamed partner's tasks then carry the new name).
   */
  syncPartners(input: Pick<SearchInput, 'partners' | 'ownerLabel'>): boolean {
    const before = this.version;
    const seen = new Set<string>();
    for (const partner of input.partners) {
      seen.add(partner.id);
      const owner = input.ownerLabel(partner.ownerEmail);
      const previous = this.partners.get(partner.id);
      if (previous && previous.partner === partner && previous.owner === owner) continue;
      const doc = partnerDoc(partner, input.ownerLabel);
      for (const index of [this.index, this.partnerIndex]) {
        if (previous) index.replace(doc);
        else index.add(doc);
      }
      this.partners.set(partner.id, { partner, owner });
      this.version += 1;
    }
    for (const id of [...this.partners.keys()]) {
      if (seen.has(id)) continue;
      this.index.discard(`p:${id}`);
      this.partnerIndex.discard(`p:${id}`);
      this.partners.delete(id);
      this.version += 1;
    }
    return this.version !== before;
  }

  private syncGroups<T extends { id: string }>(
    state: Map<string, Indexed<T>>,
    grouped: ReadonlyMap<string, readonly T[]> | undefined,
    text: (doc: T) => string,
    toDoc: (doc: T, partnerName: string) => Doc,
    prefix: string,
  ): void {
    if (!grouped) return;
    for (const [partnerId, list] of grouped) {
      const previous = state.get(partnerId);
      const partnerName = this.partners.get(partnerId)?.partner.name ?? '';
      if (previous?.list === list && previous.partnerName === partnerName) continue;
      const renamed = previous !== undefined && previous.partnerName !== partnerName;
      const docs = new Map<string, T>();
      for (const doc of list) {
        docs.set(doc.id, doc);
        const old = previous?.docs.get(doc.id);
        if (old !== undefined && !renamed && (old === doc || text(old) === text(doc))) continue;
        const key = `${prefix}:${doc.id}`;
        if (this.index.has(key)) this.index.replace(toDoc(doc, partnerName));
        else this.index.add(toDoc(doc, partnerName));
        this.ownerOf.set(key, partnerId);
        this.version += 1;
      }
      for (const id of previous?.docs.keys() ?? []) if (!docs.has(id)) this.drop(`${prefix}:${id}`, partnerId);
      state.set(partnerId, { list, partnerName, docs });
    }
    for (const [partnerId, previous] of [...state]) {
      if (grouped.has(partnerId)) continue;
      for (const id of previous.docs.keys()) this.drop(`${prefix}:${id}`, partnerId);
      state.delete(partnerId);
    }
  }

  /** Discards a task or deal that left a partner's list, unless another partner's list now holds it. */
  private drop(key: string, partnerId: string): void {
    if (this.ownerOf.get(key) !== partnerId) return;
    this.index.discard(key);
    this.ownerOf.delete(key);
    this.version += 1;
  }

  /**
   * The partners the portfolio shows for a query: every word starts a word of one of the
   * partner's fields (name, contacts, owner, tags, region, website, tier, type). Null for a blank
   * query (no search: every partner).
   */
  partnerMatches(query: string): ReadonlySet<string> | null {
    if (queryTerms(query).length === 0) return null;
    const results = this.partnerIndex.search(query, { prefix: true, fuzzy: false, combineWith: 'AND' });
    return new Set(results.map((result) => result['partnerId'] as string));
  }

  /**
   * Partners, tasks and deals for the command palette, best first. A task or deal is found by its
   * own words; its partner's name only narrows ("kick-off kestrel"), else a partner's name would
   * list every task of that partner.
   */
  search(query: string, limit: number): SearchHit[] {
    if (queryTerms(query).length === 0) return [];
    return this.index
      .search(query, { prefix: true, fuzzy: (term) => (term.length >= 4 ? 0.2 : false), combineWith: 'AND', boost: BOOST })
      .filter((result) => result['kind'] === 'partner' || Object.values(result.match).some((fields) => fields.some((field) => field !== 'partner')))
      .slice(0, limit)
      .map(toHit);
  }
}

function toHit(result: SearchResult): SearchHit {
  const kind = result['kind'] as SearchKind;
  const id = String(result.id).slice(2);
  return { kind, id, partnerId: result['partnerId'] as string, label: result['label'] as string, score: result.score, terms: result.terms };
}

/** The partners of a list that match a query, by the index rule (for callers without a live index). */
export function matchingPartnerIds(partners: readonly Partner[], query: string, ownerLabel: (email: string) => string): ReadonlySet<string> | null {
  if (queryTerms(query).length === 0) return null;
  const index = new SearchIndex();
  index.syncPartners({ partners, ownerLabel });
  return index.partnerMatches(query);
}
