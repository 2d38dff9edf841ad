import { createElement, lazy, useState, type ComponentType, type LazyExoticComponent } from 'react';

/** A component whose code is a separate chunk: rendered like any other, fetched ahead with `preload()`. */
export type LazyNamed<P extends object> = ComponentType<P> & {
  /** Loads the chunk now (idempotent); a failed load is forgotten, so the next call tries again. */
  preload: () => Promise<ComponentType<P>>;
};

/**
 * Loads that failed: each swaps its component's rejected React.lazy for a fresh one. Not at once
 * on failure: React renders a component that suspended again, which would then start a new load,
 * fail, and loop; only once the error is on screen (`retryFailedLoads`).
 */
const shownFailures = new Set<() => void>();

/** Lets the next render of a component whose chunk failed to load try again (the error boundary calls it once its message shows). */
export function retryFailedLoads(): void {
  for (const retry of shownFailures) retry();
  shownFailures.clear();
}

/**
 * A named export loaded through a dynamic `import()` (React.lazy wants a default export):
 * `lazyNamed(() => import('./DashboardPage').then((m) => m.DashboardPage))`. Render it inside a
 * `<Suspense>` and an ErrorBoundary: until the chunk is in, the Suspense fallback shows; a chunk
 * that fails to load throws into the boundary; once its message shows, "Try again" (or coming
 * back to the screen) loads it again (React.lazy alone would keep the failure until a reload).
 * Once loaded (or preloaded), it renders the component directly, without a frame of fallback.
 */
export function lazyNamed<P extends object>(load: () => Promise<ComponentType<P>>): LazyNamed<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined;
        shownFailures.add(() => (suspending = suspendingLoad()));
        throw error;
      },
    );
    return pending;
  };
  const suspendingLoad = (): LazyExoticComponent<ComponentType<P>> => lazy(() => preload().then((component) => ({ default: component })));
  let suspending = suspendingLoad();

  function LazyNamedComponent(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component would remount it.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? suspending);
    return createElement(Component, props);
  }
  return Object.assign(LazyNamedComponent, { preload });
}
