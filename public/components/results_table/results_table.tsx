import React, { useMemo } from 'react';
import {
  EuiBadge,
  EuiButtonIcon,
  EuiFlexGroup,
  EuiFlexItem,
  EuiInMemoryTable,
  EuiText,
  EuiToolTip,
  type EuiBasicTableColumn,
  type EuiSearchBarProps,
} from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import type { GroupBy } from '../../../common/hunt/hunt_params';
import type { PivotValueKind } from '../../../common/hunt/pivot_queries';
import type { UsePivotsValue } from '../../hooks/use_pivots';
import type { HuntRow } from '../../../common/hunt/shape_results';
import { formatCount, formatDay } from '../../format';
import { DATA_TEST_SUBJ } from '../../data_test_subj';

/** IP badges shown in a cell before the rest collapse into "+N". */
export const VISIBLE_IPS = 4;
export const PAGE_SIZES = [25, 50, 100];

export interface ResultsTableProps {
  rows: HuntRow[];
  groupBy: GroupBy;
  pivots?: UsePivotsValue;
  onInspectRow?: (row: HuntRow) => void;
  onSelectionChange?: (rows: HuntRow[]) => void;
}

const NONE = i18n.translate('entraSpHunt.results.noNameLabel', { defaultMessage: '(no name)' });

/** A small Discover button beside a value: every event of that value in the hunt's window. */
function ValuePivot({
  pivots,
  kind,
  value,
}: {
  pivots?: UsePivotsValue;
  kind: PivotValueKind;
  value: string | null;
}) {
  const href =
    value !== null && pivots?.canOpenDiscover
      ? pivots.discoverUrl(pivots.valuePivot(kind, value))
      : undefined;
  if (!href || value === null) return null;
  const label = i18n.translate('entraSpHunt.results.valuePivotAriaLabel', {
    defaultMessage: 'Open every event of {value} in Discover',
    values: { value },
  });
  // A title, not an EuiToolTip: a page holds a hundred of these, and tooltips cost on every render.
  return (
    <EuiButtonIcon
      iconType="discoverApp"
      size="xs"
      href={href}
      aria-label={label}
      title={label}
      data-test-subj={DATA_TEST_SUBJ.valuePivot}
    />
  );
}

function ipList(ips: string[], pivots?: UsePivotsValue) {
  const shown = ips.slice(0, VISIBLE_IPS);
  const hidden = ips.slice(VISIBLE_IPS);
  return (
    <EuiFlexGroup gutterSize="xs" wrap responsive={false}>
      {shown.map((ip) => (
        <EuiFlexItem grow={false} key={ip}>
          <span>
            <EuiBadge color="hollow">{ip}</EuiBadge>
            <ValuePivot pivots={pivots} kind="source.ip" value={ip} />
          </span>
        </EuiFlexItem>
      ))}
      {hidden.length > 0 && (
        <EuiFlexItem grow={false}>
          <EuiToolTip content={hidden.join(', ')}>
            <EuiBadge color="default">
              {i18n.translate('entraSpHunt.results.moreIpsLabel', {
                defaultMessage: '+{count} more',
                values: { count: hidden.length },
              })}
            </EuiBadge>
          </EuiToolTip>
        </EuiFlexItem>
      )}
    </EuiFlexGroup>
  );
}

function principalCell(row: HuntRow, groupBy: GroupBy, pivots?: UsePivotsValue) {
  const primary = groupBy === 'name' ? row.service_principal_name : row.service_principal_id;
  const secondary = groupBy === 'name' ? row.service_principal_ids : row.service_principal_names;
  return (
    <div>
      <EuiText size="s">
        <strong>{primary ?? NONE}</strong>
        <ValuePivot
          pivots={pivots}
          kind={groupBy === 'name' ? 'service_principal_name' : 'service_principal_id'}
          value={primary}
        />
      </EuiText>
      {secondary.length > 0 && (
        <EuiText size="xs" color="subdued">
          {secondary.map((value, index) => (
            // The other identity pivots too: a row without a name is found by its ids.
            <span key={value}>
              {index > 0 && ', '}
              {value}
              <ValuePivot
                pivots={pivots}
                kind={groupBy === 'name' ? 'service_principal_id' : 'service_principal_name'}
                value={value}
              />
            </span>
          ))}
        </EuiText>
      )}
    </div>
  );
}

