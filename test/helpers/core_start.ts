import { createElement, type ReactNode } from 'react';
import type {
  ChromeBreadcrumb,
  CoreStart,
  HttpFetchOptions,
  HttpHandler,
  ToastInputFields,
} from '@kbn/core/public';
import { KibanaRenderContextProvider } from '@kbn/react-kibana-context-render';
import { BehaviorSubject } from 'rxjs';
import { sharePluginMock } from '@kbn/share-plugin/public/mocks';
import { servicesFrom } from '../../public/services/services_context';
import type { EntraSpHuntServices } from '../../public/types';
import { createGetUrlForApp } from './get_url_for_app';
import { createUiSettingsClient } from './ui_settings';

export type PostHandler = (
  path: string,
  body: unknown,
  options: HttpFetchOptions
) => Promise<unknown>;

/** CoreStart with working chrome and an http whose POSTs a test answers. */
export interface CoreStartOptions {
  /** Advanced settings as an admin saved them; Kibana's defaults otherwise. */
  uiSettings?: Record<string, unknown>;
  darkMode?: boolean;
}

export function createCoreStart(onPost: PostHandler, coreOptions: CoreStartOptions = {}) {
  const breadcrumbs: ChromeBreadcrumb[][] = [];
  const titles: Array<string | string[]> = [];
  const posts: Array<{ path: string; body: unknown; options: HttpFetchOptions }> = [];
  const toasts: Array<{ kind: string; toast: string | ToastInputFields }> = [];
  const post = ((path: string, options: HttpFetchOptions = {}) => {
    const body = options.body ? JSON.parse(options.body) : undefined;
    posts.push({ path, body, options });
    return onPost(path, body, options);
  }) as HttpHandler;
  /** GET, PUT and DELETE go to the same handler (by path; GET has no body) but are not POSTs. */
  const requests: Array<{ method: string; path: string; body: unknown }> = [];
  const other = (method: string) =>
    ((path: string, options: HttpFetchOptions = {}) => {
      const body = options.body ? JSON.parse(options.body) : undefined;
      requests.push({ method, path, body });
      return onPost(path, body, options);
    }) as HttpHandler;
  const theme = {
    theme$: new BehaviorSubject({ darkMode: coreOptions.darkMode ?? false, name: 'borealis' }),
    getTheme: () => ({ darkMode: coreOptions.darkMode ?? false, name: 'borealis' }),
  };
  const core: CoreStart = {
    http: {
      basePath: { get: () => '', prepend: (url) => url, remove: (url) => url },
      fetch: post,
      get: other('GET'),
      post,
      put: other('PUT'),
      delete: other('DELETE'),
    },
    chrome: {
      setBreadcrumbs: (next) => breadcrumbs.push(next),
      docTitle: { change: (title) => titles.push(title), reset: () => titles.push('') },
    },
    application: {
      capabilities: { navLinks: {}, management: {}, catalogue: {} },
      navigateToUrl: async () => undefined,
      getUrlForApp: createGetUrlForApp(),
      currentAppId$: new BehaviorSubject<string | undefined>('entraSpHunt'),
      applications$: new BehaviorSubject(new Map()),
    },
    notifications: {
      toasts: {
        addSuccess: (toast) => (toasts.push({ kind: 'success', toast }), { id: 't' }),
        addInfo: (toast) => (toasts.push({ kind: 'info', toast }), { id: 't' }),
        addDanger: (toast) => (toasts.push({ kind: 'danger', toast }), { id: 't' }),
        addError: (error, { title }) => (
          toasts.push({ kind: 'danger', toast: { title, text: error.message } }),
          { id: 't' }
        ),
      },
    },
    uiSettings: createUiSettingsClient(coreOptions.uiSettings),
    i18n: {},
    theme,
    rendering: {
      // Kibana's RenderingService.addContext wraps the tree in KibanaRenderContextProvider.
      addContext: (element: ReactNode) =>
        createElement(KibanaRenderContextProvider, { i18n: {}, theme }, element),
    },
  };
  const share = sharePluginMock.createStartContract();
  const services: EntraSpHuntServices = servicesFrom(core, { share });
  return { core, services, share, breadcrumbs, titles, posts, requests, toasts };
}
