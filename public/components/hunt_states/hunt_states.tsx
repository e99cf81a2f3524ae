import React, { useEffect, useState } from 'react';
import {
  EuiCallOut,
  EuiCodeBlock,
  EuiEmptyPrompt,
  EuiProgress,
  EuiSpacer,
  EuiText,
} from '@elastic/eui';
import { FormattedMessage } from '@kbn/i18n-react';
import { i18n } from '@kbn/i18n';
import type { HuntResponse } from '../../../common/hunt/api_types';
import { DATA_SOURCES } from '../../../common/hunt/data_sources';
import { formatElapsed } from '../../format';
import type { HuntRequestError } from '../../services/hunt_api';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { ResultNotesCallouts } from '../result_notes';

/** How often the elapsed time of a running hunt refreshes. */
const ELAPSED_TICK_MS = 1_000;

export function RunningState({
  startedAt,
  retryingInSeconds,
}: {
  startedAt: number;
  retryingInSeconds?: number;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ELAPSED_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <div data-test-subj={DATA_TEST_SUBJ.loading}>
      <EuiProgress size="xs" color="accent" />
      <EuiSpacer size="s" />
      <EuiText size="s" color="subdued" data-test-subj={DATA_TEST_SUBJ.elapsed}>
        <FormattedMessage
          id="entraSpHunt.states.runningDescription"
          defaultMessage="Running the hunt… {elapsed} elapsed. Long windows over large tenants can take minutes."
          values={{ elapsed: formatElapsed(Math.max(0, now - startedAt)) }}
        />
        {retryingInSeconds !== undefined && (
          <>
            {' '}
            <FormattedMessage
              id="entraSpHunt.states.busyRetryDescription"
              defaultMessage="Elasticsearch is busy; asking again in {seconds, plural, one {# second} other {# seconds}}, as it requested."
              values={{ seconds: retryingInSeconds }}
            />
          </>
        )}
      </EuiText>
    </div>
  );
}

const ERROR_TITLES: Record<string, string> = {
  invalid_request: i18n.translate('entraSpHunt.states.invalidRequestTitle', {
    defaultMessage: 'The parameters were refused',
  }),
  unknown_column: i18n.translate('entraSpHunt.states.unknownColumnTitle', {
    defaultMessage: 'A data source is missing',
  }),
  query_rejected: i18n.translate('entraSpHunt.states.queryRejectedTitle', {
    defaultMessage: 'Elasticsearch rejected the query',
  }),
  session_expired: i18n.translate('entraSpHunt.states.sessionExpiredTitle', {
    defaultMessage: 'Your session has expired',
  }),
  forbidden: i18n.translate('entraSpHunt.states.forbiddenTitle', {
    defaultMessage: 'You lack read access',
  }),
  timeout: i18n.translate('entraSpHunt.states.timeoutTitle', {
    defaultMessage: 'The hunt timed out',
  }),
  too_many_requests: i18n.translate('entraSpHunt.states.tooManyRequestsTitle', {
    defaultMessage: 'Elasticsearch is busy',
  }),
  circuit_breaker: i18n.translate('entraSpHunt.states.circuitBreakerTitle', {
    defaultMessage: 'Elasticsearch stopped the hunt to protect its memory',
  }),
  unknown_index: i18n.translate('entraSpHunt.states.unknownIndexTitle', {
    defaultMessage: 'An index pattern matches no index',
  }),
  invalid_time_range: i18n.translate('entraSpHunt.states.invalidTimeRangeTitle', {
    defaultMessage: 'The time range does not resolve',
  }),
  hunt_not_found: i18n.translate('entraSpHunt.states.huntNotFoundTitle', {
    defaultMessage: 'The running hunt is gone',
  }),
  hunt_expired: i18n.translate('entraSpHunt.states.huntExpiredTitle', {
    defaultMessage: 'The running hunt expired',
  }),
  network: i18n.translate('entraSpHunt.states.networkTitle', {
    defaultMessage: 'Kibana could not be reached',
  }),
};
const DEFAULT_ERROR_TITLE = i18n.translate('entraSpHunt.states.defaultErrorTitle', {
  defaultMessage: 'The hunt failed',
});

/** The title an error is announced and shown with. */
export function errorTitle(error: HuntRequestError, fallback = DEFAULT_ERROR_TITLE): string {
  return ERROR_TITLES[error.code] ?? fallback;
}

/**
 * A failed request: what happened, Elasticsearch's reason and the status. `fallbackTitle` names
 * what failed when the error's kind has no title of its own (the hunt, by default).
 */
export function ErrorState({
  error,
  fallbackTitle,
}: {
  error: HuntRequestError;
  fallbackTitle?: string;
}) {
  return (
    <EuiCallOut
      color="danger"
      iconType="error"
      title={errorTitle(error, fallbackTitle)}
      data-test-subj={DATA_TEST_SUBJ.error}
    >
      <p>{error.message}</p>
      {error.reason && error.reason !== error.message && (
        <EuiCodeBlock paddingSize="s" fontSize="s" transparentBackground>
          {error.reason}
        </EuiCodeBlock>
      )}
      {error.status !== undefined && (
        <EuiText size="xs" color="subdued">
          <FormattedMessage
            id="entraSpHunt.states.errorStatusDescription"
            defaultMessage="HTTP status {status}"
            values={{ status: error.status }}
          />
        </EuiText>
      )}
    </EuiCallOut>
  );
}

