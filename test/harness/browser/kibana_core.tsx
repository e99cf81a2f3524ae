/**
 * A browser-side stand-in for Kibana's core services, enough to mount the plugin's app as Kibana
 * would: HttpSetup (kbn-xsrf, elastic-api-version, IHttpFetchError on failure), chrome
 * breadcrumbs and document title, application registration and navigation, advanced settings
 * (Kibana's registered defaults under the admin's values), the theme (dark mode from
 * `theme:darkMode`, read once per page load as Kibana does), the time zone (`dateFormat:tz` as
 * moment's default zone, as Kibana's core does) and rendering.addContext (EUI provider following
 * `theme$`, and i18n).
 */
import React, { useEffect, useRef, useState, type ReactNode } from 'react';
import { EuiGlobalToastList, EuiProvider } from '@elastic/eui';
import { I18nProvider } from '@kbn/i18n-react';
import moment from 'moment-timezone';
import { BehaviorSubject } from 'rxjs';
import type {
  App,
  ChromeBreadcrumb,
  CoreSetup,
  CoreStart,
  CoreTheme,
  HttpFetchOptions,
  HttpSetup,
  IHttpFetchError,
  IUiSettingsClient,
  ThemeServiceStart,
  ToastInputFields,
} from '@kbn/core/public';
import { createGetUrlForApp } from '../../helpers/get_url_for_app';
import { createUiSettingsClient } from '../../helpers/ui_settings';

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

export type HarnessToast = ToastInputFields & {
  id: string;
  color: NonNullable<ToastInputFields['color']>;
};

export interface HarnessCore {
  toasts$: BehaviorSubject<HarnessToast[]>;
  setup: CoreSetup;
  start: CoreStart;
  apps: Map<string, App>;
  chrome: HarnessChrome;
  startServices: { resolve: (deps: object) => void };
}

/** EUI's colour mode follows `theme$`, as Kibana's KibanaEuiProvider does. */
function HarnessEuiProvider({
  theme,
  children,
}: {
  theme: ThemeServiceStart;
  children: ReactNode;
}) {
  const [current, setCurrent] = useState<CoreTheme>(() => theme.getTheme());
  useEffect(() => {
    const subscription = theme.theme$.subscribe(setCurrent);
    return () => subscription.unsubscribe();
  }, [theme]);
  return <EuiProvider colorMode={current.darkMode ? 'dark' : 'light'}>{children}</EuiProvider>;
}

export function withHarnessContext(node: ReactNode, theme: ThemeServiceStart) {
  return (
    <HarnessEuiProvider theme={theme}>
      <I18nProvider>{node}</I18nProvider>
    </HarnessEuiProvider>
  );
}

/**
 * Kibana resolves `theme:darkMode` when it renders the page (a change needs a reload):
 * elastic/kibana:src/core/packages/rendering/server-internal/src/rendering_service.tsx.
 */
export function isDarkMode(uiSettings: IUiSettingsClient): boolean {
  const setting = uiSettings.get<string | boolean>('theme:darkMode');
  if (setting === 'system') return window.matchMedia('(prefers-color-scheme: dark)').matches;
  return setting === 'enabled' || setting === true;
}

/**
 * Kibana's core sets moment's default zone from `dateFormat:tz` ('Browser' leaves the browser's):
 * elastic/kibana:src/core/packages/integrations/browser-internal/src/moment/moment_service.ts.
 */
function applyTimeZone(uiSettings: IUiSettingsClient) {
  const zone = uiSettings.get<string>('dateFormat:tz');
  const known = zone === 'Browser' ? undefined : moment.tz.zone(zone);
  moment.tz.setDefault(known ? known.name : undefined);
}

