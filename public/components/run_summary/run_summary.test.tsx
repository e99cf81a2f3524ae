import React from 'react';
import { screen } from '@testing-library/react';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { renderWithProviders } from '../../../test/helpers/render';
import { RunSummary } from './run_summary';

const response = {
  time: {
    from: 'now-30d',
    to: 'now',
    start: '2026-10-28T02:12:00.000Z',
    end: '2026-11-27T02:12:00.000Z',
  },
  datasets: ['azure.auditlogs', 'o365.audit'] as Array<'azure.auditlogs' | 'o365.audit'>,
};
const params = { max_daily_actions: 5, min_distinct_ips: 2 };
const ranAt = Date.parse('2026-11-27T02:12:00.000Z');

describe('RunSummary', () => {
  it("says when it ran, the exact window in the analyst's zone and in UTC, the sources and thresholds", () => {
    renderWithProviders(
      <RunSummary ranAt={ranAt} response={response} params={params} timeZone="America/New_York" />
    );
    const summary = screen.getByTestId(DATA_TEST_SUBJ.runSummary);
    expect(summary).toHaveTextContent('Ran 26 Nov 2026, 21:12:00 GMT-5');
    expect(summary).toHaveTextContent(
      'over 27 Oct 2026, 22:12:00 GMT-4 to 26 Nov 2026, 21:12:00 GMT-5 (America/New_York; 28 Oct 2026, 02:12:00 UTC to 27 Nov 2026, 02:12:00 UTC)'
    );
    expect(summary).toHaveTextContent('reading Entra ID audit logs, Microsoft 365 audit logs');
    expect(summary).toHaveTextContent('at most 5 times a day from at least 2 IPs');
  });

  it('does not repeat the window when the analyst works in UTC', () => {
    renderWithProviders(
      <RunSummary ranAt={ranAt} response={response} params={params} timeZone="UTC" />
    );
    const summary = screen.getByTestId(DATA_TEST_SUBJ.runSummary);
    expect(summary).toHaveTextContent(
      'over 28 Oct 2026, 02:12:00 UTC to 27 Nov 2026, 02:12:00 UTC (UTC),'
    );
  });
});
