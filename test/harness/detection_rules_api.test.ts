/**
 * The rules API stand-in answers as Kibana's create-rule route: the body the page builds is
 * accepted, bodies Kibana's schema refuses are refused with the field named, and a taken rule_id,
 * a missing xsrf header, an unknown version and a user without rule privileges get Kibana's
 * statuses.
 */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { HUNT_DEFINITION } from '../../common/hunt/definition';
import { HUNT_FIELDS } from '../../common/hunt/data_sources';
import { buildDetectionRule, type EsqlRuleCreateProps } from '../../common/hunt/detection_rule';
import { createDetectionRulesApi, DETECTION_RULES_PATH } from './detection_rules_api';

let server: Server;
let base: string;
const api = createDetectionRulesApi();

beforeAll(async () => {
  server = createServer(async (request, response) => {
    if (!(await api.handle(request, response))) {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function ruleBody(): EsqlRuleCreateProps {
  const built = buildDetectionRule(
    HUNT_DEFINITION,
    {},
    { name: 'Rare SP', severity: 'medium', risk_score: 47, schedule: '1d' },
    new Set(HUNT_FIELDS)
  );
  if (!built.ok) throw new Error(built.message);
  return built.built.rule;
}

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${DETECTION_RULES_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'kbn-xsrf': 'test',
      'elastic-api-version': '2023-10-31',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('POST /api/detection_engine/rules stand-in', () => {
  it('creates the rule the page builds, then refuses its rule_id again with 409', async () => {
    const rule = { ...ruleBody(), rule_id: 'unique-1' };
    const created = await post(rule);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ rule_id: 'unique-1', type: 'esql', enabled: false });
    expect(typeof created.body.id).toBe('string');
    expect(api.rules.get(String(created.body.id))?.query).toBe(rule.query);
    const again = await post(rule);
    expect(again).toEqual({
      status: 409,
      body: { message: 'rule_id: "unique-1" already exists', status_code: 409 },
    });
  });

  it.each([
    ['name', (rule: Record<string, unknown>) => delete rule.name],
    ['description', (rule: Record<string, unknown>) => (rule.description = '')],
    ['risk_score', (rule: Record<string, unknown>) => (rule.risk_score = '47')],
    ['risk_score', (rule: Record<string, unknown>) => (rule.risk_score = 101)],
    ['severity', (rule: Record<string, unknown>) => (rule.severity = 'urgent')],
    ['type', (rule: Record<string, unknown>) => (rule.type = 'query')],
    ['language', (rule: Record<string, unknown>) => (rule.language = 'kuery')],
    ['query', (rule: Record<string, unknown>) => delete rule.query],
    ['enabled', (rule: Record<string, unknown>) => (rule.enabled = 'false')],
    [
      'alert_suppression.group_by',
      (rule: Record<string, unknown>) =>
        (rule.alert_suppression = { group_by: ['a', 'b', 'c', 'd'] }),
    ],
    [
      'alert_suppression.duration.unit',
      (rule: Record<string, unknown>) =>
        (rule.alert_suppression = { group_by: ['a'], duration: { value: 1, unit: 'd' } }),
    ],
    ['threat.0.tactic', (rule: Record<string, unknown>) => (rule.threat = [{ framework: 'x' }])],
    [
      'related_integrations.0.version',
      (rule: Record<string, unknown>) => (rule.related_integrations = [{ package: 'azure' }]),
    ],
    [
      'investigation_fields.field_names',
      (rule: Record<string, unknown>) => (rule.investigation_fields = { field_names: [] }),
    ],
  ])('refuses a bad %s with 400 naming it', async (field, spoil) => {
    const rule = { ...ruleBody(), rule_id: `bad-${field}` } as unknown as Record<string, unknown>;
    spoil(rule);
    const answer = await post(rule);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('Bad Request');
    expect(String(answer.body.message)).toMatch(new RegExp(`^\\[request body\\]: .*${field}`));
    expect([...api.rules.values()].some((stored) => stored.rule_id === `bad-${field}`)).toBe(false);
  });

  it('refuses a body that is not JSON, a missing xsrf header and an unknown version', async () => {
    expect((await post('{"name":')).status).toBe(400);
    expect((await post(ruleBody(), { 'kbn-xsrf': '' })).body.message).toBe(
      'Request must contain a kbn-xsrf header.'
    );
    expect((await post(ruleBody(), { 'elastic-api-version': '1' })).status).toBe(400);
  });

  it('answers 403 to a user without rule privileges', async () => {
    await fetch(`${base}/__harness/detection-rules/privileges`, {
      method: 'POST',
      body: JSON.stringify({ edit_rules: false }),
    });
    try {
      const answer = await post({ ...ruleBody(), rule_id: 'denied' });
      expect(answer.status).toBe(403);
      expect(String(answer.body.message)).toContain('[rules-all]');
    } finally {
      await fetch(`${base}/__harness/detection-rules/privileges`, {
        method: 'POST',
        body: JSON.stringify({ edit_rules: true }),
      });
    }
  });
});
