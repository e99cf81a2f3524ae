import React from 'react';
import { act, screen } from '@testing-library/react';
import { HuntRequestError } from '../../services/hunt_api';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { huntResponse, huntRow } from '../../../test/helpers/hunt_rows';
import { renderWithProviders } from '../../../test/helpers/render';
import { ErrorState, ResponseNotices, RunningState } from './hunt_states';

const response = huntResponse;

const row = huntRow({ day: null, service_principal_name: null });

describe('hunt states', () => {
  it('no matches names the thresholds that ran', () => {
    renderWithProviders(<ResponseNotices response={response()} maxDaily={3} minIps={4} />);
    expect(screen.getByTestId(DATA_TEST_SUBJ.noMatches)).toHaveTextContent(
      'at most 3 times a day from 4 or more IPs'
    );
  });

  it('no data in the window', () => {
    renderWithProviders(
      <ResponseNotices response={response({ outcome: 'no_indices' })} maxDaily={5} minIps={2} />
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.noIndices)).toHaveTextContent('No data to hunt in');
    expect(screen.queryByTestId(DATA_TEST_SUBJ.noMatches)).not.toBeInTheDocument();
  });

  it('sources missing, for the whole hunt and for part of it', () => {
    const { unmount } = renderWithProviders(
      <ResponseNotices
        response={response({ outcome: 'no_sources', missing_fields: ['source.ip'] })}
        maxDaily={5}
        minIps={2}
      />
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.noSources)).toHaveTextContent('source.ip');
    unmount();
    renderWithProviders(
      <ResponseNotices
        response={response({
          skipped: [
            { dataset: 'azure.graphactivitylogs', reason: 'missing_fields', missingFields: ['x'] },
            { dataset: 'o365.audit', reason: 'not_selected', missingFields: [] },
          ],
        })}
        maxDaily={5}
        minIps={2}
      />
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.skippedSources)).toHaveTextContent(
      'Left out: Microsoft Graph activity logs'
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.skippedSources)).not.toHaveTextContent(
      'Microsoft 365'
    );
  });

  it('truncated at the limit and partial results', () => {
    renderWithProviders(
      <ResponseNotices
        response={response({
          rows: [row],
          truncated: true,
          truncated_by: 'row_limit',
          is_partial: true,
          limit: 1,
        })}
        maxDaily={5}
        minIps={2}
      />
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.truncated)).toHaveTextContent(
      'Showing the first 1 rows'
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.truncated)).toHaveTextContent('up to 10,000');
    expect(screen.getByTestId(DATA_TEST_SUBJ.truncated)).toHaveTextContent('Raise the row limit');
    expect(screen.getByTestId(DATA_TEST_SUBJ.partial)).toBeInTheDocument();
    expect(screen.queryByTestId(DATA_TEST_SUBJ.noMatches)).not.toBeInTheDocument();
  });

  it('at the 10,000 cap, says the limit cannot go higher and what to narrow instead', () => {
    renderWithProviders(
      <ResponseNotices
        response={response({
          rows: [row],
          truncated: true,
          truncated_by: 'row_limit',
          limit: 10_000,
        })}
        maxDaily={5}
        minIps={2}
      />
    );
    const notice = screen.getByTestId(DATA_TEST_SUBJ.truncated);
    expect(notice).toHaveTextContent('Showing the first 10,000 rows');
    expect(notice).toHaveTextContent('the limit cannot go higher');
    expect(notice).toHaveTextContent('Narrow the window');
    expect(notice).not.toHaveTextContent('Raise the row limit');
  });

  it('nameless principals suggest grouping by id only when such a row is shown', () => {
    renderWithProviders(
      <ResponseNotices
        response={response({ rows: [row], nameless_datasets: ['azure.graphactivitylogs'] })}
        maxDaily={5}
        minIps={2}
      />
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.namelessSources)).toHaveTextContent('Group by id');
  });

  it('errors carry the reason from Elasticsearch and the status', () => {
    renderWithProviders(
      <ErrorState
        error={
          new HuntRequestError(
            'You lack read access to logs-*.',
            403,
            'forbidden',
            'action [indices:data/read/esql] is unauthorized'
          )
        }
      />
    );
    const callout = screen.getByTestId(DATA_TEST_SUBJ.error);
    expect(callout).toHaveTextContent('You lack read access');
    expect(callout).toHaveTextContent('You lack read access to logs-*.');
    expect(callout).toHaveTextContent('indices:data/read/esql');
    expect(callout).toHaveTextContent('HTTP status 403');
  });

  it.each([
    ['circuit_breaker', 'Elasticsearch stopped the hunt to protect its memory'],
    ['unknown_index', 'An index pattern matches no index'],
    ['hunt_not_found', 'The running hunt is gone'],
    ['hunt_expired', 'The running hunt expired'],
  ])('titles a %s error in words', (code, title) => {
    renderWithProviders(<ErrorState error={new HuntRequestError('Explained.', 429, code)} />);
    expect(screen.getByTestId(DATA_TEST_SUBJ.error)).toHaveTextContent(title);
  });

  it('loading shows progress and elapsed time', () => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-11-27T00:00:00Z'));
    renderWithProviders(<RunningState startedAt={Date.now()} />);
    expect(screen.getByTestId(DATA_TEST_SUBJ.elapsed)).toHaveTextContent('0s elapsed');
    act(() => {
      jest.advanceTimersByTime(65_000);
    });
    expect(screen.getByTestId(DATA_TEST_SUBJ.elapsed)).toHaveTextContent('1m 05s elapsed');
    jest.useRealTimers();
  });
});
