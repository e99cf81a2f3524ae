import { i18n } from '@kbn/i18n';
import type { HuntRequestError } from '../../services/hunt_api';

export const MARK_BENIGN_BUTTON_LABEL = i18n.translate(
  'entraSpHunt.allowlist.markBenignButtonLabel',
  {
    defaultMessage: 'Mark benign',
  }
);
export const MARK_REVIEWED_BUTTON_LABEL = i18n.translate(
  'entraSpHunt.allowlist.markReviewedButtonLabel',
  { defaultMessage: 'Mark reviewed' }
);
export const MARK_BENIGN_TITLE = i18n.translate('entraSpHunt.allowlist.markBenignTitle', {
  defaultMessage: 'Mark benign: hide these events from every hunt in this space',
});
export const MARK_REVIEWED_TITLE = i18n.translate('entraSpHunt.allowlist.markReviewedTitle', {
  defaultMessage: 'Mark reviewed: keep the rows, with your note beside them',
});
export const MATCH_LABEL = i18n.translate('entraSpHunt.allowlist.matchLabel', {
  defaultMessage: 'What the entry matches',
});
export const MATCH_NAME_LABEL = (name: string) =>
  i18n.translate('entraSpHunt.allowlist.matchNameLabel', {
    defaultMessage: 'Principal name: {name}',
    values: { name },
  });
export const MATCH_ID_LABEL = i18n.translate('entraSpHunt.allowlist.matchIdLabel', {
  defaultMessage: 'Principal id',
});
export const MATCH_CIDR_LABEL = i18n.translate('entraSpHunt.allowlist.matchCidrLabel', {
  defaultMessage: 'IP range (CIDR)',
});
export const CIDR_HELP = i18n.translate('entraSpHunt.allowlist.cidrDescription', {
  defaultMessage:
    'Events whose every address is in this range. A single IP means just that address.',
});
export const ONLY_ACTION_LABEL = (action: string) =>
  i18n.translate('entraSpHunt.allowlist.onlyActionLabel', {
    defaultMessage: 'Only the action {action}',
    values: { action },
  });
export const NOTE_LABEL = i18n.translate('entraSpHunt.allowlist.noteLabel', {
  defaultMessage: 'Note (why)',
});
export const NOTE_PLACEHOLDER = i18n.translate('entraSpHunt.allowlist.notePlaceholder', {
  defaultMessage: 'e.g. Nightly sync job of the identity team, checked with its owner',
});
export const EXPIRY_LABEL = i18n.translate('entraSpHunt.allowlist.expiryLabel', {
  defaultMessage: 'Expires',
});
export const EXPIRY_OPTIONS: Array<{ value: string; text: string }> = [
  {
    value: 'never',
    text: i18n.translate('entraSpHunt.allowlist.expiryNeverLabel', { defaultMessage: 'Never' }),
  },
  {
    value: '7',
    text: i18n.translate('entraSpHunt.allowlist.expiryWeekLabel', {
      defaultMessage: 'In 7 days',
    }),
  },
  {
    value: '30',
    text: i18n.translate('entraSpHunt.allowlist.expiryMonthLabel', {
      defaultMessage: 'In 30 days',
    }),
  },
  {
    value: '90',
    text: i18n.translate('entraSpHunt.allowlist.expiryQuarterLabel', {
      defaultMessage: 'In 90 days',
    }),
  },
  {
    value: '365',
    text: i18n.translate('entraSpHunt.allowlist.expiryYearLabel', {
      defaultMessage: 'In a year',
    }),
  },
];
export const KEEP_EXPIRY_LABEL = i18n.translate('entraSpHunt.allowlist.keepExpiryLabel', {
  defaultMessage: 'Keep as it is',
});
export const CANCEL_BUTTON_LABEL = i18n.translate('entraSpHunt.allowlist.cancelButtonLabel', {
  defaultMessage: 'Cancel',
});
export const SAVE_BUTTON_LABEL = i18n.translate('entraSpHunt.allowlist.saveButtonLabel', {
  defaultMessage: 'Save',
});
export const KIND_LABEL = i18n.translate('entraSpHunt.allowlist.kindLabel', {
  defaultMessage: 'Kind',
});
export const KIND_BENIGN_LABEL = i18n.translate('entraSpHunt.allowlist.kindBenignLabel', {
  defaultMessage: 'Benign (hides)',
});
export const KIND_REVIEWED_LABEL = i18n.translate('entraSpHunt.allowlist.kindReviewedLabel', {
  defaultMessage: 'Reviewed (badge)',
});
export const ENTRIES_TITLE = i18n.translate('entraSpHunt.allowlist.entriesTitle', {
  defaultMessage: 'Allowlist and review marks of this space',
});
export const ENTRIES_BUTTON_LABEL = (count: number) =>
  i18n.translate('entraSpHunt.allowlist.entriesButtonLabel', {
    defaultMessage: 'Allowlist and review marks ({count})',
    values: { count },
  });
