/**
 * The behaviour of the Cases start contract, shared by the component tests and the harness page:
 * the Cases context, the two add-to-case hooks, the checks Cases applies to attachments, and the
 * success toast with its "View case" button. Where it ends (storing a case) a backend takes over:
 * in memory for jest, the harness server for the browser.
 *
 * Source: elastic/kibana:x-pack/platform/plugins/shared/cases/public/common/use_cases_toast.tsx
 * Checked at elastic/kibana@06e341ad8fde1a3e772efe023d84f4ffff6eaf85:x-pack/platform/plugins/shared/cases/public/common/use_cases_toast.tsx
 * (and use_application.tsx at 55cbab20ad9e7cbdf6628021812e6de0177d74da).
 *
 * Modelled on elastic/kibana (x-pack/platform/plugins/shared/cases/public/…):
 * - …/components/cases_context/use_cases_context.ts: `useCasesContext()` throws outside the Cases
 *   context;
 * - …/components/create/flyout/use_cases_add_to_new_case_flyout.tsx and
 *   …/components/all_cases/selector_modal/use_cases_add_to_existing_case_modal.tsx: both hooks call
 *   `useCasesContext()` and `useCasesToast()` when they render;
 * - …/common/use_cases_toast.tsx: `useApplication()` then `useKibana().services.application`
 *   (`getUrlForApp`, `navigateToUrl`) and `useToasts()` (`services.notifications.toasts`); the
 *   success toast carries a "View case" button opening the case in the owner's app;
 * - …/common/lib/kibana/use_application.tsx: destructures `currentAppId$` and `applications$` from
 *   `useKibana().services.application`, so outside a KibanaContextProvider (services `{}`) it throws
 *   a TypeError, which is what the app hits in Kibana without the provider;
 * - …/common/constants/index.ts MAX_COMMENT_LENGTH (30,000) and MAX_TITLE_LENGTH (160), and the
 *   strict Discover-session attachment of …/common/types/domain_zod/attachment/saved_object/v2.ts,
 *   accepted only where `config.attachmentsEnabled` (9.5 and later); an older Cases rejects the
 *   unknown attachment type with a 400 when the case is saved.
 */
import React, { createContext, useContext, useEffect, useMemo, useState } from 'react';
import ReactDOM from 'react-dom';
import {
  EuiButton,
  EuiFieldText,
  EuiFormRow,
  EuiListGroup,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
} from '@elastic/eui';
import { useKibana } from '../../kibana-react-plugin/public';
import type { CasesPermissions } from '../common';
import type {
  AddToExistingCaseModalProps,
  AddToNewCaseFlyoutProps,
  CaseAttachmentsWithoutOwner,
  CasesPublicStart,
  CaseUI,
  GetCasesContextProps,
} from './index';

export const MAX_COMMENT_LENGTH = 30_000;
export const MAX_TITLE_LENGTH = 160;
/** OWNER_INFO.securitySolution.appId: where a Security case opens. */
const OWNER_APP_ID: Record<string, string> = { securitySolution: 'securitySolutionUI' };

/** Where cases are kept: in memory (jest) or on the harness server (browser). */
export interface CasesStandInBackend {
  createCase(input: {
    title: string;
    owner: string;
    attachments: CaseAttachmentsWithoutOwner;
  }): Promise<CaseUI>;
  listCases(): Promise<CaseUI[]>;
  addToCase(caseId: string, attachments: CaseAttachmentsWithoutOwner): Promise<CaseUI>;
}

export interface CasesStandInOptions {
  backend: CasesStandInBackend;
  /** Kibana 9.5 and later: `config` on the contract and Discover-session attachments. */
  discoverSessions?: boolean;
  permissions?: Partial<CasesPermissions>;
}

export const ALL_CASES_PERMISSIONS: CasesPermissions = {
  all: true,
  create: true,
  read: true,
  update: true,
  delete: true,
  push: true,
  connectors: true,
  settings: true,
  createComment: true,
  reopenCase: true,
  assign: true,
};

