import {
  DEFAULT_FORM_STATE,
  formStateToParamsInput,
  formStateToSearch,
  locatorParamsToFormState,
  paramsToLocatorParams,
  searchToFormState,
} from './url_state';
import { DEFAULT_HUNT_PARAMS, huntParamsSchema } from './hunt_params';

describe('hunt URL state', () => {
  it('writes nothing for the defaults, so the plain app URL is the published hunt', () => {
    expect(formStateToSearch(DEFAULT_FORM_STATE, false)).toBe('');
    expect(searchToFormState('')).toEqual({ state: DEFAULT_FORM_STATE, run: false });
  });

  it('round-trips every field through the query string', () => {
    const state = {
      from: '2026-11-01T00:00:00Z',
      to: 'now-1d',
      maxDailyActions: '7',
      minDistinctIps: '3',
      datasets: ['azure.signinlogs', 'o365.audit'],
      groupBy: 'id',
      trustedCidrs: ['10.0.0.0/8', '2001:db8::/32'],
      indexPatterns: ['remote:logs-azure.*'],
      limit: '5000',
      baselineDays: '14',
      sharedIpPrincipals: '9',
      includeHidden: true,
    };
    const search = formStateToSearch(state, true);
    expect(search).toContain('run=1');
    expect(search).toContain('baseline_days=14');
    expect(search).toContain('shared_ips=9');
    expect(search).toContain('hidden=1');
    expect(searchToFormState(search)).toEqual({ state, run: true });
  });

  it('keeps an invalid value as typed so the form can show it', () => {
    expect(searchToFormState('?min_ips=zero').state.minDistinctIps).toBe('zero');
    expect(
      formStateToParamsInput({ ...DEFAULT_FORM_STATE, minDistinctIps: 'zero' }).min_distinct_ips
    ).toBe('zero');
  });

  it('locator params from validated params reopen the same hunt', () => {
    const params = huntParamsSchema.parse({
      max_daily_actions: 4,
      trusted_cidrs: ['10.0.0.0/8'],
      group_by: 'id',
      baseline_days: 60,
      shared_ip_principals: 12,
      include_hidden: true,
    });
    const state = locatorParamsToFormState(paramsToLocatorParams(params, true));
    expect(huntParamsSchema.parse(formStateToParamsInput(state))).toEqual(params);
    expect(huntParamsSchema.parse(formStateToParamsInput(DEFAULT_FORM_STATE))).toEqual(
      DEFAULT_HUNT_PARAMS
    );
  });

  it('keeps bad triage values as typed, and the form names their fields', () => {
    const { state } = searchToFormState('?baseline_days=0&shared_ips=many');
    expect(state.baselineDays).toBe('0');
    const parsed = huntParamsSchema.safeParse(formStateToParamsInput(state));
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['baseline_days', 'shared_ip_principals']));
  });

  it('an empty list in the URL stays empty instead of falling back to defaults', () => {
    expect(searchToFormState('?datasets=').state.datasets).toEqual([]);
  });
});