export const ENTRIES_EMPTY = i18n.translate('entraSpHunt.allowlist.entriesEmptyDescription', {
  defaultMessage:
    'No entries yet. Mark a row benign or reviewed from its flyout (Inspect events), or a name, id or IP benign from its cell in the results.',
});
export const ENTRIES_READ_ONLY = i18n.translate(
  'entraSpHunt.allowlist.entriesReadOnlyDescription',
  {
    defaultMessage:
      'You can read these entries but not change them: changing them needs the All privilege of Entra SP Hunt.',
  }
);
export const COLUMN_MATCHES = i18n.translate('entraSpHunt.allowlist.matchesColumnLabel', {
  defaultMessage: 'Matches',
});
export const COLUMN_NOTE = i18n.translate('entraSpHunt.allowlist.noteColumnLabel', {
  defaultMessage: 'Note',
});
export const COLUMN_AUTHOR = i18n.translate('entraSpHunt.allowlist.authorColumnLabel', {
  defaultMessage: 'Author',
});
export const COLUMN_CREATED = i18n.translate('entraSpHunt.allowlist.createdColumnLabel', {
  defaultMessage: 'Created',
});
export const COLUMN_EXPIRES = i18n.translate('entraSpHunt.allowlist.expiresColumnLabel', {
  defaultMessage: 'Expires',
});
export const COLUMN_ACTIONS = i18n.translate('entraSpHunt.allowlist.actionsColumnLabel', {
  defaultMessage: 'Actions',
});
export const NEVER = i18n.translate('entraSpHunt.allowlist.neverLabel', {
  defaultMessage: 'never',
});
export const EXPIRED_BADGE = i18n.translate('entraSpHunt.allowlist.expiredLabel', {
  defaultMessage: 'expired',
});
export const EDIT_LABEL = i18n.translate('entraSpHunt.allowlist.editButtonLabel', {
  defaultMessage: 'Edit',
});
export const REMOVE_LABEL = i18n.translate('entraSpHunt.allowlist.removeButtonLabel', {
  defaultMessage: 'Remove',
});
export const EDIT_TITLE = i18n.translate('entraSpHunt.allowlist.editTitle', {
  defaultMessage: 'Edit entry',
});
export const REMOVE_CONFIRM_TITLE = i18n.translate('entraSpHunt.allowlist.removeConfirmTitle', {
  defaultMessage: 'Remove this entry?',
});
export const REMOVE_CONFIRM_BODY = i18n.translate(
  'entraSpHunt.allowlist.removeConfirmDescription',
  {
    defaultMessage:
      'Every hunt in this space stops applying it: the rows it hid come back, its badges go.',
  }
);
export const describeMatch = (entry: {
  principal: string | null;
  principal_field: 'name' | 'id';
  action: string | null;
  cidr: string | null;
}) =>
  entry.principal === null
    ? i18n.translate('entraSpHunt.allowlist.rangeMatchDescription', {
        defaultMessage: 'IP range {cidr}',
        values: { cidr: entry.cidr ?? '' },
      })
    : i18n.translate('entraSpHunt.allowlist.principalMatchDescription', {
        defaultMessage:
          'Principal {field, select, id {id} other {name}} {principal}{action, select, none {} other {, action {action}}}',
        values: {
          field: entry.principal_field,
          principal: entry.principal,
          action: entry.action ?? 'none',
        },
      });
export const kindText = (kind: 'benign' | 'reviewed') =>
  kind === 'benign' ? KIND_BENIGN_LABEL : KIND_REVIEWED_LABEL;
export const hiddenRowsText = (rows: number, entries: number, more: boolean) =>
  i18n.translate('entraSpHunt.allowlist.hiddenRowsDescription', {
    defaultMessage:
      '{more, select, true {More than } other {}}{rows, plural, one {# row} other {# rows}} hidden by {entries, plural, one {# entry} other {# entries}} of the allowlist.',
    values: { rows, entries, more: more ? 'true' : 'false' },
  });
