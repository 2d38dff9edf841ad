/**
 * In-page instrumentation for the app under test. Bundled to a classic script and injected with
 * Playwright's addInitScript, so it runs before any app code on every navigation. It only
 * observes (MutationObserver, long-task observer, input listeners); it never touches app state.
 *
 * Every time is `performance.now()` in the page, i.e. milliseconds since navigation start.
 */
import { afterNextPaint, browserGlobals, type DomElement, type DomEvent } from './dom';
import { interactiveAt, type LongTask } from './interactive';

/** What a measured interaction waits for: the user-visible result. */
export type Condition =
  /** Portfolio table filtered: the search box holds `query` (committed by React) and `count` rows show. */
  | { kind: 'rows'; query: string; count: number }
  /** Partner workspace of `name` is shown with its journey tab (next steps or "No open tasks"). */
  | { kind: 'workspace'; name: string }
  /** Today view: heading, stats and the "Needs attention" list are shown. */
  | { kind: 'today' }
  /** Today view: the Overdue card's badge shows `count`. */
  | { kind: 'overdue'; count: number }
  /** Nothing but the input itself: the floor of every interaction (input event -> the next frame, no app work). */
  | { kind: 'frame' };

export type { LongTask } from './interactive';

export type LoadReport = {
  responseEnd: number;
  domContentLoaded: number;
  /** "Opening your portfolio…" first shown / gone (the store is open). */
  storeOpening: number | null;
  storeOpen: number | null;
  /** First portfolio row in the DOM, and just after the frame that shows it. */
  rowsInDom: number;
  rowsPainted: number;
  /**
   * Every record in: the "Loading N tasks…" line gone (rows painted from the partners alone say
   * it while the tasks, meetings and deals are still being read; then health and next steps show).
   */
  recordsIn: number;
  /**
   * Time to interactive, TTI-style: the end of the last long task before the first window of
   * `quietMs` without one, counted from the rows painted (the rows painted themselves if that
   * window starts at once). Long tasks after that window (the records arriving later) are in
   * `longestTaskAfterPaint` and `blockingAfterPaint` instead.
   */
  interactive: number;
  /** The longest task that started after the rows were painted: how long input could wait while the records stream in. */
  longestTaskAfterPaint: number;
  /** Total blocking time after the rows were painted: the sum over those tasks of their time beyond 50 ms. */
  blockingAfterPaint: number;
  rowCount: number;
  /** The long task in which the rows were committed: React rendering the Portfolio once the data arrived. */
  renderTask: LongTask | null;
  longTasks: LongTask[];
};

export type InteractionResult = {
  /** The input event that started it (`event.timeStamp`). */
  start: number;
  startEvent: string;
  /** The DOM first showed the result (MutationObserver), and just after the frame showing it. */
  inDom: number;
  painted: number;
  toDomMs: number;
  toPaintMs: number;
  longTasks: LongTask[];
};

/** A raw IndexedDB read of the app's own stores (rawRead): the floor of the cold open. */
export type RawReadReport = {
  /** Which databases: the partners collection's only (what the first screen needs), or every one. */
  scope: 'partners' | 'all';
  databases: { name: string; stores: { name: string; documents: number }[] }[];
  documents: number;
  /** indexedDB.open of the databases (in parallel). */
  openMs: number;
  /** Open + getAll() of the stores (in parallel), until every result is in JS. */
  totalMs: number;
  /** performance.now() when it finished: milliseconds since navigation start of the blank page. */
  finishedAt: number;
};

export type Probe = {
  loadReport: (quietMs: number, timeoutMs: number) => Promise<LoadReport>;
  rawRead: (scope: 'partners' | 'all') => Promise<RawReadReport>;
  arm: (condition: Condition) => void;
  result: (timeoutMs: number) => Promise<InteractionResult>;
};

export type ProbeHost = { __benchProbe?: Probe };

const OPENING_TEXT = 'Opening your portfolio';

