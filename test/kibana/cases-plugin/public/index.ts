/**
 * Stand-in for `@kbn/cases-plugin/public`: the parts of the Cases start contract the plugin uses.
 *
 * Checked at elastic/kibana@fad10b041fc85cdc5466475f959680a279613c0d:x-pack/platform/plugins/shared/cases/public/index.tsx
 * (which exports CasesPublicStart and CaseAttachmentsWithoutOwner, not CasesPermissions: that one
 * comes from `@kbn/cases-plugin/common`; the props types below are not exported by Kibana either).
 *
 * Mirrors elastic/kibana:x-pack/platform/plugins/shared/cases/public/types.ts (CasesPublicStart),
 * …/client/ui/get_cases_context.tsx (GetCasesContextProps),
 * …/components/create/flyout/use_cases_add_to_new_case_flyout.tsx,
 * …/components/all_cases/selector_modal/use_cases_add_to_existing_case_modal.tsx,
 * …/client/helpers/can_use_cases.ts, and the user comment attachment of
 * …/common/types/domain/attachment/v1.ts (AttachmentType.user = 'user').
 */
import type { FC, PropsWithChildren } from 'react';
import type { CasesPermissions } from '../common';

interface UserCommentAttachment {
  type: 'user';
  comment: string;
}

export type CaseAttachmentsWithoutOwner = UserCommentAttachment[];

interface GetCasesContextProps {
  owner: string[];
  permissions: CasesPermissions;
}

interface AddToNewCaseFlyoutProps {
  onSuccess?: () => void;
  onClose?: () => void;
  toastTitle?: string;
  toastContent?: string;
}

interface AddToExistingCaseModalProps {
  onSuccess?: () => void;
  onClose?: () => void;
  successToaster?: { title?: string; content?: string };
}

export interface CasesPublicStart {
  ui: { getCasesContext(): FC<PropsWithChildren<GetCasesContextProps>> };
  hooks: {
    useCasesAddToNewCaseFlyout(props?: AddToNewCaseFlyoutProps): {
      open(options?: { attachments?: CaseAttachmentsWithoutOwner }): void;
      close(): void;
    };
    useCasesAddToExistingCaseModal(props?: AddToExistingCaseModalProps): {
      open(options?: {
        getAttachments?: (args: { theCase?: { id: string } }) => CaseAttachmentsWithoutOwner;
      }): void;
      close(): void;
    };
  };
  helpers: { canUseCases(owners?: string[]): CasesPermissions };
}