/** Sortable, searchable, paginated; only one page is rendered, so 10,000 rows stay responsive. */
export function ResultsTable({
  rows,
  groupBy,
  pivots,
  onInspectRow,
  onSelectionChange,
}: ResultsTableProps) {
  const columns = useMemo<Array<EuiBasicTableColumn<HuntRow>>>(
    () => [
      {
        field: 'day',
        name: i18n.translate('entraSpHunt.results.dayColumnLabel', { defaultMessage: 'Day (UTC)' }),
        sortable: true,
        width: '130px',
        render: (day: string | null) => formatDay(day),
      },
      {
        field: groupBy === 'name' ? 'service_principal_name' : 'service_principal_id',
        name:
          groupBy === 'name'
            ? i18n.translate('entraSpHunt.results.principalNameColumnLabel', {
                defaultMessage: 'Service principal (ids below)',
              })
            : i18n.translate('entraSpHunt.results.principalIdColumnLabel', {
                defaultMessage: 'Service principal id (names below)',
              }),
        sortable: true,
        truncateText: false,
        render: (_value: string | null, row: HuntRow) => principalCell(row, groupBy, pivots),
      },
      {
        field: 'action',
        name: i18n.translate('entraSpHunt.results.actionColumnLabel', { defaultMessage: 'Action' }),
        sortable: true,
        render: (action: string | null) => (
          <span>
            {action ?? '—'}
            <ValuePivot pivots={pivots} kind="event.action" value={action} />
          </span>
        ),
      },
      {
        field: 'daily_action_count',
        name: i18n.translate('entraSpHunt.results.dailyCountColumnLabel', {
          defaultMessage: 'Per day',
        }),
        sortable: true,
        align: 'right',
        width: '110px',
        render: (count: number) => formatCount(count),
      },
      {
        field: 'distinct_ips',
        name: i18n.translate('entraSpHunt.results.distinctIpsColumnLabel', {
          defaultMessage: 'Distinct IPs',
        }),
        sortable: true,
        align: 'right',
        width: '100px',
        render: (count: number) => formatCount(count),
      },
      {
        field: 'ips',
        name: i18n.translate('entraSpHunt.results.ipsColumnLabel', {
          defaultMessage: 'Source IPs',
        }),
        render: (ips: string[]) => ipList(ips, pivots),
      },
      {
        field: 'datasets',
        name: i18n.translate('entraSpHunt.results.datasetsColumnLabel', {
          defaultMessage: 'Data sources',
        }),
        render: (datasets: string[]) => datasets.join(', '),
      },
      {
        name: i18n.translate('entraSpHunt.results.actionsColumnLabel', {
          defaultMessage: 'Events',
        }),
        width: '80px',
        actions: [
          {
            name: i18n.translate('entraSpHunt.results.inspectActionLabel', {
              defaultMessage: 'Inspect events',
            }),
            description: i18n.translate('entraSpHunt.results.inspectActionDescription', {
              defaultMessage: 'Read the raw events of this row here, with their timeline and IPs',
            }),
            icon: 'inspect',
            type: 'icon',
            available: () => !!onInspectRow,
            onClick: (row: HuntRow) => onInspectRow?.(row),
            'data-test-subj': DATA_TEST_SUBJ.inspectRow,
          },
          {
            name: i18n.translate('entraSpHunt.results.discoverActionLabel', {
              defaultMessage: 'Open events in Discover',
            }),
            description: i18n.translate('entraSpHunt.results.discoverActionDescription', {
              defaultMessage: 'Open the raw events of this row in Discover, on its day',
            }),
            icon: 'discoverApp',
            type: 'icon',
            available: (row: HuntRow) => !!pivots?.canOpenDiscover && !!pivots.rowPivot(row),
            href: (row: HuntRow) => pivots?.discoverUrl(pivots.rowPivot(row)) ?? '',
            'data-test-subj': DATA_TEST_SUBJ.rowDiscover,
          },
        ],
      },
    ],
    [groupBy, onInspectRow, pivots]
  );

  const search: EuiSearchBarProps = {
    box: {
      incremental: true,
      placeholder: i18n.translate('entraSpHunt.results.searchPlaceholder', {
        defaultMessage: 'Filter by principal, action or IP',
      }),
      schema: true,
    },
  };

  return (
    <EuiInMemoryTable<HuntRow>
      items={rows}
      itemId={(row) =>
        `${row.day}|${row.action}|${row.service_principal_name}|${row.service_principal_id}`
      }
      columns={columns}
      search={search}
      sorting={{ sort: { field: 'daily_action_count', direction: 'asc' } }}
      pagination={{ initialPageSize: PAGE_SIZES[0], pageSizeOptions: PAGE_SIZES }}
      selection={onSelectionChange ? { onSelectionChange } : undefined}
      tableCaption={i18n.translate('entraSpHunt.results.tableDescription', {
        defaultMessage: 'Rare service principal actions from several IPs',
      })}
      data-test-subj={DATA_TEST_SUBJ.resultsTable}
    />
  );
}
