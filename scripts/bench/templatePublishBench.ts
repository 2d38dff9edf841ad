/**
 * `npm run bench -- --only=templates` (or `node --import tsx scripts/bench/templatePublishBench.ts`):
 * publishing a template change to 200 partners on the ISV journey (24 steps each, some done or
 * started), in Node. The change moves two steps, drops one, adds one and rewords one.
 *
 * - preview: `partnersBehind` + `diffPartnerJourney` for every partner (what the Publish panel
 *   shows), beside a floor: a plain loop copying the same task rows.
 * - apply, pure: `journeyWritesFor` for every partner, beside the same floor.
 * - apply, store: the app's `applyVersion` (per partner: read its tasks, insert, bulk upsert,
 *   remove) on the app's RxDB database (createAppDatabase + appStorage) over fake-indexeddb,
 *   beside a floor: one `bulkUpsert` of as many task copies into the same store. fake-indexeddb
 *   is an in-memory IndexedDB in JavaScript, so the store figures compare the app's writes with
 *   the plainest write of the same rows, not with a laptop's disk.
 * Prints one JSON object; progress on stderr. No duration is asserted anywhere.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createAppDatabase, type AppDatabase } from '../../src-renderer/db/appDatabase';
import { appStorage } from '../../src-renderer/db/appStorage';
import { applyVersion } from '../../src-renderer/features/templates/templateWrites';
import { generateDemoPortfolio } from '../../src-shared/demo/demoPortfolio';
import type { Partner, Task } from '../../src-shared/domain/types';
import { plusDays } from '../../src-shared/journey/calendarDays';
import { generateFromTemplate } from '../../src-shared/journey/generateFromTemplate';
import { diffPartnerJourney, journeyWritesFor, partnersBehind } from '../../src-shared/journey/publishTemplate';
import { JOURNEY_SEEDS, type JourneyTemplateVersion } from '../../src-shared/journey/templateModel';
import { summarize } from './stats';

const PARTNERS = 200;
const PURE_RUNS = 20;
const STORE_RUNS = 3;
const TODAY = '2026-12-01';
const NOW = `${TODAY}T09:00:00.000Z`;
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const loadNow = (): number[] => loadavg().map((n) => Math.round(n * 100) / 100);

const seed = JOURNEY_SEEDS.find((s) => s.templateKey === 'isv-new');
if (!seed) throw new Error('no isv-new seed');
const v1: JourneyTemplateVersion = { ...seed, version: 1, published: true };
const v2: JourneyTemplateVersion = {
  ...seed,
  version: 2,
  published: true,
  steps: [
    ...seed.steps
      .filter((s) => s.key !== 'ecosystem-overview')
      .map((s) =>
        s.key === 'target-accounts' ? { ...s, dueOffset: 24 } : s.key === 'first-campaign' ? { ...s, dueOffset: 50 } : s.key === 'joint-solution' ? { ...s, guidance: `${s.guidance} Use the EMEA reference architecture.` } : s,
      ),
    { ...seed.steps.find((s) => s.key === 'target-accounts')!, key: 'emea-compliance', title: 'Review EMEA data-protection terms', dueOffset: 20, dependsOn: [] },
  ],
};

let counter = 0;
const newId = () => `bench-${(counter += 1).toString(36).padStart(8, '0')}`;

/** 200 valid partners (the demo generator's), all new ISVs on `isv-new`, Day 0 spread over the last 80 days; their v1 tasks, past ones mostly done and a few started. */
function portfolio(): { partners: Partner[]; tasks: Task[] } {
  const demo = generateDemoPortfolio({ today: TODAY, size: { partners: PARTNERS, meetings: 0, deals: 0 }, ownerEmail: 'bench@vendor.example', ownerName: 'Bench' });
  const partners = demo.partners.slice(0, PARTNERS).map((p, i) => ({ ...p, type: 'isv' as const, maturity: 'new' as const, templateId: 'isv-new', status: 'onboarding' as const, day0: plusDays(TODAY, -(i % 80)) }));
  const tasks = partners.flatMap((p, i) =>
    generateFromTemplate(p, v1, { now: NOW, newId }).map((t, j): Task => {
      if (t.status !== 'open' || t.dueDate >= TODAY) return t;
      if ((i + j) % 5 === 0) return { ...t, startedOn: t.dueDate };
      return (i + j) % 3 === 0 ? t : { ...t, status: 'done', completedOn: t.dueDate };
    }),
  );
  return { partners, tasks };
}

const time = (fn: () => void): number => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

