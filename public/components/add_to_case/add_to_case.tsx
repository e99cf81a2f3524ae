import React, { useMemo } from 'react';
import { EuiButton, EuiFlexGroup, EuiFlexItem, EuiToolTip } from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import type { CasesPermissions } from '@kbn/cases-plugin/common';
import type { CaseAttachmentsWithoutOwner, CasesPublicStart } from '@kbn/cases-plugin/public';
import { useServices } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';

/** Hunting findings belong to the Security solution's cases. */
export const CASE_OWNER = 'securitySolution';

export interface AddToCaseProps {
  /** How many rows are selected; nothing is added without a selection. */
  selectedCount: number;
  /** The markdown comment for the selected rows, built when the analyst adds them. */
  buildComment: () => string;
}

const NONE_SELECTED = i18n.translate('entraSpHunt.cases.noneSelectedTooltip', {
  defaultMessage: 'Select the rows to add first.',
});

function attachments(buildComment: () => string): CaseAttachmentsWithoutOwner {
  // A user comment (AttachmentType.user) needs no registration and reads well in any case view.
  return [{ type: 'user', comment: buildComment() }];
}

function CaseButtons({
  cases,
  permissions,
  selectedCount,
  buildComment,
}: AddToCaseProps & { cases: CasesPublicStart; permissions: CasesPermissions }) {
  const newCase = cases.hooks.useCasesAddToNewCaseFlyout();
  const existingCase = cases.hooks.useCasesAddToExistingCaseModal();
  const disabled = selectedCount === 0;
  const wrap = (button: React.ReactElement) =>
    disabled ? <EuiToolTip content={NONE_SELECTED}>{button}</EuiToolTip> : button;
  return (
    <EuiFlexGroup gutterSize="s" responsive={false}>
      {permissions.create && (
        <EuiFlexItem grow={false}>
          {wrap(
            <EuiButton
              size="s"
              iconType="casesApp"
              isDisabled={disabled}
              onClick={() => newCase.open({ attachments: attachments(buildComment) })}
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
              onClick={() => existingCase.open({ getAttachments: () => attachments(buildComment) })}
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
