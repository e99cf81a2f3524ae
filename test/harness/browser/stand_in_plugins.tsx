/**
 * Browser stand-ins for the optional plugins the app uses, registered by the harness page as
 * Kibana would provide them: Discover's locator and a Discover page that runs the ES|QL it is
 * given, the saved-search service, and Cases (context, add-to-case hooks, a case page).
 */
import React, { createContext, useContext, useEffect, useState, type ComponentProps } from 'react';
import {
  EuiBasicTable,
  EuiButton,
  EuiCodeBlock,
  EuiFieldText,
  EuiFormRow,
  EuiListGroup,
  EuiMarkdownFormat,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
  EuiPageTemplate,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { CasesPermissions } from '@kbn/cases-plugin/common';
import type { CaseAttachmentsWithoutOwner, CasesPublicStart } from '@kbn/cases-plugin/public';
import type { SavedSearch, SavedSearchPublicPluginStart } from '@kbn/saved-search-plugin/public';
import type { ILocatorClient } from '@kbn/share-plugin/public';
import type { SerializableRecord } from '@kbn/utility-types';

interface DiscoverParams extends SerializableRecord {
  query?: { esql: string };
  timeRange?: { from: string; to: string };
  savedSearchId?: string;
}

async function postJson<T>(
  path: string,
  body: unknown
): Promise<{ ok: boolean; status: number; body: T }> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { ok: response.ok, status: response.status, body: (await response.json()) as T };
}

/** Discover's locator: the harness Discover page reads the query and window from its hash. */
export function registerDiscoverLocator(locators: ILocatorClient) {
  locators.create<DiscoverParams>({
    id: 'DISCOVER_APP_LOCATOR',
    getLocation: async (params) => {
      if (params.savedSearchId)
        return {
          app: 'discover',
          path: `#/view/${encodeURIComponent(params.savedSearchId)}`,
          state: {},
        };
      const search = new URLSearchParams({
        esql: params.query?.esql ?? '',
        from: params.timeRange?.from ?? 'now-15m',
        to: params.timeRange?.to ?? 'now',
      });
      return { app: 'discover', path: `#/?${search}`, state: {} };
    },
  });
}

interface EsqlAnswer {
  columns?: Array<{ name: string }>;
  values?: unknown[][];
  message?: string;
}

