/** Valid documents of each collection for the tests, shaped by COLLECTION_SCHEMAS. */
import type { FeedPushRow, PushRow, SyncDocument } from '../../../../src-shared/sync/protocol';

let clock = Date.parse('2026-11-20T09:00:00.000Z');

/** Strictly increasing timestamps, so later edits really are later. */
export function nextTimestamp(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

export function partnerDoc(id: string, overrides: Record<string, unknown> = {}): SyncDocument {
  const at = nextTimestamp();
  return {
    id,
    createdAt: at,
    updatedAt: at,
    name: `Partner ${id}`,
    type: 'reseller',
    maturity: 'new',
    tier: 'gold',
    region: 'EMEA',
    website: 'https://example.com',
    ownerEmail: 'someone@example.com',
    contacts: [],
    team: [],
    day0: '2026-11-01',
    status: 'onboarding',
    tags: [],
    templateId: 'builtin-reseller-new',
    _deleted: false,
    ...overrides,
  };
}

export function taskDoc(id: string, partnerId: string, overrides: Record<string, unknown> = {}): SyncDocument {
  const at = nextTimestamp();
  return {
    id,
    createdAt: at,
    updatedAt: at,
    partnerId,
    phase: 'immersion',
    category: 'welcome',
    title: `Task ${id}`,
    guidance: '',
    key: `key-${id}`,
    dueOffset: 3,
    dueDate: '2026-11-04',
    ownerSide: 'vendor',
    ownerName: 'Pat',
    required: true,
    status: 'open',
    source: 'template',
    order: 1,
    _deleted: false,
    ...overrides,
  };
}

export function templateDoc(id: string, overrides: Record<string, unknown> = {}): SyncDocument {
  const at = nextTimestamp();
  return { id, createdAt: at, updatedAt: at, kind: 'agenda', name: `Template ${id}`, data: { items: [] }, _deleted: false, ...overrides };
}

/** A resource-library document; a file resource when `file` is given, a link otherwise. */
export function resourceDoc(id: string, file?: { sha256: string; size: number }): SyncDocument {
  const at = nextTimestamp();
  return {
    id,
    createdAt: at,
    updatedAt: at,
    ...(file
      ? { kind: 'file', file: { sha256: file.sha256, name: `${id}.pdf`, mime: 'application/pdf', size: file.size } }
      : { kind: 'link', url: `https://vendor.example/${id}` }),
    title: `Datasheet ${id}`,
    audience: [],
    phase: 'immersion',
    version: 1,
    createdBy: 'lead@north.example',
    _deleted: false,
  };
}

export function insertRow(doc: SyncDocument): PushRow {
  return { newDocumentState: doc };
}

export function updateRow(previous: SyncDocument, changes: Record<string, unknown>): PushRow {
  return { newDocumentState: { ...previous, ...changes, updatedAt: nextTimestamp() }, assumedMasterState: previous };
}

/** A protocol-2 push row. */
export function feedRow(collection: FeedPushRow['collection'], document: SyncDocument, baseSeq: number | null = null): FeedPushRow {
  return { collection, baseSeq, document };
}

/** An approved MDF request of `partnerId`, with a claim whose proof is the file `proofSha256` (if given). */
export function mdfDoc(id: string, partnerId: string, overrides: Record<string, unknown> = {}, proofSha256?: string): SyncDocument {
  const at = nextTimestamp();
  return {
    id,
    createdAt: at,
    updatedAt: at,
    partnerId,
    kind: 'request',
    quarter: '2026-Q4',
    amount: 5000,
    currency: 'EUR',
    activity: 'Webinar series',
    plannedOn: '2026-11-20',
    requestedOn: '2026-11-02',
    state: proofSha256 ? 'claimed' : 'approved',
    decision: { outcome: 'approved', reason: '', on: '2026-11-03', approvedAmount: 5000 },
    claims: proofSha256 ? [{ amount: 4000, note: '40 attendees, 6 leads', claimedOn: '2026-11-25', proof: { sha256: proofSha256, name: 'attendees.pdf', mime: 'application/pdf', size: 10 } }] : [],
    _deleted: false,
    ...overrides,
  };
}
