import React from 'react';
import { EuiCallOut, EuiSpacer } from '@elastic/eui';
import { FormattedMessage } from '@kbn/i18n-react';
import { i18n } from '@kbn/i18n';
import { ESQL_MAX_ROW_LIMIT } from '../../../common/constants';
import type { ResultNotes, ResultWarning } from '../../../common/hunt/result_notes';
import { formatCount } from '../../format';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import * as text from './translations';

/** What the notes are about: the hunt's rows, a row's raw events, or the per-source counts. */
export type NotesSubject = 'rows' | 'events' | 'counts';

export interface ResultNotesCalloutsProps {
  notes: ResultNotes;
  subject: NotesSubject;
  /** The limit the analyst asked for (rows or events shown). */
  limit?: number;
}

function TruncatedCallout({ notes, subject, limit }: ResultNotesCalloutsProps) {
  const cap = notes.row_cap ?? 0;
  const defaultRows = notes.warnings.find((warning) => warning.kind === 'default_limit')?.rows ?? 0;
  const title =
    notes.truncated_by === 'row_cap'
      ? i18n.translate('entraSpHunt.notes.rowCapTitle', {
          defaultMessage:
            'Elasticsearch returns at most {cap} {subject, select, events {events} other {rows}}: there may be more',
          values: { cap: formatCount(cap), subject },
        })
      : notes.truncated_by === 'default_limit'
        ? i18n.translate('entraSpHunt.notes.defaultLimitTitle', {
            defaultMessage:
              'Elasticsearch applied its default limit of {rows} rows: there may be more',
            values: { rows: formatCount(defaultRows) },
          })
        : subject === 'events'
          ? i18n.translate('entraSpHunt.flyout.truncatedTitle', {
              defaultMessage: 'Showing the first {count} events; open Discover for all.',
              values: { count: formatCount(limit ?? 0) },
            })
          : i18n.translate('entraSpHunt.states.truncatedTitle', {
              defaultMessage: 'Showing the first {limit} rows: there are more',
              values: { limit: formatCount(limit ?? 0) },
            });
  return (
    <EuiCallOut
      color="warning"
      iconType="warning"
      size="s"
      data-test-subj={DATA_TEST_SUBJ.truncated}
      data-truncated-by={notes.truncated_by ?? undefined}
      title={title}
    >
      {notes.truncated_by === 'row_cap' && (
        <p>
          <FormattedMessage
            id="entraSpHunt.notes.rowCapDescription"
            defaultMessage="The cluster caps every ES|QL answer at {cap} rows (esql.query.result_truncation_max_size), at or below the row limit, and says nothing when it cuts one. Narrow the window, or ask an administrator to raise the cap."
            values={{ cap: formatCount(cap) }}
          />
        </p>
      )}
      {notes.truncated_by === 'row_limit' && subject === 'rows' && (
        <p>
          {(limit ?? 0) < ESQL_MAX_ROW_LIMIT ? (
            <FormattedMessage
              id="entraSpHunt.states.truncatedDescription"
              defaultMessage="Raise the row limit (up to {max}) under Index patterns and row limit, narrow the window, or make the thresholds stricter."
              values={{ max: formatCount(ESQL_MAX_ROW_LIMIT) }}
            />
          ) : (
            <FormattedMessage
              id="entraSpHunt.states.truncatedAtMaxDescription"
              defaultMessage="{max} rows is the most ES|QL returns, so the limit cannot go higher. Narrow the window, or make the thresholds stricter (fewer actions a day, more distinct IPs), and run again."
              values={{ max: formatCount(ESQL_MAX_ROW_LIMIT) }}
            />
          )}
        </p>
      )}
      {subject === 'counts' && (
        <p>
          <FormattedMessage
            id="entraSpHunt.notes.countsCutDescription"
            defaultMessage="Not every data source was counted: the counts shown are incomplete."
          />
        </p>
      )}
    </EuiCallOut>
  );
}

function PartialCallout({ notes, subject }: ResultNotesCalloutsProps) {
  const clusters = notes.incomplete_clusters
    .map(({ cluster, status }) => `${cluster} (${status})`)
    .join(', ');
  return (
    <EuiCallOut
      color="warning"
      iconType="warning"
      size="s"
      data-test-subj={DATA_TEST_SUBJ.partial}
      title={text.PARTIAL_TITLE}
    >
      <p>
        <FormattedMessage
          id="entraSpHunt.notes.partialDescription"
          defaultMessage="Elasticsearch could not read some shards or remote clusters. {subject, select, counts {Counts are lower bounds, and a source with no events counted may have some.} events {Events may be missing.} other {Counts may be low and rows may be missing; run again when the cluster is healthy.}}"
          values={{ subject }}
        />
      </p>
      {clusters && (
        <p>
          <FormattedMessage
            id="entraSpHunt.notes.incompleteClustersDescription"
            defaultMessage="Clusters that did not answer in full: {clusters}."
            values={{ clusters }}
          />
        </p>
      )}
    </EuiCallOut>
  );
}

function describeWarning(warning: ResultWarning): string {
  const where = warning.location ? ` (${warning.location})` : '';
  if (warning.kind === 'multi_value') {
    return i18n.translate('entraSpHunt.notes.multiValueDescription', {
      defaultMessage:
        '{expression}{where} met a field with several values where it expects one. Elasticsearch treated the result as null for those events, so they may be missing from these results.',
      values: { expression: warning.expression || '—', where },
    });
  }
  if (warning.kind === 'evaluation_failed') {
    return i18n.translate('entraSpHunt.notes.evaluationFailedDescription', {
      defaultMessage:
        '{expression}{where} could not be evaluated for some rows, and Elasticsearch treated the result as null there.',
      values: { expression: warning.expression || '—', where },
    });
  }
  return warning.message;
}

function WarningsCallout({ notes }: ResultNotesCalloutsProps) {
  // The default limit is already said by the truncation callout.
  const warnings = notes.warnings.filter((warning) => warning.kind !== 'default_limit');
  if (warnings.length === 0) return null;
  return (
    <EuiCallOut
      color="warning"
      iconType="warning"
      size="s"
      data-test-subj={DATA_TEST_SUBJ.warnings}
      title={text.WARNINGS_TITLE}
    >
      <ul>
        {warnings.map((warning, index) => (
          <li key={index} data-warning-kind={warning.kind}>
            {describeWarning(warning)}
          </li>
        ))}
      </ul>
    </EuiCallOut>
  );
}

/**
 * Everything that makes an answer less than complete, said where the answer is shown: cut (and
 * by what), partial (and which clusters), and Elasticsearch's warnings in words.
 */
export function ResultNotesCallouts(props: ResultNotesCalloutsProps) {
  const { notes } = props;
  const parts = [
    notes.truncated ? <TruncatedCallout key="truncated" {...props} /> : null,
    notes.is_partial ? <PartialCallout key="partial" {...props} /> : null,
    notes.warnings.some((warning) => warning.kind !== 'default_limit') ? (
      <WarningsCallout key="warnings" {...props} />
    ) : null,
  ].filter((part) => part !== null);
  return (
    <>
      {parts.map((part, index) => (
        <React.Fragment key={index}>
          {index > 0 && <EuiSpacer size="s" />}
          {part}
        </React.Fragment>
      ))}
    </>
  );
}
