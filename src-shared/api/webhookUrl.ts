/**
 * What a webhook subscription's URL must be, in one place: the server refuses it with these
 * words (API and admin CLI) and the app's form says the same before sending it.
 */
export const WEBHOOK_URL_MAX = 2000;

/** Why `url` cannot receive webhooks, or null when it can. */
export function webhookUrlProblem(url: string): string | null {
  const text = url.trim();
  if (text === '') return 'webhook url is required: the address that receives the events, like https://hooks.example.com/partner-desk';
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return `webhook url must be an absolute http(s) URL like https://hooks.example.com/partner-desk (got ${JSON.stringify(text.slice(0, 100))})`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `webhook url must be http or https (got ${parsed.protocol})`;
  if (parsed.username || parsed.password) return 'webhook url must not carry a user name or password: the signature authenticates each delivery';
  if (text.length > WEBHOOK_URL_MAX) return `webhook url must be at most ${WEBHOOK_URL_MAX} characters (it has ${text.length})`;
  return null;
}
