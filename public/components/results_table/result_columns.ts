/**
 * The results' columns, in one place: what each shows, what it sorts and filters by, which values a
 * cell holds (the values cell actions act on) and which Discover pivot opens every event of a value.
 * A new column (an IP's country, its prevalence, when a principal was first seen) is one more entry
 * here; a new per-value action is one more entry in value_actions.tsx.
 */
import { i18n } from '@kbn/i18n';
import type { GroupBy } from '../../../common/hunt/hunt_params';
import type { PivotValueKind } from '../../../common/hunt/pivot_queries';
import type { HuntRow } from '../../../common/hunt/shape_results';
import type { RowTriage } from '../../../common/hunt/triage';
import { DATA_SOURCES, type Dataset } from '../../../common/hunt/data_sources';
import { formatCount, formatDay } from '../../format';

/** Values shown in a multi-valued cell before the rest collapse into "+N more". */
export const VISIBLE_VALUES = 3;

export interface ResultColumn {
  id: string;
  /** Header, column picker and sort picker label. */
  label: string;
  initialWidth?: number;
  /** EuiDataGrid schema: numeric columns align right and sort as numbers. */
  schema?: 'numeric';
  /** The cell's values as text: what value filters compare, copy copies, pivots open. */
  values(row: HuntRow): string[];
  /** How one value reads (a day bucket reads as a calendar day). */
  formatValue(value: string): string;
  /** What sorting compares; null sorts last. */
  sortValue(row: HuntRow): string | number | null;
  /** More text the free-text filter matches (a data source's title beside its id). */
  extraSearchText?(row: HuntRow): string[];
  /** Discover opens every event of a value of this column in the hunt's window. */
  pivotKind?: PivotValueKind;
  /** A cell may hold several values: its popover lists each with its actions. */
  multiValued?: boolean;
  /** Shown when the cell has no value. */
  emptyText?: string;
  /** The cell's text reads as a badge (a review mark), not as a value. */
  badge?: boolean;
}

const NO_NAME = i18n.translate('entraSpHunt.results.noNameLabel', { defaultMessage: '(no name)' });
const EMPTY = '—';
const identity = (value: string) => value;
const lower = (value: string | null) => (value === null ? null : value.toLowerCase());
const scalar = (value: string | null) => (value === null ? [] : [value]);

const DAY_FORMAT = (value: string) => formatDay(value);
const COUNT_FORMAT = (value: string) => formatCount(Number(value));

function principalColumns(groupBy: GroupBy): ResultColumn[] {
  const byName = groupBy === 'name';
  return [
    {
      id: 'principal',
      label: byName
        ? i18n.translate('entraSpHunt.results.principalNameColumnLabel', {
            defaultMessage: 'Service principal',
          })
        : i18n.translate('entraSpHunt.results.principalIdColumnLabel', {
            defaultMessage: 'Service principal id',
          }),
      initialWidth: 200,
      values: (row) => scalar(byName ? row.service_principal_name : row.service_principal_id),
      formatValue: identity,
      sortValue: (row) => lower(byName ? row.service_principal_name : row.service_principal_id),
      pivotKind: byName ? 'service_principal_name' : 'service_principal_id',
      emptyText: byName ? NO_NAME : EMPTY,
    },
    {
      id: 'principalKeys',
      label: byName
        ? i18n.translate('entraSpHunt.results.principalIdsColumnLabel', {
            defaultMessage: 'Principal ids',
          })
        : i18n.translate('entraSpHunt.results.principalNamesColumnLabel', {
            defaultMessage: 'Principal names',
          }),
      initialWidth: 150,
      values: (row) => (byName ? row.service_principal_ids : row.service_principal_names),
      formatValue: identity,
      sortValue: (row) =>
        lower((byName ? row.service_principal_ids : row.service_principal_names)[0] ?? null),
      pivotKind: byName ? 'service_principal_id' : 'service_principal_name',
      multiValued: true,
      emptyText: EMPTY,
    },
  ];
}

/** What the triage says of each row, once it has answered (see use_triage). */
export interface TriageLookup {
  /** Undefined while the triage runs, or when it failed. */
  rowTriage(row: HuntRow): RowTriage | undefined;
  /** The row's place in the evidence order (0 first); undefined without a triage. */
  rank(row: HuntRow): number | undefined;
  loading: boolean;
  /** No matched index maps the geo and AS fields. */
  geoMissing: boolean;
  /** How each row compares with the view's previous run (run history); no column without it. */
  sinceLastRun?: SinceLastRunLookup;
  /**
   * The row's review marks and, when hidden rows are shown, the entry that hides it, in words
   * (allowlist entries: see hunt_app). Absent when the page has no entries to show.
   */
  marks?(row: HuntRow): string[];
}

/** The run-history reading of each row: "new since <date>", or what every other row says. */
export interface SinceLastRunLookup {
  /** The text of a row new since the previous comparable run; undefined for the others. */
  newLabel(row: HuntRow): string | undefined;
  /** The text of every other row: "seen before", "no earlier run to compare". */
  otherwise: string;
}

