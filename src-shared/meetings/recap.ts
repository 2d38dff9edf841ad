import { format, parseISO } from 'date-fns';
import { ownerSideLabel, vendorName } from '../domain/identity';
import type { IsoDate, Meeting, OwnerSide } from '../domain/types';

export type RecapInput = {
  partnerName: string;
  meeting: Pick<Meeting, 'title' | 'scheduledOn' | 'attendees' | 'decisions' | 'actionItems' | 'nextCheckinOn'>;
  /** Names of the partner's contacts, to tell the two sides apart in the attendee list. */
  partnerPeople?: readonly string[];
  /** The vendor's company name (the manager's profile); "Our side" until it is known. */
  vendorName?: string;
};

function longDate(d: IsoDate): string {
  return format(parseISO(d), 'EEEE d MMMM yyyy');
}

function owner(item: { ownerSide: OwnerSide; ownerName: string }, vendor: string): string {
  const side = ownerSideLabel(item.ownerSide, vendor);
  return item.ownerName.trim() ? `${item.ownerName.trim()} (${side})` : side;
}

function splitAttendees(input: RecapInput): { partner: string[]; vendor: string[] } {
  const partnerNames = new Set((input.partnerPeople ?? []).map((name) => name.trim().toLowerCase()));
  const partner: string[] = [];
  const vendor: string[] = [];
  for (const name of input.meeting.attendees) {
    if (partnerNames.has(name.trim().toLowerCase())) partner.push(name);
    else vendor.push(name);
  }
  return { partner, vendor };
}

type RecapSection = { heading: string; lines: string[]; empty: string };

function sections(input: RecapInput, escape: (s: string) => string): RecapSection[] {
  const { meeting } = input;
  const { partner, vendor } = splitAttendees(input);
  const attendees =
    partner.length > 0
      ? [`${escape(input.partnerName)}: ${partner.map(escape).join(', ')}`, ...(vendor.length > 0 ? [`${escape(vendorName(input.vendorName ?? ''))}: ${vendor.map(escape).join(', ')}`] : [])]
      : vendor.map(escape);
  return [
    { heading: 'Attendees', lines: attendees, empty: 'No attendees recorded.' },
    { heading: 'Decisions', lines: meeting.decisions.map((d) => escape(d.text)), empty: 'No decisions recorded.' },
    {
      heading: 'Action items',
      lines: meeting.actionItems.map(
        (a) => `${escape(a.text)} (owner: ${escape(owner(a, input.vendorName ?? ''))}; due ${a.dueDate ? longDate(a.dueDate) : 'date to be agreed'})`,
      ),
      empty: 'No action items.',
    },
  ];
}

function nextMeeting(input: RecapInput): string {
  return input.meeting.nextCheckinOn ? longDate(input.meeting.nextCheckinOn) : 'to be scheduled';
}

/** The call's recap as plain text, ready to paste into an email. */
export function recapText(input: RecapInput): string {
  const title = `${input.meeting.title || 'Meeting'}: ${input.partnerName}, ${longDate(input.meeting.scheduledOn)}`;
  const out = [title, '='.repeat(Math.min(title.length, 72)), ''];
  for (const section of sections(input, (s) => s)) {
    out.push(`${section.heading}:`);
    if (section.lines.length === 0) out.push(`  ${section.empty}`);
    else for (const line of section.lines) out.push(`  - ${line}`);
    out.push('');
  }
  out.push(`Next meeting: ${nextMeeting(input)}`);
  return out.join('\n');
}

/** Escapes the characters Markdown would read as formatting in user-typed text. */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** The call's recap as Markdown (headings and lists) for an email client or a wiki. */
export function recapMarkdown(input: RecapInput): string {
  const out = [
    `## ${escapeMarkdown(input.meeting.title || 'Meeting')}: ${escapeMarkdown(input.partnerName)}`,
    '',
    `*${longDate(input.meeting.scheduledOn)}*`,
    '',
  ];
  for (const section of sections(input, escapeMarkdown)) {
    out.push(`### ${section.heading}`, '');
    if (section.lines.length === 0) out.push(`_${section.empty}_`);
    else for (const line of section.lines) out.push(`- ${line}`);
    out.push('');
  }
  out.push(`**Next meeting:** ${nextMeeting(input)}`);
  return out.join('\n');
}
