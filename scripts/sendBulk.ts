/**
 * What the integration examples (crm-deals.ts, lms-completions.ts) share: read the token from
 * the environment, send an NDJSON file (or the example records) to one `/api/v1` bulk route, print
 * the per-record answer, and exit 1 when any record was refused, 2 when no token is set.
 */
import { readFileSync } from 'node:fs';

export type BulkUpload = {
  /** The bulk route under `/api/v1`, e.g. `/deals/bulk`. */
  path: string;
  /** What the token needs, for the message when it is missing: scope and a token name. */
  scope: string;
  tokenName: string;
  /** The records' name in the summary line ("opportunities", "completions"). */
  noun: string;
  /** Sent when no file is given. */
  examples: readonly Record<string, unknown>[];
};

type BulkAnswer = { received?: number; stored?: number; unchanged?: number; errors?: { message: string }[]; message?: string };

export async function sendBulk(upload: BulkUpload): Promise<never> {
  const base = process.env.PARTNER_DESK_URL ?? 'http://localhost:8787';
  const token = process.env.PARTNER_DESK_TOKEN;
  if (!token) {
    process.stderr.write(
      `Set PARTNER_DESK_TOKEN to a token with the ${upload.scope} scope (npm run server:admin -- create-token --name ${upload.tokenName} --scopes ${upload.scope},read).\n`,
    );
    process.exit(2);
  }
  const file = process.argv[2];
  const body = file ? readFileSync(file, 'utf8') : upload.examples.map((record) => JSON.stringify(record)).join('\n');

  const response = await fetch(`${base}/api/v1${upload.path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body,
  });
  const answer = (await response.json()) as BulkAnswer;
  if (!response.ok) {
    process.stderr.write(`Partner Desk refused the request (${response.status}): ${answer.message ?? JSON.stringify(answer)}\n`);
    process.exit(1);
  }
  process.stdout.write(`${answer.received} ${upload.noun}: ${answer.stored} stored, ${answer.unchanged} unchanged, ${answer.errors?.length ?? 0} refused\n`);
  for (const error of answer.errors ?? []) process.stderr.write(`${error.message}\n`);
  process.exit(answer.errors && answer.errors.length > 0 ? 1 : 0);
}