function sinceLastRunColumn(lookup: SinceLastRunLookup): ResultColumn {
  return {
    id: 'sinceLastRun',
    label: i18n.translate('entraSpHunt.results.sinceLastRunColumnLabel', {
      defaultMessage: 'Since last run',
    }),
    initialWidth: 230,
    values: (row) => {
      const label = lookup.newLabel(row);
      return label === undefined ? [] : [label];
    },
    formatValue: identity,
    // New rows first when sorted ascending.
    sortValue: (row) => (lookup.newLabel(row) === undefined ? 1 : 0),
    emptyText: lookup.otherwise,
  };
}

/** The review column: the space's reviewed marks (and hiding entries) of each row, as a badge. */
function marksColumn(triage: TriageLookup | undefined): ResultColumn[] {
  const marks = triage?.marks;
  if (!marks) return [];
  return [
    {
      id: 'marks',
      label: i18n.translate('entraSpHunt.results.marksColumnLabel', { defaultMessage: 'Review' }),
      initialWidth: 200,
      values: (row) => marks(row),
      formatValue: identity,
      sortValue: (row) => marks(row)[0] ?? null,
      multiValued: true,
      emptyText: '',
      badge: true,
    },
  ];
}

/**
 * The reasons a row stands out or looks benign, in the words the row shows: they are also the
 * evidence order's keys, so the order is never an unexplained score.
 */
export function evidenceReasons(triage: RowTriage): string[] {
  const reasons: string[] = [];
  if (triage.never_seen) {
    reasons.push(
      i18n.translate('entraSpHunt.results.neverSeenLabel', {
        defaultMessage: 'principal not seen in baseline',
      })
    );
  } else if (triage.new_ips !== null && triage.new_ips > 0) {
    reasons.push(
      i18n.translate('entraSpHunt.results.newIpsLabel', {
        defaultMessage: '{count, plural, one {# new IP} other {# new IPs}}',
        values: { count: triage.new_ips },
      })
    );
  }
  if (triage.new_action && !triage.never_seen) {
    reasons.push(
      i18n.translate('entraSpHunt.results.newActionLabel', { defaultMessage: 'new action' })
    );
  }
  if (triage.countries > 1) {
    reasons.push(
      i18n.translate('entraSpHunt.results.countriesReasonLabel', {
        defaultMessage: '{count} countries',
        values: { count: triage.countries },
      })
    );
  }
  if (triage.networks > 1) {
    reasons.push(
      i18n.translate('entraSpHunt.results.networksReasonLabel', {
        defaultMessage: '{count} networks',
        values: { count: triage.networks },
      })
    );
  }
  if (triage.shared_ips > 0) {
    reasons.push(
      i18n.translate('entraSpHunt.results.sharedIpsLabel', {
        defaultMessage:
          '{count, plural, one {# IP shared} other {# IPs shared}} by many principals',
        values: { count: triage.shared_ips },
      })
    );
  }
  return reasons;
}

const UNKNOWN_PLACE = '?';

/** "Country · network" of each address, as the prevalence query found them. */
export function whereFrom(triage: RowTriage): string[] {
  return triage.ips.map(
    (ip) => `${ip.ip}: ${ip.country ?? UNKNOWN_PLACE} · ${ip.network ?? UNKNOWN_PLACE}`
  );
}

const TRIAGE_LOADING = i18n.translate('entraSpHunt.results.triageLoadingLabel', {
  defaultMessage: 'Reading…',
});
const GEO_MISSING = i18n.translate('entraSpHunt.results.geoMissingLabel', {
  defaultMessage: 'geo and AS fields not mapped',
});

