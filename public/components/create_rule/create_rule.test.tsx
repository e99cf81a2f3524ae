import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Capabilities } from '@kbn/core/public';
import { HUNT_FIELDS } from '../../../common/hunt/data_sources';
import type { AllowlistMatch } from '../../../common/hunt/allowlist';
import { huntParamsSchema, type HuntParams } from '../../../common/hunt/hunt_params';
import { DETECTION_RULES_API_PATH } from '../../../common/hunt/detection_rule';
import { createCoreStart, type PostHandler } from '../../../test/helpers/core_start';
import { renderWithProviders } from '../../../test/helpers/render';
import { ServicesProvider } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { CreateRuleButton } from './create_rule';

const ALL_FIELDS = new Set(HUNT_FIELDS);
const MAY_EDIT: Partial<Capabilities> = {
  securitySolutionRulesV2: { read_rules: true, edit_rules: true },
};

/** An error as Kibana's http client throws it: the Response and the parsed body. */
function fetchError(status: number, body: unknown): Error {
  // jsdom has no fetch Response: the client's error carries one; only its status is read.
  return Object.assign(new Error(status === 409 ? 'Conflict' : 'Error'), {
    response: { status },
    body,
  });
}

function setup({
  onPost = async (_path, body) => ({
    id: 'b3c1-id',
    rule_id: 'x',
    name: (body as { name: string }).name,
  }),
  capabilities = MAY_EDIT,
  params = huntParamsSchema.parse({ max_daily_actions: 3, trusted_cidrs: ['10.0.0.0/8'] }),
  availableFields = ALL_FIELDS,
  allowlist,
}: {
  onPost?: PostHandler;
  allowlist?: AllowlistMatch[];
  capabilities?: Partial<Capabilities>;
  /** `null`: the view is not valid (the page passes undefined). */
  params?: HuntParams | null;
  availableFields?: ReadonlySet<string>;
} = {}) {
  const core = createCoreStart(onPost);
  const navigated: string[] = [];
  const services = {
    ...core.services,
    application: {
      ...core.services.application,
      capabilities: {
        navLinks: {},
        management: {},
        catalogue: {},
        ...capabilities,
      } as Capabilities,
      navigateToUrl: async (url: string) => {
        navigated.push(url);
      },
    },
  };
  renderWithProviders(
    <ServicesProvider services={services}>
      <CreateRuleButton
        params={params ?? undefined}
        availableFields={availableFields}
        assumesAllSources={false}
        allowlist={allowlist}
      />
    </ServicesProvider>
  );
  return { posts: core.posts, navigated };
}

function open() {
  fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.createRule));
  return screen.getByTestId(DATA_TEST_SUBJ.createRuleModal);
}

