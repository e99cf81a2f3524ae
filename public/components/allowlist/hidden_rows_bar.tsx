import React from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLoadingSpinner,
  EuiText,
} from '@elastic/eui';
import type { AppliedAllowlist } from '../../../common/hunt/allowlist';
import type { UseHiddenRowsValue } from '../../hooks/use_hidden_rows';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import * as text from './translations';

export interface HiddenRowsBarProps {
  allowlist: AppliedAllowlist;
  hidden: UseHiddenRowsValue;
  onShowHidden: (show: boolean) => void;
  onOpenEntries: () => void;
  entryCount: number;
}

function HiddenSummary({ allowlist, hidden }: Pick<HiddenRowsBarProps, 'allowlist' | 'hidden'>) {
  if (allowlist.benign_entries === 0) return null;
  if (hidden.loading) {
    return (
      <EuiFlexGroup
        gutterSize="xs"
        alignItems="center"
        responsive={false}
        data-test-subj={DATA_TEST_SUBJ.hiddenRowsCounting}
      >
        <EuiFlexItem grow={false}>
          <EuiLoadingSpinner size="s" />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiText size="s">{text.COUNTING_HIDDEN}</EuiText>
        </EuiFlexItem>
      </EuiFlexGroup>
    );
  }
  const result = hidden.result;
  if (!result) return null;
  const message = allowlist.include_hidden
    ? text.showingHiddenText(result.rows.length)
    : result.rows.length === 0
      ? text.NOTHING_HIDDEN
      : text.hiddenRowsText(result.rows.length, result.hiding_entries, result.truncated);
  return (
    <EuiText size="s" role="status" data-test-subj={DATA_TEST_SUBJ.hiddenRows}>
      {message}
    </EuiText>
  );
}

/**
 * Above the rows: how many rows the space's benign entries hide and by how many entries, the
 * control that shows them (a URL parameter, so the view is a link), and the entries panel.
 */
export function HiddenRowsBar({
  allowlist,
  hidden,
  onShowHidden,
  onOpenEntries,
  entryCount,
}: HiddenRowsBarProps) {
  const canToggle =
    allowlist.include_hidden || (hidden.result !== undefined && hidden.result.rows.length > 0);
  return (
    <>
      {allowlist.error && (
        <EuiCallOut
          size="s"
          color="warning"
          iconType="warning"
          title={allowlist.error}
          data-test-subj={DATA_TEST_SUBJ.allowlistError}
        />
      )}
      {hidden.error && (
        <EuiCallOut
          size="s"
          color="warning"
          iconType="warning"
          title={text.countErrorTitle(hidden.error.message)}
        />
      )}
      {hidden.changed && (
        <EuiCallOut size="s" color="primary" iconType="refresh" title={text.CHANGED_TITLE} />
      )}
      <EuiFlexGroup gutterSize="s" alignItems="center" wrap responsive={false}>
        <EuiFlexItem grow={false}>
          <HiddenSummary allowlist={allowlist} hidden={hidden} />
        </EuiFlexItem>
        {canToggle && (
          <EuiFlexItem grow={false}>
            <EuiButton
              size="s"
              iconType={allowlist.include_hidden ? 'eyeClosed' : 'eye'}
              onClick={() => onShowHidden(!allowlist.include_hidden)}
              data-test-subj={DATA_TEST_SUBJ.showHidden}
            >
              {allowlist.include_hidden
                ? text.HIDE_HIDDEN_BUTTON_LABEL
                : text.SHOW_HIDDEN_BUTTON_LABEL}
            </EuiButton>
          </EuiFlexItem>
        )}
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty
            size="s"
            iconType="list"
            onClick={onOpenEntries}
            data-test-subj={DATA_TEST_SUBJ.openEntries}
          >
            {text.ENTRIES_BUTTON_LABEL(entryCount)}
          </EuiButtonEmpty>
        </EuiFlexItem>
      </EuiFlexGroup>
    </>
  );
}
