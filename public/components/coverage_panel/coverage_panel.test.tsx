import React from 'react';
import { screen, waitFor } from '@testing-library/react';
import type { CoverageResponse } from '../../../common/hunt/coverage';
import { COMPLETE_RESULT } from '../../../common/hunt/result_notes';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { renderWithProviders } from '../../../test/helpers/render';
import { CoveragePanel } from './coverage_panel';

const coverage: CoverageResponse = {
  ...COMPLETE_RESULT,
  index_count: 3,
  available_fields: [],
  missing_common_fields: [],
  time: { from: 'now-30d', to: 'now', start: 'a', end: 'b' },
  datasets: [
    { dataset: 'azure.auditlogs', event_count: 1200, missing_fields: [], status: 'ready' },
    { dataset: 'azure.signinlogs', event_count: 0, missing_fields: [], status: 'no_events' },
    {
      dataset: 'o365.audit',
      event_count: 0,
      missing_fields: ['o365.audit.UserId'],
      status: 'missing_fields',
    },
    {
      dataset: 'azure.graphactivitylogs',
      event_count: 0,
      missing_fields: ['x'],
      status: 'missing_fields',
    },
  ],
};

describe('CoveragePanel', () => {
  it('lists each source with its events and status, and what missing sources mean', () => {
    renderWithProviders(
      <CoveragePanel
        coverage={coverage}
        loading={false}
        selectedDatasets={['azure.auditlogs', 'azure.signinlogs', 'o365.audit']}
      />
    );
    const rows = screen.getAllByTestId(DATA_TEST_SUBJ.coverageRow);
    expect(rows[0]).toHaveTextContent('1,200');
    expect(rows[0]).toHaveTextContent('Ready');
    expect(rows[1]).toHaveTextContent('No events in this window');
    expect(rows[2]).toHaveTextContent('Fields not mapped');
    expect(rows[3]).toHaveTextContent('Not selected');
    const missing = screen.getByTestId(DATA_TEST_SUBJ.coverageMissing);
    expect(missing).toHaveTextContent('Microsoft 365 audit logs');
    expect(missing).not.toHaveTextContent('Graph');
    expect(missing).toHaveTextContent('an empty result does not mean the principals were quiet');
  });

  it('captions its table for what it lists, whether or not sources are missing', async () => {
    renderWithProviders(
      <CoveragePanel coverage={coverage} loading={false} selectedDatasets={['azure.auditlogs']} />
    );
    const caption = screen.getByRole('table').querySelector('caption');
    // EuiBasicTable renders its caption's text a moment after the table (EuiDelayRender).
    await waitFor(() =>
      expect(caption).toHaveTextContent(
        'Each data source the hunt reads: its events in this window and whether the hunt can read it'
      )
    );
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      'Data sources in this window'
    );
  });

  it('a partial answer: zero counts are "not counted", not "no events", and the callout says why', () => {
    renderWithProviders(
      <CoveragePanel
        coverage={{
          ...coverage,
          is_partial: true,
          incomplete_clusters: [{ cluster: 'eu', status: 'skipped' }],
          datasets: coverage.datasets.map((entry) =>
            entry.status === 'no_events' ? { ...entry, status: 'not_counted' as const } : entry
          ),
        }}
        loading={false}
        selectedDatasets={['azure.auditlogs', 'azure.signinlogs']}
      />
    );
    const rows = screen.getAllByTestId(DATA_TEST_SUBJ.coverageRow);
    expect(rows[1]).toHaveTextContent('Not counted: partial answer');
    expect(rows[1]).toHaveTextContent('unknown');
    expect(rows[1]).not.toHaveTextContent('No events');
    expect(screen.getByTestId(DATA_TEST_SUBJ.partial)).toHaveTextContent('Counts are lower bounds');
    expect(screen.getByTestId(DATA_TEST_SUBJ.partial)).toHaveTextContent('eu (skipped)');
  });

  it('says when no index matches at all', () => {
    renderWithProviders(
      <CoveragePanel
        coverage={{ ...coverage, index_count: 0 }}
        loading={false}
        selectedDatasets={['o365.audit']}
      />
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.coverageNoIndices)).toBeInTheDocument();
    expect(screen.queryAllByTestId(DATA_TEST_SUBJ.coverageRow)).toHaveLength(0);
    expect(screen.queryByTestId(DATA_TEST_SUBJ.coverageMissing)).not.toBeInTheDocument();
  });
});
