/**
 * Browser stand-ins for the optional plugins the app uses, registered by the harness page as
 * Kibana would provide them: Discover's locator and a Discover page that runs the ES|QL it is
 * given, the saved-search service, and Cases (context, add-to-case hooks, a case page).
 */
import React, { useEffect, useState } from 'react';
import {
  EuiBasicTable,
  EuiCodeBlock,
  EuiMarkdownFormat,
  EuiPageTemplate,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type {
  CaseAttachmentsWithoutOwner,
  CasesPublicStart,
  CaseUI,
} from '@kbn/cases-plugin/public';
import { createCasesStandIn, type CasesStandInBackend } from '@kbn/cases-plugin/public/mocks';
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

/** Cases kept by the harness server (/__harness/cases), behind the shared Cases stand-in. */
export function createHarnessCasesBackend(): CasesStandInBackend {
  const getJson = async <T,>(path: string) => (await fetch(path)).json() as Promise<T>;
  return {
    createCase: async ({ title, owner, attachments }) =>
      (await postJson<CaseUI>('/__harness/cases', { title, owner, comments: attachments })).body,
    listCases: () => getJson<CaseUI[]>('/__harness/cases'),
    addToCase: async (caseId, attachments) =>
      (
        await postJson<CaseUI>(`/__harness/cases/${encodeURIComponent(caseId)}/comments`, {
          comments: attachments,
        })
      ).body,
  };
}

export function createHarnessCases(discoverSessions: boolean): CasesPublicStart {
  return createCasesStandIn({ backend: createHarnessCasesBackend(), discoverSessions });
}

export function HarnessCasePage({ caseId }: { caseId: string }) {
  const [theCase, setTheCase] = useState<{
    title: string;
    comments: CaseAttachmentsWithoutOwner;
  }>();
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
        {theCase?.comments.map((entry, index) =>
          entry.type === 'user' ? (
            <EuiPanel key={index} hasBorder data-test-subj="harnessCaseComment">
              <EuiMarkdownFormat textSize="s">{entry.comment}</EuiMarkdownFormat>
            </EuiPanel>
          ) : (
            // Cases 9.5 lists a Discover session attachment with its title, opening Discover.
            <EuiPanel key={index} hasBorder data-test-subj="harnessCaseDiscoverSession">
              <EuiText size="s">
                <p>
                  Discover session:{' '}
                  <a
                    href={`/app/discover#/view/${encodeURIComponent(entry.attachmentId)}`}
                    data-test-subj="harnessCaseDiscoverSessionLink"
                  >
                    {entry.metadata.title}
                  </a>
                </p>
              </EuiText>
            </EuiPanel>
          )
        )}
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
}
