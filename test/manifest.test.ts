import { readFileSync } from 'fs';
import { resolve } from 'path';
import { PLUGIN_ID } from '../common/constants';

const root = resolve(__dirname, '..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

/** kibana.jsonc allows comments and trailing commas; strip them outside strings. */
function parseJsonc(text: string): Record<string, unknown> {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      out += char;
      if (char === '\\') out += text[++i];
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i += 1;
      out += '\n';
    } else if (text.startsWith('/*', i)) {
      i = text.indexOf('*/', i) + 1;
    } else out += char;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

// elastic/kibana:src/core/packages/plugins/server-internal/src/discovery/plugin_manifest_parser.ts
// rejects any key outside this list with "unrecognized properties".
const KNOWN_MANIFEST_FIELDS = [
  'id',
  'kibanaVersion',
  'type',
  'version',
  'configPath',
  'requiredPlugins',
  'optionalPlugins',
  'runtimePluginDependencies',
  'ui',
  'server',
  'extraPublicDirs',
  'requiredBundles',
  'serviceFolders',
  'owner',
  'description',
  'enabledOnAnonymousPages',
];

describe('plugin manifests', () => {
  const jsonc = parseJsonc(read('kibana.jsonc')) as {
    type: string;
    id: string;
    owner: string[];
    description: string;
    plugin: Record<string, unknown>;
  };
  const json = JSON.parse(read('kibana.json')) as Record<string, unknown>;

  it('kibana.jsonc is a plugin package with a @kbn/…-plugin id', () => {
    expect(jsonc.type).toBe('plugin');
    expect(jsonc.id).toMatch(/^@kbn\/[a-z0-9-]+-plugin$/);
    expect(jsonc.owner.length).toBeGreaterThan(0);
    expect(jsonc.plugin.id).toBe(PLUGIN_ID);
  });

  it('kibana.json uses only fields Kibana knows and works with any Kibana version it is built for', () => {
    expect(Object.keys(json).filter((key) => !KNOWN_MANIFEST_FIELDS.includes(key))).toEqual([]);
    expect(json.kibanaVersion).toBe('kibana');
    expect(json.version).toEqual(expect.any(String));
    expect(json.owner).toEqual(expect.objectContaining({ name: expect.any(String) }));
    expect(json.id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });

  it('the two manifests agree', () => {
    expect(json.id).toBe(jsonc.plugin.id);
    expect(json.server).toBe(jsonc.plugin.server);
    expect(json.ui).toBe(jsonc.plugin.browser);
    for (const key of ['requiredPlugins', 'optionalPlugins', 'requiredBundles'] as const) {
      expect([...((json[key] as string[]) ?? [])].sort()).toEqual(
        [...((jsonc.plugin[key] as string[]) ?? [])].sort()
      );
    }
    expect(json.description).toBe(jsonc.description);
  });

  it('package.json builds with plugin-helpers and ships no runtime dependencies', () => {
    const pkg = JSON.parse(read('package.json')) as {
      scripts: Record<string, string>;
      dependencies?: object;
    };
    expect(pkg.scripts.build).toContain('plugin-helpers build');
    expect(pkg.dependencies ?? {}).toEqual({});
  });
});
