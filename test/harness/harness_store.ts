/**
 * In-memory stand-ins for what the harness page's Cases, saved searches and Discover need from a
 * server: cases with markdown comments, saved ES|QL sessions, and running an ES|QL query as
 * Discover would (the query as text, the time range as a filter). Harness only.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import type { Client } from '@elastic/elasticsearch';
import { resolveTimeRange } from '../../common/hunt/time_range';

export interface HarnessCase {
  id: string;
  title: string;
  owner: string;
  /** Attachments as Cases stores them: user comments and Discover-session references. */
  comments: Array<{ type: string } & Record<string, unknown>>;
}

export interface HarnessSavedSearch {
  id: string;
  title: string;
  description: string;
  esql: string;
  timeRange?: { from: string; to: string };
}

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

export function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch (error) {
        reject(error);
      }
    });
  });
}

export function createHarnessStore(client: Client) {
  const cases: HarnessCase[] = [
    {
      id: 'case-1',
      title: 'Suspicious service principal activity',
      owner: 'securitySolution',
      comments: [],
    },
  ];
  const savedSearches: HarnessSavedSearch[] = [];

  return async function handle(
    request: IncomingMessage,
    response: ServerResponse
  ): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    if (url.pathname === '/__harness/cases' && method === 'GET')
      return (json(response, 200, cases), true);
    if (url.pathname === '/__harness/cases' && method === 'POST') {
      const body = await readJson(request);
      const created: HarnessCase = {
        id: `case-${cases.length + 1}`,
        title: String(body.title ?? 'Untitled'),
        owner: String(body.owner ?? ''),
        comments: (body.comments as HarnessCase['comments']) ?? [],
      };
      cases.push(created);
      return (json(response, 200, created), true);
    }
    const caseMatch = /^\/__harness\/cases\/([^/]+)(\/comments)?$/.exec(url.pathname);
    if (caseMatch) {
      const found = cases.find((entry) => entry.id === caseMatch[1]);
      if (!found) return (json(response, 404, { message: 'no such case' }), true);
      if (caseMatch[2] && method === 'POST') {
        const body = await readJson(request);
        found.comments.push(...((body.comments as HarnessCase['comments']) ?? []));
      }
      return (json(response, 200, found), true);
    }
    if (url.pathname === '/__harness/saved-searches' && method === 'POST') {
      const body = await readJson(request);
      const title = String(body.title ?? '');
      if (
        savedSearches.some((entry) => entry.title === title) &&
        body.isTitleDuplicateConfirmed !== true
      ) {
        return (json(response, 409, { message: 'duplicate title' }), true);
      }
      const saved: HarnessSavedSearch = {
        id: `session-${savedSearches.length + 1}`,
        title,
        description: String(body.description ?? ''),
        esql: String(body.esql ?? ''),
        timeRange: body.timeRange as HarnessSavedSearch['timeRange'],
      };
      savedSearches.push(saved);
      return (json(response, 200, saved), true);
    }
    const sessionMatch = /^\/__harness\/saved-searches\/([^/]+)$/.exec(url.pathname);
    if (sessionMatch) {
      const found = savedSearches.find((entry) => entry.id === sessionMatch[1]);
      return (json(response, found ? 200 : 404, found ?? { message: 'no such session' }), true);
    }
    if (url.pathname === '/__harness/esql' && method === 'POST') {
      // Discover sends the query text as it is, with the time picker as a filter.
      const body = await readJson(request);
      const time = resolveTimeRange(
        { from: String(body.from ?? 'now-15m'), to: String(body.to ?? 'now') },
        new Date()
      );
      try {
        const result = await client.esql.query({
          query: String(body.query ?? ''),
          filter: time
            ? {
                range: {
                  '@timestamp': {
                    gte: time.start,
                    lte: time.end,
                    format: 'strict_date_optional_time',
                  },
                },
              }
            : undefined,
        });
        return (json(response, 200, result), true);
      } catch (error) {
        return (
          json(response, 400, { message: error instanceof Error ? error.message : String(error) }),
          true
        );
      }
    }
    return false;
  };
}
