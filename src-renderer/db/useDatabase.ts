import { createContext, useContext } from 'react';
import type { AppDatabase } from './appDatabase';

export const DatabaseContext = createContext<AppDatabase | null>(null);

export function useDatabase(): AppDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase must be used inside <DatabaseGate>');
  return db;
}
