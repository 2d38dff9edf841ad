import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';

export type SaveStatus = {
  /** 'saving' while any write is pending, 'saved' after the last one went through, 'error' when one failed. */
  state: 'idle' | 'saving' | 'saved' | 'error';
  /** Writes completed so far on this screen (lets a test wait for a save to land). */
  completed: number;
  track: <T>(write: Promise<T>) => Promise<T>;
};

export const SaveStatusContext = createContext<SaveStatus | null>(null);

/** One "Saving… / Saved" indicator for every write of a screen. */
export function useSaveStatusState(): SaveStatus {
  const [state, setState] = useState<SaveStatus['state']>('idle');
  const [completed, setCompleted] = useState(0);
  const pending = useRef(0);
  const track = useCallback(<T,>(write: Promise<T>): Promise<T> => {
    pending.current += 1;
    setState('saving');
    return write.then(
      (value) => {
        pending.current -= 1;
        setCompleted((n) => n + 1);
        if (pending.current === 0) setState('saved');
        return value;
      },
      (error: unknown) => {
        pending.current -= 1;
        setState('error');
        throw error;
      },
    );
  }, []);
  return useMemo(() => ({ state, completed, track }), [state, completed, track]);
}

export function useSaveStatus(): SaveStatus {
  const status = useContext(SaveStatusContext);
  if (!status) throw new Error('useSaveStatus must be used inside a SaveStatusContext');
  return status;
}
