/**
 * `npm run bench -- --only=deals` (or `node --import tsx scripts/bench/dealPrecheckBench.ts`): the duplicate pre-check of a deal
 * registration (src-shared/deals/duplicates.ts) against the benchmark portfolio's 5,000 deals,
 * half of them approved and protected. Prints one JSON object: per-keystroke check time (the
 * deal index is built once when the deals change, timed separately), the whole check from raw
 * deals, and a floor: a plain loop over the same deals comparing lower-cased accounts.
 * Target: the check answers in < 50 ms.
 */
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { BENCH_SIZE, generateDemoPortfolio } from '../../src-shared/demo/demoPortfolio';
import { checkDuplicates, indexDeals } from '../../src-shared/deals/duplicates';
import type { Deal } from '../../src-shared/domain/types';
import { addDaysIso } from '../../src-shared/kpi/calendar';
import { summarize } from './stats';

const TARGET_MS = 50;
const RUNS = 30;
const today = '2026-12-01';
const demo = generateDemoPortfolio({ today, size: BENCH_SIZE, ownerEmail: 'bench@vendor.example', ownerName: 'Bench' });
const deals: Deal[] = demo.deals.map((d, i) =>
  i % 2 === 0 ? { ...d, stage: 'approved', decision: { outcome: 'approved', reason: 'bench', on: today }, protectedUntil: addDaysIso(today, 30 + (i % 60)) } : d,
);
const queries = ['https://www.harbor-bank.co.uk/contact', 'Zephyr Logistics Ltd', deals[123]?.account ?? 'Acme', 'Meridian Health Group', 'qx'];

const time = (fn: () => unknown): number => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

// Warm up the JIT as a user's first keystrokes would.
const warm = indexDeals(deals);
for (const q of queries) checkDuplicates(q, warm, { partnerId: 'bench', today });

const indexMs: number[] = [];
const checkMs: number[] = [];
const fromRawMs: number[] = [];
const floorMs: number[] = [];
let matches = 0;
for (let run = 0; run < RUNS; run += 1) {
  let index = warm;
  indexMs.push(time(() => (index = indexDeals(deals))));
  for (const q of queries) {
    checkMs.push(time(() => (matches += checkDuplicates(q, index, { partnerId: 'bench', today }).matches.length)));
    fromRawMs.push(time(() => checkDuplicates(q, indexDeals(deals), { partnerId: 'bench', today })));
    const lower = q.toLowerCase();
    floorMs.push(time(() => {
      let n = 0;
      for (const d of deals) if (d.account.toLowerCase() === lower) n += 1;
      return n;
    }));
  }
}

const check = summarize(checkMs);
const fromRaw = summarize(fromRawMs);
console.log(
  JSON.stringify(
    {
      deals: deals.length,
      protected: deals.filter((d) => d.protectedUntil).length,
      runs: RUNS * queries.length,
      loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      perKeystrokeMs: check,
      indexBuildMs: summarize(indexMs),
      checkFromRawDealsMs: fromRaw,
      floorPlainLoopMs: summarize(floorMs),
      targetMs: TARGET_MS,
      withinTarget: check.p95 < TARGET_MS && fromRaw.p95 < TARGET_MS,
      matchesSeen: matches,
    },
    null,
    2,
  ),
);
