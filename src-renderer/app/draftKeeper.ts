/** The part of `localStorage` a draft needs (a fake one in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type DraftState = 'idle' | 'saving' | 'saved' | 'error';

type Stored<T> = { version: 1; savedAt: string; values: T };

const PREFIX = 'partner-desk:draft:';

/**
 * What a form has typed and not yet submitted, kept on this laptop under one key (form, partner,
 * record): written a short pause after the last change, at once on `flush` (page hidden, window
 * closing), read back when the form opens again, removed once the record is saved or the draft
 * is discarded. Framework-free so the rules are unit-tested; `useDraft` wires it to a form.
 */
export class DraftKeeper<T> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiting: { values: T } | null = null;
  private listeners = new Set<(state: DraftState) => void>();
  state: DraftState = 'idle';

  constructor(
    private readonly storage: DraftStorage,
    readonly key: string,
    private readonly delayMs = 400,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The draft kept for this key, or null (none, or unreadable: a broken draft is dropped, never thrown). */
  read(): T | null {
    let text: string | null;
    try {
      text = this.storage.getItem(PREFIX + this.key);
    } catch {
      return null;
    }
    if (text === null) return null;
    try {
      const parsed = JSON.parse(text) as Partial<Stored<T>>;
      if (parsed.version === 1 && parsed.values !== undefined && parsed.values !== null) return parsed.values;
    } catch {
      // fall through: unreadable
    }
    this.remove();
    return null;
  }

  /** Something was typed: kept after a short pause (or sooner on `flush`). */
  change(values: T): void {
    this.waiting = { values };
    this.setState('saving');
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Whether typing is waiting to be written. */
  get pending(): boolean {
    return this.waiting !== null;
  }

  /** Writes what is waiting now (synchronous: safe in `pagehide` and before the window closes). */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = null;
    try {
      const stored: Stored<T> = { version: 1, savedAt: this.now().toISOString(), values: waiting.values };
      this.storage.setItem(PREFIX + this.key, JSON.stringify(stored));
      this.setState('saved');
    } catch (error) {
      // Storage full or refused: the indicator says "Not saved"; the form still holds the text.
      console.error(error);
      this.setState('error');
    }
  }

  /** The record was saved or the draft discarded: nothing waits and nothing is kept. */
  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = null;
    this.remove();
    this.setState('idle');
  }

  subscribe(listener: (state: DraftState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private remove(): void {
    try {
      this.storage.removeItem(PREFIX + this.key);
    } catch {
      // nothing to do: the draft could not be kept either
    }
  }

  private setState(state: DraftState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
