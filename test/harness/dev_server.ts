/**
 * The development harness: the plugin's browser code in a Kibana-like page and its server routes
 * over real HTTP, against a real cluster (ELASTICSEARCH_URL) or a fake one serving the scenario
 * dataset. Used by `npm start` and the browser tests; never shipped.
 */
import { Client } from '@elastic/elasticsearch';
import { readFile } from 'fs/promises';
import { createServer, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { httpServiceMock, loggingSystemMock } from '@kbn/core/server/mocks';
import type { CoreSetup, SavedObjectsType } from '@kbn/core/server';
import { createFeaturesSetup } from '@kbn/features-plugin/server';
import { PLUGIN_ID, UI_CAPABILITIES } from '../../common/constants';
import { plugin } from '../../server';
import { buildScenarioIndices } from '../fixtures/scenario/build_scenario';
import { bundleBrowser } from './bundle';
import {
  startFakeElasticsearch,
  type Fault,
  type FakeElasticsearch,
} from './fake_elasticsearch/server';
import { createHarnessStore, readJson } from './harness_store';
import { SavedObjectsStore } from '../helpers/saved_objects_store';
import { createDetectionRulesApi } from './detection_rules_api';
import { UiSettingsStore } from '../helpers/ui_settings_server';
import { createKibanaRouteHandler } from './kibana_http';

export interface ElasticsearchConnection {
  url: string;
  username?: string;
  password?: string;
  apiKey?: string;
}

export interface DevServerOptions {
  port?: number;
  host?: string;
  /** A real cluster; without it a fake Elasticsearch serves the scenario dataset. */
  elasticsearch?: ElasticsearchConnection;
  /** The instant the scenario dataset is built around (tests pin it). */
  now?: Date;
  /** Latency added by the fake Elasticsearch to every answer. */
  esLatencyMs?: number;
  /**
   * Advanced settings as an admin saved them (`theme:darkMode`, `dateFormat:tz`, …); the page
   * reads them when it loads, as Kibana's does. `POST /__harness/ui-settings` changes them.
   */
  uiSettings?: Record<string, unknown>;
  /**
   * The Cases the page gets: 9.5's (Discover sessions attach by reference, the default) or the
   * 9.3/9.4 contract without them.
   */
  casesDiscoverSessions?: boolean;
  /**
   * Where the saved objects (allowlist entries, review marks) are kept between runs; in memory
   * only when unset (tests).
   */
  savedObjectsFile?: string;
  /** The signed-in user's privilege for the app: `all` (default) or `read`. */
  privilege?: 'all' | 'read';
}

export interface DevServer {
  url: string;
  fakeElasticsearch?: FakeElasticsearch;
  /** The instant the demo's scenario dataset was built around (tests derive expectations from it). */
  scenarioNow: Date;
  close(): Promise<void>;
}

/**
 * Kibana loads the charts library's light or dark stylesheet with the page, per `theme:darkMode`
 * (elastic/kibana:src/core/packages/rendering/server-internal/src/render_utils.ts).
 */
const CHARTS_STYLESHEETS = {
  light: '@elastic/charts/dist/theme_only_light.css',
  dark: '@elastic/charts/dist/theme_only_dark.css',
};
/** EUI Borealis page backgrounds (body colour) in each mode, so the page behind the app matches. */
const PAGE_BACKGROUND = { light: '#f6f9fc', dark: '#07101f' };

function html(
  demo: boolean,
  entry: string,
  stylesheets: string[],
  uiSettings: Record<string, unknown>,
  casesDiscoverSessions: boolean,
  capabilities: Record<string, boolean>
): string {
  const config = JSON.stringify({ demo, uiSettings, casesDiscoverSessions, capabilities }).replace(
    /</g,
    '\\u003c'
  );
  const mode = uiSettings['theme:darkMode'] === 'enabled' ? 'dark' : 'light';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Elastic</title>
<style>html,body{margin:0;background:${PAGE_BACKGROUND[mode]};font-family:Inter,-apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif}</style>
<link rel="stylesheet" href="/bundle/charts_${mode}.css">
${stylesheets.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
<script>window.__ENTRA_SP_HUNT_HARNESS__ = ${config};</script>
</head>
<body>
<div id="harness-chrome"></div>
<div id="harness-app"></div>
<script type="module" src="${entry}"></script>
</body>
</html>`;
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Uint8Array
) {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const scenarioNow = options.now ?? new Date();
  const fakeElasticsearch = options.elasticsearch
    ? undefined
    : await startFakeElasticsearch({
        indices: buildScenarioIndices(scenarioNow),
        latencyMs: options.esLatencyMs,
      });
  const connection = options.elasticsearch ?? { url: fakeElasticsearch?.url ?? '' };
  const client = new Client({
    node: connection.url,
    auth: connection.apiKey
      ? { apiKey: connection.apiKey }
      : connection.username
        ? { username: connection.username, password: connection.password ?? '' }
        : undefined,
    maxRetries: 0,
  });

  const router = httpServiceMock.createRouter();
  const serverPlugin = await plugin({
    opaqueId: Symbol('entraSpHunt'),
    logger: { get: () => loggingSystemMock.createLogger() },
    config: { get: () => ({}) as never },
  });
  const savedObjects = new SavedObjectsStore(options.savedObjectsFile);
  const features = createFeaturesSetup();
  // The page's settings are the default space's: `POST /__harness/ui-settings` changes both.
  const uiSettings: Record<string, unknown> = { ...options.uiSettings };
  const serverUiSettings = new UiSettingsStore(uiSettings);
  const core: CoreSetup = {
    http: { createRouter: () => router as never },
    savedObjects: { registerType: (type) => savedObjects.registerType(type as SavedObjectsType) },
    uiSettings: { register: (settings) => serverUiSettings.register(settings) },
    getStartServices: () => Promise.resolve([{}, {}, {}]),
  };
  serverPlugin.setup(core, { features });
  features.registry.lockRegistration();
  const privilege = features.registry
    .getAllKibanaFeatures()
    .find((feature) => feature.id === PLUGIN_ID)?.privileges?.[options.privilege ?? 'all'];
  // Changed in place by POST /__harness/privilege: a role changed while a page stays open.
  const apiPrivileges = [...(privilege?.api ?? [])];
  const handleRoute = createKibanaRouteHandler({
    router,
    asCurrentUser: client,
    savedObjects,
    apiPrivileges,
    username: options.privilege === 'read' ? 'demo-reader' : 'demo-analyst',
    uiSettings: serverUiSettings,
  });
  const handleHarness = createHarnessStore(client);
  const detectionRules = createDetectionRulesApi();
  const bundle = await bundleBrowser();
  for (const [mode, stylesheet] of Object.entries(CHARTS_STYLESHEETS)) {
    bundle.files.set(`/bundle/charts_${mode}.css`, {
      contents: await readFile(require.resolve(stylesheet)),
      contentType: 'text/css',
    });
  }
  const page = () =>
    html(
      !!fakeElasticsearch,
      bundle.entry,
      [...bundle.files.keys()].filter(
        (path) => path.endsWith('.css') && !path.startsWith('/bundle/charts_')
      ),
      uiSettings,
      options.casesDiscoverSessions ?? true,
      // What Kibana's capabilities service grants the app from the privilege's `ui` entries.
      Object.fromEntries(
        Object.values(UI_CAPABILITIES).map((name) => [name, privilege?.ui?.includes(name) ?? false])
      )
    );

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    try {
      if (await handleRoute(request, response)) return;
      if (await handleHarness(request, response)) return;
      if (await detectionRules.handle(request, response)) return;
      if (url.pathname === '/') {
        response.writeHead(302, { location: '/app/entraSpHunt' });
        return response.end();
      }
      if (url.pathname.startsWith('/app/'))
        return send(response, 200, 'text/html; charset=utf-8', page());
      if (url.pathname === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
      const file = bundle.files.get(url.pathname);
      if (file) return send(response, 200, file.contentType, file.contents);
      if (url.pathname === '/__harness/ui-settings' && request.method === 'POST') {
        for (const [key, value] of Object.entries(await readJson(request))) {
          if (value === null) delete uiSettings[key];
          else uiSettings[key] = value;
        }
        return send(response, 204, 'text/plain', '');
      }
      if (url.pathname === '/__harness/privilege' && request.method === 'POST') {
        // The API privileges of another privilege of the app (`read` or `all`), for the routes
        // from now on; the open page keeps the capabilities it loaded with, as Kibana's does.
        const wanted = (await readJson(request)).privilege === 'read' ? 'read' : 'all';
        const next = features.registry
          .getAllKibanaFeatures()
          .find((feature) => feature.id === PLUGIN_ID)?.privileges?.[wanted]?.api;
        apiPrivileges.splice(0, apiPrivileges.length, ...(next ?? []));
        return send(response, 204, 'text/plain', '');
      }
      if (fakeElasticsearch && url.pathname === '/__harness/faults' && request.method === 'POST') {
        fakeElasticsearch.addFault((await readJson(request)) as unknown as Fault);
        return send(response, 204, 'text/plain', '');
      }
      if (
        fakeElasticsearch &&
        url.pathname === '/__harness/faults' &&
        request.method === 'DELETE'
      ) {
        fakeElasticsearch.clearFaults();
        return send(response, 204, 'text/plain', '');
      }
      if (fakeElasticsearch && url.pathname === '/__harness/es-requests') {
        return send(response, 200, 'application/json', JSON.stringify(fakeElasticsearch.requests));
      }
      return send(response, 404, 'text/plain', 'Not found');
    } catch {
      if (!response.headersSent) send(response, 500, 'text/plain', 'Harness error');
    }
  });

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve)
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    fakeElasticsearch,
    scenarioNow,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await client.close();
      await fakeElasticsearch?.close();
    },
  };
}
