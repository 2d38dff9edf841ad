import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from '../../../../src-shared/api/webhookUrl';

describe('webhook URL rule (server and the app form alike)', () => {
  it('accepts absolute http and https addresses', () => {
    expect(webhookUrlProblem('https://hooks.example.com/partner-desk')).toBeNull();
    expect(webhookUrlProblem(' http://127.0.0.1:8080/hook ')).toBeNull();
  });

  it('says what is wrong with anything else', () => {
    expect(webhookUrlProblem('')).toBe('webhook url is required: the address that receives the events, like https://hooks.example.com/partner-desk');
    expect(webhookUrlProblem('hooks.example.com/x')).toBe('webhook url must be an absolute http(s) URL like https://hooks.example.com/partner-desk (got "hooks.example.com/x")');
    expect(webhookUrlProblem('ftp://hooks.example.com/x')).toBe('webhook url must be http or https (got ftp:)');
    expect(webhookUrlProblem('https://me:secret@hooks.example.com/x')).toBe('webhook url must not carry a user name or password: the signature authenticates each delivery');
    expect(webhookUrlProblem(`https://hooks.example.com/${'a'.repeat(2000)}`)).toBe('webhook url must be at most 2000 characters (it has 2026)');
  });
});
