/**
 * Every `@kbn/*` module the shipped code imports must have a stand-in here (or the standalone
 * build would not resolve it), and every stand-in must name the Kibana file it mirrors and the
 * commit it was checked at, so a reader can compare the two.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..');
const PRODUCT_DIRS = ['common', 'server', 'public'];
const STAND_IN_DIR = join(ROOT, 'test', 'kibana');
const SOURCE_FILE = /\.tsx?$/;
const TEST_FILE = /\.(test|mock|mocks)\.tsx?$/;
/** `from '@kbn/x'`, `import '@kbn/x'` and `import('@kbn/x')`, over any line breaks. */
const KBN_IMPORT = /(?:from\s+|import\s*\(?\s*)['"](@kbn\/[^'"]+)['"]/g;
/** `Checked at elastic/kibana@<40-hex sha>:<path in the Kibana repository>`. */
const CHECKED_AT =
  /Checked at elastic\/kibana@([0-9a-f]{40}):((?:src|x-pack|packages)\/[\w./-]+\.(?:ts|tsx|js))/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function productFiles(): string[] {
  return PRODUCT_DIRS.flatMap((dir) => filesUnder(join(ROOT, dir))).filter(
    (path) => SOURCE_FILE.test(path) && !TEST_FILE.test(path)
  );
}

function kbnImports(source: string): string[] {
  return [...source.matchAll(KBN_IMPORT)].map((match) => match[1]);
}

/** Where jest's moduleNameMapper and tsconfig's paths send `@kbn/<rest>`. */
function standInFor(specifier: string): string | undefined {
  const rest = specifier.slice('@kbn/'.length);
  const candidates = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((suffix) =>
    join(STAND_IN_DIR, `${rest}${suffix}`)
  );
  return candidates.find((path) => existsSync(path));
}

describe('Kibana stand-ins', () => {
  const imports = new Map<string, string[]>();
  for (const file of productFiles()) {
    for (const specifier of kbnImports(readFileSync(file, 'utf8'))) {
      imports.set(specifier, [...(imports.get(specifier) ?? []), relative(ROOT, file)]);
    }
  }

  it('finds the @kbn imports of the shipped code', () => {
    // The plugin is built on core, i18n and zod at the least; an empty list means the scan broke.
    expect([...imports.keys()]).toEqual(
      expect.arrayContaining(['@kbn/core/public', '@kbn/core/server', '@kbn/i18n', '@kbn/zod/v4'])
    );
  });

  it('has a stand-in for every @kbn module the shipped code imports', () => {
    const missing = [...imports.entries()]
      .filter(([specifier]) => standInFor(specifier) === undefined)
      .map(([specifier, files]) => `${specifier} (imported by ${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('names, in each stand-in, the Kibana file it mirrors and the commit it was checked at', () => {
    const standIns = filesUnder(STAND_IN_DIR).filter((path) => SOURCE_FILE.test(path));
    expect(standIns.length).toBeGreaterThan(0);
    const unnamed = standIns
      .filter((path) => !CHECKED_AT.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path));
    expect(unnamed).toEqual([]);
  });

  it('reads multi-line and dynamic imports (the scan can fail)', () => {
    const source = [
      "import {\n  a,\n  b,\n} from '@kbn/one/public';",
      "const lazy = await import('@kbn/two');",
      "import type { C } from '@elastic/eui';",
    ].join('\n');
    expect(kbnImports(source)).toEqual(['@kbn/one/public', '@kbn/two']);
    expect(standInFor('@kbn/no-such-package')).toBeUndefined();
  });
});
