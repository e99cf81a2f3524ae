/**
 * Stand-in for `@kbn/features-plugin/server`: the setup contract the plugin uses and the checks
 * Kibana runs when a feature is registered.
 *
 * Source: elastic/kibana:x-pack/platform/plugins/shared/features/server/feature_schema.ts
 * Checked at elastic/kibana@2549770c4f9162dec00f1a23fe758c6764417ec3:x-pack/platform/plugins/shared/features/server/feature_schema.ts
 *
 * Mirrors:
 * - x-pack/platform/plugins/shared/features/server/plugin.ts (FeaturesPluginSetup.registerKibanaFeature)
 * - x-pack/platform/plugins/shared/features/server/feature_registry.ts (locked after start,
 *   one registration per id)
 * - x-pack/platform/plugins/shared/features/server/feature_schema.ts (id pattern, prohibited ids,
 *   required `savedObject` and `ui` per privilege, unknown keys refused, app entries declared and
 *   granted)
 * - x-pack/platform/plugins/shared/features/common/kibana_feature.ts (KibanaFeatureConfig)
 */
import type { AppCategory } from '@kbn/core/server';

export interface FeatureKibanaPrivileges {
  excludeFromBasePrivileges?: boolean;
  requireAllSpaces?: boolean;
  disabled?: boolean;
  management?: Record<string, readonly string[]>;
  catalogue?: readonly string[];
  api?: readonly string[];
  app?: readonly string[];
  savedObject: { all: readonly string[]; read: readonly string[] };
  ui: readonly string[];
}

export interface KibanaFeatureConfig {
  id: string;
  name: string;
  category: AppCategory;
  description?: string;
  order?: number;
  excludeFromBasePrivileges?: boolean;
  minimumLicense?: 'basic' | 'standard' | 'gold' | 'platinum' | 'enterprise' | 'trial';
  app: readonly string[];
  management?: Record<string, readonly string[]>;
  catalogue?: readonly string[];
  privileges: { all?: FeatureKibanaPrivileges; read?: FeatureKibanaPrivileges } | null;
  privilegesTooltip?: string;
}

export interface FeaturesPluginSetup {
  registerKibanaFeature(feature: KibanaFeatureConfig): void;
}

const FEATURE_PRIVILEGE_PART = /^[a-zA-Z0-9_-]+$/;
const UI_CAPABILITY = /^[a-zA-Z0-9:_-]+$/;
const PROHIBITED_IDS = new Set(['catalogue', 'management', 'navLinks']);
const FEATURE_KEYS = new Set([
  'id',
  'name',
  'category',
  'hidden',
  'description',
  'order',
  'excludeFromBasePrivileges',
  'minimumLicense',
  'app',
  'management',
  'catalogue',
  'alerting',
  'cases',
  'privileges',
  'subFeatures',
  'privilegesTooltip',
  'reserved',
  'deprecated',
]);
const PRIVILEGE_KEYS = new Set([
  'excludeFromBasePrivileges',
  'requireAllSpaces',
  'disabled',
  'management',
  'catalogue',
  'api',
  'app',
  'alerting',
  'cases',
  'savedObject',
  'ui',
  'replacedBy',
]);

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function unknownKeys(value: object, allowed: Set<string>): string[] {
  return Object.keys(value).filter((key) => !allowed.has(key));
}

/** Kibana's validateKibanaFeature, for the parts a feature without sub-features uses. */
export function validateKibanaFeature(feature: KibanaFeatureConfig): void {
  const extra = unknownKeys(feature, FEATURE_KEYS);
  if (extra.length > 0) throw new Error(`[${extra[0]}]: definition for this key is missing`);
  if (typeof feature.id !== 'string' || !FEATURE_PRIVILEGE_PART.test(feature.id)) {
    throw new Error(`[id]: Does not satisfy regexp ${FEATURE_PRIVILEGE_PART.toString()}`);
  }
  if (PROHIBITED_IDS.has(feature.id)) throw new Error(`[id]: [${feature.id}] is not allowed`);
  if (typeof feature.name !== 'string') throw new Error('[name]: expected value of type [string]');
  if (
    !feature.category ||
    typeof feature.category.id !== 'string' ||
    typeof feature.category.label !== 'string'
  ) {
    throw new Error('[category]: expected an app category with an id and a label');
  }
  if (!isStringArray(feature.app)) throw new Error('[app]: expected value of type [array]');
  if (feature.privileges === null) return;
  const unseenApps = new Set(feature.app);
  for (const [privilegeId, privilege] of Object.entries(feature.privileges)) {
    if (privilegeId !== 'all' && privilegeId !== 'read') {
      throw new Error(`[privileges.${privilegeId}]: definition for this key is missing`);
    }
    if (!privilege) throw new Error('Privilege definition may not be null or undefined');
    const extraKeys = unknownKeys(privilege, PRIVILEGE_KEYS);
    if (extraKeys.length > 0) {
      throw new Error(
        `[privileges.${privilegeId}.${extraKeys[0]}]: definition for this key is missing`
      );
    }
    if (
      !privilege.savedObject ||
      !isStringArray(privilege.savedObject.all) ||
      !isStringArray(privilege.savedObject.read)
    ) {
      throw new Error(`[privileges.${privilegeId}.savedObject]: expected all and read arrays`);
    }
    if (!isStringArray(privilege.ui) || !privilege.ui.every((key) => UI_CAPABILITY.test(key))) {
      throw new Error(
        `[privileges.${privilegeId}.ui]: Does not satisfy regexp ${UI_CAPABILITY.toString()}`
      );
    }
    if (privilege.api !== undefined && !isStringArray(privilege.api)) {
      throw new Error(`[privileges.${privilegeId}.api]: expected value of type [array]`);
    }
    const apps = privilege.app ?? [];
    const unknownApps = apps.filter((app) => !feature.app.includes(app));
    if (unknownApps.length > 0) {
      throw new Error(
        `Feature privilege ${feature.id}.${privilegeId} has unknown app entries: ${unknownApps.join(', ')}`
      );
    }
    for (const app of apps) unseenApps.delete(app);
  }
  if (unseenApps.size > 0) {
    throw new Error(
      `Feature ${feature.id} specifies app entries which are not granted to any privileges: ${[
        ...unseenApps,
      ].join(',')}`
    );
  }
}

/** Kibana's FeatureRegistry: one feature per id, and nothing new once the registry is locked. */
export class FeatureRegistry {
  private locked = false;
  private readonly features = new Map<string, KibanaFeatureConfig>();

  lockRegistration(): void {
    this.locked = true;
  }

  registerKibanaFeature(feature: KibanaFeatureConfig): void {
    if (this.locked) {
      throw new Error(
        `Features are locked, can't register new features. Attempt to register ${feature.id} failed.`
      );
    }
    validateKibanaFeature(feature);
    if (this.features.has(feature.id)) {
      throw new Error(`Feature with id ${feature.id} is already registered.`);
    }
    this.features.set(feature.id, structuredClone(feature));
  }

  getAllKibanaFeatures(): KibanaFeatureConfig[] {
    return [...this.features.values()];
  }
}

/** The setup contract over a registry (as the features plugin's setup() returns it). */
export function createFeaturesSetup(registry = new FeatureRegistry()): FeaturesPluginSetup & {
  registry: FeatureRegistry;
} {
  return {
    registry,
    registerKibanaFeature: (feature) => registry.registerKibanaFeature(feature),
  };
}
