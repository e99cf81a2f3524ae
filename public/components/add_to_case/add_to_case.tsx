import React, { useMemo, useState } from 'react';
import { EuiButton, EuiFlexGroup, EuiFlexItem, EuiToolTip } from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import type { CasesPermissions } from '@kbn/cases-plugin/common';
import type { CaseAttachmentsWithoutOwner, CasesPublicStart } from '@kbn/cases-plugin/public';
import { MAX_CASE_TITLE_LENGTH } from '../../../common/constants';
import type { CaseCommentLinks } from '../../../common/hunt/case_comment';
import {
  canSaveDiscoverSession,
  DISCOVER_APP_LOCATOR,
  type DiscoverAppLocatorParams,
} from '../../services/discover';
import { saveEsqlSession, type EsqlSessionInput } from '../../services/saved_search';
import { useServices } from '../../services/services_context';
import type { EntraSpHuntServices } from '../../types';
import { DATA_TEST_SUBJ } from '../../data_test_subj';

/** Hunting findings belong to the Security solution's cases. */
export const CASE_OWNER = 'securitySolution';

/** What goes into a case for the selected rows, built when the analyst adds them. */
export interface CaseEvidence {
  /** The Discover session to save for the findings (ES|QL over the pinned window). */
  session?: Omit<EsqlSessionInput, 'allowDuplicateTitle'>;
  /** The markdown comment, told how the session reached the case. */
  comment(session?: CaseCommentLinks['session']): string;
}

export interface AddToCaseProps {
  /** How many rows are selected; nothing is added without a selection. */
  selectedCount: number;
  prepare: () => CaseEvidence;
  /** The findings are in the case: the page clears the selection, so they are not added twice. */
  onAdded?: () => void;
}

const NONE_SELECTED = i18n.translate('entraSpHunt.cases.noneSelectedTooltip', {
  defaultMessage: 'Select the rows to add first.',
});

/**
 * Cases takes a Discover session by reference where its start contract says unified attachments
 * are on: `config.attachmentsEnabled`, returned by the start contract of 9.5 and later
 * (elastic/kibana:x-pack/platform/plugins/shared/cases/public/plugin.ts). Before that the contract
 * has no `config` and the session is linked from the comment instead.
 */
export function casesAttachDiscoverSessions(cases: CasesPublicStart): boolean {
  const config = (cases as Partial<CasesPublicStart>).config;
  return config?.attachmentsEnabled === true;
}

/** Cases refuses a saved-object attachment title over MAX_TITLE_LENGTH. */
function attachmentTitle(title: string): string {
  return title.length > MAX_CASE_TITLE_LENGTH
    ? `${title.slice(0, MAX_CASE_TITLE_LENGTH - 1)}…`
    : title;
}

/**
 * Saves the findings' Discover session (when the user may) and builds the attachments: the
 * comment, and on 9.5 and later the session by reference
 * (elastic/kibana:x-pack/platform/plugins/shared/cases/public/components/attachments/discover_session/build_discover_session_payload.ts).
 */
async function buildAttachments(
  services: EntraSpHuntServices,
  cases: CasesPublicStart,
  evidence: CaseEvidence
): Promise<CaseAttachmentsWithoutOwner> {
  const { savedSearch } = services;
  let session: CaseCommentLinks['session'];
  if (evidence.session && savedSearch && canSaveDiscoverSession(services)) {
    const title = attachmentTitle(evidence.session.title);
    try {
      const saved = await saveEsqlSession(savedSearch, {
        ...evidence.session,
        title,
        // Each addition is its own session; a repeated title is expected, not a mistake.
        allowDuplicateTitle: true,
      });
      if (saved.status === 'saved') {
        const locator =
          services.share.url.locators.get<DiscoverAppLocatorParams>(DISCOVER_APP_LOCATOR);
        session = {
          id: saved.id,
          title,
          url: locator?.getRedirectUrl({ savedSearchId: saved.id }),
          attached: casesAttachDiscoverSessions(cases),
        };
      }
    } catch (failure) {
      services.notifications.toasts.addDanger({
        title: i18n.translate('entraSpHunt.cases.sessionFailedTitle', {
          defaultMessage: 'The Discover session could not be saved; the case gets the links only',
        }),
        text: failure instanceof Error ? failure.message : String(failure),
      });
    }
  }
  const attachments: CaseAttachmentsWithoutOwner = [
    { type: 'user', comment: evidence.comment(session) },
  ];
  if (session?.attached && session.id) {
    attachments.push({
      type: 'discoverSession',
      attachmentId: session.id,
      metadata: { title: session.title, soType: 'search' },
    });
  }
  return attachments;
}

