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
import { readFileSync } from 'node:fs';

const base = process.env.PARTNER_DESK_URL ?? 'http://localhost:8787';
const token = process.env.PARTNER_DESK_TOKEN;
if (!token) {
  process.stderr.write('Set PARTNER_DESK_TOKEN to a token with the trainings:write scope (npm run server:admin -- create-token --name lms --scopes trainings:write,read).\n');
  process.exit(2);
}
const file = process.argv[2];
const body = file
  ? readFileSync(file, 'utf8')
  : JSON.stringify({ partner: process.env.PARTNER ?? 'Northwind', person: 'lee@northwind.example', course: 'Sales Certification', completedOn: new Date().toISOString().slice(0, 10) });

const response = await fetch(`${base}/api/v1/trainings/completions/bulk`, {
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
  body,
});
const answer = (await response.json()) as { received?: number; stored?: number; unchanged?: number; errors?: { message: string }[]; message?: string };
if (!response.ok) {
  process.stderr.write(`Partner Desk refused the request (${response.status}): ${answer.message ?? JSON.stringify(answer)}\n`);
  process.exit(1);
}
process.stdout.write(`${answer.received} completions: ${answer.stored} stored, ${answer.unchanged} unchanged, ${answer.errors?.length ?? 0} refused\n`);
for (const error of answer.errors ?? []) process.stderr.write(`${error.message}\n`);
process.exit(answer.errors && answer.errors.length > 0 ? 1 : 0);