/** Evidence first, then where from: the first stands beside the action, the rest after the IPs. */
function triageColumns(triage: TriageLookup | undefined): ResultColumn[] {
  const empty = triage?.loading ? TRIAGE_LOADING : EMPTY;
  const count = (pick: (value: RowTriage) => number) => (row: HuntRow) => {
    const found = triage?.rowTriage(row);
    return found ? [String(pick(found))] : [];
  };
  return [
    {
      id: 'evidence',
      label: i18n.translate('entraSpHunt.results.evidenceColumnLabel', {
        defaultMessage: 'Evidence',
      }),
      initialWidth: 230,
      values: (row) => {
        const found = triage?.rowTriage(row);
        return found ? evidenceReasons(found) : [];
      },
      formatValue: identity,
      sortValue: (row) => triage?.rank(row) ?? null,
      multiValued: true,
      emptyText: empty,
    },
    {
      id: 'countries',
      label: i18n.translate('entraSpHunt.results.countriesColumnLabel', {
        defaultMessage: 'Countries',
      }),
      initialWidth: 95,
      schema: 'numeric',
      values: count((found) => found.countries),
      formatValue: COUNT_FORMAT,
      sortValue: (row) => triage?.rowTriage(row)?.countries ?? null,
      emptyText: triage?.geoMissing ? GEO_MISSING : empty,
    },
    {
      id: 'networks',
      label: i18n.translate('entraSpHunt.results.networksColumnLabel', {
        defaultMessage: 'Networks',
      }),
      initialWidth: 95,
      schema: 'numeric',
      values: count((found) => found.networks),
      formatValue: COUNT_FORMAT,
      sortValue: (row) => triage?.rowTriage(row)?.networks ?? null,
      emptyText: triage?.geoMissing ? GEO_MISSING : empty,
    },
    {
      id: 'whereFrom',
      label: i18n.translate('entraSpHunt.results.whereFromColumnLabel', {
        defaultMessage: 'Where from',
      }),
      initialWidth: 260,
      values: (row) => {
        const found = triage?.rowTriage(row);
        return found && !found.geo_missing ? whereFrom(found) : [];
      },
      formatValue: identity,
      sortValue: (row) => triage?.rowTriage(row)?.ips[0]?.country ?? null,
      multiValued: true,
      emptyText: triage?.geoMissing ? GEO_MISSING : empty,
    },
  ];
}

/** The columns for rows grouped by `groupBy`, in their default order. */
export function resultColumns(groupBy: GroupBy, triage?: TriageLookup): ResultColumn[] {
  return [
    {
      id: 'day',
      label: i18n.translate('entraSpHunt.results.dayColumnLabel', { defaultMessage: 'Day (UTC)' }),
      initialWidth: 130,
      values: (row) => scalar(row.day),
      formatValue: DAY_FORMAT,
      sortValue: (row) => row.day,
      extraSearchText: (row) => [formatDay(row.day)],
      emptyText: EMPTY,
    },
    ...principalColumns(groupBy).slice(0, 1),
    ...marksColumn(triage),
    ...principalColumns(groupBy).slice(1),
    {
      id: 'action',
      label: i18n.translate('entraSpHunt.results.actionColumnLabel', { defaultMessage: 'Action' }),
      initialWidth: 210,
      values: (row) => scalar(row.action),
      formatValue: identity,
      sortValue: (row) => lower(row.action),
      pivotKind: 'event.action',
      emptyText: EMPTY,
    },
    // The default order's reasons, and what is new since the last run, stay in view beside the
    // action: they are what the analyst reads first.
    ...triageColumns(triage).slice(0, 1),
    ...(triage?.sinceLastRun ? [sinceLastRunColumn(triage.sinceLastRun)] : []),
    {
      id: 'dailyCount',
      label: i18n.translate('entraSpHunt.results.dailyCountColumnLabel', {
        defaultMessage: 'Per day',
      }),
      initialWidth: 90,
      schema: 'numeric',
      values: (row) => [String(row.daily_action_count)],
      formatValue: COUNT_FORMAT,
      sortValue: (row) => row.daily_action_count,
    },
    {
      id: 'distinctIps',
      label: i18n.translate('entraSpHunt.results.distinctIpsColumnLabel', {
        defaultMessage: 'Distinct IPs',
      }),
      initialWidth: 100,
      schema: 'numeric',
      values: (row) => [String(row.distinct_ips)],
      formatValue: COUNT_FORMAT,
      sortValue: (row) => row.distinct_ips,
    },
    {
      id: 'ips',
      label: i18n.translate('entraSpHunt.results.ipsColumnLabel', {
        defaultMessage: 'Source IPs',
      }),
      // No width: the IPs take what the other columns leave.
      values: (row) => row.ips,
      formatValue: identity,
      sortValue: (row) => row.ips[0] ?? null,
      pivotKind: 'source.ip',
      multiValued: true,
      emptyText: EMPTY,
    },
    ...triageColumns(triage).slice(1),
    {
      id: 'datasets',
      label: i18n.translate('entraSpHunt.results.datasetsColumnLabel', {
        defaultMessage: 'Data sources',
      }),
      initialWidth: 160,
      values: (row) => row.datasets,
      formatValue: identity,
      sortValue: (row) => row.datasets[0] ?? null,
      extraSearchText: (row) =>
        row.datasets.map((dataset) => DATA_SOURCES[dataset as Dataset]?.title ?? ''),
      multiValued: true,
      emptyText: EMPTY,
    },
  ];
}

/** The text a cell shows: its values, the first few of many and how many more. */
export function cellText(column: ResultColumn, row: HuntRow): string {
  const values = column.values(row);
  if (values.length === 0) return column.emptyText ?? EMPTY;
  const shown = values.slice(0, VISIBLE_VALUES).map(column.formatValue).join(', ');
  const hidden = values.length - VISIBLE_VALUES;
  if (hidden <= 0) return shown;
  return i18n.translate('entraSpHunt.results.moreValuesLabel', {
    defaultMessage: '{shown} +{count} more',
    values: { shown, count: hidden },
  });
}
