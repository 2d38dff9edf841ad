/**
 * The few browser APIs the in-page bench code uses, typed locally. scripts/** is type-checked
 * with the Node libraries only (tsconfig.node.json); adding the DOM library there would leak
 * `window` & co. into main-process code, so the page code reaches the browser through this.
 */

export type DomElement = {
  readonly textContent: string | null;
  readonly tagName: string;
  readonly value?: string;
  querySelector: (selector: string) => DomElement | null;
  querySelectorAll: (selector: string) => ArrayLike<DomElement>;
  getAttribute: (name: string) => string | null;
};

export type DomEvent = { readonly type: string; readonly timeStamp: number; readonly target: unknown };

export type DomPerformanceEntry = { readonly name: string; readonly entryType: string; readonly startTime: number; readonly duration: number };

type PerformanceObserverCtor = new (callback: (list: { getEntries: () => DomPerformanceEntry[] }) => void) => {
  observe: (options: { type: string; buffered?: boolean; durationThreshold?: number }) => void;
  disconnect: () => void;
};

type MutationObserverCtor = new (callback: () => void) => {
  observe: (target: unknown, options: { childList?: boolean; subtree?: boolean; characterData?: boolean; attributes?: boolean }) => void;
  disconnect: () => void;
};

type MessageChannelCtor = new () => {
  port1: { onmessage: ((event: unknown) => void) | null; close: () => void };
  port2: { postMessage: (message: unknown) => void };
};

export type BrowserGlobals = {
  document: DomElement & { readonly body: DomElement | null; readonly documentElement: DomElement };
  location: { readonly href: string; hash: string };
  navigator: { readonly userAgent: string; readonly hardwareConcurrency: number };
  indexedDB: { deleteDatabase: (name: string) => unknown; databases?: () => Promise<{ name?: string }[]> };
  MutationObserver: MutationObserverCtor;
  PerformanceObserver: PerformanceObserverCtor & { readonly supportedEntryTypes: readonly string[] };
  MessageChannel: MessageChannelCtor;
  performance: { now: () => number; getEntriesByType: (type: string) => unknown[] };
  requestAnimationFrame: (callback: (time: number) => void) => number;
  addEventListener: (type: string, listener: (event: DomEvent) => void, options?: boolean | { capture?: boolean; passive?: boolean }) => void;
};

/** The page's global object. Only call this from code that runs in the browser. */
export function browserGlobals(): BrowserGlobals {
  return globalThis as unknown as BrowserGlobals;
}

/** Resolves just after the next frame has been produced (rAF, then a task after the paint). */
export function afterNextPaint(): Promise<number> {
  const g = browserGlobals();
  return new Promise((resolve) => {
    g.requestAnimationFrame(() => {
      const channel = new g.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    });
  });
}
