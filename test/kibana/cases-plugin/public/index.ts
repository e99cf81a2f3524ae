/**
 * Stand-in for `@kbn/cases-plugin/public`: the parts of the Cases start contract the plugin uses,
 * as Kibana 9.5 declares them (the behaviour is in ./mocks.tsx).
 *
 * Checked at elastic/kibana@00c7693be31e3fee5b959f64928e1740c25d2f4e:x-pack/platform/plugins/shared/cases/public/plugin.ts
 * (the start contract it returns, with `config.attachmentsEnabled` from
 * `xpack.cases.attachments.enabled`, exposed to the browser by …/cases/server/index.ts), and
 * elastic/kibana:x-pack/platform/plugins/shared/cases/public/types.ts (CasesPublicStart,
 * CaseAttachmentsWithoutOwner), …/client/ui/get_cases_context.tsx (GetCasesContextProps),
 * …/components/create/flyout/use_cases_add_to_new_case_flyout.tsx,
 * …/components/all_cases/selector_modal/use_cases_add_to_existing_case_modal.tsx,
 * …/client/helpers/can_use_cases.ts, the user comment of …/common/types/domain/attachment/v1.ts
 * (AttachmentType.user = 'user') and the Discover session reference of
 * …/common/types/domain_zod/attachment/saved_object/v2.ts (`type: 'discoverSession'`, the saved
 * search's id as `attachmentId`, `metadata: { title, soType: 'search' }`, strict), built by
 * …/components/attachments/discover_session/build_discover_session_payload.ts.
 *
 * Kibana 9.3 and 9.4 have no `config` on the start contract and no Discover-session attachment:
 * the plugin reads `config` defensively, and the tests build that older contract too.
 */
import type { FC, PropsWithChildren } from 'react';
import type { CasesPermissions } from '../common';

/** AttachmentType.user: a markdown comment (at most MAX_COMMENT_LENGTH characters). */
export interface UserCommentAttachmentPayload {
  type: 'user';
  comment: string;
}

/** DISCOVER_SESSION_ATTACHMENT_TYPE, by reference to a `search` saved object (9.5 and later). */
export interface DiscoverSessionAttachmentPayload {
  type: 'discoverSession';
  attachmentId: string;
  /** `title` at most MAX_TITLE_LENGTH (160) characters. */
  metadata: { title: string; soType: 'search' };
}

export type CaseAttachmentWithoutOwner =
  UserCommentAttachmentPayload | DiscoverSessionAttachmentPayload;
export type CaseAttachmentsWithoutOwner = CaseAttachmentWithoutOwner[];

/** The case a hook's `onSuccess` receives (…/containers/types.ts CaseUI), the fields used here. */
export interface CaseUI {
  id: string;
  title: string;
  owner: string;
}

export interface GetCasesContextProps {
  owner: string[];
  permissions: CasesPermissions;
}

export interface AddToNewCaseFlyoutProps {
  onSuccess?: (theCase: CaseUI) => void;
  onClose?: () => void;
  toastTitle?: string;
  toastContent?: string;
}

export interface AddToExistingCaseModalProps {
  onSuccess?: (theCase: CaseUI) => void;
  onClose?: (theCase?: CaseUI, isCreateCase?: boolean) => void;
  successToaster?: { title?: string; content?: string };
}

export interface CasesPublicStart {
  /** Feature flags of this Cases (9.5 and later; absent before). */
  config: {
    templatesEnabled: boolean;
    /** Unified attachments, including Discover-session references, are accepted. */
    attachmentsEnabled: boolean;
  };
  ui: { getCasesContext(): FC<PropsWithChildren<GetCasesContextProps>> };
  hooks: {
    useCasesAddToNewCaseFlyout(props?: AddToNewCaseFlyoutProps): {
      open(options?: { attachments?: CaseAttachmentsWithoutOwner }): void;
      close(): void;
    };
    useCasesAddToExistingCaseModal(props?: AddToExistingCaseModalProps): {
      open(options?: {
        getAttachments?: (args: { theCase?: CaseUI }) => CaseAttachmentsWithoutOwner;
      }): void;
      close(): void;
    };
  };
  helpers: { canUseCases(owners?: string[]): CasesPermissions };
}