/** The server's answer to attachments it would refuse, as Cases' error toast shows it. */
export function refusal(
  attachments: CaseAttachmentsWithoutOwner,
  discoverSessions: boolean
): string | undefined {
  for (const attachment of attachments) {
    if (attachment.type === 'user') {
      if (attachment.comment.trim() === '') return 'The comment field cannot be an empty string.';
      if (attachment.comment.length > MAX_COMMENT_LENGTH)
        return `The length of the comment is too long. The maximum length is ${MAX_COMMENT_LENGTH}.`;
      continue;
    }
    if (attachment.type === 'discoverSession' && discoverSessions) {
      const keys = Object.keys(attachment).sort().join(',');
      const metaKeys = Object.keys(attachment.metadata ?? {})
        .sort()
        .join(',');
      if (keys !== 'attachmentId,metadata,type' || metaKeys !== 'soType,title')
        return 'Invalid value for the Discover session attachment.';
      if (attachment.metadata.soType !== 'search' || attachment.attachmentId === '')
        return 'Invalid value for the Discover session attachment.';
      if (attachment.metadata.title.length > MAX_TITLE_LENGTH)
        return `The length of the title is too long. The maximum length is ${MAX_TITLE_LENGTH}.`;
      continue;
    }
    return `Attachment type ${String((attachment as { type: unknown }).type)} is not registered.`;
  }
  return undefined;
}

type CaseModal =
  | { kind: 'new'; attachments: CaseAttachmentsWithoutOwner; props: AddToNewCaseFlyoutProps }
  | {
      kind: 'existing';
      getAttachments: (args: { theCase?: CaseUI }) => CaseAttachmentsWithoutOwner;
      props: AddToExistingCaseModalProps;
    };

interface CasesContextValue {
  owner: string[];
  open(modal: CaseModal): void;
}

const CasesContext = createContext<CasesContextValue | undefined>(undefined);

function useCasesContext(): CasesContextValue {
  const value = useContext(CasesContext);
  if (!value)
    throw new Error(
      'useCasesContext must be used within a CasesProvider and have a defined value. See https://github.com/elastic/kibana/blob/main/x-pack/platform/plugins/shared/cases/README.md#cases-ui'
    );
  return value;
}

/** Mounts React into a toast, as `toMountPoint` does. */
function mountPoint(node: React.ReactNode) {
  return (element: HTMLElement) => {
    ReactDOM.render(<>{node}</>, element);
    return () => {
      ReactDOM.unmountComponentAtNode(element);
    };
  };
}

function useCasesToast() {
  const { application, notifications } = useKibana().services;
  // useApplication: throws here without a provider, as in Kibana.
  const { currentAppId$, applications$ } = application as NonNullable<typeof application>;
  void currentAppId$;
  void applications$;
  const { getUrlForApp, navigateToUrl } = application as NonNullable<typeof application>;
  const toasts = (notifications as NonNullable<typeof notifications>).toasts;
  return useMemo(
    () => ({
      showSuccessAttach(theCase: CaseUI, title?: string, content?: string) {
        const url = getUrlForApp(OWNER_APP_ID[theCase.owner] ?? 'securitySolutionUI', {
          deepLinkId: 'cases',
          path: `/${theCase.id}`,
        });
        toasts.addSuccess({
          color: 'success',
          iconType: 'check',
          title: title ?? `${theCase.title} has been updated`,
          text: mountPoint(
            <>
              {content !== undefined && <p data-test-subj="toaster-content-sync-text">{content}</p>}
              <EuiButton
                size="s"
                onClick={() => navigateToUrl(url)}
                data-test-subj="toaster-content-case-view-link"
              >
                View case
              </EuiButton>
            </>
          ),
        });
      },
      showErrorToast(error: Error) {
        toasts.addError(error, { title: error.message });
      },
    }),
    [getUrlForApp, navigateToUrl, toasts]
  );
}

