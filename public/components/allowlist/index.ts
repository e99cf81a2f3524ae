export { EntriesPanel } from './entries_panel';
export { HiddenRowsBar } from './hidden_rows_bar';
export { MarkEntryForm, type MarkTarget } from './mark_entry_form';
export { RowMarks, hidingEntriesOf } from './row_marks';
export {
  ENTRIES_BUTTON_LABEL,
  NO_ACCESS_BODY,
  NO_ACCESS_TITLE,
  REVIEWED_BADGE,
  HIDDEN_BADGE,
} from './translations';