export function HarnessDiscover() {
  const [view, setView] = useState<{ esql: string; from: string; to: string; title?: string }>();
  const [answer, setAnswer] = useState<EsqlAnswer>();
  useEffect(() => {
    const hash = window.location.hash.replace(/^#\/?/, '');
    const saved = /^view\/(.+)$/.exec(hash);
    if (saved) {
      fetch(`/__harness/saved-searches/${saved[1]}`)
        .then((response) => response.json())
        .then(
          (session: { esql: string; timeRange?: { from: string; to: string }; title: string }) =>
            setView({
              esql: session.esql,
              from: session.timeRange?.from ?? 'now-15m',
              to: session.timeRange?.to ?? 'now',
              title: session.title,
            })
        );
      return;
    }
    const params = new URLSearchParams(hash.replace(/^\?/, ''));
    setView({
      esql: params.get('esql') ?? '',
      from: params.get('from') ?? 'now-15m',
      to: params.get('to') ?? 'now',
    });
  }, []);
  useEffect(() => {
    if (!view) return;
    postJson<EsqlAnswer>('/__harness/esql', {
      query: view.esql,
      from: view.from,
      to: view.to,
    }).then((result) => setAnswer(result.body));
  }, [view]);
  const columns = answer?.columns ?? [];
  return (
    <EuiPageTemplate panelled={false}>
      <EuiPageTemplate.Section>
        <EuiTitle size="m">
          <h1>Discover (harness stand-in){view?.title ? `: ${view.title}` : ''}</h1>
        </EuiTitle>
        <EuiText size="s" data-test-subj="harnessDiscoverTimeRange">
          {view ? `${view.from} → ${view.to}` : ''}
        </EuiText>
        <EuiSpacer size="s" />
        <EuiCodeBlock language="esql" data-test-subj="harnessDiscoverQuery">
          {view?.esql ?? ''}
        </EuiCodeBlock>
        <EuiSpacer />
        {answer?.message && (
          <EuiText color="danger" data-test-subj="harnessDiscoverError">
            {answer.message}
          </EuiText>
        )}
        {answer?.values && (
          <>
            <EuiText
              size="s"
              data-test-subj="harnessDiscoverCount"
            >{`${answer.values.length} results`}</EuiText>
            <EuiBasicTable
              items={answer.values.map((values, index) => ({ index, values }))}
              columns={columns.map((column, position) => ({
                name: column.name,
                render: (item: { values: unknown[] }) => String(item.values[position] ?? '—'),
              }))}
              data-test-subj="harnessDiscoverRows"
            />
          </>
        )}
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
}

export function createSavedSearchStandIn(): SavedSearchPublicPluginStart {
  return {
    getNew: () => {
      let query: { esql: string } | undefined;
      const searchSource = {
        setField: (_field: 'query', value: { esql: string }) => {
          query = value;
          return searchSource;
        },
        getField: () => query,
      };
      return { searchSource, managed: false };
    },
    save: async (session: SavedSearch, options = {}) => {
      const result = await postJson<{ id: string }>('/__harness/saved-searches', {
        title: session.title,
        description: session.description,
        esql: session.searchSource.getField('query')?.esql,
        timeRange: session.timeRange,
        isTitleDuplicateConfirmed: options.isTitleDuplicateConfirmed,
      });
      if (result.status === 409) {
        options.onTitleDuplicate?.();
        return undefined;
      }
      return result.body.id;
    },
  };
}

type CaseModal =
  | { kind: 'new'; attachments: CaseAttachmentsWithoutOwner }
  | { kind: 'existing'; getAttachments: () => CaseAttachmentsWithoutOwner };
const CasesModalContext = createContext<
  { open(modal: CaseModal): void; owner: string[] } | undefined
>(undefined);

const ALL_PERMISSIONS: CasesPermissions = {
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

function CasesModal({
  modal,
  owner,
  onClose,
}: {
  modal: CaseModal;
  owner: string[];
  onClose: (caseId?: string) => void;
}) {
  const [title, setTitle] = useState('Entra ID service principal findings');
  const [cases, setCases] = useState<Array<{ id: string; title: string }>>([]);
  useEffect(() => {
    if (modal.kind === 'existing')
      fetch('/__harness/cases')
        .then((response) => response.json())
        .then(setCases);
  }, [modal.kind]);
  const create = async () => {
    if (modal.kind !== 'new') return;
    const created = await postJson<{ id: string }>('/__harness/cases', {
      title,
      owner: owner[0],
      comments: modal.attachments,
    });
    onClose(created.body.id);
  };
  const addTo = async (id: string) => {
    if (modal.kind !== 'existing') return;
    await postJson(`/__harness/cases/${id}/comments`, { comments: modal.getAttachments() });
    onClose(id);
  };
  return (
    <EuiModal onClose={() => onClose()} data-test-subj="harnessCasesModal">
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
              onClick: () => addTo(entry.id),
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

type GetCasesContextProps = ComponentProps<ReturnType<CasesPublicStart['ui']['getCasesContext']>>;

function CasesContextProvider({ owner, children }: GetCasesContextProps) {
  const [modal, setModal] = useState<CaseModal>();
  const [lastCase, setLastCase] = useState<string>();
  return (
    <CasesModalContext.Provider value={{ open: setModal, owner }}>
      {children}
      {lastCase && (
        <EuiButton
          size="s"
          href={`/app/security/cases/${lastCase}`}
          data-test-subj="harnessCaseLink"
        >
          View case
        </EuiButton>
      )}
      {modal && (
        <CasesModal
          modal={modal}
          owner={owner}
          onClose={(caseId) => {
            setModal(undefined);
            if (caseId) setLastCase(caseId);
          }}
        />
      )}
    </CasesModalContext.Provider>
  );
}

function useCasesModal() {
  const context = useContext(CasesModalContext);
  if (!context) throw new Error('Cases hooks must be used inside the Cases context');
  return context;
}

export function createCasesStandIn(): CasesPublicStart {
  return {
    ui: { getCasesContext: () => CasesContextProvider },
    hooks: {
      useCasesAddToNewCaseFlyout: () => {
        const { open } = useCasesModal();
        return {
          open: (options = {}) => open({ kind: 'new', attachments: options.attachments ?? [] }),
          close: () => undefined,
        };
      },
      useCasesAddToExistingCaseModal: () => {
        const { open } = useCasesModal();
        return {
          open: (options = {}) =>
            open({ kind: 'existing', getAttachments: () => options.getAttachments?.({}) ?? [] }),
          close: () => undefined,
        };
      },
    },
    helpers: { canUseCases: () => ALL_PERMISSIONS },
  };
}

export function HarnessCasePage({ caseId }: { caseId: string }) {
  const [theCase, setTheCase] = useState<{ title: string; comments: Array<{ comment: string }> }>();
  useEffect(() => {
    fetch(`/__harness/cases/${caseId}`)
      .then((response) => response.json())
      .then(setTheCase);
  }, [caseId]);
  return (
    <EuiPageTemplate panelled={false}>
      <EuiPageTemplate.Section>
        <EuiTitle size="m">
          <h1 data-test-subj="harnessCaseTitleHeading">{theCase?.title ?? ''}</h1>
        </EuiTitle>
        <EuiSpacer />
        {theCase?.comments.map((entry, index) => (
          <EuiPanel key={index} hasBorder data-test-subj="harnessCaseComment">
            <EuiMarkdownFormat textSize="s">{entry.comment}</EuiMarkdownFormat>
          </EuiPanel>
        ))}
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
}