function byPartnerOf(tasks: readonly Task[]): Map<string, Task[]> {
  const map = new Map<string, Task[]>();
  for (const t of tasks) map.set(t.partnerId, [...(map.get(t.partnerId) ?? []), t]);
  return map;
}

function pureBench(partners: Partner[], tasks: Task[]) {
  const byPartner = byPartnerOf(tasks);
  const preview = () => partnersBehind(partners, tasks, 'isv-new', 2).map((p) => diffPartnerJourney(p, byPartner.get(p.id) ?? [], v2));
  const apply = () => {
    for (const change of preview()) {
      const partner = partners.find((p) => p.id === change.partnerId)!;
      journeyWritesFor(change, partner, byPartner.get(partner.id) ?? [], v2, { now: NOW, newId });
    }
  };
  const floor = () => {
    let copied: Task[] = [];
    for (const t of tasks) copied.push({ ...t });
    copied = copied.filter((t) => t.partnerId !== '');
    if (copied.length !== tasks.length) throw new Error('floor lost rows');
  };
  // Warm the JIT.
  for (let i = 0; i < 3; i += 1) {
    preview();
    apply();
    floor();
  }
  const previewMs: number[] = [];
  const applyMs: number[] = [];
  const floorMs: number[] = [];
  for (let run = 0; run < PURE_RUNS; run += 1) {
    previewMs.push(time(preview));
    applyMs.push(time(apply));
    floorMs.push(time(floor));
  }
  const changes = preview();
  const totals = changes.reduce(
    (sum, c) => ({ added: sum.added + c.added.length, removed: sum.removed + c.removed.length, redated: sum.redated + c.redated.length, kept: sum.kept + c.kept.length, updated: sum.updated + c.updated.length }),
    { added: 0, removed: 0, redated: 0, kept: 0, updated: 0 },
  );
  return { previewMs: summarize(previewMs), applyWritesMs: summarize(applyMs), floorCopyRowsMs: summarize(floorMs), change: totals };
}

async function openStore(run: number): Promise<AppDatabase> {
  return createAppDatabase({ name: `bench-templates-${run}`, storage: appStorage({ indexedDB: new IDBFactory(), IDBKeyRange }), multiInstance: false });
}

async function storeBench(partners: Partner[], tasks: Task[]) {
  const applyMs: number[] = [];
  const floorMs: number[] = [];
  let written = 0;
  for (let run = 0; run < STORE_RUNS; run += 1) {
    const db = await openStore(run);
    try {
      await db.partners.bulkInsert(partners);
      await db.tasks.bulkInsert(tasks);
      const start = performance.now();
      await applyVersion(db, v2, partners);
      applyMs.push(performance.now() - start);
      written = await db.tasks.count().exec();
      // Floor: the same number of task rows written back once, in one bulk, in the same store.
      const rows = (await db.tasks.find().exec()).map((d) => ({ ...(d.toMutableJSON() as Task), updatedAt: new Date().toISOString() }));
      const floorStart = performance.now();
      const result = await db.tasks.bulkUpsert(rows);
      floorMs.push(performance.now() - floorStart);
      if (result.error.length > 0) throw new Error(`floor write failed for ${result.error.length} rows`);
    } finally {
      await db.remove();
    }
    log(`store run ${run + 1}: applyVersion ${Math.round(applyMs[run] ?? 0)} ms, floor bulkUpsert ${Math.round(floorMs[run] ?? 0)} ms`);
  }
  return { applyVersionMs: summarize(applyMs), floorBulkUpsertMs: summarize(floorMs), tasksAfter: written };
}

export async function templatePublishBench() {
  const loadAverageBefore = loadNow();
  const { partners, tasks } = portfolio();
  log(`templates: ${partners.length} partners, ${tasks.length} tasks (v1 → v2)`);
  const pure = pureBench(partners, tasks);
  log(`preview ${pure.previewMs.median} ms, apply writes ${pure.applyWritesMs.median} ms, floor ${pure.floorCopyRowsMs.median} ms (medians)`);
  const store = await storeBench(partners, tasks);
  return {
    benchmark: 'partner-desk-templates',
    partners: partners.length,
    tasks: tasks.length,
    tasksPerPartner: Math.round((tasks.length / partners.length) * 10) / 10,
    pureRuns: PURE_RUNS,
    storeRuns: STORE_RUNS,
    ...pure,
    store,
    loadAverageBefore,
    loadAverageAfter: loadNow(),
    date: new Date().toISOString(),
  };
}
