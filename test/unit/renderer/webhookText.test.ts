import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENTS } from '../../../src-shared/api/scopes';
import { attemptsText, deliveryStatus, eventLabel, WEBHOOK_EVENT_OPTIONS } from '../../../src-renderer/features/webhooks/webhookText';

describe('webhook admin screen words', () => {
  it('offers every event of the server, labelled with its type', () => {
    expect(WEBHOOK_EVENT_OPTIONS.map((option) => option.value)).toEqual([...WEBHOOK_EVENTS]);
    expect(WEBHOOK_EVENT_OPTIONS.find((option) => option.value === 'partner.first_deal')?.label).toBe('First deal of a partner (partner.first_deal)');
    expect(eventLabel('deal.won')).toBe('Deal won');
    expect(eventLabel('some.future_event')).toBe('some.future_event');
  });

  it('lists what each attempt got, and calls an untried delivery queued', () => {
    expect(attemptsText({ log: [] })).toBe('Not sent yet');
    const at = '2026-12-01T10:00:00.000Z';
    expect(attemptsText({ log: [{ attempt: 1, at, statusCode: 500, error: null }, { attempt: 2, at, statusCode: null, error: 'connect ECONNREFUSED' }, { attempt: 3, at, statusCode: 200, error: null }] })).toBe('500, connect ECONNREFUSED, 200');
    expect(deliveryStatus({ status: 'pending', attempts: 0 })).toEqual({ label: 'Queued', color: 'blue' });
    expect(deliveryStatus({ status: 'pending', attempts: 2 })).toEqual({ label: 'Retrying', color: 'orange' });
    expect(deliveryStatus({ status: 'failed', attempts: 9 }).label).toBe('Failed');
  });
});
