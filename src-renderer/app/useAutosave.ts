import { useCallback, useEffect, useRef, useState } from 'react';

const DELAY_MS = 500;

/**
 * A text field saved as it is typed: the draft is local, written after a short pause, when the
 * screen goes away and when the page is hidden (window closed, reload, laptop sleep). While the
 * manager is typing, a change arriving from elsewhere (another laptop) does not overwrite the
 * draft; once saved, the field follows the stored value again.
 */
export function useDebouncedField(stored: string, save: (value: string) => Promise<unknown>): {
  value: string;
  onChange: (value: string) => void;
  flush: () => void;
} {
  const [draft, setDraft] = useState<string | null>(null);
  const [typing, setTyping] = useState(false);
  const [seen, setSeen] = useState(stored);
  const latest = useRef<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  // A new stored value (this laptop's save landing, or another laptop's edit) replaces the
  // draft unless something typed here is still waiting to be saved.
  if (stored !== seen) {
    setSeen(stored);
    if (!typing) setDraft(null);
  }

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const value = latest.current;
    if (value === null) return;
    latest.current = null;
    void saveRef.current(value).finally(() => {
      if (latest.current === null) setTyping(false);
    });
  }, []);

  const onChange = useCallback(
    (value: string) => {
      latest.current = value;
      setTyping(true);
      setDraft(value);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);

  return { value: draft ?? stored, onChange, flush };
}
