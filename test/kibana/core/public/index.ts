/**
 * Stand-in for `@kbn/core/public`: only what the plugin uses, with Kibana's names and signatures.
 *
 * Checked at elastic/kibana@096ce5f5c68fe3b2c18c7b1b42daca2c0d9aa1d4:src/core/packages/application/browser/src/application.ts
 *
 * Mirrors:
 * - elastic/kibana:src/core/packages/application/browser/src/application.ts (App, AppNavOptions)
 * - elastic/kibana:src/core/packages/application/browser/src/app_mount.ts (AppMountParameters, AppMount)
 * - elastic/kibana:src/core/packages/application/browser/src/scoped_history.ts (ScopedHistory)
 * - elastic/kibana:src/core/packages/application/common/src/default_app_categories.ts
 * - elastic/kibana:src/core/packages/http/browser/src/types.ts (HttpSetup, HttpFetchOptions, IHttpFetchError)
 * - elastic/kibana:src/core/packages/chrome/browser/src/doc_title.ts (ChromeDocTitle)
 * - elastic/kibana:src/core/packages/chrome/browser/src/breadcrumb.ts (ChromeBreadcrumb)
 * - elastic/kibana:src/core/packages/rendering/browser/src/rendering_service.ts (addContext)
 * - elastic/kibana:src/core/packages/theme/browser/src/types.ts (CoreTheme, ThemeServiceStart)
 * - elastic/kibana:src/core/packages/ui-settings/browser/src/types.ts (IUiSettingsClient)
 * - elastic/kibana:src/core/packages/plugins/browser/src/plugin.ts (Plugin)
 */
import type { History } from 'history';
import type { ReactElement, ReactNode } from 'react';
import type { Observable } from 'rxjs';

export interface AppCategory {
  id: string;
  label: string;
  ariaLabel?: string;
  order?: number;
  euiIconType?: string;
}

export const DEFAULT_APP_CATEGORIES: Readonly<Record<'security', AppCategory>> = Object.freeze({
  security: {
    id: 'securitySolution',
    label: 'Security',
    order: 4000,
    euiIconType: 'logoSecurity',
  },
});

export type ScopedHistory<S = unknown> = History<S>;

export type AppUnmount = () => void;

export interface AppMountParameters<S = unknown> {
  element: HTMLElement;
  history: ScopedHistory<S>;
  appBasePath: string;
  onAppLeave: (handler: unknown) => void;
  setHeaderActionMenu: (menuMount: unknown) => void;
  theme$: Observable<CoreTheme>;
}

/** Kibana's active theme; `theme$` replays the current one to every new subscriber. */
export interface CoreTheme {
  readonly darkMode: boolean;
  readonly name: string;
}

export interface ThemeServiceStart {
  theme$: Observable<CoreTheme>;
  getTheme(): CoreTheme;
}

export type AppMount<S = unknown> = (
  params: AppMountParameters<S>
) => AppUnmount | Promise<AppUnmount>;

export interface App<S = unknown> {
  id: string;
  title: string;
  category?: AppCategory;
  order?: number;
  euiIconType?: string;
  tooltip?: string;
  keywords?: string[];
  /**
   * Kibana 9.3 names the side navigation `'sideNav'`; later 9.x split it into `'classicSideNav'` and
   * `'projectSideNav'` (and the default, used when this is omitted, shows the app in the side
   * navigation in both). Only the locations both accept are allowed here, so a plugin built for
   * 9.3 and later cannot name one that the other refuses.
   */
  visibleIn?: Array<'globalSearch' | 'home' | 'kibanaOverview'>;
  mount: AppMount<S>;
}

export interface HttpFetchQuery {
  [key: string]: string | number | boolean | undefined;
}

export interface HttpFetchOptions {
  body?: string | null;
  signal?: AbortSignal | null;
  query?: HttpFetchQuery;
  headers?: Record<string, string>;
  /** Populates the `elastic-api-version` header for versioned routes. */
  version?: string;
  asResponse?: boolean;
}

export interface IHttpFetchError<TResponseBody = unknown> extends Error {
  readonly name: string;
  readonly request: Request;
  readonly response?: Response;
  readonly body?: TResponseBody;
}

export interface HttpHandler {
  <TResponseBody = unknown>(path: string, options?: HttpFetchOptions): Promise<TResponseBody>;
}

export interface IBasePath {
  get(): string;
  prepend(url: string): string;
  remove(url: string): string;
}

