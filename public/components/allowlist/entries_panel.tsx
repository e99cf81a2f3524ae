import React, { useState } from 'react';
import {
  EuiBadge,
  EuiBasicTable,
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiConfirmModal,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutHeader,
  EuiForm,
  EuiFormRow,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
  EuiSelect,
  EuiSpacer,
  EuiText,
  EuiTitle,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import { parseEntryUpdate, type Entry, type EntryKind } from '../../../common/entries';
import { formatInstant } from '../../format';
import type { EntryChange } from '../../services/entries_api';
import { toHuntRequestError, type HuntRequestError } from '../../services/hunt_api';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { expiryFrom } from './mark_entry_form';
import { NoteExpiryRows } from './note_expiry_rows';
import * as text from './translations';

const TITLE_ID = 'entraSpHuntEntriesTitle';
const EDIT_TITLE_ID = 'entraSpHuntEditEntryTitle';
const KEEP = 'keep';

export interface EntriesPanelProps {
  entries: Entry[];
  loading: boolean;
  error?: HuntRequestError;
  /** The user may change entries (the feature's `all` privilege). */
  canWrite: boolean;
  onUpdate: (id: string, change: EntryChange) => Promise<unknown>;
  onRemove: (id: string) => Promise<unknown>;
  onClose: () => void;
  timeZone: string;
  now?: () => Date;
}

function EditEntryModal({
  entry,
  onSave,
  onClose,
  now,
}: {
  entry: Entry;
  onSave: (change: EntryChange) => Promise<unknown>;
  onClose: () => void;
  now: () => Date;
}) {
  const [kind, setKind] = useState<EntryKind>(entry.kind);
  const [note, setNote] = useState(entry.note);
  const [expiry, setExpiry] = useState(KEEP);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const change: EntryChange = {
    kind,
    note,
    ...(expiry === KEEP ? {} : { expires_at: expiryFrom(expiry, now()) }),
  };
  const parsed = parseEntryUpdate(change);
  const noteProblem = parsed.ok
    ? undefined
    : parsed.issues.filter((issue) => issue.field === 'note').map((issue) => issue.message);

  const save = async () => {
    if (!parsed.ok || saving) return;
    setSaving(true);
    setFailure(undefined);
    try {
      await onSave(change);
    } catch (error) {
      setFailure(text.entryErrorText(toHuntRequestError(error)));
      setSaving(false);
    }
  };
  return (
    <EuiModal
      onClose={onClose}
      aria-labelledby={EDIT_TITLE_ID}
      data-test-subj={DATA_TEST_SUBJ.editEntry}
    >
      <EuiModalHeader>
        <EuiModalHeaderTitle id={EDIT_TITLE_ID} size="s">
          {text.EDIT_TITLE}
        </EuiModalHeaderTitle>
      </EuiModalHeader>
      <EuiModalBody>
        <EuiText size="s">{text.describeMatch(entry)}</EuiText>
        <EuiSpacer size="m" />
        <EuiForm
          component="form"
          id="entraSpHuntEditEntryForm"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <EuiFormRow label={text.KIND_LABEL}>
            <EuiSelect
              options={[
                { value: 'benign', text: text.KIND_BENIGN_LABEL },
                { value: 'reviewed', text: text.KIND_REVIEWED_LABEL },
              ]}
              value={kind}
              onChange={(event) => setKind(event.target.value as EntryKind)}
              data-test-subj={DATA_TEST_SUBJ.editKind}
            />
          </EuiFormRow>
          <NoteExpiryRows
            note={note}
            onNoteChange={setNote}
            noteErrors={noteProblem}
            expiry={expiry}
            onExpiryChange={setExpiry}
            expiryOptions={[{ value: KEEP, text: text.KEEP_EXPIRY_LABEL }, ...text.EXPIRY_OPTIONS]}
            noteTestSubj={DATA_TEST_SUBJ.editNote}
            expiryTestSubj={DATA_TEST_SUBJ.editExpiry}
          />
        </EuiForm>
        {failure && (
          <>
            <EuiSpacer size="m" />
            <EuiCallOut color="danger" iconType="error" size="s" role="alert" title={failure} />
          </>
        )}
      </EuiModalBody>
      <EuiModalFooter>
        <EuiButtonEmpty onClick={onClose}>{text.CANCEL_BUTTON_LABEL}</EuiButtonEmpty>
        <EuiButton
          type="submit"
          form="entraSpHuntEditEntryForm"
          fill
          isLoading={saving}
          isDisabled={!parsed.ok}
          data-test-subj={DATA_TEST_SUBJ.editSave}
        >
          {text.SAVE_BUTTON_LABEL}
        </EuiButton>
      </EuiModalFooter>
    </EuiModal>
  );
}

/**
 * The space's entries in a flyout: kind, what each matches, note, author, created, expiry
 * (expired ones marked, since the hunt no longer applies them), with edit and remove when the
 * user may change them. A refused change is said in words; the list is read again after each.
 */
export function EntriesPanel({
  entries,
  loading,
  error,
  canWrite,
  onUpdate,
  onRemove,
  onClose,
  timeZone,
  now = () => new Date(),
}: EntriesPanelProps) {
  const [editing, setEditing] = useState<Entry | undefined>(undefined);
  const [removing, setRemoving] = useState<Entry | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  const remove = async (entry: Entry) => {
    setRemoving(undefined);
    setFailure(undefined);
    try {
      await onRemove(entry.id);
    } catch (caught) {
      setFailure(text.entryErrorText(toHuntRequestError(caught)));
    }
  };

  const columns: Array<EuiBasicTableColumn<Entry>> = [
    {
      field: 'kind',
      name: text.KIND_LABEL,
      width: '120px',
      render: (kind: EntryKind) => (
        <EuiBadge color={kind === 'benign' ? 'success' : 'primary'}>{text.kindText(kind)}</EuiBadge>
      ),
    },
    {
      name: text.COLUMN_MATCHES,
      render: (entry: Entry) => text.describeMatch(entry),
    },
    { field: 'note', name: text.COLUMN_NOTE, render: (note: string) => note },
    { field: 'author', name: text.COLUMN_AUTHOR, width: '120px' },
    {
      field: 'created_at',
      name: text.COLUMN_CREATED,
      width: '170px',
      render: (created: string) => formatInstant(created, timeZone),
    },
    {
      name: text.COLUMN_EXPIRES,
      width: '190px',
      render: (entry: Entry) => (
        <span>
          {entry.expires_at === null ? text.NEVER : formatInstant(entry.expires_at, timeZone)}{' '}
          {!entry.active && (
            <EuiBadge color="warning" data-test-subj={DATA_TEST_SUBJ.entryExpired}>
              {text.EXPIRED_BADGE}
            </EuiBadge>
          )}
        </span>
      ),
    },
    ...(canWrite
      ? [
          {
            name: text.COLUMN_ACTIONS,
            width: '110px',
            actions: [
              {
                name: text.EDIT_LABEL,
                description: text.EDIT_LABEL,
                icon: 'pencil' as const,
                type: 'icon' as const,
                onClick: (entry: Entry) => setEditing(entry),
                'data-test-subj': DATA_TEST_SUBJ.entryEdit,
              },
              {
                name: text.REMOVE_LABEL,
                description: text.REMOVE_LABEL,
                icon: 'trash' as const,
                type: 'icon' as const,
                color: 'danger' as const,
                onClick: (entry: Entry) => setRemoving(entry),
                'data-test-subj': DATA_TEST_SUBJ.entryRemove,
              },
            ],
          },
        ]
      : []),
  ];

  return (
    <EuiFlyout
      onClose={onClose}
      size="l"
      aria-labelledby={TITLE_ID}
      data-test-subj={DATA_TEST_SUBJ.entriesPanel}
    >
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="s">
          <h2 id={TITLE_ID}>{text.ENTRIES_TITLE}</h2>
        </EuiTitle>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {!canWrite && (
          <>
            <EuiCallOut
              size="s"
              iconType="lock"
              title={text.ENTRIES_READ_ONLY}
              data-test-subj={DATA_TEST_SUBJ.entriesReadOnly}
            />
            <EuiSpacer size="m" />
          </>
        )}
        {(failure || error) && (
          <>
            <EuiCallOut
              color="danger"
              iconType="error"
              size="s"
              role="alert"
              title={failure ?? text.entriesErrorTitle(error?.message ?? '')}
              data-test-subj={DATA_TEST_SUBJ.entriesError}
            />
            <EuiSpacer size="m" />
          </>
        )}
        <EuiBasicTable<Entry>
          items={entries}
          columns={columns}
          loading={loading}
          noItemsMessage={text.ENTRIES_EMPTY}
          rowProps={(entry) => ({
            'data-test-subj': DATA_TEST_SUBJ.entryRow,
            id: `entry-${entry.id}`,
          })}
          tableCaption={text.ENTRIES_TITLE}
          data-test-subj={DATA_TEST_SUBJ.entriesTable}
        />
        {editing && (
          <EditEntryModal
            entry={editing}
            now={now}
            onClose={() => setEditing(undefined)}
            onSave={async (change) => {
              await onUpdate(editing.id, change);
              setEditing(undefined);
            }}
          />
        )}
        {removing && (
          <EuiConfirmModal
            title={text.REMOVE_CONFIRM_TITLE}
            onCancel={() => setRemoving(undefined)}
            onConfirm={() => void remove(removing)}
            cancelButtonText={text.CANCEL_BUTTON_LABEL}
            confirmButtonText={text.REMOVE_LABEL}
            buttonColor="danger"
            data-test-subj={DATA_TEST_SUBJ.removeConfirm}
          >
            <p>{text.describeMatch(removing)}</p>
            <p>{text.REMOVE_CONFIRM_BODY}</p>
          </EuiConfirmModal>
        )}
      </EuiFlyoutBody>
    </EuiFlyout>
  );
}
