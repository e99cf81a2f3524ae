import React, { useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiFieldText,
  EuiFormRow,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
  EuiTextArea,
  useGeneratedHtmlId,
} from '@elastic/eui';
import { FormattedMessage } from '@kbn/i18n-react';
import { i18n } from '@kbn/i18n';
import {
  canSaveDiscoverSession,
  DISCOVER_APP_LOCATOR,
  type DiscoverAppLocatorParams,
} from '../../services/discover';
import { saveEsqlSession } from '../../services/saved_search';
import { useServices } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';

export interface SaveSessionButtonProps {
  esql: string;
  timeRange: { from: string; to: string };
  defaultTitle: string;
}

const SAVE_LABEL = i18n.translate('entraSpHunt.session.saveButtonLabel', {
  defaultMessage: 'Save as Discover session',
});

/** Offered only when the saved-search service is there and the user may save in Discover. */
export function SaveSessionButton({ esql, timeRange, defaultTitle }: SaveSessionButtonProps) {
  const services = useServices();
  const titleId = useGeneratedHtmlId({ prefix: 'entraSpHuntSaveSessionTitle' });
  const [isOpen, setIsOpen] = useState(false);
  const [title, setTitle] = useState(defaultTitle);
  const [description, setDescription] = useState('');
  const [duplicate, setDuplicate] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const { savedSearch } = services;
  if (!savedSearch || !canSaveDiscoverSession(services)) return null;

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const result = await saveEsqlSession(savedSearch, {
        title: title.trim(),
        description,
        esql,
        timeRange,
        allowDuplicateTitle: duplicate,
      });
      if (result.status === 'duplicate_title') {
        setDuplicate(true);
        return;
      }
      const locator =
        services.share.url.locators.get<DiscoverAppLocatorParams>(DISCOVER_APP_LOCATOR);
      services.notifications.toasts.addSuccess({
        title: i18n.translate('entraSpHunt.session.savedTitle', {
          defaultMessage: 'Saved "{title}"',
          values: { title: title.trim() },
        }),
        text: locator ? locator.getRedirectUrl({ savedSearchId: result.id }) : undefined,
      });
      setIsOpen(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <EuiButton
        size="s"
        iconType="save"
        onClick={() => {
          // Suggest the title of what is shown now, not of what was shown when first rendered.
          setTitle(defaultTitle);
          setDuplicate(false);
          setIsOpen(true);
        }}
        data-test-subj={DATA_TEST_SUBJ.saveSession}
      >
        {SAVE_LABEL}
      </EuiButton>
      {isOpen && (
        <EuiModal
          onClose={() => setIsOpen(false)}
          aria-labelledby={titleId}
          data-test-subj={DATA_TEST_SUBJ.saveSessionModal}
        >
          <EuiModalHeader>
            <EuiModalHeaderTitle id={titleId}>{SAVE_LABEL}</EuiModalHeaderTitle>
          </EuiModalHeader>
          <EuiModalBody>
            <EuiFormRow
              label={i18n.translate('entraSpHunt.session.titleLabel', { defaultMessage: 'Title' })}
              isInvalid={title.trim() === ''}
              error={i18n.translate('entraSpHunt.session.titleErrorMessage', {
                defaultMessage: 'A title is required',
              })}
            >
              <EuiFieldText
                value={title}
                onChange={(event) => {
                  setTitle(event.target.value);
                  setDuplicate(false);
                }}
                data-test-subj={DATA_TEST_SUBJ.saveSessionTitle}
              />
            </EuiFormRow>
            <EuiFormRow
              label={i18n.translate('entraSpHunt.session.descriptionLabel', {
                defaultMessage: 'Description',
              })}
            >
              <EuiTextArea
                value={description}
                onChange={(event) => setDescription(event.target.value)}
                rows={2}
              />
            </EuiFormRow>
            {duplicate && (
              <EuiCallOut
                size="s"
                color="warning"
                title={i18n.translate('entraSpHunt.session.duplicateTitle', {
                  defaultMessage:
                    'A Discover session with this title exists. Save again to keep both.',
                })}
              />
            )}
            {error && <EuiCallOut size="s" color="danger" title={error} />}
          </EuiModalBody>
          <EuiModalFooter>
            <EuiButtonEmpty onClick={() => setIsOpen(false)}>
              <FormattedMessage
                id="entraSpHunt.session.cancelButtonLabel"
                defaultMessage="Cancel"
              />
            </EuiButtonEmpty>
            <EuiButton
              fill
              onClick={save}
              isLoading={saving}
              isDisabled={title.trim() === ''}
              data-test-subj={DATA_TEST_SUBJ.saveSessionConfirm}
            >
              <FormattedMessage id="entraSpHunt.session.confirmButtonLabel" defaultMessage="Save" />
            </EuiButton>
          </EuiModalFooter>
        </EuiModal>
      )}
    </>
  );
}
