/**
 * Webhook signatures, Stripe-style: header `Partner-Desk-Signature: t=<unix seconds>,v1=<hex>`
 * where v1 = HMAC-SHA256(secret, `${t}.${body}`). A receiver recomputes it over the raw body,
 * compares in constant time and refuses a timestamp too far from its clock (replays).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'partner-desk-signature';
export const EVENT_HEADER = 'partner-desk-event';
export const DELIVERY_HEADER = 'partner-desk-delivery';

export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${v1}`;
}

/** True when `header` signs `body` with `secret` and its timestamp is within `toleranceSeconds` of `nowSeconds`. */
export function verifyWebhookSignature(secret: string, header: string | undefined, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isSafeInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, t, body).split('v1=')[1] as string, 'hex');
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}
