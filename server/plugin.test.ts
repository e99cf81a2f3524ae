import { httpServiceMock, loggingSystemMock } from '@kbn/core/server/mocks';
import type { CoreSetup, SavedObjectsType } from '@kbn/core/server';
import { createFeaturesSetup, validateKibanaFeature } from '@kbn/features-plugin/server';
import {
  COVERAGE_API_PATH,
  EVENTS_API_PATH,
  HUNT_API_PATH,
  HUNT_CANCEL_API_PATH,
  HUNT_STATUS_API_PATH,
  ENTRIES_API_PATH,
  ENTRY_API_PATH,
  HIDDEN_ROWS_API_PATH,
  PLUGIN_ID,
  TRIAGE_API_PATH,
} from '../common/constants';
import { ENTRY_SAVED_OBJECT_TYPE } from '../common/entries';
import { SavedObjectsStore } from '../test/helpers/saved_objects_store';
import { UiSettingsStore } from '../test/helpers/ui_settings_server';
import {
  RUN_API_PATH,
  RUN_HISTORY_SETTING,
  RUN_SAVED_OBJECT_TYPE,
  RUNS_API_PATH,
} from '../common/run_history';
import { ENTRA_SP_HUNT_FEATURE } from './feature';
import { registerRoutes } from './routes';
import { plugin } from '.';

describe('server plugin', () => {
  it('registers its routes on setup, with a logger from its context', async () => {
    const router = httpServiceMock.createRouter();
    const logger = loggingSystemMock.createLogger();
    const instance = await plugin({
      opaqueId: Symbol('entraSpHunt'),
      logger: { get: () => logger },
      config: { get: () => ({}) as never },
    });
    const savedObjects = new SavedObjectsStore();
    const uiSettings = new UiSettingsStore();
    const features = createFeaturesSetup();
    const core: CoreSetup = {
      http: { createRouter: () => router as never },
      savedObjects: { registerType: (type) => savedObjects.registerType(type as SavedObjectsType) },
      uiSettings: { register: (settings) => uiSettings.register(settings) },
      getStartServices: () => Promise.resolve([{}, {}, {}]),
    };
    expect(instance.setup(core, { features })).toEqual({});
    expect(router.versioned.getRoutes().map((route) => `${route.method} ${route.path}`)).toEqual([
      `post ${HUNT_API_PATH}`,
      `post ${HUNT_STATUS_API_PATH}`,
      `post ${HUNT_CANCEL_API_PATH}`,
      `post ${COVERAGE_API_PATH}`,
      `post ${EVENTS_API_PATH}`,
      `post ${TRIAGE_API_PATH}`,
      `get ${ENTRIES_API_PATH}`,
      `post ${ENTRIES_API_PATH}`,
      `put ${ENTRY_API_PATH}`,
      `delete ${ENTRY_API_PATH}`,
      `post ${RUNS_API_PATH}`,
      `get ${RUNS_API_PATH}`,
      `get ${RUN_API_PATH}`,
      `post ${HIDDEN_ROWS_API_PATH}`,
    ]);
    // The saved object type, space-aware and visible to the request-scoped client.
    expect(savedObjects.getType(ENTRY_SAVED_OBJECT_TYPE)).toMatchObject({
      namespaceType: 'multiple-isolated',
      hidden: false,
    });
    expect(savedObjects.getType(RUN_SAVED_OBJECT_TYPE)).toMatchObject({
      namespaceType: 'multiple-isolated',
      hidden: false,
      mappings: { dynamic: false },
    });
    // The per-space switch of run history, on by default, validated by its schema.
    const setting = uiSettings.getRegistered(RUN_HISTORY_SETTING);
    expect(setting).toMatchObject({ value: true, type: 'boolean', scope: 'namespace' });
    expect(() => setting?.schema.validate('off')).toThrow(
      'expected value of type [boolean] but got [string]'
    );
    // The feature, under Security, as Kibana's registry accepted it.
    const [feature] = features.registry.getAllKibanaFeatures();
    expect(feature).toMatchObject({ id: PLUGIN_ID, category: { id: 'securitySolution' } });
  });

  it('routes that change entries need the write privilege; reading needs read; hunts run as the user', () => {
    const router = httpServiceMock.createRouter();
    registerRoutes(router, loggingSystemMock.createLogger());
    const authz = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
      router.versioned.getRoute(method, path).config.security.authz;
    const write = ENTRA_SP_HUNT_FEATURE.privileges?.all?.api ?? [];
    const read = ENTRA_SP_HUNT_FEATURE.privileges?.read?.api ?? [];
    for (const [method, path] of [
      ['post', ENTRIES_API_PATH],
      ['put', ENTRY_API_PATH],
      ['delete', ENTRY_API_PATH],
    ] as const) {
      const required = (authz(method, path) as { requiredPrivileges: string[] }).requiredPrivileges;
      expect(required.every((name) => write.includes(name))).toBe(true);
      expect(required.some((name) => !read.includes(name))).toBe(true);
    }
    const listing = (authz('get', ENTRIES_API_PATH) as { requiredPrivileges: string[] })
      .requiredPrivileges;
    expect(listing.every((name) => read.includes(name))).toBe(true);
    expect(authz('post', HUNT_API_PATH)).toMatchObject({ enabled: false });
  });
});

describe('the feature as Kibana validates it', () => {
  it('is accepted: every app granted, entries in all for "all" and in read for "read"; both write run history', () => {
    expect(() => validateKibanaFeature(ENTRA_SP_HUNT_FEATURE)).not.toThrow();
    expect(ENTRA_SP_HUNT_FEATURE.privileges?.all?.savedObject.all).toEqual([
      ENTRY_SAVED_OBJECT_TYPE,
      RUN_SAVED_OBJECT_TYPE,
    ]);
    expect(ENTRA_SP_HUNT_FEATURE.privileges?.read?.savedObject).toEqual({
      all: [RUN_SAVED_OBJECT_TYPE],
      read: [ENTRY_SAVED_OBJECT_TYPE],
    });
  });

  it.each([
    [
      { app: [PLUGIN_ID, 'other'] },
      'specifies app entries which are not granted to any privileges: other',
    ],
    [{ id: 'navLinks' }, '[navLinks] is not allowed'],
    [{ id: 'has space' }, 'Does not satisfy regexp'],
    [{ extra: true }, '[extra]: definition for this key is missing'],
  ])('the stand-in refuses what Kibana refuses: %j', (change, message) => {
    expect(() => validateKibanaFeature({ ...ENTRA_SP_HUNT_FEATURE, ...change } as never)).toThrow(
      message
    );
  });

  it('registers once, and not after the registry is locked', () => {
    const features = createFeaturesSetup();
    features.registerKibanaFeature(ENTRA_SP_HUNT_FEATURE);
    expect(() => features.registerKibanaFeature(ENTRA_SP_HUNT_FEATURE)).toThrow(
      'already registered'
    );
    features.registry.lockRegistration();
    expect(() => features.registerKibanaFeature({ ...ENTRA_SP_HUNT_FEATURE, id: 'x' })).toThrow(
      'Features are locked'
    );
  });
});
