/**
 * Page-load bundle (not a test): builds `public/index.ts` as Kibana's optimizer treats a plugin
 * and prints what every Kibana page loads for it, then each chunk loaded on demand.
 *   npm run bench:bundle
 *
 * Kibana's optimizer bundles each plugin with webpack, leaving out the modules Kibana provides to
 * every bundle (kbn-ui-shared-deps-src's externals, the list in scripts/ui_shared_deps.mjs) and
 * loading core and other plugins' public APIs from their own bundles
 * (elastic/kibana:src/platform/packages/private/kbn-optimizer/src/worker/bundle_remotes_plugin.ts).
 * A dynamic `import()` becomes a chunk fetched when it runs. esbuild with code splitting stands in
 * for webpack: the page-load cost is the entry file and every chunk it imports statically; each
 * `import()` target (and what it pulls in beyond that) is a lazy chunk. Other `@kbn/*` packages
 * (`@kbn/zod`) are bundled, as Kibana bundles them into the plugin.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, resolve } from 'path';
import { gzipSync } from 'zlib';
import { build, type Metafile } from 'esbuild';
import { UI_SHARED_DEPS } from '../../scripts/ui_shared_deps.mjs';

const root = resolve(__dirname, '../..');
/** Core and other plugins' public APIs: loaded from their own bundles at run time. */
const BUNDLE_REMOTE = /^@kbn\/(core(\/public)?|[\w-]+-plugin(\/public)?)$/;
/** The page-load budget (minified bytes) Kibana's own plugins are held to in this project. */
const PAGE_LOAD_BUDGET_BYTES = 5 * 1024;

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isKibanaProvided(specifier: string): boolean {
  return (
    UI_SHARED_DEPS.has(specifier) ||
    UI_SHARED_DEPS.has(packageOf(specifier)) ||
    BUNDLE_REMOTE.test(specifier)
  );
}

interface ChunkFigures {
  file: string;
  bytes: number;
  gzip: number;
  /** The largest source inputs in the chunk, for reading where bytes come from. */
  top: string[];
}

function figuresOf(
  metafile: Metafile,
  contents: Map<string, Uint8Array>,
  file: string
): ChunkFigures {
  const output = metafile.outputs[file];
  const bytes = contents.get(file) ?? new Uint8Array();
  const name = file.split('/').pop() ?? file;
  const top = Object.entries(output.inputs)
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, 4)
    .map(([input, { bytesInOutput }]) => `${input} ${bytesInOutput} B`);
  return { file: name, bytes: bytes.length, gzip: gzipSync(bytes).length, top };
}

/** The entry file and every chunk reachable from it by static imports. */
function staticClosure(metafile: Metafile, entry: string): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.external || imported.kind !== 'import-statement') continue;
      if (!seen.has(imported.path)) {
        seen.add(imported.path);
        queue.push(imported.path);
      }
    }
  }
  return [...seen];
}

async function main() {
  const outdir = mkdtempSync(join(tmpdir(), 'entra-sp-hunt-bundle-'));
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [join(root, 'public', 'index.ts')],
      bundle: true,
      format: 'esm',
      splitting: true,
      minify: true,
      outdir,
      write: false,
      metafile: true,
      logLevel: 'silent',
      tsconfig: join(root, 'tsconfig.json'),
      loader: { '.svg': 'text' },
      plugins: [
        {
          name: 'kibana-externals',
          setup(pluginBuild) {
            pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
              isKibanaProvided(args.path) ? { path: args.path, external: true } : undefined
            );
          },
        },
      ],
    });
    const contents = new Map(
      result.outputFiles.map((file) => [relative(root, file.path), file.contents])
    );
    const { metafile } = result;
    const entry = Object.keys(metafile.outputs).find(
      (file) => metafile.outputs[file].entryPoint === 'public/index.ts'
    );
    if (!entry) throw new Error('esbuild produced no output for public/index.ts');
    const pageLoad = staticClosure(metafile, entry).map((file) =>
      figuresOf(metafile, contents, file)
    );
    const onPage = new Set(staticClosure(metafile, entry));
    const lazy = Object.keys(metafile.outputs)
      .filter((file) => file.endsWith('.js') && !onPage.has(file))
      .map((file) => figuresOf(metafile, contents, file))
      .sort((a, b) => b.bytes - a.bytes);
    const sum = (chunks: ChunkFigures[], key: 'bytes' | 'gzip') =>
      chunks.reduce((total, chunk) => total + chunk[key], 0);
    const pageLoadBytes = sum(pageLoad, 'bytes');
    const externals = [
      ...new Set(
        Object.values(metafile.outputs).flatMap((output) =>
          output.imports.filter((imported) => imported.external).map((imported) => imported.path)
        )
      ),
    ].sort();
    console.log(
      JSON.stringify(
        {
          page_load: {
            minified_bytes: pageLoadBytes,
            gzip_bytes: sum(pageLoad, 'gzip'),
            budget_bytes: PAGE_LOAD_BUDGET_BYTES,
            within_budget: pageLoadBytes <= PAGE_LOAD_BUDGET_BYTES,
            chunks: pageLoad,
          },
          lazy: {
            minified_bytes: sum(lazy, 'bytes'),
            gzip_bytes: sum(lazy, 'gzip'),
            chunks: lazy,
          },
          kibana_provided: externals,
        },
        null,
        2
      )
    );
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
