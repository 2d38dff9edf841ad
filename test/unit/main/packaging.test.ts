import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * What the packaged app can load at run time is decided by the sources: the sandboxed preload may
 * require only 'electron', and the main bundle needs exactly the packages electron-builder.yml
 * keeps in node_modules. These tests follow the runtime imports (type-only imports are erased)
 * from each entry point and fail when a new dependency would break the packaged app.
 */

const root = resolve(import.meta.dirname, '../../..');
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

const runtimePackages = (entry: string): Set<string> => {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const [, typeOnly, specifier = ''] = match;
      if (typeOnly) continue;
      if (specifier.startsWith('.')) {
        const base = join(dirname(file), specifier);
        const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
        if (!target) throw new Error(`cannot resolve ${specifier} from ${file}`);
        visit(target);
      } else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
  };
  visit(join(root, entry));
  return packages;
};

describe('runtime dependencies of the packaged app', () => {
  it('the sandboxed preload requires nothing but electron', () => {
    expect([...runtimePackages('src-main/preload.ts')]).toEqual(['electron']);
  });

  it('electron-builder.yml keeps exactly the packages the main process imports', () => {
    const needed = [...runtimePackages('src-main/index.ts')].filter((name) => name !== 'electron').sort();
    const config = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    const kept = /"!node_modules\/!\(([^)]*)\)\{,\/\*\*\}"/.exec(config)?.[1]?.split('|').sort();
    expect(kept, 'electron-builder.yml must exclude node_modules except the main process runtime packages').toEqual(needed);
  });
});
