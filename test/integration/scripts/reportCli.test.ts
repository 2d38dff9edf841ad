import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { backupToJson, createBackup } from '../../../src-shared/import/backup';
import { reportDeals, reportPartners } from '../../unit/shared/kpi/registrationTierProgram';

/** The report CLI as a program lead runs it (`npm run report`): a real tsx process per run. */
const run = promisify(execFile);
const SCRIPT = resolve(import.meta.dirname, '../../../scripts/report.ts');
const FIXTURES = resolve(import.meta.dirname, '../../fixtures/kpi');
const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function report(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', SCRIPT, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the report CLI: registrations and tiers', () => {
  it('prints approval time, expiry rate and the tier distribution now and a year ago from an app backup', async () => {
    const file = join(dir, 'backup.json');
    writeFileSync(file, backupToJson(createBackup({ partners: reportPartners, deals: reportDeals }, '2026-06-30T12:00:00.000Z')));
    const { code, stdout } = await report('--backup', file, '--as-of', '2026-06-30');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { kpis: { recruited: number }; registrationsAndTiers: unknown };
    expect(out.kpis.recruited).toBe(3);
    expect(out.registrationsAndTiers).toEqual({
      dealRegistration: { decided: 3, medianApprovalDays: 3, approved: 2, expired: 1, expiryRate: 0.5 },
      tierDistribution: {
        tiers: ['Registered', 'Silver', 'Gold', 'Platinum'],
        now: { date: '2026-06-30', total: 3, counts: { Registered: 1, Silver: 1, Gold: 1, Platinum: 0 } },
        twelveMonthsAgo: { date: '2025-06-30', total: 2, counts: { Registered: 2, Silver: 0, Gold: 0, Platinum: 0 } },
        fromHistory: true,
      },
    });
  }, 120_000);

  it('prints the block from CSV exports too (no decisions in them), and refuses a file that is not a backup', async () => {
    const csv = await report('--input', FIXTURES, '--as-of', '2026-06-30');
    expect(csv.code).toBe(0);
    const block = (JSON.parse(csv.stdout) as { registrationsAndTiers: { dealRegistration: unknown; tierDistribution: { fromHistory: boolean } } }).registrationsAndTiers;
    expect(block.dealRegistration).toEqual({ decided: 0, medianApprovalDays: null, approved: 0, expired: 0, expiryRate: null });
    expect(block.tierDistribution.fromHistory).toBe(false);

    const bad = join(dir, 'not-a-backup.json');
    writeFileSync(bad, '{"hello": 1}');
    const refused = await report('--backup', bad, '--as-of', '2026-06-30');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not-a-backup.json: ');
    const both = await report('--backup', bad, '--input', FIXTURES, '--as-of', '2026-06-30');
    expect(both).toMatchObject({ code: 2, stderr: expect.stringContaining('Give --input or --backup, not both.') });
  }, 120_000);
});
