import { i18n } from '@kbn/i18n';

export const PANEL_TITLE = i18n.translate('entraSpHunt.recentRuns.panelTitle', {
  defaultMessage: 'Recent runs of this view',
});
export const RAN_AT_COLUMN = i18n.translate('entraSpHunt.recentRuns.ranAtColumnLabel', {
  defaultMessage: 'Ran at',
});
export const WINDOW_COLUMN = i18n.translate('entraSpHunt.recentRuns.windowColumnLabel', {
  defaultMessage: 'Window',
});
export const OUTCOME_COLUMN = i18n.translate('entraSpHunt.recentRuns.outcomeColumnLabel', {
  defaultMessage: 'Outcome',
});
export const ROWS_COLUMN = i18n.translate('entraSpHunt.recentRuns.rowsColumnLabel', {
  defaultMessage: 'Rows',
});
export const OPEN_COLUMN = i18n.translate('entraSpHunt.recentRuns.openColumnLabel', {
  defaultMessage: 'Pinned view',
});
export const OPEN_LINK = i18n.translate('entraSpHunt.recentRuns.openLinkText', {
  defaultMessage: 'Open',
});
export const THIS_RUN = i18n.translate('entraSpHunt.recentRuns.thisRunLabel', {
  defaultMessage: 'shown',
});
export const OUTCOME_LABELS = {
  ok: i18n.translate('entraSpHunt.recentRuns.outcomeOkLabel', { defaultMessage: 'Complete' }),
  partial: i18n.translate('entraSpHunt.recentRuns.outcomePartialLabel', {
    defaultMessage: 'Partial',
  }),
  truncated: i18n.translate('entraSpHunt.recentRuns.outcomeTruncatedLabel', {
    defaultMessage: 'Cut at the row limit',
  }),
  error: i18n.translate('entraSpHunt.recentRuns.outcomeErrorLabel', { defaultMessage: 'Failed' }),
};
export const CAPPED = i18n.translate('entraSpHunt.recentRuns.cappedLabel', {
  defaultMessage: 'keys capped',
});
export const TABLE_CAPTION = i18n.translate('entraSpHunt.recentRuns.tableDescription', {
  defaultMessage:
    'The last runs of this view in this space, newest first: when each ran, its window, its outcome and its row count',
});
export const CHART_LABEL = i18n.translate('entraSpHunt.recentRuns.chartAriaLabel', {
  defaultMessage: 'Rows found by each recent run of this view',
});
export const CHART_SERIES = i18n.translate('entraSpHunt.recentRuns.chartSeriesLabel', {
  defaultMessage: 'Rows',
});
export const LOADING = i18n.translate('entraSpHunt.recentRuns.loadingDescription', {
  defaultMessage: 'Reading the run history…',
});
export const OFF = i18n.translate('entraSpHunt.recentRuns.offDescription', {
  defaultMessage:
    'Run history is turned off in this space (advanced setting "keep run history"): this run was not recorded and no rows are marked new.',
});
export const FIRST = i18n.translate('entraSpHunt.recentRuns.firstDescription', {
  defaultMessage:
    'No earlier run to compare: this is the first complete run of this view kept in this space, so no rows are marked new.',
});
export const NO_RUNS = i18n.translate('entraSpHunt.recentRuns.noRunsDescription', {
  defaultMessage: 'No runs of this view are kept in this space yet.',
});
export const ERROR_TITLE = i18n.translate('entraSpHunt.recentRuns.errorTitle', {
  defaultMessage: 'The run history could not be read or saved',
});
export const newSinceSummary = (count: number, date: string) =>
  i18n.translate('entraSpHunt.recentRuns.comparedDescription', {
    defaultMessage:
      '{count, plural, =0 {No rows are} one {# row is} other {# rows are}} new since the previous complete run of this view ({date}), marked in the table.',
    values: { count, date },
  });
export const newSinceLabel = (date: string) =>
  i18n.translate('entraSpHunt.recentRuns.newSinceLabel', {
    defaultMessage: 'new since {date}',
    values: { date },
  });
export const SEEN_BEFORE = i18n.translate('entraSpHunt.recentRuns.seenBeforeLabel', {
  defaultMessage: 'seen before',
});
export const NO_EARLIER_RUN = i18n.translate('entraSpHunt.recentRuns.noEarlierRunLabel', {
  defaultMessage: 'no earlier run to compare',
});
export const openRunAriaLabel = (date: string) =>
  i18n.translate('entraSpHunt.recentRuns.openRunAriaLabel', {
    defaultMessage: 'Open the pinned view of the run at {date}',
    values: { date },
  });
export const HISTORY_OFF = i18n.translate('entraSpHunt.recentRuns.historyOffLabel', {
  defaultMessage: 'history off in this space',
});
export const HISTORY_READING = i18n.translate('entraSpHunt.recentRuns.historyReadingLabel', {
  defaultMessage: 'Reading…',
});
export const HISTORY_UNAVAILABLE = i18n.translate(
  'entraSpHunt.recentRuns.historyUnavailableLabel',
  { defaultMessage: 'history unavailable' }
);