export const showingHiddenText = (rows: number) =>
  i18n.translate('entraSpHunt.allowlist.showingHiddenDescription', {
    defaultMessage:
      'Showing the rows the allowlist hides: {rows, plural, =0 {none here} one {# row, marked "hidden by an entry"} other {# rows, marked "hidden by an entry"}}.',
    values: { rows },
  });
export const NOTHING_HIDDEN = i18n.translate('entraSpHunt.allowlist.nothingHiddenDescription', {
  defaultMessage: 'The allowlist hides no row of this run.',
});
export const COUNTING_HIDDEN = i18n.translate('entraSpHunt.allowlist.countingDescription', {
  defaultMessage: 'Counting the rows the allowlist hides…',
});
export const SHOW_HIDDEN_BUTTON_LABEL = i18n.translate(
  'entraSpHunt.allowlist.showHiddenButtonLabel',
  { defaultMessage: 'Show hidden rows' }
);
export const HIDE_HIDDEN_BUTTON_LABEL = i18n.translate(
  'entraSpHunt.allowlist.hideHiddenButtonLabel',
  { defaultMessage: 'Hide them again' }
);
export const CHANGED_TITLE = i18n.translate('entraSpHunt.allowlist.changedTitle', {
  defaultMessage: 'The allowlist changed since this run: run the hunt again to apply it.',
});
export const countErrorTitle = (reason: string) =>
  i18n.translate('entraSpHunt.allowlist.countErrorTitle', {
    defaultMessage: 'The hidden rows could not be counted: {reason}',
    values: { reason },
  });
export const entriesErrorTitle = (reason: string) =>
  i18n.translate('entraSpHunt.allowlist.entriesErrorTitle', {
    defaultMessage: 'The allowlist entries could not be read: {reason}',
    values: { reason },
  });
export const REVIEWED_BADGE = (note: string) =>
  i18n.translate('entraSpHunt.allowlist.reviewedBadgeLabel', {
    defaultMessage: 'Reviewed: {note}',
    values: { note },
  });
export const HIDDEN_BADGE = (note: string) =>
  i18n.translate('entraSpHunt.allowlist.hiddenBadgeLabel', {
    defaultMessage: 'Hidden by an entry: {note}',
    values: { note },
  });
export const ROW_MARKS_TITLE = i18n.translate('entraSpHunt.allowlist.rowMarksTitle', {
  defaultMessage: 'Allowlist and review',
});
export const ROW_NOT_MARKED = i18n.translate('entraSpHunt.allowlist.rowNotMarkedDescription', {
  defaultMessage: 'No entry matches this row.',
});
export const markedBy = (author: string, created: string, expires: string) =>
  i18n.translate('entraSpHunt.allowlist.markedByDescription', {
    defaultMessage: 'by {author}, {created}; expires {expires}',
    values: { author, created, expires },
  });
export const NO_ACCESS_TITLE = i18n.translate('entraSpHunt.allowlist.noAccessTitle', {
  defaultMessage: 'Entra SP Hunt is not available to you in this space',
});
export const NO_ACCESS_BODY = i18n.translate('entraSpHunt.allowlist.noAccessDescription', {
  defaultMessage:
    'Your role grants no privilege for Entra SP Hunt here. Ask an administrator for its Read privilege (to hunt) or All (to hunt and keep the allowlist).',
});

/** Failures of the entries routes in words an analyst can act on. */
export function entryErrorText(error: HuntRequestError): string {
  switch (error.status) {
    case 400:
      return i18n.translate('entraSpHunt.allowlist.invalidErrorMessage', {
        defaultMessage: 'The entry was refused: {reason}',
        values: { reason: error.message.replace(/^\[request (body|params)\]: /, '') },
      });
    case 403:
      return i18n.translate('entraSpHunt.allowlist.forbiddenErrorMessage', {
        defaultMessage:
          'You can read allowlist entries but not change them: ask for the All privilege of Entra SP Hunt.',
      });
    case 404:
      return i18n.translate('entraSpHunt.allowlist.notFoundErrorMessage', {
        defaultMessage:
          'This entry is no longer in this space: someone removed it, or it belongs to another space. The list was read again.',
      });
    case 409:
      return i18n.translate('entraSpHunt.allowlist.conflictErrorMessage', {
        defaultMessage:
          'The entry changed meanwhile, or already exists: the list was read again; try once more.',
      });
    default:
      return i18n.translate('entraSpHunt.allowlist.otherErrorMessage', {
        defaultMessage: 'The entry could not be saved: {reason}',
        values: { reason: error.message },
      });
  }
}
