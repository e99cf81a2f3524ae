import React, { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiEmptyPrompt,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLoadingSpinner,
  EuiPageTemplate,
  EuiScreenReaderLive,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { FormattedMessage } from '@kbn/i18n-react';
import { i18n } from '@kbn/i18n';
import type { History } from 'history';
import { PLUGIN_NAME } from '../../../common/constants';
import { HUNT_DEFINITION } from '../../../common/hunt/definition';
import { HUNT_FIELDS } from '../../../common/hunt/data_sources';
import { buildHuntQuery } from '../../../common/hunt/build_hunt_query';
import { parseCoverageParams } from '../../../common/hunt/coverage';
import { resolveTimeRange } from '../../../common/hunt/time_range';
import type { HuntParams } from '../../../common/hunt/hunt_params';
import {
  isRelativeRange,
  pinnedTimeRange,
  resolveRunWindow,
  runWindowSchema,
  type RunWindow,
} from '../../../common/hunt/run_window';
import {
  formStateToParamsInput,
  formStateToSearch,
  locatorParamsToFormState,
  paramsToLocatorParams,
  searchToFormState,
  type HuntFormState,
} from '../../../common/hunt/url_state';
import {
  buildRunRecord,
  describeNewSince,
  type RunSummary as RecordedRun,
} from '../../../common/run_history';
import { validateForm } from '../../form_validation';
import { formatCount, formatRunTime, resolveTimeZone } from '../../format';
import { useCoverage } from '../../hooks/use_coverage';
import { useHunt, type UseHuntValue } from '../../hooks/use_hunt';
import { usePivots } from '../../hooks/use_pivots';
import { useTriage, type UseTriageValue } from '../../hooks/use_triage';
import { useRunHistory, type RunComparison } from '../../hooks/use_run_history';
import { DATE_FORMAT_TZ, useTimePickerRanges } from '../../hooks/use_time_picker_ranges';
import { buildCaseComment, type CaseCommentLinks } from '../../../common/hunt/case_comment';
import { readRun, storeRun, tabStorage } from '../../services/run_cache';
import { zonedMoment } from '../../services/time_zone';
import { rowPrincipal, type HuntRow } from '../../../common/hunt/shape_results';
import { compareByEvidence, triageRow, type RowTriage } from '../../../common/hunt/triage';
import type { SinceLastRunLookup, TriageLookup } from '../results_table/result_columns';
import { useServices } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { CoveragePanel } from '../coverage_panel';
import { HuntHeader } from '../hunt_header';
import { ErrorState, errorTitle, IdleState, ResponseNotices, RunningState } from '../hunt_states';
import { ParamsForm } from '../params_form';
import { QueryPreview } from '../query_preview';
import { ResultsTable } from '../results_table';
import { AddToCase, type CaseEvidence } from '../add_to_case';
import { CreateRuleButton } from '../create_rule';
import { RunSummary } from '../run_summary';
import { SaveSessionButton } from '../save_session';
import {
  HISTORY_OFF,
  HISTORY_READING,
  HISTORY_UNAVAILABLE,
  newSinceLabel,
  NO_EARLIER_RUN,
  RecentRuns,
  SEEN_BEFORE,
} from '../recent_runs';
import {
  ENTRIES_BUTTON_LABEL,
  EntriesPanel,
  HIDDEN_BADGE,
  HiddenRowsBar,
  hidingEntriesOf,
  MarkEntryForm,
  type MarkTarget,
  NO_ACCESS_BODY,
  NO_ACCESS_TITLE,
  REVIEWED_BADGE,
  RowMarks,
} from '../allowlist';
import { appCapabilities } from '../../capabilities';
import { useEntries } from '../../hooks/use_entries';
import { useHiddenRows } from '../../hooks/use_hidden_rows';
import { benignMatches, entriesForRow } from '../../../common/hunt/allowlist';
import type { EntryKind } from '../../../common/entries';

// The flyout and the histogram (and the charts library they draw with) load only when shown.
const RowFlyout = React.lazy(() =>
  import('../row_flyout').then((module) => ({ default: module.RowFlyout }))
);
const ResultsHistogram = React.lazy(() =>
  import('../results_histogram').then((module) => ({ default: module.ResultsHistogram }))
);
/** The histogram's height, kept while it loads so the table below does not jump. */
const HISTOGRAM_PLACEHOLDER_HEIGHT = 120;
const RESULTS_TITLE_ID = 'entraSpHuntResultsTitle';

export interface HuntAppProps {
  history: History;
}

const NO_SOURCES_REASON = i18n.translate('entraSpHunt.preview.noSourcesDescription', {
  defaultMessage:
    'No query can be built: none of the chosen data sources has its fields in the matched indices.',
});
const INVALID_REASON = i18n.translate('entraSpHunt.preview.invalidDescription', {
  defaultMessage: 'Fix the highlighted parameters to see the query.',
});

/** What a screen reader hears when the hunt starts, ends or fails. */
function statusAnnouncement(hunt: UseHuntValue): string {
  if (hunt.status === 'loading')
    return i18n.translate('entraSpHunt.app.runningAnnouncementDescription', {
      defaultMessage: 'Running the hunt.',
    });
  if (hunt.status === 'error' && hunt.error)
    return `${errorTitle(hunt.error)}. ${hunt.error.message}`;
  if (hunt.status === 'success' && hunt.response)
    return i18n.translate('entraSpHunt.app.doneAnnouncementDescription', {
      defaultMessage:
        'The hunt finished: {count, plural, =0 {no rows} one {# row} other {# rows}}{truncated, select, true {, possibly more} other {}}.',
      values: { count: hunt.response.rows.length, truncated: hunt.response.truncated },
    });
  return '';
}

/** How the triage went: running, its partial answers, or why it failed (the rows stay). */
function TriageStatus({ value }: { value: UseTriageValue }) {
  if (value.error) {
    return (
      <EuiCallOut
        size="s"
        color="warning"
        iconType="warning"
        data-test-subj={DATA_TEST_SUBJ.triageError}
        title={i18n.translate('entraSpHunt.app.triageErrorTitle', {
          defaultMessage: 'Where from, how common and how new could not be read: {reason}',
          values: { reason: value.error.message },
        })}
      />
    );
  }
  return (
    <EuiText
      size="s"
      color="subdued"
      data-test-subj={DATA_TEST_SUBJ.triageStatus}
      data-status={value.loading ? 'loading' : 'done'}
    >
      {value.loading ? (
        <FormattedMessage
          id="entraSpHunt.app.triageLoadingDescription"
          defaultMessage="Reading where the addresses are, how common they are and what is new…"
        />
      ) : (
        <FormattedMessage
          id="entraSpHunt.app.triageDoneDescription"
          defaultMessage="Sorted by evidence: new addresses, more countries and networks, addresses no other principal uses, then the rarest.{leftOut, plural, =0 {} one { # row was left out of the triage (too many addresses).} other { # rows were left out of the triage (too many addresses).}}"
          values={{ leftOut: value.leftOut }}
        />
      )}
    </EuiText>
  );
}

/** The rows new since the previous run, when the comparison is about exactly these rows. */
function comparedRows(comparison: RunComparison, rows: readonly HuntRow[] | undefined) {
  if (comparison.status === 'compared' && comparison.rows === rows) return comparison;
  return undefined;
}

/** True when these rows are the view's first recorded run: nothing earlier to compare. */
function isFirstRun(comparison: RunComparison, rows: readonly HuntRow[] | undefined): boolean {
  return comparison.status === 'first' && comparison.rows === rows;
}

/** What the "since last run" column says while no comparison is about the rows shown. */
function sinceLastRunPending(comparison: RunComparison): string {
  if (comparison.status === 'off') return HISTORY_OFF;
  if (comparison.status === 'error') return HISTORY_UNAVAILABLE;
  return HISTORY_READING;
}

/** The URL search of a recorded run's pinned view: its parameters over its own window. */
function pinnedRunSearch(run: RecordedRun): string {
  const state = locatorParamsToFormState(paramsToLocatorParams(run.params, true, run.window));
  return formStateToSearch(state, true, run.window);
}

/**
 * The app, when the user's Kibana privilege grants it (`capabilities.entraSpHunt.show`); Kibana
 * hides the app from such a user, but a link can still lead here.
 */
export function HuntApp({ history }: HuntAppProps) {
  const { application } = useServices();
  const capabilities = useMemo(() => appCapabilities(application.capabilities), [application]);
  if (!capabilities.show) {
    return (
      <EuiPageTemplate panelled={false} data-test-subj={DATA_TEST_SUBJ.page}>
        <EuiPageTemplate.Section>
          <EuiEmptyPrompt
            iconType="lock"
            color="subdued"
            title={<h1>{NO_ACCESS_TITLE}</h1>}
            body={<p>{NO_ACCESS_BODY}</p>}
            data-test-subj={DATA_TEST_SUBJ.noAccess}
          />
        </EuiPageTemplate.Section>
      </EuiPageTemplate>
    );
  }
  return <HuntPage history={history} canWrite={capabilities.write} />;
}

/** The whole page; its state lives in the URL so every view is a link. */
function HuntPage({ history, canWrite }: HuntAppProps & { canWrite: boolean }) {
  const { http, chrome, uiSettings } = useServices();
  const timePicker = useTimePickerRanges();
  const timeZone = useMemo(
    () => resolveTimeZone(uiSettings.get<string>(DATE_FORMAT_TZ)),
    [uiSettings]
  );
  // Date math resolves in the analyst's zone (`dateFormat:tz`), not in the browser's.
  const zone = useMemo(() => zonedMoment(timeZone), [timeZone]);
  const initial = useMemo(() => searchToFormState(history.location.search), [history]);
  const [form, setForm] = useState<HuntFormState>(initial.state);
  const lastWrittenSearch = useRef(history.location.search);
  const hunt = useHunt(http);
  const runHistory = useRunHistory(http);
  // Set while a run kept in the tab is shown again: it was recorded when it ran.
  const restoring = useRef(false);
  const validation = useMemo(() => validateForm(form), [form]);

  useEffect(() => {
    chrome.setBreadcrumbs([{ text: PLUGIN_NAME }]);
    chrome.docTitle.change([PLUGIN_NAME]);
    return () => chrome.docTitle.reset();
  }, [chrome]);

  const writeUrl = useCallback(
    (state: HuntFormState, run: boolean, window?: RunWindow) => {
      const search = formStateToSearch(state, run, window);
      lastWrittenSearch.current = search;
      history.replace({ ...history.location, search });
      return search;
    },
    [history]
  );

  // After a run the analyst asked for, the results come into view and take focus.
  const resultsTitle = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  const { run: runHunt, restore: restoreHunt } = hunt;
  const { addRecentlyUsed } = timePicker;
  // The view (URL search) each run was made for: a finished run is kept in the tab under it.
  const runView = useRef<string | undefined>(undefined);
  const run = useCallback(() => {
    if (!validation.params) return;
    // The one resolution of the range for this run: the server and every follow-up use it.
    const window = resolveRunWindow(validation.params.time_range, new Date(), zone);
    if (!window) return;
    runHunt(validation.params, window);
    addRecentlyUsed({ from: form.from, to: form.to });
    focusResults.current = true;
    runView.current = writeUrl(form, true, window);
  }, [addRecentlyUsed, form, runHunt, validation.params, writeUrl, zone]);

  /**
   * A view from a link or from Back: the rows kept in this tab for exactly that view when they
   * are still valid, else a run over the link's pinned window (or over its range resolved now
   * when it pins none).
   */
  const openView = useCallback(
    (search: string, params: HuntParams, linked?: { start: string; end: string }) => {
      const pinned = linked ? runWindowSchema.safeParse(linked) : undefined;
      const window = pinned?.success
        ? pinned.data
        : resolveRunWindow(params.time_range, new Date(), zone);
      if (!window) return;
      const view = pinned?.success
        ? search
        : formStateToSearch(searchToFormState(search).state, true, window);
      const kept = pinned?.success ? readRun(tabStorage(), view) : undefined;
      runView.current = view;
      if (kept) {
        restoring.current = true;
        restoreHunt(kept);
        return;
      }
      runHunt(params, window);
      if (view !== search) {
        lastWrittenSearch.current = view;
        history.replace({ ...history.location, search: view });
      }
    },
    [history, restoreHunt, runHunt, zone]
  );
  useEffect(() => {
    if (!focusResults.current || (hunt.status !== 'success' && hunt.status !== 'error')) return;
    focusResults.current = false;
    // To the top of the view, not just into it: the rows follow the heading.
    resultsTitle.current?.scrollIntoView?.({ block: 'start' });
    resultsTitle.current?.focus({ preventScroll: true });
  }, [hunt.status, hunt.responseId]);

  // When the rows on screen were asked for: the start of the run that produced them.
  const lastStartedAt = useRef<number | undefined>(undefined);
  const [ranAt, setRanAt] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (hunt.startedAt !== undefined) lastStartedAt.current = hunt.startedAt;
  }, [hunt.startedAt]);

  // Arriving from a link that asks to run: run once with what it carries, if it is valid. A link
  // with a bad value does not run into an error: the form highlights the field and says why.
  const autoRan = useRef(false);
  const [linkNotRun, setLinkNotRun] = useState(false);
  useEffect(() => {
    if (autoRan.current || !initial.run) return;
    autoRan.current = true;
    if (!validation.params) {
      setLinkNotRun(true);
      return;
    }
    focusResults.current = true;
    openView(history.location.search, validation.params, initial.window);
  }, [history, initial.run, initial.window, openView, validation.params]);

  // A finished, complete run is kept in the tab for its view, so Back shows it again.
  useEffect(() => {
    if (hunt.status !== 'success' || !hunt.response || !hunt.responseParams || !hunt.window) return;
    if (!runView.current) return;
    storeRun(tabStorage(), {
      view: runView.current,
      params: hunt.responseParams,
      window: hunt.window,
      response: hunt.response,
      ranAt: hunt.startedAt ?? Date.now(),
      savedAt: Date.now(),
    });
    // Stored once per response.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hunt.responseId]);

  // Each finished run goes into the space's history (as the user), and the rows on screen are
  // compared with the view's previous complete run. A run shown again from the tab is compared,
  // not recorded twice.
  const { recordFinished, showKept } = runHistory;
  useEffect(() => {
    if (hunt.status !== 'success' || !hunt.response || !hunt.responseParams || !hunt.window) return;
    const { response: shownResponse, responseParams: params, window } = hunt;
    const shown = { rows: shownResponse.rows, groupBy: params.group_by, window };
    if (restoring.current) {
      restoring.current = false;
      showKept(params, {
        ...shown,
        ranAt: new Date(hunt.startedAt ?? Date.now()).toISOString(),
      });
      return;
    }
    const ran = shownResponse.outcome === 'ok';
    recordFinished(
      buildRunRecord({
        params,
        window,
        rows: shownResponse.rows,
        truncated: shownResponse.truncated,
        partial: shownResponse.is_partial,
        // Nothing could run (no index, no source): recorded as a failure of that kind.
        errorKind: ran ? undefined : shownResponse.outcome,
      }),
      ran ? shown : undefined
    );
    // Once per response.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hunt.responseId]);
  useEffect(() => {
    const { error, params, window } = hunt;
    if (hunt.status !== 'error' || !error || !params || !window) return;
    // A cancelled run did not finish; everything else that failed is part of the history.
    if (error.code === 'aborted') return;
    recordFinished(buildRunRecord({ params, window, errorKind: error.code }));
    // Once per failure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hunt.error]);

  // A link opened while the app is mounted (e.g. from a case) replaces the view.
  useEffect(
    () =>
      history.listen((location) => {
        if (location.search === lastWrittenSearch.current) return;
        lastWrittenSearch.current = location.search;
        const next = searchToFormState(location.search);
        setForm(next.state);
        const nextValidation = validateForm(next.state);
        if (next.run && nextValidation.params)
          openView(location.search, nextValidation.params, next.window);
        setLinkNotRun(next.run && !nextValidation.params);
      }),
    [history, openView]
  );

  const onFormChange = useCallback(
    (next: HuntFormState) => {
      setForm(next);
      setLinkNotRun(false);
      writeUrl(next, false);
    },
    [writeUrl]
  );

  const coverageParams = useMemo(() => {
    const input = formStateToParamsInput(form);
    const parsed = parseCoverageParams({
      time_range: input.time_range,
      index_patterns: input.index_patterns,
    });
    return parsed.ok ? parsed.value : undefined;
  }, [form]);
  const coverage = useCoverage(http, coverageParams);
  const entries = useEntries(http);

  // The space's active benign entries as the server will read them: the preview and a rule
  // created from the view leave out what they cover.
  const benign = useMemo(() => benignMatches(entries.entries, new Date()), [entries.entries]);
  const preview = useMemo(() => {
    if (!validation.params) return { reason: INVALID_REASON };
    const time = resolveTimeRange(validation.params.time_range, new Date(), zone);
    if (!time) return { reason: INVALID_REASON };
    const fields = new Set(coverage.coverage ? coverage.coverage.available_fields : HUNT_FIELDS);
    const built = buildHuntQuery(validation.params, time, fields, { allowlist: benign });
    return built.ok ? { query: built.hunt.inlined } : { reason: NO_SOURCES_REASON };
  }, [benign, coverage.coverage, validation.params, zone]);

  const ruleFields = useMemo(
    () => new Set(coverage.coverage ? coverage.coverage.available_fields : HUNT_FIELDS),
    [coverage.coverage]
  );

  // Everything derived from the rows uses the params that produced them, not those of a run in
  // flight or of the form.
  const { response, responseParams: shownParams, responseId } = hunt;
  const [inspected, setInspected] = useState<HuntRow | undefined>(undefined);
  const [selected, setSelected] = useState<HuntRow[]>([]);
  // Bumped when findings went into a case: the table clears its selection.
  const [casesAdded, setCasesAdded] = useState(0);
  useEffect(() => {
    setInspected(undefined);
    setSelected([]);
    setRanAt(hunt.startedAt ?? lastStartedAt.current);
    // Only a new response resets the view of the rows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [responseId]);
  const runWindow = useMemo(
    () => (response ? { start: response.time.start, end: response.time.end } : undefined),
    [response]
  );
  const pivots = usePivots(
    shownParams,
    response?.available_fields,
    runWindow,
    response?.allowlist.applied
  );
  // What leaves the page states the run's two instants: it shows these rows whenever opened.
  const huntQuery = response?.pinned_query ?? undefined;
  const pinnedRange = runWindow ? { from: runWindow.start, to: runWindow.end } : undefined;
  const triage = useTriage(http, response, shownParams);
  const { comparison } = runHistory;
  const sinceLastRun = useMemo<SinceLastRunLookup>(() => {
    const compared = comparedRows(comparison, response?.rows);
    if (compared) {
      const label = newSinceLabel(formatRunTime(compared.previous.ran_at, timeZone));
      return {
        newLabel: (row) => (compared.newRows.has(row) ? label : undefined),
        otherwise: SEEN_BEFORE,
      };
    }
    if (isFirstRun(comparison, response?.rows)) {
      return { newLabel: () => undefined, otherwise: NO_EARLIER_RUN };
    }
    // The history answers after the rows: the column is there from the start (the grid's
    // columns do not shift when it answers) and says why it marks nothing yet.
    return { newLabel: () => undefined, otherwise: sinceLastRunPending(comparison) };
  }, [comparison, response, timeZone]);
  const hidden = useHiddenRows(http, response, shownParams);
  const [entriesOpen, setEntriesOpen] = useState(false);
  const [marking, setMarking] = useState<
    { row: HuntRow; kind: EntryKind; initial?: MarkTarget } | undefined
  >(undefined);
  const markBenign = useCallback(
    (row: HuntRow, target: MarkTarget) => setMarking({ row, kind: 'benign', initial: target }),
    []
  );
  // The reviewed marks of each row, and with hidden rows shown the entry that hides it: read once
  // per change of rows or entries, so the grid's cells only look them up.
  const rowMarks = useMemo(() => {
    const marks = new Map<HuntRow, string[]>();
    if (!response) return marks;
    const now = new Date();
    const reviewed = entries.entries.filter((entry) => entry.kind === 'reviewed');
    for (const row of response.rows) {
      const found: string[] = [];
      if (response.allowlist.include_hidden) {
        const by = hidingEntriesOf(hidden.hiddenRow(row), entries.entries);
        if (hidden.hiddenRow(row)) found.push(HIDDEN_BADGE(by[0]?.note ?? ''));
      }
      for (const entry of entriesForRow(row, reviewed, now)) found.push(REVIEWED_BADGE(entry.note));
      if (found.length > 0) marks.set(row, found);
    }
    return marks;
  }, [entries.entries, hidden, response]);
  // Runs the rows on screen again over their own window (after a change of the entries, or to
  // show or hide what they hide), keeping the view a link.
  const rerun = useCallback(
    (includeHidden: boolean) => {
      if (!shownParams || !runWindow) return;
      const next = { ...form, includeHidden };
      setForm(next);
      runHunt({ ...shownParams, include_hidden: includeHidden }, runWindow);
      runView.current = writeUrl(next, true, runWindow);
    },
    [form, runHunt, runWindow, shownParams, writeUrl]
  );
  const rerunIfShown = useCallback(() => {
    if (shownParams) rerun(shownParams.include_hidden);
  }, [rerun, shownParams]);
  const triageLookup = useMemo<TriageLookup>(() => {
    const byRow = new Map<HuntRow, RowTriage>();
    const ranks = new Map<HuntRow, number>();
    const index = triage.triage;
    if (index && response && shownParams) {
      const items = response.rows.map((row) => ({
        row,
        triage: triageRow(row, index, shownParams.group_by),
      }));
      for (const item of items) byRow.set(item.row, item.triage);
      [...items].sort(compareByEvidence).forEach((item, rank) => ranks.set(item.row, rank));
    }
    return {
      rowTriage: (row) => byRow.get(row),
      rank: (row) => ranks.get(row),
      loading: triage.loading,
      geoMissing: index?.geoMissing ?? false,
      sinceLastRun,
      // The Review column only when a row has a mark: an empty column would take 200 px.
      marks: rowMarks.size > 0 ? (row: HuntRow) => rowMarks.get(row) ?? [] : undefined,
    };
  }, [response, rowMarks, shownParams, sinceLastRun, triage.loading, triage.triage]);
  const huntDiscoverUrl =
    huntQuery && pinnedRange
      ? pivots.discoverUrl({ inlined: huntQuery, timeRange: pinnedRange })
      : undefined;
  const prepareCase = (): CaseEvidence => {
    if (!response || !shownParams || !runWindow || !pinnedRange) return { comment: () => '' };
    const time = pinnedTimeRange(shownParams.time_range, runWindow);
    const findings = selected.map((row) => ({
      day: row.day ?? '',
      action: row.action,
      principal: rowPrincipal(row, shownParams.group_by),
    }));
    const built = buildHuntQuery(shownParams, time, new Set(response.available_fields), {
      findings,
      allowlist: response.allowlist.applied,
    });
    // What is new since the last run is written now, with that run's instant: the case and the
    // session say the same thing whenever they are read.
    const compared = comparedRows(comparison, response.rows);
    const firstRun = isFirstRun(comparison, response.rows);
    const newSince =
      compared || firstRun
        ? {
            previousRanAt: compared?.previous.ran_at,
            newRows: compared?.newRows ?? new Set<HuntRow>(),
          }
        : undefined;
    const findingsQuery = built.ok ? built.hunt.pinned : (response.pinned_query ?? '');
    const reopen = pivots.huntUrl();
    const links: CaseCommentLinks = {
      reopen,
      rerun: isRelativeRange(shownParams.time_range)
        ? pivots.huntUrl({ relative: true })
        : undefined,
      discover: pivots.discoverUrl({ inlined: findingsQuery, timeRange: pinnedRange }),
    };
    const description = [
      HUNT_DEFINITION.name,
      `${selected.length} finding(s); window after ${runWindow.start}, up to ${runWindow.end} (${shownParams.time_range.from} to ${shownParams.time_range.to})`,
      `At most ${shownParams.max_daily_actions} events a day from at least ${shownParams.min_distinct_ips} IPs; grouped by ${shownParams.group_by}; index patterns ${shownParams.index_patterns.join(', ')}`,
      ...(newSince
        ? [
            describeNewSince({
              previousRanAt: newSince.previousRanAt,
              newCount: selected.filter((row) => newSince.newRows.has(row)).length,
              total: selected.length,
            }),
          ]
        : []),
      ...(reopen ? [`Reopen the hunt: ${reopen}`] : []),
    ].join('\n');
    return {
      session: {
        title: `${HUNT_DEFINITION.name}: ${selected.length} finding(s), ${runWindow.start} to ${runWindow.end}`,
        description,
        esql: findingsQuery,
        timeRange: pinnedRange,
      },
      comment: (session) =>
        buildCaseComment({
          definition: HUNT_DEFINITION,
          params: shownParams,
          time,
          rows: selected,
          query: findingsQuery,
          links: { ...links, session },
          sinceLastRun: newSince,
        }),
    };
  };

  const isStale =
    hunt.status === 'success' &&
    !!shownParams &&
    !!validation.params &&
    JSON.stringify(shownParams) !== JSON.stringify(validation.params);

  return (
    <EuiPageTemplate restrictWidth={false} panelled={false} data-test-subj={DATA_TEST_SUBJ.page}>
      <EuiPageTemplate.Section paddingSize="l">
        <HuntHeader definition={HUNT_DEFINITION} />
        <EuiSpacer size="l" />
        {linkNotRun && (
          <>
            <EuiCallOut
              color="warning"
              iconType="warning"
              size="s"
              data-test-subj={DATA_TEST_SUBJ.linkNotRun}
              title={i18n.translate('entraSpHunt.app.linkNotRunTitle', {
                defaultMessage:
                  'This link asked to run the hunt, but some of its values are not valid. Fix the highlighted fields, then run it.',
              })}
            />
            <EuiSpacer size="m" />
          </>
        )}
        <ParamsForm
          value={form}
          errors={validation.errors}
          onValueChange={onFormChange}
          onRun={run}
          onCancel={hunt.cancel}
          isRunning={hunt.status === 'loading'}
          timePicker={{ ...timePicker, timeZone }}
        />
        <EuiSpacer size="l" />
        <CoveragePanel
          coverage={coverage.coverage}
          loading={coverage.loading}
          error={coverage.error}
          selectedDatasets={form.datasets}
        />
        <EuiSpacer size="m" />
        <QueryPreview
          query={preview.query}
          unavailableReason={preview.reason}
          assumesAllSources={!coverage.coverage}
        />
        <EuiSpacer size="s" />
        <EuiFlexGroup gutterSize="s" alignItems="center" wrap responsive={false}>
          <EuiFlexItem grow={false}>
            <CreateRuleButton
              params={validation.params}
              availableFields={ruleFields}
              allowlist={benign}
              assumesAllSources={!coverage.coverage}
            />
          </EuiFlexItem>
          {/* The space's entries are there to review before any run; with rows on screen the
              same control sits above them, beside what the entries hide. */}
          {!response && (
            <EuiFlexItem grow={false}>
              <EuiButtonEmpty
                size="s"
                iconType="list"
                onClick={() => setEntriesOpen(true)}
                data-test-subj={DATA_TEST_SUBJ.openEntriesBeforeRun}
              >
                {ENTRIES_BUTTON_LABEL(entries.total)}
              </EuiButtonEmpty>
            </EuiFlexItem>
          )}
        </EuiFlexGroup>
        <EuiSpacer size="l" />
        <div data-test-subj={DATA_TEST_SUBJ.statusAnnouncer}>
          <EuiScreenReaderLive aria-live={hunt.status === 'error' ? 'assertive' : 'polite'}>
            {statusAnnouncement(hunt)}
          </EuiScreenReaderLive>
        </div>
        <section aria-labelledby={RESULTS_TITLE_ID} data-test-subj={DATA_TEST_SUBJ.results}>
          <EuiTitle size="s">
            <h2
              id={RESULTS_TITLE_ID}
              ref={resultsTitle}
              tabIndex={-1}
              // Focused to bring the results into view and to a screen reader; not a control.
              style={{ outline: 'none' }}
              data-test-subj={DATA_TEST_SUBJ.resultsTitle}
            >
              <FormattedMessage id="entraSpHunt.app.resultsTitle" defaultMessage="Results" />
            </h2>
          </EuiTitle>
          <EuiSpacer size="s" />
          {hunt.status === 'loading' && hunt.startedAt !== undefined && (
            <RunningState startedAt={hunt.startedAt} retryingInSeconds={hunt.retryingInSeconds} />
          )}
          {hunt.status === 'idle' && <IdleState />}
          {hunt.status === 'error' && hunt.error && <ErrorState error={hunt.error} />}
          {response && hunt.status !== 'error' && shownParams && (
            <>
              {isStale && (
                <>
                  <EuiCallOut
                    color="primary"
                    iconType="refresh"
                    size="s"
                    data-test-subj={DATA_TEST_SUBJ.stale}
                    title={i18n.translate('entraSpHunt.app.staleTitle', {
                      defaultMessage:
                        'Parameters changed since this run: run the hunt again to apply them.',
                    })}
                  />
                  <EuiSpacer size="s" />
                </>
              )}
              {ranAt !== undefined && (
                <RunSummary
                  ranAt={ranAt}
                  response={response}
                  params={shownParams}
                  timeZone={timeZone}
                />
              )}
              <EuiSpacer size="s" />
              <ResponseNotices
                response={response}
                maxDaily={shownParams.max_daily_actions}
                minIps={shownParams.min_distinct_ips}
              />
              <EuiSpacer size="s" />
              <HiddenRowsBar
                allowlist={response.allowlist}
                hidden={hidden}
                onShowHidden={rerun}
                onOpenEntries={() => setEntriesOpen(true)}
                entryCount={entries.total}
              />
              {response.rows.length > 0 && (
                <>
                  <EuiSpacer size="s" />
                  <EuiText size="s" data-test-subj={DATA_TEST_SUBJ.resultCount}>
                    <FormattedMessage
                      id="entraSpHunt.app.resultCountDescription"
                      defaultMessage="{count, plural, one {# rare action} other {# rare actions}} from several IPs{took, select, none {} other { ({took} ms in Elasticsearch)}}."
                      values={{
                        count: response.rows.length,
                        took: response.took_ms === null ? 'none' : formatCount(response.took_ms),
                      }}
                    />
                  </EuiText>
                  <Suspense fallback={<div style={{ height: HISTOGRAM_PLACEHOLDER_HEIGHT }} />}>
                    <ResultsHistogram rows={response.rows} window={response.time} />
                  </Suspense>
                  <EuiSpacer size="s" />
                  <EuiFlexGroup gutterSize="s" wrap responsive={false}>
                    {huntDiscoverUrl && (
                      <EuiFlexItem grow={false}>
                        <EuiButton
                          size="s"
                          iconType="discoverApp"
                          href={huntDiscoverUrl}
                          data-test-subj={DATA_TEST_SUBJ.huntDiscover}
                        >
                          <FormattedMessage
                            id="entraSpHunt.app.huntDiscoverButtonLabel"
                            defaultMessage="Open hunt in Discover"
                          />
                        </EuiButton>
                      </EuiFlexItem>
                    )}
                    {huntQuery && pinnedRange && (
                      <EuiFlexItem grow={false}>
                        <SaveSessionButton
                          esql={huntQuery}
                          timeRange={pinnedRange}
                          defaultTitle={`${HUNT_DEFINITION.name} (${shownParams.time_range.from} to ${shownParams.time_range.to})`}
                        />
                      </EuiFlexItem>
                    )}
                    <EuiFlexItem grow={false}>
                      <AddToCase
                        selectedCount={selected.length}
                        prepare={prepareCase}
                        onAdded={() => setCasesAdded((count) => count + 1)}
                      />
                    </EuiFlexItem>
                  </EuiFlexGroup>
                  <EuiSpacer size="s" />
                  <TriageStatus value={triage} />
                  <EuiSpacer size="s" />
                  <ResultsTable
                    key={responseId}
                    rows={response.rows}
                    groupBy={shownParams.group_by}
                    pivots={pivots}
                    onInspectRow={setInspected}
                    onSelectionChange={setSelected}
                    selectionResetKey={casesAdded}
                    triage={triageLookup}
                    onMarkBenign={canWrite ? markBenign : undefined}
                  />
                  {inspected && runWindow && (
                    <Suspense fallback={<EuiLoadingSpinner size="l" />}>
                      <RowFlyout
                        row={inspected}
                        params={shownParams}
                        window={runWindow}
                        pivots={pivots}
                        onClose={() => setInspected(undefined)}
                        triage={triageLookup.rowTriage(inspected)}
                        triageLoading={triage.loading}
                        sinceLastRun={{
                          isNew: sinceLastRun.newLabel(inspected) !== undefined,
                          text: sinceLastRun.newLabel(inspected) ?? sinceLastRun.otherwise,
                        }}
                        marks={
                          <>
                            <RowMarks
                              entries={entriesForRow(inspected, entries.entries, new Date())}
                              hiddenBy={
                                response.allowlist.include_hidden
                                  ? hidingEntriesOf(hidden.hiddenRow(inspected), entries.entries)
                                  : []
                              }
                              canWrite={canWrite}
                              onMark={(kind) => setMarking({ row: inspected, kind })}
                              timeZone={timeZone}
                            />
                            <EuiSpacer />
                          </>
                        }
                      />
                    </Suspense>
                  )}
                </>
              )}
            </>
          )}
          {runHistory.viewKey && (
            <>
              <EuiSpacer size="m" />
              <RecentRuns
                runs={runHistory.runs}
                enabled={runHistory.enabled}
                loading={runHistory.loading}
                error={runHistory.error}
                comparison={comparison}
                shownRunId={runHistory.shownRunId}
                timeZone={timeZone}
                hrefFor={(recorded) =>
                  history.createHref({
                    pathname: history.location.pathname,
                    search: pinnedRunSearch(recorded),
                  })
                }
                onOpenRun={(recorded) => {
                  focusResults.current = true;
                  history.push({
                    pathname: history.location.pathname,
                    search: pinnedRunSearch(recorded),
                  });
                }}
              />
            </>
          )}
          {marking && (
            <MarkEntryForm
              row={marking.row}
              kind={marking.kind}
              initial={marking.initial}
              onClose={() => setMarking(undefined)}
              onSubmit={async (draft) => {
                await entries.create(draft);
                setMarking(undefined);
                if (draft.kind === 'benign') {
                  // The row goes: the hunt applies the new entry over the same window.
                  setInspected(undefined);
                  rerunIfShown();
                }
              }}
            />
          )}
          {entriesOpen && (
            <EntriesPanel
              entries={entries.entries}
              loading={entries.loading}
              error={entries.error}
              canWrite={canWrite}
              timeZone={timeZone}
              onClose={() => setEntriesOpen(false)}
              onUpdate={async (id, change) => {
                await entries.update(id, change);
                rerunIfShown();
              }}
              onRemove={async (id) => {
                await entries.remove(id);
                rerunIfShown();
              }}
            />
          )}
        </section>
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
}
