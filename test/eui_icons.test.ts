/**
 * Every icon the plugin names exists in the installed EUI: an unknown `iconType` string renders
 * nothing (EUI treats it as an image URL), so a callout or button silently loses its icon.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';
// EUI's own icon registry (typed in eui.d.ts under its src/ path; shipped as lib/ for node), not
// part of its public exports: read here only to check names.
import type { typeToPathMap as IconMap } from '@elastic/eui/src/components/icon/icon_map';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { typeToPathMap } = require('@elastic/eui/lib/components/icon/icon_map') as {
  typeToPathMap: typeof IconMap;
};

/** `iconType="x"`, `iconType: 'x'`, `icon: 'x'`, `euiIconType: 'x'`, `iconType={'x'}`. */
const ICON_NAME = /\b(?:iconType|euiIconType|icon)\s*(?:=\s*\{?\s*|:\s*)['"]([A-Za-z0-9_]+)['"]/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('EUI icons', () => {
  const used = new Map<string, string[]>();
  for (const file of sources(resolve(__dirname, '../public'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(ICON_NAME)) {
      used.set(match[1], [...(used.get(match[1]) ?? []), file]);
    }
  }

  it('finds the icons the plugin uses', () => {
    expect(used.size).toBeGreaterThan(10);
    expect(used.has('discoverApp')).toBe(true);
  });

  it('uses only icons the installed EUI has', () => {
    const known = new Set(Object.keys(typeToPathMap));
    const unknown = [...used.entries()]
      .filter(([name]) => !known.has(name))
      .map(([name, files]) => `${name} (${files.join(', ')})`);
    expect(unknown).toEqual([]);
  });

  it('would catch the name this EUI dropped', () => {
    expect(Object.keys(typeToPathMap)).not.toContain('iInCircle');
  });
});