function install(): void {
  const g = browserGlobals();
  const host = globalThis as unknown as ProbeHost;
  if (host.__benchProbe) return;

  const longTasks: LongTask[] = [];
  if (g.PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    new g.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  }

  // --- Cold load: store opening, first rows -------------------------------------------------
  const load = { storeOpening: null as number | null, storeOpen: null as number | null, rowsInDom: null as number | null, recordsIn: null as number | null };
  let rowsPainted: Promise<number> | null = null;
  const loadObserver = new g.MutationObserver(() => {
    const now = performance.now();
    if (load.storeOpen === null) {
      const showing = (g.document.body?.textContent ?? '').includes(OPENING_TEXT);
      if (showing && load.storeOpening === null) load.storeOpening = now;
      if (!showing && load.storeOpening !== null) load.storeOpen = now;
    }
    if (load.rowsInDom === null && g.document.querySelector('[data-testid="portfolio-row"]')) {
      load.rowsInDom = now;
      rowsPainted = afterNextPaint();
    }
    if (load.rowsInDom !== null && !g.document.querySelector('[data-testid="records-loading"]')) {
      load.recordsIn = now;
      loadObserver.disconnect();
    }
  });
  loadObserver.observe(g.document, { childList: true, subtree: true });

  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  const loadReport = async (quietMs: number, timeoutMs: number): Promise<LoadReport> => {
    const deadline = performance.now() + timeoutMs;
    while (rowsPainted === null) {
      if (performance.now() > deadline) throw new Error('portfolio rows never appeared');
      await sleep(20);
    }
    const painted = await rowsPainted;
    while (load.recordsIn === null) {
      if (performance.now() > deadline) throw new Error('the records never finished loading ("Loading N tasks…" stayed)');
      await sleep(20);
    }
    // Every long task of the load is in once the main thread has been quiet for `quietMs` after
    // the records arrived (the observer delivers entries after the task, so a check made at the
    // records' arrival could miss the task that rendered them).
    const records = load.recordsIn;
    for (;;) {
      const lastEnd = Math.max(records, ...longTasks.map((task) => task.end));
      if (performance.now() - lastEnd >= quietMs) break;
      if (performance.now() > deadline) throw new Error('main thread never went quiet');
      await sleep(50);
    }
    const tasks = longTasks.slice().sort((a, b) => a.start - b.start);
    const busyUntil = interactiveAt(painted, tasks, quietMs);
    const afterPaint = tasks.filter((task) => task.start >= painted);
    const rowsAt = load.rowsInDom ?? painted;
    const renderTask = tasks.find((task) => task.start <= rowsAt && task.end >= rowsAt) ?? null;
    const nav = g.performance.getEntriesByType('navigation')[0] as { responseEnd: number; domContentLoadedEventStart: number };
    return {
      responseEnd: nav.responseEnd,
      domContentLoaded: nav.domContentLoadedEventStart,
      storeOpening: load.storeOpening,
      storeOpen: load.storeOpen,
      rowsInDom: rowsAt,
      rowsPainted: painted,
      recordsIn: load.recordsIn,
      interactive: busyUntil,
      longestTaskAfterPaint: Math.max(0, ...afterPaint.map((task) => task.end - task.start)),
      blockingAfterPaint: afterPaint.reduce((sum, task) => sum + Math.max(0, task.end - task.start - 50), 0),
      rowCount: shownRows(g.document),
      renderTask,
      longTasks: tasks,
    };
  };

  // --- Raw IndexedDB read of the app's stores (RxDB's Dexie storage: one database per collection,
  // `rxdb-dexie-<db>--<schema version>--<collection>`, documents in its `docs` store) -----------
  const rawRead = async (scope: 'partners' | 'all'): Promise<RawReadReport> => {
    const idb = g.indexedDB as unknown as RawIndexedDb;
    const all = ((await idb.databases?.()) ?? []).map((d) => d.name ?? '').filter((name) => name.startsWith('rxdb-dexie-'));
    const names = scope === 'partners' ? all.filter((name) => name.endsWith('--partners')) : all;
    if (names.length === 0) throw new Error(`no RxDB Dexie database for ${scope} (databases: ${all.join(', ') || 'none'})`);
    const request = <T>(req: RawRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(new Error(String(req.error)));
      });
    const started = performance.now();
    let opened = started;
    const databases = await Promise.all(
      names.map(async (name) => {
        const db = await request(idb.open(name));
        opened = Math.max(opened, performance.now());
        const storeNames = Array.from(db.objectStoreNames).filter((store) => scope === 'all' || store === 'docs');
        const tx = db.transaction(storeNames, 'readonly');
        const stores = await Promise.all(storeNames.map(async (store) => ({ name: store, documents: (await request(tx.objectStore(store).getAll())).length })));
        db.close();
        return { name, stores };
      }),
    );
    const finished = performance.now();
    return {
      scope,
      databases,
      documents: databases.reduce((n, db) => n + db.stores.reduce((m, store) => m + store.documents, 0), 0),
      openMs: opened - started,
      totalMs: finished - started,
      finishedAt: finished,
    };
  };

  // --- Interactions: input event -> result in the DOM -> next paint ---------------------------
  const text = (el: DomElement | null): string => (el?.textContent ?? '').trim();

  const holds = (condition: Condition): boolean => {
    const doc = g.document;
    switch (condition.kind) {
      case 'rows': {
        const input = doc.querySelector('input[aria-label="Search partners"]');
        const painted = condition.count === 0 || doc.querySelector('[data-testid="portfolio-row"]') !== null;
        return input !== null && input.getAttribute('value') === condition.query && shownRows(doc) === condition.count && painted;
      }
      case 'workspace': {
        const headings = Array.from(doc.querySelectorAll('h2'));
        if (!headings.some((h) => text(h) === condition.name)) return false;
        if (doc.querySelector('[data-testid="next-steps"]')) return true;
        return Array.from(doc.querySelectorAll('[role="alert"]')).some((a) => text(a).includes('No open tasks'));
      }
      case 'today': {
        const headings = Array.from(doc.querySelectorAll('h2'));
        return headings.some((h) => text(h) === 'Today') && doc.querySelector('[data-testid="attention-row"]') !== null;
      }
      case 'overdue': {
        const badge = doc.querySelector('section[aria-labelledby="overdue-title"] :has(> #overdue-title) [class*="Badge-label"]');
        return text(badge) === String(condition.count);
      }
      case 'frame':
        return armed !== null && armed.start !== null;
    }
  };

  type Armed = {
    condition: Condition;
    /** The last input event seen while armed, before the result showed. */
    start: DomEvent | null;
    inDom: number | null;
    firstTask: number;
    settle: (result: InteractionResult | Error) => void;
  };
  let armed: Armed | null = null;
  let pending: Promise<InteractionResult> | null = null;

  const onInput = (event: DomEvent) => {
    // Modifier keys (Ctrl of Ctrl+A) don't start an interaction; the last real key or click does.
    const key = (event as DomEvent & { key?: string }).key;
    if (armed && armed.inDom === null && key !== 'Control' && key !== 'Shift' && key !== 'Meta') armed.start = event;
  };
  g.addEventListener('keydown', onInput, { capture: true, passive: true });
  g.addEventListener('click', onInput, { capture: true, passive: true });

  const finish = (state: Armed) => {
    const painted = performance.now();
    const start = state.start;
    if (!start) {
      state.settle(new Error(`result shown without an input event: ${JSON.stringify(state.condition)}`));
      return;
    }
    const inDom = state.inDom ?? painted;
    state.settle({
      start: start.timeStamp,
      startEvent: start.type,
      inDom,
      painted,
      toDomMs: inDom - start.timeStamp,
      toPaintMs: painted - start.timeStamp,
      longTasks: longTasks.slice(state.firstTask),
    });
  };

  const arm = (condition: Condition): void => {
    if (armed) throw new Error('probe already armed');
    if (holds(condition)) throw new Error(`condition already holds before the action: ${JSON.stringify(condition)}`);
    let settle: (result: InteractionResult | Error) => void = () => undefined;
    pending = new Promise<InteractionResult>((resolve, reject) => {
      settle = (value) => (value instanceof Error ? reject(value) : resolve(value));
    });
    const state: Armed = { condition, start: null, inDom: null, firstTask: longTasks.length, settle };
    armed = state;
    const observer = new g.MutationObserver(() => {
      if (state.inDom === null && holds(condition)) {
        state.inDom = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(g.document, { childList: true, subtree: true, characterData: true, attributes: true });
    // Frame by frame: the first frame whose DOM satisfies the condition is the one the user sees;
    // a message posted from its rAF callback runs just after that frame.
    const onFrame = () => {
      if (armed !== state) return observer.disconnect();
      if (!holds(condition)) {
        g.requestAnimationFrame(onFrame);
        return;
      }
      observer.disconnect();
      const channel = new g.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        finish(state);
      };
      channel.port2.postMessage(null);
    };
    g.requestAnimationFrame(onFrame);
  };

  const result = async (timeoutMs: number): Promise<InteractionResult> => {
    const state = armed;
    if (!state || !pending) throw new Error('probe not armed');
    const timer = setTimeout(() => state.settle(new Error(`timed out waiting for ${JSON.stringify(state.condition)}`)), timeoutMs);
    try {
      return await pending;
    } finally {
      clearTimeout(timer);
      armed = null;
      pending = null;
    }
  };

  host.__benchProbe = { loadReport, rawRead, arm, result };
}

install();

/**
 * How many partners the table shows. The table is virtualised (only the rows on screen are in the
 * DOM), so this reads the count the page prints above it ("500 partners", "8 of 500 partners"),
 * which is computed from the same filtered list the table renders.
 */
function shownRows(doc: { querySelector: (selector: string) => { textContent: string | null } | null }): number {
  const match = /^(\d+)/.exec(doc.querySelector('[data-testid="portfolio-count"]')?.textContent?.trim() ?? '');
  return match ? Number(match[1]) : -1;
}

/** The few IndexedDB calls rawRead makes (scripts/** has no DOM library, see dom.ts). */
type RawRequest<T> = { onsuccess: (() => void) | null; onerror: (() => void) | null; readonly result: T; readonly error: unknown };
type RawIndexedDb = {
  databases?: () => Promise<{ name?: string }[]>;
  open: (name: string) => RawRequest<{
    readonly objectStoreNames: ArrayLike<string>;
    transaction: (stores: string[], mode: 'readonly') => { objectStore: (name: string) => { getAll: () => RawRequest<unknown[]> } };
    close: () => void;
  }>;
};
