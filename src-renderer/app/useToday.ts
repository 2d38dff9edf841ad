import { useEffect, useState } from 'react';
import { todayIso } from '../../src-shared/domain/ids';

/** Today's local calendar date, refreshed when the laptop passes midnight (or wakes from sleep). */
export function useToday(): string {
  const [today, setToday] = useState(() => todayIso());
  useEffect(() => {
    const tick = () => setToday((current) => (current === todayIso() ? current : todayIso()));
    const timer = window.setInterval(tick, 60_000);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, []);
  return today;
}