function CasesModal({
  modal,
  owner,
  backend,
  discoverSessions,
  onDone,
}: {
  modal: CaseModal;
  owner: string;
  backend: CasesStandInBackend;
  discoverSessions: boolean;
  onDone(): void;
}) {
  const toast = useCasesToast();
  const [title, setTitle] = useState('Entra ID service principal findings');
  const [cases, setCases] = useState<CaseUI[]>([]);
  useEffect(() => {
    if (modal.kind === 'existing') backend.listCases().then(setCases);
  }, [backend, modal.kind]);

  const finish = async (store: () => Promise<CaseUI>, attachments: CaseAttachmentsWithoutOwner) => {
    const refused = refusal(attachments, discoverSessions);
    if (refused) {
      toast.showErrorToast(new Error(refused));
      onDone();
      return;
    }
    const theCase = await store();
    onDone();
    if (modal.kind === 'new') {
      toast.showSuccessAttach(theCase, modal.props.toastTitle, modal.props.toastContent);
    } else {
      toast.showSuccessAttach(
        theCase,
        modal.props.successToaster?.title,
        modal.props.successToaster?.content
      );
    }
    modal.props.onSuccess?.(theCase);
  };
  const create = () =>
    modal.kind === 'new' &&
    finish(
      () => backend.createCase({ title, owner, attachments: modal.attachments }),
      modal.attachments
    );
  const addTo = (theCase: CaseUI) => {
    if (modal.kind !== 'existing') return;
    const attachments = modal.getAttachments({ theCase });
    return finish(() => backend.addToCase(theCase.id, attachments), attachments);
  };
  const close = () => {
    onDone();
    modal.props.onClose?.();
  };
  return (
    <EuiModal onClose={close} data-test-subj="harnessCasesModal">
      <EuiModalHeader>
        <EuiModalHeaderTitle>
          {modal.kind === 'new' ? 'Create case' : 'Select case'}
        </EuiModalHeaderTitle>
      </EuiModalHeader>
      <EuiModalBody>
        {modal.kind === 'new' ? (
          <EuiFormRow label="Name">
            <EuiFieldText
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              data-test-subj="harnessCaseTitle"
            />
          </EuiFormRow>
        ) : (
          <EuiListGroup
            listItems={cases.map((entry) => ({
              label: entry.title,
              onClick: () => addTo(entry),
              'data-test-subj': `harnessCase-${entry.id}`,
            }))}
          />
        )}
      </EuiModalBody>
      {modal.kind === 'new' && (
        <EuiModalFooter>
          <EuiButton fill onClick={create} data-test-subj="harnessCaseCreate">
            Create case
          </EuiButton>
        </EuiModalFooter>
      )}
    </EuiModal>
  );
}

/**
 * The Cases start contract over `backend`. Without `discoverSessions` it is the 9.3/9.4
 * contract: no `config`, and a Discover-session attachment is refused.
 */
export function createCasesStandIn({
  backend,
  discoverSessions = true,
  permissions = {},
}: CasesStandInOptions): CasesPublicStart {
  function CasesProvider({
    owner,
    permissions: given,
    children,
  }: React.PropsWithChildren<GetCasesContextProps>) {
    const [modal, setModal] = useState<CaseModal>();
    if (!given) throw new Error('The Cases context needs the permissions of the user.');
    const value = useMemo(() => ({ owner, open: setModal }), [owner]);
    return (
      <CasesContext.Provider value={value}>
        {children}
        {modal && (
          <CasesModal
            modal={modal}
            owner={owner[0] ?? ''}
            backend={backend}
            discoverSessions={discoverSessions}
            onDone={() => setModal(undefined)}
          />
        )}
      </CasesContext.Provider>
    );
  }
  const contract: Omit<CasesPublicStart, 'config'> = {
    ui: { getCasesContext: () => CasesProvider },
    hooks: {
      useCasesAddToNewCaseFlyout: (props = {}) => {
        const { open } = useCasesContext();
        useCasesToast();
        return {
          open: ({ attachments = [] } = {}) => open({ kind: 'new', attachments, props }),
          close: () => undefined,
        };
      },
      useCasesAddToExistingCaseModal: (props = {}) => {
        const { open } = useCasesContext();
        useCasesToast();
        return {
          open: ({ getAttachments = () => [] } = {}) =>
            open({ kind: 'existing', getAttachments, props }),
          close: () => undefined,
        };
      },
    },
    helpers: {
      canUseCases: () => ({ ...ALL_CASES_PERMISSIONS, ...permissions }),
    },
  };
  if (!discoverSessions) {
    // Kibana 9.3 and 9.4 return no `config`: the type here is 9.5's, so this one is cast.
    return contract as CasesPublicStart;
  }
  return {
    ...contract,
    config: { templatesEnabled: false, attachmentsEnabled: true },
  };
}

/** An in-memory backend: what the tests read the stored cases from. */
export function createMemoryCasesBackend() {
  const cases: Array<CaseUI & { attachments: CaseAttachmentsWithoutOwner }> = [
    { id: 'case-1', title: 'Existing case', owner: 'securitySolution', attachments: [] },
  ];
  const backend: CasesStandInBackend = {
    createCase: async ({ title, owner, attachments }) => {
      const created = {
        id: `case-${cases.length + 1}`,
        title,
        owner,
        attachments: [...attachments],
      };
      cases.push(created);
      return { id: created.id, title, owner };
    },
    listCases: async () => cases.map(({ id, title, owner }) => ({ id, title, owner })),
    addToCase: async (caseId, attachments) => {
      const found = cases.find((entry) => entry.id === caseId);
      if (!found) throw new Error(`no case ${caseId}`);
      found.attachments.push(...attachments);
      return { id: found.id, title: found.title, owner: found.owner };
    },
  };
  return { backend, cases };
}