export function IdleState() {
  return (
    <EuiEmptyPrompt
      iconType="securityAnalyticsApp"
      title={
        <h3>
          <FormattedMessage id="entraSpHunt.states.idleTitle" defaultMessage="Ready to hunt" />
        </h3>
      }
      body={
        <p>
          <FormattedMessage
            id="entraSpHunt.states.idleDescription"
            defaultMessage="Check the data sources above, adjust the window and thresholds, then run the hunt."
          />
        </p>
      }
    />
  );
}

/** Everything about a finished run that is not a row: empty results, skipped sources, limits. */
export function ResponseNotices({
  response,
  maxDaily,
  minIps,
}: {
  response: HuntResponse;
  maxDaily: number;
  minIps: number;
}) {
  if (response.outcome === 'no_indices') {
    return (
      <EuiEmptyPrompt
        color="subdued"
        iconType="indexClose"
        data-test-subj={DATA_TEST_SUBJ.noIndices}
        title={
          <h3>
            <FormattedMessage
              id="entraSpHunt.states.noIndicesTitle"
              defaultMessage="No data to hunt in"
            />
          </h3>
        }
        body={
          <p>
            <FormattedMessage
              id="entraSpHunt.states.noIndicesDescription"
              defaultMessage="No index you can read matches the index patterns. This is not a clean bill of health: there was nothing to look at."
            />
          </p>
        }
      />
    );
  }
  if (response.outcome === 'no_sources') {
    return (
      <EuiEmptyPrompt
        color="subdued"
        iconType="warning"
        data-test-subj={DATA_TEST_SUBJ.noSources}
        title={
          <h3>
            <FormattedMessage
              id="entraSpHunt.states.noSourcesTitle"
              defaultMessage="None of the chosen data sources exists"
            />
          </h3>
        }
        body={
          <p>
            <FormattedMessage
              id="entraSpHunt.states.noSourcesDescription"
              defaultMessage="The matched indices map none of the fields the hunt needs for the chosen sources ({fields}). No query was run."
              values={{ fields: response.missing_fields.join(', ') || '—' }}
            />
          </p>
        }
      />
    );
  }
  const skipped = response.skipped.filter((entry) => entry.reason === 'missing_fields');
  return (
    <>
      {skipped.length > 0 && (
        <EuiCallOut
          color="warning"
          iconType="warning"
          size="s"
          data-test-subj={DATA_TEST_SUBJ.skippedSources}
          title={i18n.translate('entraSpHunt.states.skippedTitle', {
            defaultMessage: 'Left out: {sources}',
            values: {
              sources: skipped.map((entry) => DATA_SOURCES[entry.dataset].title).join(', '),
            },
          })}
        >
          <p>
            <FormattedMessage
              id="entraSpHunt.states.skippedDescription"
              defaultMessage="No index maps their fields, so activity there is not in these results."
            />
          </p>
        </EuiCallOut>
      )}
      {response.nameless_datasets.length > 0 &&
        response.rows.some((row) => row.service_principal_name === null) && (
          <EuiCallOut
            color="primary"
            iconType="info"
            size="s"
            data-test-subj={DATA_TEST_SUBJ.namelessSources}
            title={i18n.translate('entraSpHunt.states.namelessTitle', {
              defaultMessage: 'Some principals have no name',
            })}
          >
            <p>
              <FormattedMessage
                id="entraSpHunt.states.namelessDescription"
                defaultMessage="{sources} events carry no service principal name, so grouped by name they all fall under one empty name. Group by id to tell them apart."
                values={{
                  sources: response.nameless_datasets
                    .map((dataset) => DATA_SOURCES[dataset].title)
                    .join(', '),
                }}
              />
            </p>
          </EuiCallOut>
        )}
      {(response.truncated || response.is_partial || response.warnings.length > 0) && (
        <>
          <EuiSpacer size="s" />
          <ResultNotesCallouts notes={response} subject="rows" limit={response.limit} />
        </>
      )}
      {response.rows.length === 0 && (
        <EuiEmptyPrompt
          iconType="checkInCircleFilled"
          color="subdued"
          data-test-subj={DATA_TEST_SUBJ.noMatches}
          title={
            <h3>
              <FormattedMessage
                id="entraSpHunt.states.noMatchesTitle"
                defaultMessage="No rare activity from several IPs"
              />
            </h3>
          }
          body={
            <p>
              <FormattedMessage
                id="entraSpHunt.states.noMatchesDescription"
                defaultMessage="No service principal performed an action at most {maxDaily} times a day from {minIps} or more IPs in this window, across the data sources that ran."
                values={{ maxDaily, minIps }}
              />
            </p>
          }
        />
      )}
    </>
  );
}
