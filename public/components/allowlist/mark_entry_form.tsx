import React, { useMemo, useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiCheckbox,
  EuiFieldText,
  EuiForm,
  EuiFormRow,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
  EuiRadioGroup,
  EuiSelect,
  EuiSpacer,
} from '@elastic/eui';
import { parseEntryInput, type EntryKind } from '../../../common/entries';
import type { HuntRow } from '../../../common/hunt/shape_results';
import type { EntryDraft } from '../../services/entries_api';
import { toHuntRequestError } from '../../services/hunt_api';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { NoteExpiryRows } from './note_expiry_rows';
import * as text from './translations';

const DAY_MS = 86_400_000;
const TITLE_ID = 'entraSpHuntMarkEntryTitle';

type Target = 'name' | 'id' | 'cidr';

/** A value the analyst picked in the table to mark: the row's name, one of its ids, or an IP. */
export interface MarkTarget {
  target: Target;
  value: string;
}

export interface MarkEntryFormProps {
  row: HuntRow;
  kind: EntryKind;
  /** What the form starts on; without it, the row's name, else its first id, else its first IP. */
  initial?: MarkTarget;
  /** Stores the entry; rejects with the route's error, shown in words. */
  onSubmit: (draft: EntryDraft) => Promise<unknown>;
  onClose: () => void;
  /** The instant expiry choices count from; tests pin it. */
  now?: () => Date;
}

/** The expiry a choice of the select stands for: null is never. */
export function expiryFrom(choice: string, now: Date): string | null {
  const days = Number(choice);
  return Number.isFinite(days) ? new Date(now.getTime() + days * DAY_MS).toISOString() : null;
}

/**
 * One step from a row to an entry: what it matches (the row's principal by name or by id,
 * optionally only its action, or an IP range), a note saying why, and an optional expiry. Checked
 * with the server's own schema before it is sent; the server's refusal is shown in words.
 */
