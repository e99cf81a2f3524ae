import React from 'react';
import { EuiFormRow, EuiSelect, EuiTextArea } from '@elastic/eui';
import * as text from './translations';

export interface NoteExpiryRowsProps {
  note: string;
  onNoteChange(note: string): void;
  /** The note's problems, shown once they should be (after a first submit, say). */
  noteErrors?: string[];
  notePlaceholder?: string;
  expiry: string;
  onExpiryChange(expiry: string): void;
  expiryOptions: Array<{ value: string; text: string }>;
  expiryErrors?: string[];
  noteTestSubj: string;
  expiryTestSubj: string;
}

/**
 * Why an entry exists and how long it lasts: the two fields every entry form asks for, marking a
 * row or editing an entry alike, so both read and validate the same way.
 */
export function NoteExpiryRows({
  note,
  onNoteChange,
  noteErrors,
  notePlaceholder,
  expiry,
  onExpiryChange,
  expiryOptions,
  expiryErrors,
  noteTestSubj,
  expiryTestSubj,
}: NoteExpiryRowsProps) {
  const noteInvalid = !!noteErrors?.length;
  const expiryInvalid = !!expiryErrors?.length;
  return (
    <>
      <EuiFormRow label={text.NOTE_LABEL} isInvalid={noteInvalid} error={noteErrors} fullWidth>
        <EuiTextArea
          value={note}
          placeholder={notePlaceholder}
          isInvalid={noteInvalid}
          onChange={(event) => onNoteChange(event.target.value)}
          rows={3}
          fullWidth
          data-test-subj={noteTestSubj}
        />
      </EuiFormRow>
      <EuiFormRow label={text.EXPIRY_LABEL} isInvalid={expiryInvalid} error={expiryErrors}>
        <EuiSelect
          options={expiryOptions}
          value={expiry}
          isInvalid={expiryInvalid}
          onChange={(event) => onExpiryChange(event.target.value)}
          data-test-subj={expiryTestSubj}
        />
      </EuiFormRow>
    </>
  );
}
