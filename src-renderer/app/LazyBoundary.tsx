import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { PageLoader } from './PageLoader';

/**
 * Around code that loads as its own chunk (lazyNamed): `fallback` (the page loader unless given)
 * until it is in, the error boundary's message if it cannot be loaded.
 */
export function LazyBoundary({ children, fallback = <PageLoader /> }: { children: ReactNode; fallback?: ReactNode }) {
  return (
    <ErrorBoundary>
      <Suspense fallback={fallback}>{children}</Suspense>
    </ErrorBoundary>
  );
}
