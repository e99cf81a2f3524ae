/**
 * Security's detection rules, from the browser as the analyst: who may create one, creating it
 * through the public rules API, and the link that opens it in Security.
 */
import type { ApplicationStart, Capabilities, HttpStart, IHttpFetchError } from '@kbn/core/public';
import {
  DETECTION_RULES_API_PATH,
  DETECTION_RULES_API_VERSION,
  type EsqlRuleCreateProps,
} from '../../common/hunt/detection_rule';

/**
 * The Security rules feature, newest first. Kibana 9.3 registers `securitySolutionRulesV2`; later
 * releases replace it with V3 and V4 and keep the older ids as deprecated features
 * (elastic/kibana:x-pack/solutions/security/packages/features/src/constants.ts,
 * RULES_FEATURE_ID_V1…V4 and RULES_FEATURE_LATEST). Each grants rule create, edit and delete as
 * the UI capability `edit_rules` (RULES_UI_EDIT), with the API privilege `rules-all` that the
 * create route checks.
 */
export const RULES_FEATURE_IDS = [
  'securitySolutionRulesV4',
  'securitySolutionRulesV3',
  'securitySolutionRulesV2',
  'securitySolutionRulesV1',
] as const;
export const RULES_UI_EDIT = 'edit_rules';

/** True when the newest rules feature this Kibana knows lets the user create rules. */
export function canCreateDetectionRules(capabilities: Capabilities): boolean {
  const feature = RULES_FEATURE_IDS.find((id) => capabilities[id] !== undefined);
  if (!feature) return false;
  return capabilities[feature][RULES_UI_EDIT] === true;
}

/**
 * Security's app and the route of one rule's page: the `rules` deep link (SecurityPageName.rules)
 * of the `securitySolutionUI` app, with security_solution's `getRuleDetailsUrl` path `/id/<id>`
 * under it (its public/common/components/link_to), as Security's own links to a rule are built.
 */
export const SECURITY_APP_ID = 'securitySolutionUI';
export const RULES_DEEP_LINK_ID = 'rules';

export function ruleDetailsUrl(application: ApplicationStart, id: string): string {
  return application.getUrlForApp(SECURITY_APP_ID, {
    deepLinkId: RULES_DEEP_LINK_ID,
    path: `/id/${encodeURIComponent(id)}`,
  });
}

/** What the create API answers with: the stored rule; this page reads only these fields. */
export interface CreatedRule {
  id: string;
  rule_id: string;
  name: string;
}

export type CreateRuleErrorKind = 'forbidden' | 'duplicate' | 'invalid' | 'network' | 'unknown';

export class CreateRuleError extends Error {
  constructor(
    public readonly kind: CreateRuleErrorKind,
    message: string,
    public readonly status?: number
  ) {
    super(message);
    this.name = 'CreateRuleError';
  }
}

/**
 * Kibana answers a route's own errors as `{ statusCode, error, message }` and the detection
 * engine's as `{ status_code, message }` (its `buildSiemResponse`); both carry the reason in
 * `message`.
 */
interface RulesApiErrorBody {
  message?: unknown;
  statusCode?: unknown;
  status_code?: unknown;
}

function isFetchError(error: unknown): error is IHttpFetchError<RulesApiErrorBody> {
  return error instanceof Error && ('response' in error || 'body' in error);
}

const KIND_BY_STATUS: Record<number, CreateRuleErrorKind> = {
  400: 'invalid',
  401: 'forbidden',
  403: 'forbidden',
  409: 'duplicate',
};

/** Caps what a hostile or huge error body can put on the page. */
const MAX_REASON_LENGTH = 500;

export function toCreateRuleError(error: unknown): CreateRuleError {
  if (error instanceof CreateRuleError) return error;
  if (!isFetchError(error)) {
    return new CreateRuleError('unknown', error instanceof Error ? error.message : String(error));
  }
  const body = error.body;
  const bodyStatus = Number(body?.statusCode ?? body?.status_code);
  const status = error.response?.status ?? (Number.isFinite(bodyStatus) ? bodyStatus : undefined);
  if (status === undefined) return new CreateRuleError('network', error.message);
  const reason =
    typeof body?.message === 'string' && body.message.trim() !== ''
      ? body.message.slice(0, MAX_REASON_LENGTH)
      : error.message;
  return new CreateRuleError(KIND_BY_STATUS[status] ?? 'unknown', reason, status);
}

export async function createDetectionRule(
  http: HttpStart,
  rule: EsqlRuleCreateProps,
  signal?: AbortSignal
): Promise<CreatedRule> {
  try {
    return await http.post<CreatedRule>(DETECTION_RULES_API_PATH, {
      body: JSON.stringify(rule),
      version: DETECTION_RULES_API_VERSION,
      signal,
    });
  } catch (error) {
    throw toCreateRuleError(error);
  }
}
