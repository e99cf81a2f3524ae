import React from 'react';
import {
  EuiBasicTable,
  EuiCallOut,
  EuiHealth,
  EuiLoadingSpinner,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import { FormattedMessage } from '@kbn/i18n-react';
import { i18n } from '@kbn/i18n';
import { DATA_SOURCES, type Dataset } from '../../../common/hunt/data_sources';
import type { CoverageResponse, DatasetCoverage } from '../../../common/hunt/coverage';
import { formatCount } from '../../format';
import type { HuntRequestError } from '../../services/hunt_api';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { ResultNotesCallouts } from '../result_notes';
import * as text from './translations';

export interface CoveragePanelProps {
  coverage?: CoverageResponse;
  loading: boolean;
  error?: HuntRequestError;
  selectedDatasets: string[];
}

interface Row extends DatasetCoverage {
  selected: boolean;
}

function health(row: Row) {
  if (!row.selected) return <EuiHealth color="subdued">{text.STATUS_NOT_SELECTED}</EuiHealth>;
  if (row.status === 'ready') return <EuiHealth color="success">{text.STATUS_READY}</EuiHealth>;
  if (row.status === 'no_events')
    return <EuiHealth color="warning">{text.STATUS_NO_EVENTS}</EuiHealth>;
  if (row.status === 'not_counted')
    return <EuiHealth color="warning">{text.STATUS_NOT_COUNTED}</EuiHealth>;
  return <EuiHealth color="danger">{text.STATUS_MISSING}</EuiHealth>;
}

const columns: Array<EuiBasicTableColumn<Row>> = [
  {
    field: 'dataset',
    name: i18n.translate('entraSpHunt.coverage.sourceColumnLabel', {
      defaultMessage: 'Data source',
    }),
    render: (dataset: Dataset) => (
      <span>
        {DATA_SOURCES[dataset].title}{' '}
        <EuiText size="xs" color="subdued" component="span">
          ({dataset})
        </EuiText>
      </span>
    ),
  },
  {
    field: 'event_count',
    name: i18n.translate('entraSpHunt.coverage.eventsColumnLabel', {
      defaultMessage: 'Events in window',
    }),
    align: 'right',
    render: (count: number | null, row: Row) =>
      count === null
        ? '—'
        : row.status === 'not_counted'
          ? text.NOT_COUNTED_VALUE
          : formatCount(count),
  },
  {
    field: 'status',
    name: i18n.translate('entraSpHunt.coverage.statusColumnLabel', { defaultMessage: 'Status' }),
    render: (_status: string, row: Row) => health(row),
  },
];

/** Missing data changes what an empty result means; the panel says so before the hunt runs. */
export function CoveragePanel({ coverage, loading, error, selectedDatasets }: CoveragePanelProps) {
  const rows: Row[] = (coverage?.datasets ?? []).map((entry) => ({
    ...entry,
    selected: selectedDatasets.includes(entry.dataset),
  }));
  // With no index at all, the callout above already says everything is missing.
  const missing =
    coverage && coverage.index_count > 0
      ? rows.filter((row) => row.selected && row.status === 'missing_fields')
      : [];
  return (
    <EuiPanel hasBorder paddingSize="m" data-test-subj={DATA_TEST_SUBJ.coveragePanel}>
      <EuiTitle size="xs">
        <h2>
          <FormattedMessage
            id="entraSpHunt.coverage.panelTitle"
            defaultMessage="Data sources in this window"
          />{' '}
          {loading && <EuiLoadingSpinner size="s" />}
        </h2>
      </EuiTitle>
      <EuiSpacer size="s" />
      {error && (
        <EuiCallOut color="danger" iconType="error" size="s" title={text.COVERAGE_ERROR_TITLE}>
          <p>{error.message}</p>
        </EuiCallOut>
      )}
      {coverage && coverage.index_count === 0 && (
        <EuiCallOut
          color="warning"
          iconType="warning"
          size="s"
          title={text.NO_INDICES_TITLE}
          data-test-subj={DATA_TEST_SUBJ.coverageNoIndices}
        >
          <p>
            <FormattedMessage
              id="entraSpHunt.coverage.noIndicesDescription"
              defaultMessage="Nothing you can read matches these patterns, so the hunt will find nothing. Check that the Azure and Microsoft 365 integrations are installed, and that you have read access to their data streams."
            />
          </p>
        </EuiCallOut>
      )}
      {coverage && coverage.index_count > 0 && coverage.missing_common_fields.length > 0 && (
        <EuiCallOut color="danger" iconType="error" size="s" title={text.MISSING_COMMON_TITLE}>
          <p>{coverage.missing_common_fields.join(', ')}</p>
        </EuiCallOut>
      )}
      {coverage && coverage.index_count > 0 && (
        <>
          <ResultNotesCallouts notes={coverage} subject="counts" />
          {(coverage.truncated || coverage.is_partial || coverage.warnings.length > 0) && (
            <EuiSpacer size="s" />
          )}
        </>
      )}
      {coverage && coverage.index_count > 0 && (
        <EuiBasicTable<Row>
          items={rows}
          columns={columns}
          compressed
          tableCaption={text.TABLE_CAPTION}
          rowProps={() => ({ 'data-test-subj': DATA_TEST_SUBJ.coverageRow })}
        />
      )}
      {missing.length > 0 && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut
            color="warning"
            iconType="warning"
            size="s"
            title={text.MISSING_TITLE}
            data-test-subj={DATA_TEST_SUBJ.coverageMissing}
          >
            <p>
              <FormattedMessage
                id="entraSpHunt.coverage.missingDescription"
                defaultMessage="No index maps the fields of {sources}. The hunt leaves {count, plural, one {this source} other {these sources}} out, so activity there cannot appear in the results: an empty result does not mean the principals were quiet there."
                values={{
                  sources: missing.map((row) => DATA_SOURCES[row.dataset].title).join(', '),
                  count: missing.length,
                }}
              />
            </p>
          </EuiCallOut>
        </>
      )}
    </EuiPanel>
  );
}