export function createHarnessCore(
  navigateToUrl: (url: string) => Promise<void>,
  uiSettingsUserValues: Record<string, unknown> = {},
  /**
   * The app's own UI capabilities as Kibana computes them from the user's feature privilege
   * (`capabilities.entraSpHunt.show`, `.write`).
   */
  appCapabilities: Record<string, boolean> = {}
): HarnessCore {
  const http: HttpSetup = {
    basePath: { get: () => '', prepend: (url) => url, remove: (url) => url },
    fetch: (path, options) => fetchJson('GET', path, options),
    get: (path, options) => fetchJson('GET', path, options),
    post: (path, options) => fetchJson('POST', path, options),
    put: (path, options) => fetchJson('PUT', path, options),
    delete: (path, options) => fetchJson('DELETE', path, options),
  };
  const apps = new Map<string, App>();
  const toasts$ = new BehaviorSubject<HarnessToast[]>([]);
  const addToast = (color: HarnessToast['color'], toast: string | ToastInputFields) => {
    const id = `toast-${toasts$.value.length + 1}`;
    const fields = typeof toast === 'string' ? { title: toast } : toast;
    toasts$.next([...toasts$.value, { ...fields, color: fields.color ?? color, id }]);
    return { id };
  };
  const breadcrumbs$ = new BehaviorSubject<ChromeBreadcrumb[]>([]);
  const uiSettings = createUiSettingsClient(uiSettingsUserValues);
  applyTimeZone(uiSettings);
  const currentTheme: CoreTheme = { darkMode: isDarkMode(uiSettings), name: 'borealis' };
  const theme: ThemeServiceStart = {
    theme$: new BehaviorSubject(currentTheme),
    getTheme: () => currentTheme,
  };
  const start: CoreStart = {
    http,
    application: {
      capabilities: {
        navLinks: {},
        management: {},
        catalogue: {},
        discover_v2: { show: true, save: true },
        securitySolutionCasesV3: { create_cases: true, read_cases: true, update_cases: true },
        securitySolutionRulesV2: { read_rules: true, edit_rules: true },
        entraSpHunt: appCapabilities,
      },
      navigateToUrl,
      getUrlForApp: createGetUrlForApp('', window.location.origin),
      currentAppId$: new BehaviorSubject<string | undefined>(
        window.location.pathname.split('/')[2]
      ),
      applications$: new BehaviorSubject(new Map()),
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
        addSuccess: (toast) => addToast('success', toast),
        addInfo: (toast) => addToast('primary', toast),
        addDanger: (toast) => addToast('danger', toast),
        addError: (error, { title }) => addToast('danger', { title, text: error.message }),
      },
    },
    uiSettings,
    rendering: { addContext: (node: ReactNode) => withHarnessContext(node, theme) },
    i18n: {},
    theme,
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
  return {
    setup,
    start,
    apps,
    chrome: { breadcrumbs$ },
    toasts$,
    startServices: { resolve: resolveDeps },
  };
}

/** A title or text as Kibana's toast list shows it: a string, or a mount point rendered into it. */
function ToastPart({ part }: { part: ToastInputFields['text'] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current || typeof part !== 'function') return;
    return part(ref.current);
  }, [part]);
  return typeof part === 'function' ? <div ref={ref} /> : <>{part}</>;
}

/** Kibana's global toast list (core's notifications service renders one for every app). */
export function HarnessToasts({ toasts$ }: { toasts$: BehaviorSubject<HarnessToast[]> }) {
  const [toasts, setToasts] = useState<HarnessToast[]>([]);
  useEffect(() => {
    const subscription = toasts$.subscribe(setToasts);
    return () => subscription.unsubscribe();
  }, [toasts$]);
  return (
    <EuiGlobalToastList
      toasts={toasts.map((toast) => ({
        id: toast.id,
        color: toast.color,
        iconType: toast.iconType,
        title: <ToastPart part={toast.title} />,
        text: <ToastPart part={toast.text} />,
        'data-test-subj': toast['data-test-subj'] ?? 'harnessToast',
      }))}
      dismissToast={(dismissed) =>
        toasts$.next(toasts$.value.filter((toast) => toast.id !== dismissed.id))
      }
      toastLifeTimeMs={60_000}
    />
  );
}
