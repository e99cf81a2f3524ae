/**
 * A stand-in for Security's public create-rule API, `POST /api/detection_engine/rules`, for the
 * harness page and the tests: it accepts and refuses ES|QL rule bodies as Kibana does. Harness
 * only; what it models, and from where:
 * - the body: `RuleCreateProps` narrowed to the ES|QL branch (EsqlRuleCreateProps) of
 *   elastic/kibana:x-pack/solutions/security/plugins/security_solution/common/api/detection_engine/model/rule_schema/rule_schemas.schema.yaml,
 *   with the field schemas of common_attributes.schema.yaml beside it (RuleName and
 *   RuleDescription at least one character, RiskScore an integer 0–100, Severity, Threat with
 *   framework and tactic required, RequiredFieldInput, RelatedIntegration with non-empty package
 *   and version, InvestigationFields with at least one name, MaxSignals at least 1,
 *   AlertSuppression with 1–3 `group_by` fields, a duration of an integer ≥ 1 in s, m or h);
 *   unknown keys are dropped, as the generated zod objects strip them. Another rule `type` is
 *   refused: this stand-in only knows the ES|QL branch;
 * - refusals: 400 `{ statusCode, error, message: "[request body]: …" }` from Kibana's route
 *   validation; a missing `kbn-xsrf` header is a 400 and an unknown `elastic-api-version` a 400,
 *   as Kibana's router answers; a taken `rule_id` is a 409 `{ status_code, message: 'rule_id: "…"
 *   already exists' }` from the detection engine's own error response;
 * - a user without rule privileges gets the router's 403 (the route needs `rules-all`), switched
 *   on by `POST /__harness/detection-rules/privileges` `{ "edit_rules": false }`.
 */
import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import { z } from '@kbn/zod/v4';
import { readBody } from './kibana_http';

export const DETECTION_RULES_PATH = '/api/detection_engine/rules';
/** The public API's only version; Kibana uses the oldest when the header is missing. */
const PUBLIC_API_VERSION = '2023-10-31';
/** Kibana's default `server.maxPayload`: a bigger body is refused before it is read. */
const MAX_PAYLOAD_BYTES = 1_048_576;

const nonEmpty = z.string().min(1);
const threatEntity = z.object({ id: z.string(), name: z.string(), reference: z.string() });

const esqlRuleCreateProps = z.object({
  // Shared create props (SharedCreateProps): required first.
  name: nonEmpty,
  description: nonEmpty,
  risk_score: z.number().int().min(0).max(100),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  rule_id: z.string().optional(),
  enabled: z.boolean().optional(),
  interval: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  tags: z.array(z.string()).optional(),
  author: z.array(z.string()).optional(),
  license: z.string().optional(),
  references: z.array(z.string()).optional(),
  note: z.string().optional(),
  setup: z.string().optional(),
  max_signals: z.number().int().min(1).optional(),
  threat: z
    .array(
      z.object({
        framework: z.string(),
        tactic: threatEntity,
        technique: z
          .array(threatEntity.extend({ subtechnique: z.array(threatEntity).optional() }))
          .optional(),
      })
    )
    .optional(),
  required_fields: z.array(z.object({ name: nonEmpty, type: nonEmpty })).optional(),
  related_integrations: z
    .array(z.object({ package: nonEmpty, version: nonEmpty, integration: nonEmpty.optional() }))
    .optional(),
  investigation_fields: z.object({ field_names: z.array(nonEmpty).min(1) }).optional(),
  // EsqlRuleCreateFields: the required ES|QL fields and the optional suppression.
  type: z.literal('esql'),
  language: z.literal('esql'),
  query: z.string(),
  alert_suppression: z
    .object({
      group_by: z.array(z.string()).min(1).max(3),
      duration: z
        .object({ value: z.number().int().min(1), unit: z.enum(['s', 'm', 'h']) })
        .optional(),
      missing_fields_strategy: z.enum(['doNotSuppress', 'suppress']).optional(),
    })
    .optional(),
});

export type StoredRule = z.output<typeof esqlRuleCreateProps> & {
  id: string;
  rule_id: string;
  created_at: string;
  revision: number;
  version: number;
  immutable: false;
  rule_source: { type: 'internal' };
};

/** Kibana's zod error text: `path: message` for each issue, joined by commas. */
function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join(', ');
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function routeError(response: ServerResponse, status: number, error: string, message: string) {
  send(response, status, { statusCode: status, error, message });
}

export interface DetectionRulesApi {
  rules: Map<string, StoredRule>;
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
}

export function createDetectionRulesApi(): DetectionRulesApi {
  const rules = new Map<string, StoredRule>();
  let mayEditRules = true;

  async function create(request: IncomingMessage, response: ServerResponse) {
    if (!request.headers['kbn-xsrf']) {
      return routeError(response, 400, 'Bad Request', 'Request must contain a kbn-xsrf header.');
    }
    const version = request.headers['elastic-api-version'];
    if (version !== undefined && version !== PUBLIC_API_VERSION) {
      return routeError(
        response,
        400,
        'Bad Request',
        `Please specify a valid version: ${PUBLIC_API_VERSION}`
      );
    }
    if (!mayEditRules) {
      return routeError(
        response,
        403,
        'Forbidden',
        'API [POST /api/detection_engine/rules] is unauthorized for user, this action is granted by the Kibana privileges [rules-all]'
      );
    }
    const text = await readBody(request, MAX_PAYLOAD_BYTES);
    if (text === undefined) {
      return routeError(
        response,
        413,
        'Request Entity Too Large',
        'Payload content length greater than maximum allowed: 1048576'
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return routeError(response, 400, 'Bad Request', 'Invalid request payload JSON format');
    }
    const parsed = esqlRuleCreateProps.safeParse(json);
    if (!parsed.success) {
      return routeError(response, 400, 'Bad Request', `[request body]: ${describe(parsed.error)}`);
    }
    const ruleId = parsed.data.rule_id ?? randomUUID();
    if ([...rules.values()].some((rule) => rule.rule_id === ruleId)) {
      return send(response, 409, {
        message: `rule_id: "${ruleId}" already exists`,
        status_code: 409,
      });
    }
    const stored: StoredRule = {
      ...parsed.data,
      id: randomUUID(),
      rule_id: ruleId,
      created_at: new Date().toISOString(),
      revision: 0,
      version: 1,
      immutable: false,
      rule_source: { type: 'internal' },
    };
    rules.set(stored.id, stored);
    return send(response, 200, stored);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    if (url.pathname === DETECTION_RULES_PATH && method === 'POST') {
      await create(request, response);
      return true;
    }
    if (url.pathname === '/__harness/detection-rules' && method === 'GET') {
      send(response, 200, [...rules.values()]);
      return true;
    }
    if (url.pathname === '/__harness/detection-rules/privileges' && method === 'POST') {
      const body = JSON.parse((await readBody(request, MAX_PAYLOAD_BYTES)) || '{}') as {
        edit_rules?: unknown;
      };
      mayEditRules = body.edit_rules !== false;
      send(response, 200, { edit_rules: mayEditRules });
      return true;
    }
    return false;
  }

  return { rules, handle };
}
