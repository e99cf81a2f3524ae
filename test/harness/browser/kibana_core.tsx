/**
 * A browser-side stand-in for Kibana's core services, enough to mount the plugin's app as Kibana
 * would: HttpSetup (kbn-xsrf, elastic-api-version, IHttpFetchError on failure), chrome
 * breadcrumbs and document title, application registration and navigation, and
 * rendering.addContext (EUI provider and i18n).
 */
import React, { type ReactNode } from 'react';
import { EuiProvider } from '@elastic/eui';
import { I18nProvider } from '@kbn/i18n-react';
import { BehaviorSubject } from 'rxjs';
import type {
  App,
  ChromeBreadcrumb,
  CoreSetup,
  CoreStart,
  HttpFetchOptions,
  HttpSetup,
  IHttpFetchError,
} from '@kbn/core/public';

class HttpFetchError<T> extends Error implements IHttpFetchError<T> {
  constructor(
    message: string,
    public readonly request: Request,
    public readonly response?: Response,
    public readonly body?: T
  ) {
    super(message);
    this.name = 'HttpFetchError';
  }
}

async function fetchJson<T>(
  method: string,
  path: string,
  options: HttpFetchOptions = {}
): Promise<T> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'kbn-xsrf': 'entraSpHunt-harness',
    'x-elastic-internal-origin': 'Kibana',
    ...(options.version ? { 'elastic-api-version': options.version } : {}),
    ...options.headers,
  };
  const query = options.query
    ? `?${new URLSearchParams(Object.entries(options.query).map(([k, v]) => [k, String(v)]))}`
    : '';
  const request = new Request(`${path}${query}`, {
    method,
    headers,
    body: options.body ?? undefined,
    signal: options.signal ?? undefined,
  });
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new HttpFetchError(error instanceof Error ? error.message : 'Failed to fetch', request);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw new HttpFetchError(response.statusText, request, response, body);
  return body as T;
}

export interface HarnessChrome {
  breadcrumbs$: BehaviorSubject<ChromeBreadcrumb[]>;
}

export interface HarnessCore {
  setup: CoreSetup;
  start: CoreStart;
  apps: Map<string, App>;
  chrome: HarnessChrome;
  startServices: { resolve: (deps: object) => void };
}

export function withHarnessContext(node: ReactNode) {
  return (
    <EuiProvider colorMode="light">
      <I18nProvider>{node}</I18nProvider>
    </EuiProvider>
  );
}

export function createHarnessCore(navigateToUrl: (url: string) => Promise<void>): HarnessCore {
  const http: HttpSetup = {
    basePath: { get: () => '', prepend: (url) => url, remove: (url) => url },
    fetch: (path, options) => fetchJson('GET', path, options),
    get: (path, options) => fetchJson('GET', path, options),
    post: (path, options) => fetchJson('POST', path, options),
  };
  const apps = new Map<string, App>();
  const breadcrumbs$ = new BehaviorSubject<ChromeBreadcrumb[]>([]);
  const uiSettings: Record<string, unknown> = { enableESQL: true };
  const start: CoreStart = {
    http,
    application: {
      capabilities: {
        navLinks: {},
        management: {},
        catalogue: {},
        discover_v2: { show: true, save: true },
        securitySolutionCasesV3: { create_cases: true, read_cases: true, update_cases: true },
      },
      navigateToUrl,
    },
    chrome: {
      setBreadcrumbs: (next) => breadcrumbs$.next(next),
      docTitle: {
        change: (title) => {
          document.title = `${[title].flat().join(' - ')} - Elastic`;
        },
        reset: () => {
          document.title = 'Elastic';
        },
      },
    },
    notifications: {
      toasts: {
        addSuccess: () => ({ id: 'toast' }),
        addDanger: () => ({ id: 'toast' }),
      },
    },
    uiSettings: {
      get: <T,>(key: string, fallback?: T) => (key in uiSettings ? uiSettings[key] : fallback) as T,
    },
    rendering: { addContext: (node: ReactNode) => withHarnessContext(node) },
    i18n: {},
    theme: { theme$: new BehaviorSubject({ darkMode: false }) },
  };
  let resolveDeps: (deps: object) => void = () => undefined;
  const depsPromise = new Promise<object>((resolve) => {
    resolveDeps = resolve;
  });
  const setup: CoreSetup = {
    application: { register: (app) => apps.set(app.id, app as App) },
    http,
    getStartServices: async () => [start, await depsPromise, {}] as [CoreStart, object, unknown],
  };
  return { setup, start, apps, chrome: { breadcrumbs$ }, startServices: { resolve: resolveDeps } };
}