function CaseButtons({
  cases,
  permissions,
  selectedCount,
  prepare,
  onAdded,
}: AddToCaseProps & { cases: CasesPublicStart; permissions: CasesPermissions }) {
  const services = useServices();
  const [busy, setBusy] = useState(false);
  const toastContent = i18n.translate('entraSpHunt.cases.addedToastDescription', {
    defaultMessage:
      'Added {count, plural, one {# finding} other {# findings}} with the window they were found in.',
    values: { count: selectedCount },
  });
  const newCase = cases.hooks.useCasesAddToNewCaseFlyout({ onSuccess: onAdded, toastContent });
  const existingCase = cases.hooks.useCasesAddToExistingCaseModal({
    onSuccess: onAdded,
    successToaster: { content: toastContent },
  });
  const disabled = selectedCount === 0 || busy;
  const wrap = (button: React.ReactElement) =>
    selectedCount === 0 ? <EuiToolTip content={NONE_SELECTED}>{button}</EuiToolTip> : button;
  const add = async (open: (attachments: CaseAttachmentsWithoutOwner) => void) => {
    setBusy(true);
    try {
      open(await buildAttachments(services, cases, prepare()));
    } finally {
      setBusy(false);
    }
  };
  return (
    <EuiFlexGroup gutterSize="s" responsive={false}>
      {permissions.create && (
        <EuiFlexItem grow={false}>
          {wrap(
            <EuiButton
              size="s"
              iconType="casesApp"
              isDisabled={disabled}
              isLoading={busy}
              onClick={() => add((attachments) => newCase.open({ attachments }))}
              data-test-subj={DATA_TEST_SUBJ.addToNewCase}
            >
              {i18n.translate('entraSpHunt.cases.addToNewButtonLabel', {
                defaultMessage:
                  'Add {count, plural, =0 {rows} one {# row} other {# rows}} to new case',
                values: { count: selectedCount },
              })}
            </EuiButton>
          )}
        </EuiFlexItem>
      )}
      {permissions.update && (
        <EuiFlexItem grow={false}>
          {wrap(
            <EuiButton
              size="s"
              iconType="casesApp"
              isDisabled={disabled}
              isLoading={busy}
              onClick={() =>
                add((attachments) => existingCase.open({ getAttachments: () => attachments }))
              }
              data-test-subj={DATA_TEST_SUBJ.addToExistingCase}
            >
              {i18n.translate('entraSpHunt.cases.addToExistingButtonLabel', {
                defaultMessage: 'Add to existing case',
              })}
            </EuiButton>
          )}
        </EuiFlexItem>
      )}
    </EuiFlexGroup>
  );
}

/**
 * Adds selected rows to a case, inside the Cases context (owner securitySolution) as the cases
 * hooks require; offered only with the Cases plugin and when the user may create or update cases.
 * The hooks also read Kibana's services through `useKibana()`: the app renders inside
 * KibanaContextProvider for them (application.tsx).
 */
export function AddToCase(props: AddToCaseProps) {
  const { cases } = useServices();
  const CasesContext = useMemo(() => cases?.ui.getCasesContext(), [cases]);
  const permissions = useMemo(() => cases?.helpers.canUseCases([CASE_OWNER]), [cases]);
  if (!cases || !CasesContext || !permissions || !(permissions.create || permissions.update))
    return null;
  return (
    <CasesContext owner={[CASE_OWNER]} permissions={permissions}>
      <CaseButtons {...props} cases={cases} permissions={permissions} />
    </CasesContext>
  );
}
