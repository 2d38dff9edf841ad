/**
 * An LMS-style integration: reports course completions to Partner Desk (course + learner email +
 * partner). The matching training is completed, or a completed one recorded; a re-run changes
 * nothing.
 *
 *   PARTNER_DESK_URL=http://localhost:8787 PARTNER_DESK_TOKEN=pdk_… npx tsx scripts/lms-completions.ts completions.ndjson
 *
 * One completion per line: {"partner","person","course","completedOn","required"?}. Without a
 * file, one example completion is sent. Exit code 1 when any record was refused.
 */
import { sendBulk } from './sendBulk';

await sendBulk({
  path: '/trainings/completions/bulk',
  scope: 'trainings:write',
  tokenName: 'lms',
  noun: 'completions',
  examples: [{ partner: process.env.PARTNER ?? 'Northwind', person: 'lee@northwind.example', course: 'Sales Certification', completedOn: new Date().toISOString().slice(0, 10) }],
});
