/**
 * What an analyst can do with one value of the results: open every event of it in Discover, keep
 * only the rows with it, drop the rows with it, copy it. Defined once here and offered two ways:
 * as EuiDataGrid cell actions (rendered only for the cell being hovered, focused or expanded, never
 * for every cell of a page) and, for cells with several values, beside each value in the cell's
 * popover. Marking a principal or an IP benign is one of them, offered to users who may write
 * allowlist entries.
 */
import React, { type MutableRefObject } from 'react';
import {
  EuiButtonIcon,
  EuiFlexGroup,
  EuiFlexItem,
  EuiText,
  type EuiDataGridColumnCellAction,
  type EuiDataGridColumnCellActionProps,
} from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import type { HuntRow } from '../../../common/hunt/shape_results';
import type { UsePivotsValue } from '../../hooks/use_pivots';
import type { MarkTarget } from '../allowlist/mark_entry_form';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import type { ResultColumn } from './result_columns';

/** What the actions need from the page, read when an action renders or runs. */
export interface ValueActionContext {
  pivots?: UsePivotsValue;
  /** Keeps (or, negated, drops) the rows whose column holds the value. */
  onFilter(columnId: string, value: string, negate: boolean): void;
  onCopy(value: string): void;
  /** Opens the benign-entry form on the value; absent when the user may not write entries. */
  onMarkBenign?(row: HuntRow, target: MarkTarget): void;
}

/** What a benign entry made from a value of the column matches: a name, an id or an address. */
const MARK_TARGETS: Partial<Record<string, MarkTarget['target']>> = {
  service_principal_name: 'name',
  service_principal_id: 'id',
  'source.ip': 'cidr',
};
const markTargetOf = (column: ResultColumn) =>
  column.pivotKind ? MARK_TARGETS[column.pivotKind] : undefined;

export interface ValueAction {
  id: string;
  iconType: string;
  testSubj: string;
  label(value: string): string;
  isAvailable(column: ResultColumn, context: ValueActionContext): boolean;
  /** A link (built only when the action shows). */
  href?(column: ResultColumn, value: string, context: ValueActionContext): string | undefined;
  onClick?(column: ResultColumn, value: string, context: ValueActionContext, row: HuntRow): void;
}

export const VALUE_ACTIONS: ValueAction[] = [
  {
    id: 'discover',
    iconType: 'discoverApp',
    testSubj: DATA_TEST_SUBJ.valuePivot,
    label: (value) =>
      i18n.translate('entraSpHunt.results.valuePivotAriaLabel', {
        defaultMessage: 'Open every event of {value} in Discover',
        values: { value },
      }),
    isAvailable: (column, { pivots }) => !!column.pivotKind && !!pivots?.canOpenDiscover,
    href: (column, value, { pivots }) =>
      column.pivotKind && pivots
        ? pivots.discoverUrl(pivots.valuePivot(column.pivotKind, value))
        : undefined,
  },
  {
    id: 'filterIn',
    iconType: 'plusInCircle',
    testSubj: DATA_TEST_SUBJ.valueFilterIn,
    label: (value) =>
      i18n.translate('entraSpHunt.results.filterInAriaLabel', {
        defaultMessage: 'Show only rows with {value}',
        values: { value },
      }),
    isAvailable: () => true,
    onClick: (column, value, context) => context.onFilter(column.id, value, false),
  },
  {
    id: 'filterOut',
    iconType: 'minusInCircle',
    testSubj: DATA_TEST_SUBJ.valueFilterOut,
    label: (value) =>
      i18n.translate('entraSpHunt.results.filterOutAriaLabel', {
        defaultMessage: 'Hide rows with {value}',
        values: { value },
      }),
    isAvailable: () => true,
    onClick: (column, value, context) => context.onFilter(column.id, value, true),
  },
  {
    id: 'copy',
    iconType: 'copyClipboard',
    testSubj: DATA_TEST_SUBJ.valueCopy,
    label: (value) =>
      i18n.translate('entraSpHunt.results.copyAriaLabel', {
        defaultMessage: 'Copy {value}',
        values: { value },
      }),
    isAvailable: () => true,
    onClick: (_column, value, context) => context.onCopy(value),
  },
  {
    id: 'markBenign',
    iconType: 'eyeClosed',
    testSubj: DATA_TEST_SUBJ.valueMarkBenign,
    label: (value) =>
      i18n.translate('entraSpHunt.results.markBenignAriaLabel', {
        defaultMessage: 'Mark {value} benign',
        values: { value },
      }),
    isAvailable: (column, { onMarkBenign }) => !!onMarkBenign && !!markTargetOf(column),
    onClick: (column, value, context, row) => {
      const target = markTargetOf(column);
      if (target) context.onMarkBenign?.(row, { target, value });
    },
  },
];

