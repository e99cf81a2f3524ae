#!/usr/bin/env node
/**
 * Lays out what `yarn plugin-helpers build --kibana-version X` would put in the plugin's zip, and
 * fails on anything missing or extra. It follows Kibana's own build steps
 * (elastic/kibana@057dcf9cdc63289f79e1eaac4e8872e3bc6b23c9:packages/kbn-plugin-helpers/src/cli.ts
 * and its tasks) without Kibana's optimizer:
 * - config: `.kibana-plugin-helpers.json`, read and refused as packages/kbn-plugin-helpers/src/config.ts
 *   does (`skipInstallDependencies` a boolean, `serverSourcePatterns` strings, no other key);
 * - writeServerFiles (…/tasks/write_server_files.ts): `kibana.json` plus the server source
 *   patterns, without `*.d.ts`, `public/`, `__tests__/` and `*.{test,test.mocks,mock,mocks}.*`,
 *   compiled to `.js` (Kibana uses babel; esbuild's transform stands in), and `kibanaVersion`
 *   written into `kibana.json`;
 * - optimize (…/tasks/optimize.ts): the browser bundle in `target/public/<id>.plugin.js`, with
 *   Kibana's shared dependencies left to Kibana (here: esbuild with those as externals);
 * - writePublicAssets: `public/assets/**`; yarnInstall: `yarn install --production` unless
 *   `skipInstallDependencies`; createArchive: the zip holds `kibana/<id>/**`.
 * Usage: node scripts/build_check.mjs [--kibana-version 9.3.0]
 */
import { build, transform } from 'esbuild';
import { builtinModules } from 'node:module';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UI_SHARED_DEPS } from './ui_shared_deps.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_KIBANA_VERSION = '9.3.0';
const DEFAULT_SERVER_SOURCE_PATTERNS = [
  'yarn.lock',
  'tsconfig.json',
  'package.json',
  'index.{js,ts}',
  '{lib,server,common,translations}/**/*',
];
const SERVER_IGNORE_PATTERNS = [
  '**/*.d.ts',
  '**/public/**',
  '**/__tests__/**',
  '**/*.{test,test.mocks,mock,mocks}.*',
];
const CONFIG_KEYS = ['skipInstallDependencies', 'serverSourcePatterns', 'buildSourcePatterns'];

/** Server-side packages Kibana's own node_modules hold and hand to plugins. */
const SERVER_PROVIDED = new Set(['@elastic/elasticsearch', 'rxjs']);
/** A Kibana plugin's code (as opposed to a package): needs `requiredBundles` to load in the browser. */
const PLUGIN_IMPORT = /^@kbn\/[\w-]+-plugin(\/|$)/;
/**
 * The bundle id (the plugin id, as `requiredBundles` names it) of the plugins whose code the
 * browser side imports at run time (elastic/kibana:src/platform/plugins/shared/kibana_react/kibana.jsonc).
 */
const PLUGIN_BUNDLES = { '@kbn/kibana-react-plugin': 'kibanaReact' };