export interface HttpSetup {
  basePath: IBasePath;
  fetch: HttpHandler;
  get: HttpHandler;
  post: HttpHandler;
  put: HttpHandler;
  delete: HttpHandler;
}
export type HttpStart = HttpSetup;

export interface ChromeBreadcrumb {
  text: ReactNode;
  href?: string;
  onClick?: (event: unknown) => void;
  'data-test-subj'?: string;
}

export interface ChromeDocTitle {
  change(newTitle: string | string[]): void;
  reset(): void;
}

export interface ChromeStart {
  setBreadcrumbs(newBreadcrumbs: ChromeBreadcrumb[]): void;
  docTitle: ChromeDocTitle;
}

export interface Capabilities {
  navLinks: Record<string, boolean>;
  management: Record<string, Record<string, boolean>>;
  catalogue: Record<string, boolean>;
  [key: string]: Record<string, boolean | Record<string, boolean>>;
}

/** The registered app as `applications$` lists it (…/application/browser/src/types.ts). */
export interface PublicAppInfo {
  id: string;
  title: string;
  category?: AppCategory;
}

export interface ApplicationStart {
  capabilities: Capabilities;
  /**
   * Navigates inside Kibana, in this tab: NavigateToUrlOptions has `skipAppLeave`,
   * `forceRedirect` and `state`, and no way to open a new tab (…/application/browser/src/contracts.ts).
   */
  navigateToUrl(url: string): Promise<void>;
  /**
   * The URL of an app (or of one of its deep links), relative to the origin unless `absolute`:
   * elastic/kibana:src/core/packages/application/browser/src/contracts.ts.
   */
  getUrlForApp(
    appId: string,
    options?: { path?: string; absolute?: boolean; deepLinkId?: string }
  ): string;
  /** The app on screen; a BehaviorSubject in Kibana, so it replays the current one. */
  currentAppId$: Observable<string | undefined>;
  applications$: Observable<ReadonlyMap<string, PublicAppInfo>>;
}

/** Renders into a DOM element Kibana gives it and returns its own unmount (…/core-mount-utils). */
export type MountPoint = (element: HTMLElement) => () => void;

export interface Toast {
  id: string;
}

/** ToastInputFields (…/notifications/browser/src/types.ts): title and text, strings or mounts. */
export interface ToastInputFields {
  title?: string | MountPoint;
  text?: string | MountPoint;
  color?: 'primary' | 'success' | 'warning' | 'danger';
  iconType?: string;
  'data-test-subj'?: string;
}

export interface NotificationsStart {
  toasts: {
    addSuccess(toastOrTitle: string | ToastInputFields): Toast;
    addInfo(toastOrTitle: string | ToastInputFields): Toast;
    addDanger(toastOrTitle: string | ToastInputFields): Toast;
    addError(error: Error, options: { title: string; toastMessage?: string }): Toast;
  };
}

/**
 * Reads advanced settings. Like Kibana's client, `get` throws for a key no plugin registered unless
 * a default override is given, and returns `json` settings parsed.
 */
export interface IUiSettingsClient {
  get<T = unknown>(key: string, defaultOverride?: T): T;
}

export interface RenderingService {
  addContext(element: ReactNode): ReactElement;
}

export interface CoreStart {
  application: ApplicationStart;
  chrome: ChromeStart;
  http: HttpStart;
  notifications: NotificationsStart;
  uiSettings: IUiSettingsClient;
  /** Adds i18n, theme and error boundary around an app's React tree (required in CoreStart). */
  rendering: RenderingService;
  i18n: unknown;
  theme: ThemeServiceStart;
}

export interface CoreSetup<TPluginsStart extends object = object, TStart = unknown> {
  application: { register<S = unknown>(app: App<S>): void };
  http: HttpSetup;
  getStartServices(): Promise<[CoreStart, TPluginsStart, TStart]>;
}

export interface PluginInitializerContext<ConfigSchema extends object = object> {
  readonly opaqueId: symbol;
  readonly config: { get: <T extends object = ConfigSchema>() => T };
}

export interface Plugin<
  TSetup = void,
  TStart = void,
  TPluginsSetup extends object = object,
  TPluginsStart extends object = object,
> {
  setup(core: CoreSetup<TPluginsStart, TStart>, plugins: TPluginsSetup): TSetup;
  start(core: CoreStart, plugins: TPluginsStart): TStart;
  stop?(): void;
}
