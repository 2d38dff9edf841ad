import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useDatabase } from '../db/useDatabase';
import { DraftKeeper, type DraftState } from './draftKeeper';
import { registerPendingFlush } from './useAutosave';

export type Draft<T> = {
  /** What the form starts from: the kept draft over the defaults, or the defaults. */
  initial: T;
  /** Whether the form opened on a draft kept from before (a reload, a closed window). */
  restored: boolean;
  state: DraftState;
  /** Call on every change of the form's values (values equal to the defaults forget the draft). */
  change: (values: T) => void;
  /** Call once the record is saved, or when the manager discards what was typed. */
  clear: () => void;
};

/**
 * Nothing typed into a form is lost before it is submitted: the values are kept on this laptop
 * (per workspace, under `key`: form, partner, record) as they are typed, flushed when the page is
 * hidden or unloaded, when the form goes away and before the desktop window closes (the same
 * main-process flush as the autosaved fields), and restored when the form is opened again.
 */
export function useDraft<T extends object>(key: string, defaults: T): Draft<T> {
  const db = useDatabase();
  const fullKey = `${db.name}:${key}`;
  const [opened, setOpened] = useState(() => open<T>(fullKey, defaults));
  // The same form shown for another partner or record starts from that one's draft.
  if (opened.keeper.key !== fullKey) setOpened(open<T>(fullKey, defaults));
  const { keeper, start } = opened;
  const state = useSyncExternalStore(
    useCallback((onChange: () => void) => keeper.subscribe(onChange), [keeper]),
    () => keeper.state,
  );

  useEffect(() => {
    const flush = () => keeper.flush();
    const unregister = registerPendingFlush(flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      unregister();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      keeper.flush();
    };
  }, [keeper]);

  // Back to what the form opened with (nothing typed, or everything undone, or just added): no draft.
  const change = useCallback((values: T) => (JSON.stringify(values) === start.pristine ? keeper.clear() : keeper.change(values)), [keeper, start]);
  const clear = useCallback(() => keeper.clear(), [keeper]);
  return { initial: start.initial, restored: start.restored, state, change, clear };
}

function open<T extends object>(key: string, defaults: T) {
  const keeper = new DraftKeeper<T>(window.localStorage, key);
  const kept = keeper.read();
  return { keeper, start: { initial: kept ? { ...defaults, ...kept } : defaults, restored: kept !== null, pristine: JSON.stringify(defaults) } };
}

/** Whether a draft is kept for `key`: a screen opens the form at once so the manager sees it. */
export function useDraftKept(key: string): boolean {
  const db = useDatabase();
  const [kept] = useState(() => new DraftKeeper<object>(window.localStorage, `${db.name}:${key}`).read() !== null);
  return kept;
}

/**
 * For a form holding its values in React state: keeps `values` as the draft whenever they change
 * (not on the first render: opening a form is not typing). `values` should be a fresh object only
 * when something changed (state, or a `useMemo` over state).
 */
export function useKeepDraft<T extends object>(draft: Draft<T>, values: T): void {
  const opened = useRef(values);
  const { change } = draft;
  useEffect(() => {
    if (values === opened.current) return;
    change(values);
  }, [change, values]);
}