function requiredBundles() {
  const manifest = JSON.parse(readFileSync(join(root, 'kibana.json'), 'utf8'));
  return new Set(manifest.requiredBundles ?? []);
}
/** Paths that must never ship: tests, stand-ins, harness, tooling, dev dependencies. */
const FORBIDDEN = [
  [/(^|\/)test\//, 'test/ (stand-ins, harness, fixtures)'],
  [/\.(test|mock|mocks)\.[jt]sx?$/, 'a test or mock file'],
  [/(^|\/)node_modules\//, 'node_modules (the plugin has no runtime dependencies)'],
  [
    /(^|\/)package(-lock)?\.json$/,
    'package.json (its devDependencies are for the standalone tests)',
  ],
  [/(^|\/)(tsconfig|jest\.config|eslint\.config)\b/, 'tooling configuration'],
  [/(^|\/)scripts\//, 'scripts/'],
  [/\.tsx?$/, 'uncompiled TypeScript'],
];

function flag(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

/** Reads the config as Kibana's plugin-helpers do; throws the same kind of refusal. */
function loadConfig() {
  const path = join(root, '.kibana-plugin-helpers.json');
  if (!existsSync(path)) return { skipInstallDependencies: false };
  const file = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    throw new TypeError(`expected config at [${path}] to be an object`);
  }
  const unknown = Object.keys(file).filter((key) => !CONFIG_KEYS.includes(key));
  if (unknown.length) throw new TypeError(`unexpected key in [${path}]: ${unknown.join(', ')}`);
  const { skipInstallDependencies = false } = file;
  if (typeof skipInstallDependencies !== 'boolean') {
    throw new TypeError(`expected [skipInstallDependencies] at [${path}] to be a boolean`);
  }
  const patterns = file.buildSourcePatterns ?? file.serverSourcePatterns;
  const isStrings = Array.isArray(patterns) && patterns.every((p) => typeof p === 'string');
  if (patterns !== undefined && !isStrings) {
    throw new TypeError(`expected [serverSourcePatterns] at [${path}] to be an array of strings`);
  }
  return { skipInstallDependencies, serverSourcePatterns: patterns };
}

/** A vinyl-fs style glob (`**`, `*`, `{a,b}`) as a regular expression over relative paths. */
function globToRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',') source += '|';
    else source += char.replace(/[.+^$()|[\]\\?]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === '.git' || name === 'build') return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const isBuiltin = (name) => name.startsWith('node:') || builtinModules.includes(name.split('/')[0]);
const packageName = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

async function writeServerFiles({ config, manifest, kibanaVersion, buildDir, problems }) {
  const patterns = manifest.server
    ? (config.serverSourcePatterns ?? DEFAULT_SERVER_SOURCE_PATTERNS)
    : [];
  const include = ['kibana.json', ...patterns].map(globToRegExp);
  const ignore = SERVER_IGNORE_PATTERNS.map(globToRegExp);
  const compiled = [];
  const sources = filesUnder(root)
    .map((path) => relative(root, path))
    .filter((path) => include.some((re) => re.test(path)) && !ignore.some((re) => re.test(path)));
  for (const path of sources) {
    const source = readFileSync(join(root, path), 'utf8');
    if (path === 'kibana.json') {
      const written = { ...JSON.parse(source), kibanaVersion };
      writeFile(buildDir, path, `${JSON.stringify(written, null, 2)}\n`);
    } else if (/\.tsx?$/.test(path)) {
      const { code } = await transform(source, {
        loader: path.endsWith('x') ? 'tsx' : 'ts',
        format: 'cjs',
        target: 'node20',
      });
      const out = path.replace(/\.tsx?$/, '.js');
      writeFile(buildDir, out, code);
      compiled.push([out, code]);
    } else {
      writeFile(buildDir, path, source);
    }
  }
  for (const [file, code] of compiled) checkServerImports(file, code, buildDir, problems);
}

/** Every runtime require of the shipped server code resolves in the zip or in Kibana. */
function checkServerImports(file, code, buildDir, problems) {
  for (const [, specifier] of code.matchAll(/require\("([^"]+)"\)/g)) {
    if (specifier.startsWith('.')) {
      const target = join(buildDir, dirname(file), specifier);
      const found = ['.js', '/index.js', ''].some((suffix) => existsSync(target + suffix));
      if (!found) problems.push(`${file} requires ${specifier}, which the zip does not hold`);
    } else if (
      !specifier.startsWith('@kbn/') &&
      !isBuiltin(specifier) &&
      !SERVER_PROVIDED.has(packageName(specifier))
    ) {
      problems.push(`${file} requires ${specifier}, which Kibana does not provide to plugins`);
    }
  }
}

async function optimize({ manifest, buildDir, problems }) {
  if (!manifest.ui) return;
  const outfile = join(buildDir, 'target', 'public', `${manifest.id}.plugin.js`);
  const result = await build({
    entryPoints: [join(root, 'public', 'index.ts')],
    bundle: true,
    format: 'esm',
    splitting: false,
    minify: true,
    outfile,
    metafile: true,
    logLevel: 'silent',
    // Every bare import is left out, then sorted: Kibana's or a problem.
    plugins: [
      {
        name: 'kibana-externals',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => ({
            path: args.path,
            external: true,
          }));
        },
      },
    ],
  });
  const bundled = Object.keys(result.metafile.inputs);
  for (const input of bundled.filter(
    (path) => !path.startsWith('public/') && !path.startsWith('common/')
  )) {
    problems.push(`the browser bundle holds ${input}, outside public/ and common/`);
  }
  const imported = new Set(
    Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path))
  );
  for (const specifier of imported) {
    if (UI_SHARED_DEPS.has(specifier) || specifier === '@kbn/core/public') continue;
    if (PLUGIN_IMPORT.test(specifier)) {
      const bundle = PLUGIN_BUNDLES[specifier.split('/').slice(0, 2).join('/')];
      if (bundle && requiredBundles().has(bundle)) continue;
      problems.push(`the browser code loads ${specifier} at run time: that needs requiredBundles`);
    } else if (!specifier.startsWith('@kbn/')) {
      problems.push(
        `the browser code imports ${specifier}, which Kibana's shared dependencies do not provide`
      );
    }
  }
  return [...imported].sort();
}