describe('CreateRuleButton', () => {
  it("writes the view's benign entries into the rule and says they stay as they are now", () => {
    const allowlist: AllowlistMatch[] = [
      { id: 'e1', principal: 'Legacy-Sync', principal_field: 'name', action: null, cidr: null },
      {
        id: 'e2',
        principal: 'Backup-Agent',
        principal_field: 'name',
        action: 'Add owner',
        cidr: null,
      },
      { id: 'e3', principal: null, principal_field: 'name', action: null, cidr: '192.0.2.0/24' },
    ];
    setup({ allowlist });
    const modal = open();
    const summary = within(modal).getByTestId(DATA_TEST_SUBJ.createRuleSummary);
    expect(summary).toHaveTextContent(
      'name Legacy-Sync; name Backup-Agent, only Add owner; 192.0.2.0/24. Written into the rule'
    );
    const shown = JSON.parse(
      within(modal).getByTestId(DATA_TEST_SUBJ.createRuleJson).textContent ?? ''
    );
    for (const literal of ['"Legacy-Sync"', '"Backup-Agent"', '"Add owner"', '"192.0.2.0/24"']) {
      expect(shown.query).toContain(literal);
    }
  });

  it('leaves the entries out of a rule made from a view that shows hidden rows', () => {
    const allowlist: AllowlistMatch[] = [
      { id: 'e1', principal: 'Legacy-Sync', principal_field: 'name', action: null, cidr: null },
    ];
    setup({ allowlist, params: huntParamsSchema.parse({ include_hidden: true }) });
    const modal = open();
    const shown = JSON.parse(
      within(modal).getByTestId(DATA_TEST_SUBJ.createRuleJson).textContent ?? ''
    );
    expect(shown.query).not.toContain('Legacy-Sync');
  });

  it('shows the rule before creating it, then creates exactly that rule and links to it', async () => {
    const { posts, navigated } = setup();
    const modal = open();
    const summary = within(modal).getByTestId(DATA_TEST_SUBJ.createRuleSummary);
    expect(summary).toHaveTextContent(
      'at most 3 times on one UTC day from at least 2 distinct IPs'
    );
    expect(summary).toHaveTextContent('10.0.0.0/8');
    expect(summary).toHaveTextContent('T1098.001');
    expect(summary).toHaveTextContent('Every day, each run over the last 24 h 10 min (now-1450m');
    const shown = JSON.parse(
      within(modal).getByTestId(DATA_TEST_SUBJ.createRuleJson).textContent ?? ''
    );
    expect(shown).toMatchObject({ type: 'esql', language: 'esql', enabled: false, interval: '1d' });
    expect(shown.query).toContain('daily_action_count <= 3');
    expect(shown.query).toContain('"10.0.0.0/8"');

    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.createRuleName), {
      target: { value: 'My rule' },
    });
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.createRuleSeverity), {
      target: { value: 'high' },
    });
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.createRuleSchedule), {
      target: { value: '6h' },
    });
    expect(screen.getByTestId(DATA_TEST_SUBJ.createRuleSummary)).toHaveTextContent(
      'Every 6 hours, each run over the last 6 h 10 min (now-370m'
    );
    // The query block shows the rule's query, without a time condition.
    expect(screen.getByTestId(DATA_TEST_SUBJ.createRuleQuery).textContent).toBe(shown.query);
    // The severity brought its usual score.
    expect(screen.getByTestId(DATA_TEST_SUBJ.createRuleRiskScore)).toHaveValue(73);
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.createRuleRiskScore), {
      target: { value: '80' },
    });
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.createRuleConfirm));

    const link = await screen.findByTestId(DATA_TEST_SUBJ.createRuleLink);
    expect(posts).toHaveLength(1);
    expect(posts[0].path).toBe(DETECTION_RULES_API_PATH);
    expect(posts[0].options.version).toBe('2023-10-31');
    expect(posts[0].body).toMatchObject({
      name: 'My rule',
      severity: 'high',
      risk_score: 80,
      interval: '6h',
      from: 'now-370m',
      enabled: false,
    });
    // What was sent is what was shown (the options change only the fields chosen above).
    expect((posts[0].body as { query: string }).query).toBe(shown.query);
    expect((posts[0].body as { threat: unknown }).threat).toEqual(shown.threat);
    expect(screen.getByTestId(DATA_TEST_SUBJ.createRuleCreated)).toHaveTextContent(
      'Created "My rule", disabled'
    );
    expect(link).toHaveAttribute('href', '/app/security/rules/id/b3c1-id');
    fireEvent.click(link);
    expect(navigated).toEqual(['/app/security/rules/id/b3c1-id']);
  });

  it.each([
    [
      403,
      {
        statusCode: 403,
        error: 'Forbidden',
        message: 'API [POST /api/detection_engine/rules] is unauthorized for user',
      },
      'You may not create detection rules in this space',
      'is unauthorized for user',
    ],
    [
      409,
      { status_code: 409, message: 'rule_id: "abc" already exists' },
      'A rule for this exact view and schedule already exists',
      'rule_id: "abc" already exists',
    ],
    [
      400,
      { statusCode: 400, error: 'Bad Request', message: '[request body]: query: Required' },
      'Security refused the rule',
      '[request body]: query: Required',
    ],
    [500, { statusCode: 500, message: 'boom' }, 'The rule could not be created', 'boom'],
  ])('explains a %i with the API reason', async (status, body, title, reason) => {
    setup({ onPost: async () => Promise.reject(fetchError(status, body)) });
    open();
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.createRuleConfirm));
    const callout = await screen.findByTestId(DATA_TEST_SUBJ.createRuleError);
    expect(callout).toHaveTextContent(title);
    expect(callout).toHaveTextContent(reason);
    expect(screen.queryByTestId(DATA_TEST_SUBJ.createRuleLink)).not.toBeInTheDocument();
    // Another schedule is another rule: the answer about the previous one goes.
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.createRuleSchedule), {
      target: { value: '12h' },
    });
    expect(screen.queryByTestId(DATA_TEST_SUBJ.createRuleError)).not.toBeInTheDocument();
  });

  it('explains a network failure without a raw message', async () => {
    // What Kibana's http client throws when fetch itself fails: no response, no body.
    const failure = Object.assign(new Error('Failed to fetch'), { body: undefined });
    setup({ onPost: async () => Promise.reject(failure) });
    open();
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.createRuleConfirm));
    const callout = await screen.findByTestId(DATA_TEST_SUBJ.createRuleError);
    expect(callout).toHaveTextContent('Kibana could not be reached, so no rule was created');
    expect(callout).not.toHaveTextContent('Failed to fetch');
  });

  it('is not offered without the rules edit capability', () => {
    setup({ capabilities: { securitySolutionRulesV2: { read_rules: true, edit_rules: false } } });
    expect(screen.queryByTestId(DATA_TEST_SUBJ.createRule)).not.toBeInTheDocument();
  });

  it('is not offered when Security is absent', () => {
    setup({ capabilities: {} });
    expect(screen.queryByTestId(DATA_TEST_SUBJ.createRule)).not.toBeInTheDocument();
  });

  it('follows the newest rules feature the Kibana knows', () => {
    setup({
      capabilities: {
        securitySolutionRulesV4: { read_rules: true, edit_rules: true },
        securitySolutionRulesV2: { read_rules: true, edit_rules: false },
      },
    });
    expect(screen.getByTestId(DATA_TEST_SUBJ.createRule)).toBeEnabled();
  });

  it('waits for a valid view', () => {
    setup({ params: null });
    expect(screen.getByTestId(DATA_TEST_SUBJ.createRule)).toBeDisabled();
  });

  it('refuses an empty name or a score out of range before sending anything', async () => {
    const { posts } = setup();
    open();
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.createRuleName), {
      target: { value: '   ' },
    });
    expect(screen.getByTestId(DATA_TEST_SUBJ.createRuleConfirm)).toBeDisabled();
    expect(screen.getByText('is required')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.createRuleName), {
      target: { value: 'ok' },
    });
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.createRuleRiskScore), {
      target: { value: '101' },
    });
    expect(screen.getByText('must be at most 100')).toBeInTheDocument();
    expect(screen.getByTestId(DATA_TEST_SUBJ.createRuleConfirm)).toBeDisabled();
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.createRuleConfirm));
    await waitFor(() => expect(posts).toHaveLength(0));
  });

  it('says which sources the rule leaves out', () => {
    setup({
      availableFields: new Set(HUNT_FIELDS.filter((field) => !field.startsWith('o365.'))),
    });
    open();
    expect(screen.getByTestId(DATA_TEST_SUBJ.createRuleSummary)).toHaveTextContent(
      'Left out: Microsoft 365 audit logs'
    );
  });
});
