import React from 'react';
import { EuiText } from '@elastic/eui';
import { FormattedMessage } from '@kbn/i18n-react';
import { DATA_SOURCES } from '../../../common/hunt/data_sources';
import type { HuntResponse } from '../../../common/hunt/api_types';
import type { HuntParams } from '../../../common/hunt/hunt_params';
import { formatInstant } from '../../format';
import { DATA_TEST_SUBJ } from '../../data_test_subj';

export interface RunSummaryProps {
  /** When the run started (ms since epoch). */
  ranAt: number;
  response: Pick<HuntResponse, 'time' | 'datasets'>;
  params: Pick<HuntParams, 'max_daily_actions' | 'min_distinct_ips'>;
  /** The analyst's zone (`dateFormat:tz`, resolved); the window is also given in UTC, as rows are. */
  timeZone: string;
}

const UTC = 'UTC';

/** One line that says what ran: when, over exactly which window, on which sources, how strict. */
export function RunSummary({ ranAt, response, params, timeZone }: RunSummaryProps) {
  const { start, end } = response.time;
  const sources = response.datasets.map((dataset) => DATA_SOURCES[dataset].title).join(', ');
  const inZone = {
    start: formatInstant(start, timeZone),
    end: formatInstant(end, timeZone),
  };
  return (
    <EuiText size="s" color="subdued" data-test-subj={DATA_TEST_SUBJ.runSummary}>
      <p>
        <FormattedMessage
          id="entraSpHunt.summary.runDescription"
          defaultMessage="Ran {ranAt} over {start} to {end} ({zone}{utc, select, none {} other {; {utc}}}), reading {sources}, for actions at most {maxDaily, plural, one {# time} other {# times}} a day from at least {minIps, plural, one {# IP} other {# IPs}}."
          values={{
            ranAt: formatInstant(ranAt, timeZone),
            start: inZone.start,
            end: inZone.end,
            zone: timeZone,
            utc:
              timeZone === UTC
                ? 'none'
                : `${formatInstant(start, UTC)} to ${formatInstant(end, UTC)}`,
            sources: sources || '—',
            maxDaily: params.max_daily_actions,
            minIps: params.min_distinct_ips,
          }}
        />
      </p>
    </EuiText>
  );
}
