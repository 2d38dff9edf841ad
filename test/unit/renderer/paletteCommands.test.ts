import { describe, expect, it } from 'vitest';
import { partnerCommands, partnerIdOfPath, SCREEN_COMMANDS, type PaletteCommand } from '../../../src-renderer/features/palette/paletteCommands';

/** What Mantine's spotlight matches on: label, description and keywords. */
const finds = (commands: PaletteCommand[], query: string) =>
  commands.filter((command) => [command.label, command.description ?? '', ...command.keywords].join(' ').toLowerCase().includes(query.toLowerCase())).map((command) => command.id);

describe('command palette: screens and actions, not only partners', () => {
  it('finds the screens by name', () => {
    expect(finds(SCREEN_COMMANDS, 'dashboard')).toEqual(['dashboard']);
    expect(finds(SCREEN_COMMANDS, 'profile')).toEqual(['settings']);
    expect(finds(SCREEN_COMMANDS, 'journey templates')).toEqual(['templates']);
    expect(finds(SCREEN_COMMANDS, 'promotion')).toEqual(['tiers']);
    expect(finds(SCREEN_COMMANDS, 'webhook')).toEqual(['webhooks']);
    expect(finds(SCREEN_COMMANDS, 'zapier')).toEqual(['webhooks']);
    for (const screen of ['templates', 'tiers', 'webhooks']) expect(SCREEN_COMMANDS.find((c) => c.id === screen)?.run).toEqual({ kind: 'navigate', to: `/${screen}` });
  });

  it('offers the open partner’s actions: record check-in, export plan (its latest version)', () => {
    const acme = { id: 'p 1', name: 'Acme Cloud' };
    const commands = partnerCommands(acme, [
      { id: 'v1', status: 'final', version: 1 },
      { id: 'v2', status: 'draft', version: 2 },
    ]);
    expect(finds(commands, 'record check-in')).toEqual(['checkin']);
    expect(commands.find((command) => command.id === 'checkin')?.run).toEqual({ kind: 'navigate', to: '/partners/p%201/meetings?checkin=new' });
    expect(commands.find((command) => command.id === 'export-plan')?.run).toEqual({ kind: 'export-plan', planId: 'v2', partnerId: 'p 1' });
    expect(finds(partnerCommands(acme, []), 'export plan')).toEqual([]);
  });

  it('with no partner open, still finds "record check-in" and "export plan" and says where to start', () => {
    expect(finds(partnerCommands(null, []), 'record check-in')).toEqual(['checkin-pick']);
    expect(finds(partnerCommands(null, []), 'export plan')).toEqual(['plan-pick']);
    expect(partnerIdOfPath('/partners/abc/plan')).toBe('abc');
    expect(partnerIdOfPath('/today')).toBeNull();
  });
});
