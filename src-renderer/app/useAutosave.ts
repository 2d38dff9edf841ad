import { useCallback, useEffect, useRef, useState } from 'react';

const DELAY_MS = 500;

/** Every field with typing not yet written, by a flush function: what the window saves before it closes. */
const pending = new Set<{ current: () => Promise<void> }>();

/**
 * Writes everything typed and not yet saved, in every autosaved field of the app. Called when the
 * page is hidden or unloaded, and by the desktop app before its window closes.
 */
export async function flushPendingAutosaves(): Promise<void> {
  await Promise.allSettled([...pending].map((field) => field.current()));
}

/**
 * Adds another kind of unsaved typing (a form's draft) to what `flushPendingAutosaves` writes
 * before the window closes. Returns the function that removes it.
 */
export function registerPendingFlush(flush: () => void | Promise<void>): () => void {
  const entry = { current: async () => flush() };
  pending.add(entry);
  return () => {
    pending.delete(entry);
  };
}

export type Autosave = {
  value: string;
  onChange: (value: string) => void;
  /** Writes now what is typed (also on blur); resolves once written (never rejects: the save status reports a failure). */
  flush: () => Promise<void>;
};

/**
 * A text field saved as it is typed: the draft is local, written after a short pause, on blur,
 * when the screen goes away, when the page is hidden or unloaded (reload, laptop sleep) and
 * before the desktop window closes (`flushPendingAutosaves`). While the manager is typing, a
 * change arriving from elsewhere (another laptop) does not overwrite the draft; once saved, the
 * field follows the stored value again. Wrap `save` in a screen's `track` for "Saving… / Saved".
 */
export function useAutosave(stored: string, save: (value: string) => Promise<unknown>): Autosave {
  const [draft, setDraft] = useState<string | null>(null);
  const [typing, setTyping] = useState(false);
  const [seen, setSeen] = useState(stored);
  const latest = useRef<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const saveRef = useRef(save);
  const registered = useRef<() => Promise<void>>(() => Promise.resolve());
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  // A new stored value (this laptop's save landing, or another laptop's edit) replaces the
  // draft unless something typed here is still waiting to be saved.
  if (stored !== seen) {
    setSeen(stored);
    if (!typing) setDraft(null);
  }

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const value = latest.current;
    if (value === null) return;
    latest.current = null;
    pending.delete(registered);
    try {
      await saveRef.current(value);
    } catch (error) {
      // The screen's save status shows "Not saved"; the draft stays on screen to retry.
      console.error(error);
    } finally {
      if (latest.current === null) setTyping(false);
    }
  }, []);

  const onChange = useCallback(
    (value: string) => {
      latest.current = value;
      pending.add(registered);
      setTyping(true);
      setDraft(value);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    registered.current = flush;
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [flush]);

  return { value: draft ?? stored, onChange, flush };
}