function writePublicAssets({ buildDir }) {
  for (const path of filesUnder(join(root, 'public', 'assets'))) {
    writeFile(buildDir, relative(root, path), readFileSync(path));
  }
}

function writeFile(buildDir, path, contents) {
  const target = join(buildDir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, contents);
}

async function main() {
  const kibanaVersion = flag('--kibana-version', DEFAULT_KIBANA_VERSION);
  const manifest = JSON.parse(readFileSync(join(root, 'kibana.json'), 'utf8'));
  const config = loadConfig();
  const buildDir = join(root, 'build', 'kibana', manifest.id);
  const problems = [];
  rmSync(join(root, 'build', 'kibana'), { recursive: true, force: true });

  const browserImports = await optimize({ manifest, buildDir, problems });
  writePublicAssets({ buildDir });
  await writeServerFiles({ config, manifest, kibanaVersion, buildDir, problems });
  if (!config.skipInstallDependencies) {
    problems.push(
      'skipInstallDependencies is off: the build would `yarn install --production` here'
    );
  }

  const shipped = filesUnder(buildDir)
    .map((path) => relative(buildDir, path))
    .sort();
  for (const path of shipped) {
    for (const [re, what] of FORBIDDEN) {
      if (re.test(path)) problems.push(`${path} would ship, but it is ${what}`);
    }
  }
  const required = [
    'kibana.json',
    manifest.server && 'server/index.js',
    manifest.server && 'server/plugin.js',
    'common/constants.js',
    manifest.ui && `target/public/${manifest.id}.plugin.js`,
  ].filter(Boolean);
  for (const path of required) {
    if (!shipped.includes(path)) problems.push(`${path} is missing from the zip`);
  }
  const written = JSON.parse(readFileSync(join(buildDir, 'kibana.json'), 'utf8'));
  if (written.kibanaVersion !== kibanaVersion) {
    problems.push(`kibana.json says kibanaVersion ${written.kibanaVersion}, not ${kibanaVersion}`);
  }

  console.log(`build/${manifest.id}-${kibanaVersion}.zip would hold kibana/${manifest.id}/:`);
  for (const path of shipped) {
    console.log(`  ${path}  (${statSync(join(buildDir, path)).size.toLocaleString('en')} bytes)`);
  }
  console.log(`browser imports left to Kibana: ${browserImports?.join(', ') ?? 'none'}`);
  if (problems.length) {
    console.error(`\nbuild check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`\nbuild check passed: ${shipped.length} files, kibanaVersion ${kibanaVersion}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
