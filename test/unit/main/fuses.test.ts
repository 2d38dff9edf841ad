import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

/*
 * Electron fuses are flipped in the packaged binary by electron-builder (`electronFuses`). A fuse
 * the config does not name keeps Electron's default, and the defaults leave the backdoors open:
 * ELECTRON_RUN_AS_NODE turns the app into a plain Node, NODE_OPTIONS and --inspect let anyone
 * with a shortcut run code in the main process, and without asar integrity / only-load-from-asar a
 * patched app folder next to the asar is loaded instead of the signed code.
 */

const root = resolve(import.meta.dirname, '../../..');

type BuilderConfig = { asar?: unknown; extends?: unknown; afterPack?: unknown; electronFuses?: Record<string, unknown> | null };

/** electron-builder.yml as electron-builder reads it (it parses the file with js-yaml too). */
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { build?: unknown };

const REQUIRED_FUSES = [
  ['runAsNode', false, 'ELECTRON_RUN_AS_NODE makes the app binary a plain Node'],
  ['enableNodeOptionsEnvironmentVariable', false, 'NODE_OPTIONS can preload code into the main process'],
  ['enableNodeCliInspectArguments', false, '--inspect/--inspect-brk open a debugger on the main process'],
  ['enableEmbeddedAsarIntegrityValidation', true, 'a modified app.asar would still be loaded'],
  ['onlyLoadAppFromAsar', true, 'an app folder placed next to the asar would be loaded instead'],
  ['grantFileProtocolExtraPrivileges', false, 'file:// pages would get privileges the app:// renderer does not need'],
] as const;

describe('Electron fuses of the packaged app', () => {
  it('are configured in electron-builder.yml alone (no package.json "build" or extends that could override them)', () => {
    expect(packageJson.build).toBeUndefined();
    expect(config.extends).toBeUndefined();
    expect(config.electronFuses, 'electron-builder.yml must have an electronFuses section').toBeTypeOf('object');
  });

  it.each(REQUIRED_FUSES)('sets %s to %s explicitly (otherwise %s)', (fuse, value) => {
    expect(config.electronFuses?.[fuse], `electronFuses.${fuse}`).toBe(value);
  });

  it('packs the app into an asar, which the integrity fuses check', () => {
    expect(config.asar).toBe(true);
  });
});
