/**
 * Bundles the browser plugin with esbuild, as Kibana's optimizer would bundle it: `@kbn/*`
 * imports resolve to the stand-ins here (Kibana provides the real ones), the app page loads as a
 * separate lazy chunk, and everything is kept in memory.
 */
import { build, type Plugin } from 'esbuild';
import { existsSync } from 'fs';
import { readFile } from 'fs/promises';
import { join, resolve } from 'path';

export interface BrowserBundle {
  /** Output files by URL path under /bundle/. */
  files: Map<string, { contents: Uint8Array; contentType: string }>;
  entry: string;
}

const ROOT = resolve(__dirname, '../..');

const kbnStandIns: Plugin = {
  name: 'kbn-stand-ins',
  setup(builder) {
    builder.onResolve({ filter: /^@kbn\// }, ({ path }) => {
      const base = join(ROOT, 'test/kibana', path.slice('@kbn/'.length));
      for (const candidate of [
        `${base}.ts`,
        `${base}.tsx`,
        join(base, 'index.ts'),
        join(base, 'index.tsx'),
      ]) {
        if (existsSync(candidate)) return { path: candidate };
      }
      return { errors: [{ text: `No stand-in for ${path} in test/kibana` }] };
    });
  },
};

/**
 * EUI loads icons with `import('./assets/' + name)`; webpack (Kibana) resolves that, esbuild only
 * globs it when the extension is spelled out, so the harness adds it.
 */
const euiIconImports: Plugin = {
  name: 'eui-icon-imports',
  setup(builder) {
    builder.onLoad(
      { filter: /@elastic[\\/]eui[\\/]es[\\/]components[\\/]icon[\\/]icon\.js$/ },
      async ({ path }) => {
        const source = await readFile(path, 'utf8');
        return {
          contents: source.replace(
            "'./assets/' + typeToPathMap[iconType]",
            "'./assets/' + typeToPathMap[iconType] + '.js'"
          ),
          loader: 'js',
        };
      }
    );
  },
};

export async function bundleBrowser(): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: { main: join(ROOT, 'test/harness/browser/main.tsx') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    outdir: '/bundle',
    write: false,
    minify: true,
    sourcemap: false,
    jsx: 'transform',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [kbnStandIns, euiIconImports],
    logLevel: 'silent',
  });
  const files = new Map<string, { contents: Uint8Array; contentType: string }>();
  for (const file of result.outputFiles) {
    files.set(file.path, {
      contents: file.contents,
      contentType: file.path.endsWith('.css') ? 'text/css' : 'text/javascript',
    });
  }
  return { files, entry: '/bundle/main.js' };
}