function actionProps(
  action: ValueAction,
  column: ResultColumn,
  row: HuntRow,
  value: string,
  context: ValueActionContext
) {
  const label = action.label(column.formatValue(value));
  const href = action.href?.(column, value, context);
  return {
    iconType: action.iconType,
    'aria-label': label,
    title: label,
    href,
    // A pivot opens Discover in a new tab: this page keeps its rows.
    ...(href ? { target: '_blank', rel: 'noopener noreferrer' } : {}),
    onClick: action.onClick ? () => action.onClick?.(column, value, context, row) : undefined,
    'data-test-subj': action.testSubj,
    label,
  };
}

/**
 * EuiDataGrid cell actions for `column`. They read the row and the page's context through refs when
 * they render, so the column definitions stay the same object across sorts, pages and filters.
 * A cell with several values offers its actions per value in its popover instead.
 */
export function cellActionsFor(
  column: ResultColumn,
  rowAt: MutableRefObject<(rowIndex: number) => HuntRow | undefined>,
  context: MutableRefObject<ValueActionContext>
): EuiDataGridColumnCellAction[] {
  return VALUE_ACTIONS.map((action) => {
    function CellAction({ rowIndex, Component }: EuiDataGridColumnCellActionProps) {
      const row = rowAt.current(rowIndex);
      if (!row || !action.isAvailable(column, context.current)) return null;
      const values = column.values(row);
      if (values.length !== 1) return null;
      const { label, href, ...props } = actionProps(
        action,
        column,
        row,
        values[0],
        context.current
      );
      if (action.href && !href) return null;
      return (
        <Component {...props} href={href}>
          {label}
        </Component>
      );
    }
    CellAction.displayName = `CellAction(${column.id}:${action.id})`;
    return CellAction;
  });
}

/** The popover of a multi-valued cell: every value, each with the actions that apply to it. */
export function ValueList({
  column,
  row,
  context,
}: {
  column: ResultColumn;
  row: HuntRow;
  context: ValueActionContext;
}) {
  const values = column.values(row);
  const actions = VALUE_ACTIONS.filter((action) => action.isAvailable(column, context));
  return (
    <ul
      aria-label={i18n.translate('entraSpHunt.results.valueListAriaLabel', {
        defaultMessage: '{column}: {count, plural, one {# value} other {# values}}',
        values: { column: column.label, count: values.length },
      })}
      data-test-subj={DATA_TEST_SUBJ.valueList}
    >
      {values.map((value) => (
        <li key={value}>
          <EuiFlexGroup gutterSize="xs" alignItems="center" responsive={false}>
            <EuiFlexItem>
              <EuiText size="s">{column.formatValue(value)}</EuiText>
            </EuiFlexItem>
            {actions.map((action) => {
              const { label, href, ...props } = actionProps(action, column, row, value, context);
              if (action.href && !href) return null;
              return (
                <EuiFlexItem grow={false} key={action.id}>
                  <EuiButtonIcon {...props} href={href} aria-label={label} size="s" />
                </EuiFlexItem>
              );
            })}
          </EuiFlexGroup>
        </li>
      ))}
    </ul>
  );
}