export function MarkEntryForm({
  row,
  kind,
  initial,
  onSubmit,
  onClose,
  now = () => new Date(),
}: MarkEntryFormProps) {
  const ids =
    row.service_principal_id !== null ? [row.service_principal_id] : row.service_principal_ids;
  // A row grouped by id may carry several names: the one picked in the table is the one offered.
  const name =
    initial?.target === 'name'
      ? initial.value
      : (row.service_principal_name ??
        (row.service_principal_names.length === 1 ? row.service_principal_names[0] : null));
  const [target, setTarget] = useState<Target>(
    initial?.target ?? (name !== null ? 'name' : ids.length > 0 ? 'id' : 'cidr')
  );
  const [id, setId] = useState(initial?.target === 'id' ? initial.value : (ids[0] ?? ''));
  const [onlyAction, setOnlyAction] = useState(false);
  const [cidr, setCidr] = useState(initial?.target === 'cidr' ? initial.value : (row.ips[0] ?? ''));
  const [note, setNote] = useState('');
  const [expiry, setExpiry] = useState('never');
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  const draft = useMemo<EntryDraft>(() => {
    const base = { kind, note, expires_at: expiryFrom(expiry, now()) };
    if (target === 'cidr') return { ...base, cidr };
    return {
      ...base,
      principal: target === 'name' ? (name ?? '') : id,
      principal_field: target,
      ...(onlyAction && row.action !== null ? { action: row.action } : {}),
    };
  }, [cidr, expiry, id, kind, name, note, now, onlyAction, row.action, target]);
  const problems = useMemo(() => {
    const parsed = parseEntryInput(draft);
    const found: Record<string, string[]> = {};
    if (!parsed.ok) {
      for (const issue of parsed.issues)
        (found[issue.field.split('.')[0]] ??= []).push(issue.message);
    }
    return found;
  }, [draft]);
  const invalid = Object.keys(problems).length > 0;
  const shown = (field: string) => (touched ? problems[field] : undefined);

  const submit = async () => {
    setTouched(true);
    if (invalid || saving) return;
    setSaving(true);
    setFailure(undefined);
    try {
      await onSubmit(draft);
    } catch (error) {
      setFailure(text.entryErrorText(toHuntRequestError(error)));
      setSaving(false);
    }
  };

  const options = [
    ...(name !== null ? [{ id: 'name', label: text.MATCH_NAME_LABEL(name) }] : []),
    ...(ids.length > 0 ? [{ id: 'id', label: text.MATCH_ID_LABEL }] : []),
    { id: 'cidr', label: text.MATCH_CIDR_LABEL },
  ];

  return (
    <EuiModal onClose={onClose} aria-labelledby={TITLE_ID} data-test-subj={DATA_TEST_SUBJ.markForm}>
      <EuiModalHeader>
        <EuiModalHeaderTitle id={TITLE_ID} size="s">
          {kind === 'benign' ? text.MARK_BENIGN_TITLE : text.MARK_REVIEWED_TITLE}
        </EuiModalHeaderTitle>
      </EuiModalHeader>
      <EuiModalBody>
        <EuiForm
          component="form"
          id="entraSpHuntMarkEntryForm"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <EuiFormRow
            label={text.MATCH_LABEL}
            isInvalid={!!shown('principal')}
            error={shown('principal')}
          >
            <EuiRadioGroup
              options={options}
              idSelected={target}
              onChange={(next) => setTarget(next as Target)}
              data-test-subj={DATA_TEST_SUBJ.markTarget}
            />
          </EuiFormRow>
          {target === 'id' && ids.length > 1 && (
            <EuiFormRow label={text.MATCH_ID_LABEL}>
              <EuiSelect
                options={ids.map((value) => ({ value, text: value }))}
                value={id}
                onChange={(event) => setId(event.target.value)}
                data-test-subj={DATA_TEST_SUBJ.markId}
              />
            </EuiFormRow>
          )}
          {target !== 'cidr' && row.action !== null && (
            <EuiFormRow isInvalid={!!shown('action')} error={shown('action')}>
              <EuiCheckbox
                id="entraSpHuntMarkOnlyAction"
                label={text.ONLY_ACTION_LABEL(row.action)}
                checked={onlyAction}
                onChange={(event) => setOnlyAction(event.target.checked)}
                data-test-subj={DATA_TEST_SUBJ.markOnlyAction}
              />
            </EuiFormRow>
          )}
          {target === 'cidr' && (
            <EuiFormRow
              label={text.MATCH_CIDR_LABEL}
              helpText={text.CIDR_HELP}
              isInvalid={!!shown('cidr')}
              error={shown('cidr')}
            >
              <EuiFieldText
                value={cidr}
                isInvalid={!!shown('cidr')}
                onChange={(event) => setCidr(event.target.value)}
                data-test-subj={DATA_TEST_SUBJ.markCidr}
              />
            </EuiFormRow>
          )}
          <NoteExpiryRows
            note={note}
            onNoteChange={setNote}
            noteErrors={shown('note')}
            notePlaceholder={text.NOTE_PLACEHOLDER}
            expiry={expiry}
            onExpiryChange={setExpiry}
            expiryOptions={text.EXPIRY_OPTIONS}
            expiryErrors={shown('expires_at')}
            noteTestSubj={DATA_TEST_SUBJ.markNote}
            expiryTestSubj={DATA_TEST_SUBJ.markExpiry}
          />
        </EuiForm>
        {failure && (
          <>
            <EuiSpacer size="m" />
            <EuiCallOut
              color="danger"
              iconType="error"
              size="s"
              role="alert"
              title={failure}
              data-test-subj={DATA_TEST_SUBJ.markError}
            />
          </>
        )}
      </EuiModalBody>
      <EuiModalFooter>
        <EuiButtonEmpty onClick={onClose}>{text.CANCEL_BUTTON_LABEL}</EuiButtonEmpty>
        <EuiButton
          type="submit"
          form="entraSpHuntMarkEntryForm"
          fill
          isLoading={saving}
          isDisabled={touched && invalid}
          data-test-subj={DATA_TEST_SUBJ.markSubmit}
        >
          {kind === 'benign' ? text.MARK_BENIGN_BUTTON_LABEL : text.MARK_REVIEWED_BUTTON_LABEL}
        </EuiButton>
      </EuiModalFooter>
    </EuiModal>
  );
}
