import { addDays, format, isValid, parse } from 'date-fns';
import type { IsoDate, OwnerSide } from '../domain/types';

export type ParsedAction = {
  text: string;
  ownerSide: OwnerSide;
  ownerName: string;
  /** Absent when the line names no due date: the caller asks (and defaults to 7 days). */
  dueDate?: IsoDate;
};

export type ActionLineResult = { ok: true; action: ParsedAction } | { ok: false; error: string };

export type ActionLineOptions = {
  /** The meeting's day: relative dues (`due:+3`, `due:tomorrow`) count from here. */
  today: IsoDate;
  /** Names on each side, so `@Anna` alone finds Anna's side (case-insensitive, first name enough). */
  partnerPeople?: readonly string[];
  vendorPeople?: readonly string[];
};

const SIDE_WORDS: Record<string, OwnerSide> = {
  partner: 'partner',
  p: 'partner',
  them: 'partner',
  vendor: 'vendor',
  v: 'vendor',
  us: 'vendor',
  we: 'vendor',
  me: 'vendor',
};

/** Who owns an action when the line doesn't say: our side, the one running the call. */
export const DEFAULT_OWNER_SIDE: OwnerSide = 'vendor';

/** Days until an action item is due when the line names no date. */
export const DEFAULT_DUE_DAYS = 7;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoDay(date: Date): IsoDate {
  return format(date, 'yyyy-MM-dd');
}

/** `2026-12-01`, `today`, `tomorrow`, `+3`/`+3d` (days), `+2w` (weeks); null when not a date. */
export function parseDue(value: string, today: IsoDate): IsoDate | null {
  const v = value.trim().toLowerCase();
  const base = parse(today, 'yyyy-MM-dd', new Date());
  if (v === 'today') return today;
  if (v === 'tomorrow') return isoDay(addDays(base, 1));
  const relative = /^\+(\d{1,3})([dw]?)$/.exec(v);
  if (relative) return isoDay(addDays(base, Number(relative[1]) * (relative[2] === 'w' ? 7 : 1)));
  if (!ISO_DATE.test(v)) return null;
  const date = parse(v, 'yyyy-MM-dd', new Date());
  // parse() rolls 2026-02-30 over into March; a real date formats back to itself.
  return isValid(date) && isoDay(date) === v ? v : null;
}

function sideOfPerson(name: string, options: ActionLineOptions): OwnerSide | null {
  const wanted = name.toLowerCase();
  const matches = (people: readonly string[] | undefined) =>
    (people ?? []).some((person) => {
      const full = person.trim().toLowerCase();
      return full === wanted || full.split(/\s+/)[0] === wanted;
    });
  if (matches(options.partnerPeople)) return 'partner';
  if (matches(options.vendorPeople)) return 'vendor';
  return null;
}

/**
 * Reads an action item typed as one line during a call:
 *
 *   `Send MDF guide @partner Anna due:2026-12-01`
 *
 * - `@partner` / `@vendor` (also `@p`, `@them`, `@v`, `@us`, `@we`) sets the owner side; the words
 *   right after it, up to `due:` or the end, name the owner person;
 * - `@Anna` names a person: their side comes from the partner's contacts or the vendor team when
 *   known, otherwise the side stays the default (vendor) unless a side word is given too;
 * - `due:2026-12-01`, `due:tomorrow`, `due:+3` (days) or `due:+2w` (weeks) sets the due date;
 * - everything else is the action's text.
 * A line without text, with an unreadable or past due date, or with two due dates is refused with
 * a message saying what to fix.
 */
export function parseActionLine(line: string, options: ActionLineOptions): ActionLineResult {
  const tokens = line.trim().split(/\s+/).filter((t) => t !== '');
  const text: string[] = [];
  const owner: string[] = [];
  let side: OwnerSide | null = null;
  let dueDate: IsoDate | undefined;
  let collectingOwner = false;

  for (const token of tokens) {
    const lower = token.toLowerCase();
    if (lower.startsWith('due:')) {
      const raw = token.slice(4);
      if (dueDate !== undefined) return { ok: false, error: 'Give one due date only.' };
      if (raw === '') return { ok: false, error: 'Write the due date right after “due:”, e.g. due:2026-12-01 or due:+7.' };
      const parsed = parseDue(raw, options.today);
      if (parsed === null) {
        return { ok: false, error: `“${raw}” is not a due date: use YYYY-MM-DD, today, tomorrow, +3 (days) or +2w (weeks).` };
      }
      if (parsed < options.today) return { ok: false, error: `The due date ${parsed} is in the past.` };
      dueDate = parsed;
      collectingOwner = false;
      continue;
    }
    if (token.startsWith('@') && token.length > 1) {
      const word = token.slice(1);
      const sideWord = SIDE_WORDS[word.toLowerCase()];
      if (sideWord) {
        side = sideWord;
      } else {
        owner.length = 0;
        owner.push(word);
        side ??= sideOfPerson(word, options);
      }
      collectingOwner = true;
      continue;
    }
    if (collectingOwner) owner.push(token);
    else text.push(token);
  }

  const ownerName = owner.join(' ');
  if (side === null && ownerName !== '') side = sideOfPerson(ownerName, options);
  const actionText = text.join(' ');
  if (actionText === '') return { ok: false, error: 'Write what needs doing before the owner and due date.' };
  return {
    ok: true,
    action: {
      text: actionText,
      ownerSide: side ?? DEFAULT_OWNER_SIDE,
      ownerName,
      ...(dueDate !== undefined ? { dueDate } : {}),
    },
  };
}

/** The due date an action gets when the manager accepts the default: 7 days after `today`. */
export function defaultDueDate(today: IsoDate): IsoDate {
  return isoDay(addDays(parse(today, 'yyyy-MM-dd', new Date()), DEFAULT_DUE_DAYS));
}

export type ActionFields = {
  text: string;
  ownerSide: OwnerSide;
  /** The owner person, '' for none. */
  ownerName: string;
  /** ISO date, '' for none (due 7 days after the meeting unless one is picked). */
  dueDate: string;
};

/**
 * The same action item as `parseActionLine`, from the plain form (what, owner side, owner person,
 * due date picker): one rule for both ways, with the same messages.
 */
export function actionFromFields(fields: ActionFields, options: Pick<ActionLineOptions, 'today'>): ActionLineResult {
  const text = fields.text.trim().split(/\s+/).filter((t) => t !== '').join(' ');
  if (text === '') return { ok: false, error: 'Write what needs doing before the owner and due date.' };
  const dueDate = fields.dueDate.trim();
  if (dueDate !== '') {
    if (parseDue(dueDate, options.today) === null) return { ok: false, error: `“${dueDate}” is not a due date: pick one in the calendar.` };
    if (dueDate < options.today) return { ok: false, error: `The due date ${dueDate} is in the past.` };
  }
  return {
    ok: true,
    action: {
      text,
      ownerSide: fields.ownerSide,
      ownerName: fields.ownerName.trim().split(/\s+/).filter((t) => t !== '').join(' '),
      ...(dueDate !== '' ? { dueDate } : {}),
    },
  };
}
