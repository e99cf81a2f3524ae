import React from 'react';
import {
  EuiBadge,
  EuiButton,
  EuiFlexGroup,
  EuiFlexItem,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { Entry, EntryKind } from '../../../common/entries';
import type { HiddenRow } from '../../../common/hunt/allowlist';
import { formatInstant } from '../../format';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import * as text from './translations';

export interface RowMarksProps {
  /** The active entries that match the row (entriesForRow). */
  entries: Entry[];
  /** Set when the row is shown only because hidden rows are: the entries that hide it. */
  hiddenBy?: Entry[];
  canWrite: boolean;
  onMark: (kind: EntryKind) => void;
  timeZone: string;
}

function EntryLine({ entry, timeZone }: { entry: Entry; timeZone: string }) {
  return (
    <EuiText size="s" data-test-subj={DATA_TEST_SUBJ.rowMark}>
      <EuiBadge color={entry.kind === 'benign' ? 'success' : 'primary'}>
        {text.kindText(entry.kind)}
      </EuiBadge>{' '}
      <strong>{entry.note}</strong>
      <br />
      <EuiText size="xs" color="subdued" component="span">
        {text.describeMatch(entry)} ·{' '}
        {text.markedBy(
          entry.author,
          formatInstant(entry.created_at, timeZone),
          entry.expires_at === null ? text.NEVER : formatInstant(entry.expires_at, timeZone)
        )}
      </EuiText>
    </EuiText>
  );
}

/**
 * The flyout's allowlist section: the entries that mark this row (note, author, created, expiry)
 * and, for a user who may change the space's entries, "Mark benign" and "Mark reviewed".
 */
export function RowMarks({ entries, hiddenBy = [], canWrite, onMark, timeZone }: RowMarksProps) {
  const shown = [...hiddenBy, ...entries.filter((entry) => !hiddenBy.includes(entry))];
  return (
    <EuiPanel hasBorder paddingSize="m" data-test-subj={DATA_TEST_SUBJ.rowMarks}>
      <EuiTitle size="xs">
        <h3>{text.ROW_MARKS_TITLE}</h3>
      </EuiTitle>
      <EuiSpacer size="s" />
      {shown.length === 0 ? (
        <EuiText size="s" color="subdued">
          {text.ROW_NOT_MARKED}
        </EuiText>
      ) : (
        shown.map((entry) => <EntryLine key={entry.id} entry={entry} timeZone={timeZone} />)
      )}
      {canWrite && (
        <>
          <EuiSpacer size="s" />
          <EuiFlexGroup gutterSize="s" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiButton
                size="s"
                iconType="check"
                onClick={() => onMark('benign')}
                data-test-subj={DATA_TEST_SUBJ.markBenign}
              >
                {text.MARK_BENIGN_BUTTON_LABEL}
              </EuiButton>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiButton
                size="s"
                iconType="eye"
                onClick={() => onMark('reviewed')}
                data-test-subj={DATA_TEST_SUBJ.markReviewed}
              >
                {text.MARK_REVIEWED_BUTTON_LABEL}
              </EuiButton>
            </EuiFlexItem>
          </EuiFlexGroup>
        </>
      )}
    </EuiPanel>
  );
}

/** The entries a hidden row names, among those the page has (the marker of ranges together too). */
export function hidingEntriesOf(hidden: HiddenRow | undefined, entries: Entry[]): Entry[] {
  if (!hidden) return [];
  return entries.filter(
    (entry) =>
      hidden.entry_ids.includes(entry.id) ||
      (entry.cidr !== null && entry.kind === 'benign' && hidden.entry_ids.includes('cidrs'))
  );
}
