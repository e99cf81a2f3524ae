import React from 'react';
import { renderHook, screen, waitFor, within } from '@testing-library/react';
import { EVENTS_API_PATH } from '../../../common/constants';
import type { EventsResponse } from '../../../common/hunt/api_types';
import { COMPLETE_RESULT, describeWarnings } from '../../../common/hunt/result_notes';
import { COVERAGE_FIELDS } from '../../../common/hunt/data_sources';
import { huntParamsSchema, type HuntParamsInput } from '../../../common/hunt/hunt_params';
import { usePivots } from '../../hooks/use_pivots';
import { ServicesProvider } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import type { PostHandler } from '../../../test/helpers/core_start';
import { createPivotServices } from '../../../test/helpers/pivot_services';
import { huntRow } from '../../../test/helpers/hunt_rows';
import { ON_SCREEN, renderWithProviders } from '../../../test/helpers/render';
import { ipSummaries, timeline } from './event_summaries';
import { RowFlyout } from './row_flyout';

const row = huntRow({
  service_principal_names: [],
  event_count: 3,
  daily_action_count: 3,
  event_actions: [],
});

const events = [
  {
    '@timestamp': '2026-11-20T08:10:00.000Z',
    'source.ip': '1.128.3.4',
    'source.as.organization.name': 'Telstra Pty Ltd',
    'event.action': row.action,
  },
  {
    '@timestamp': '2026-11-20T08:50:00.000Z',
    'source.ip': '1.128.3.4',
    'source.as.organization.name': 'Telstra Pty Ltd',
    'event.action': row.action,
  },
  {
    '@timestamp': '2026-11-20T22:44:00.000Z',
    'source.ip': '198.51.100.12',
    'source.geo.country_name': 'Germany',
    'event.action': row.action,
  },
];

const response: EventsResponse = {
  query: 'FROM logs-azure.*',
  columns: [
    { name: '@timestamp', type: 'date' },
    { name: 'source.ip', type: 'ip' },
    { name: 'event.action', type: 'keyword' },
  ],
  events,
  ...COMPLETE_RESULT,
  time_range: { from: '2026-11-20T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z' },
};

describe('event summaries', () => {
  it('counts events per UTC hour and IP', () => {
    expect(timeline(events)).toEqual([
      { hour: Date.parse('2026-11-20T08:00:00.000Z'), ip: '1.128.3.4', count: 2 },
      { hour: Date.parse('2026-11-20T22:00:00.000Z'), ip: '198.51.100.12', count: 1 },
    ]);
  });

  it('summarises each IP with its country and AS organisation', () => {
    expect(ipSummaries(events)).toEqual([
      {
        ip: '1.128.3.4',
        country: null,
        asOrganization: 'Telstra Pty Ltd',
        events: 2,
        firstSeen: '2026-11-20T08:10:00.000Z',
        lastSeen: '2026-11-20T08:50:00.000Z',
      },
      {
        ip: '198.51.100.12',
        country: 'Germany',
        asOrganization: null,
        events: 1,
        firstSeen: '2026-11-20T22:44:00.000Z',
        lastSeen: '2026-11-20T22:44:00.000Z',
      },
    ]);
  });
});

describe('event summaries of events with several source IPs', () => {
  // ES|QL returns a multi-valued source.ip as an array; the hunt counted the event under each.
  const chained = [
    {
      '@timestamp': '2026-11-20T08:21:00.000Z',
      'source.ip': ['203.0.113.24', '2001:db8:4860::17'],
      'source.geo.country_name': null,
    },
    {
      '@timestamp': '2026-11-20T14:31:00.000Z',
      'source.ip': '2001:db8:4860::17',
      'source.geo.country_name': 'Canada',
      'source.as.organization.name': 'Example IPv6 Transit Ltd.',
    },
    { '@timestamp': '2026-11-20T15:00:00.000Z', 'source.ip': null },
  ];

  it('counts an event under every IP it has, and one without an IP under a dash', () => {
    expect(ipSummaries(chained).map(({ ip, events: count }) => [ip, count])).toEqual([
      ['2001:db8:4860::17', 2],
      ['—', 1],
      ['203.0.113.24', 1],
    ]);
    expect(timeline(chained)).toEqual([
      { hour: Date.parse('2026-11-20T08:00:00.000Z'), ip: '2001:db8:4860::17', count: 1 },
      { hour: Date.parse('2026-11-20T08:00:00.000Z'), ip: '203.0.113.24', count: 1 },
      { hour: Date.parse('2026-11-20T14:00:00.000Z'), ip: '2001:db8:4860::17', count: 1 },
      { hour: Date.parse('2026-11-20T15:00:00.000Z'), ip: '—', count: 1 },
    ]);
  });

  it('takes country and AS only from events with one IP, whose enrichment describes it', () => {
    const [ipv6, , ipv4] = ipSummaries(chained);
    expect(ipv6).toMatchObject({ country: 'Canada', asOrganization: 'Example IPv6 Transit Ltd.' });
    expect(ipv4).toMatchObject({ country: null, asOrganization: null });
  });
});

/** The run's window, resolved when the hunt ran (not when the flyout opens). */
const RUN_WINDOW = { start: '2026-10-28T09:15:00.000Z', end: '2026-11-27T09:15:00.000Z' };

/** The flyout for `row` with the hunt's params, its Discover pivots, and `onPost` answering. */
function renderFlyout(onPost: PostHandler, input: HuntParamsInput = {}) {
  const { services, posts } = createPivotServices(onPost);
  const params = huntParamsSchema.parse(input);
  const wrapper = ({ children }: { children: React.ReactNode }) => (
    <ServicesProvider services={services}>{children}</ServicesProvider>
  );
  const { result } = renderHook(() => usePivots(params, COVERAGE_FIELDS, RUN_WINDOW), { wrapper });
  renderWithProviders(
    <ServicesProvider services={services}>
      <RowFlyout
        row={row}
        params={params}
        window={RUN_WINDOW}
        pivots={result.current}
        onClose={jest.fn()}
      />
    </ServicesProvider>
  );
  return { posts };
}

describe('RowFlyout', () => {
  it('reads the row events from the events route and shows the IPs and events', async () => {
    const { posts } = renderFlyout(async (path) => (path === EVENTS_API_PATH ? response : {}), {
      max_daily_actions: 4,
    });
    await waitFor(() =>
      expect(screen.getByTestId(DATA_TEST_SUBJ.rowFlyoutEvents)).toBeInTheDocument()
    );
    expect(posts[0]).toMatchObject({
      path: EVENTS_API_PATH,
      body: {
        max_daily_actions: 4,
        // The run's own instants: the flyout does not resolve `now-30d` again when it opens.
        window: RUN_WINDOW,
        row: { day: row.day, action: row.action, principal: 'Managed Service Identity' },
      },
    });
    const ips = within(screen.getByTestId(DATA_TEST_SUBJ.rowFlyoutIps))
      .getAllByRole('row', ON_SCREEN)
      .slice(1);
    expect(ips[0]).toHaveTextContent('1.128.3.4');
    expect(ips[0]).toHaveTextContent('Telstra Pty Ltd');
    expect(ips[1]).toHaveTextContent('Germany');
    expect(
      within(screen.getByTestId(DATA_TEST_SUBJ.rowFlyoutEvents)).getAllByRole('row', ON_SCREEN)
    ).toHaveLength(4);
    expect(screen.getByTestId(DATA_TEST_SUBJ.rowFlyoutTimeline)).toHaveAttribute(
      'data-points',
      '2'
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.rowFlyoutDiscover).getAttribute('href')).toMatch(
      /^\/app\/r\?l=DISCOVER_APP_LOCATOR/
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.rowFlyoutDiscover)).toHaveAttribute(
      'target',
      '_blank'
    );
    expect(
      screen.getByText('Add service principal credentials on Fri, 20 Nov 2026: 3 events from 2 IPs')
    ).toBeInTheDocument();
  });

  it('shows partial, cut and warned answers as such, in words', async () => {
    const notes = {
      truncated: true,
      truncated_by: 'row_limit' as const,
      is_partial: true,
      incomplete_clusters: [{ cluster: 'eu', status: 'skipped' }],
      warnings: describeWarnings([
        'Line 8:9: evaluation of [CIDR_MATCH(source.ip, ?cidr_0)] failed, treating result as null. Only first 20 failures recorded.',
        'Line 8:9: java.lang.IllegalArgumentException: single-value function encountered multi-value',
      ]),
    };
    renderFlyout(async (path) => (path === EVENTS_API_PATH ? { ...response, ...notes } : {}));
    expect(await screen.findByTestId(DATA_TEST_SUBJ.partial)).toHaveTextContent('eu (skipped)');
    expect(screen.getByTestId(DATA_TEST_SUBJ.truncated)).toHaveTextContent(
      `Showing the first ${events.length} events`
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.warnings)).toHaveTextContent('several values');
  });

  it('shows the error when the events cannot be read', async () => {
    renderFlyout(async () => {
      throw Object.assign(new Error('Forbidden'), {
        response: { status: 403 },
        body: {
          statusCode: 403,
          message: 'You lack read access to logs-azure.*.',
          attributes: { code: 'forbidden' },
        },
      });
    });
    expect(await screen.findByTestId(DATA_TEST_SUBJ.error)).toHaveTextContent(
      'You lack read access to logs-azure.*.'
    );
  });

  it('speaks of reading the row, not of the hunt, when the read fails for another reason', async () => {
    renderFlyout(async () => {
      throw Object.assign(new Error('Bad Gateway'), {
        response: { status: 502 },
        body: {
          statusCode: 502,
          message: 'Elasticsearch failed (status 500).',
          attributes: { code: 'elasticsearch_unavailable' },
        },
      });
    });
    const error = await screen.findByTestId(DATA_TEST_SUBJ.error);
    expect(error).toHaveTextContent("Could not read this row's events");
    expect(error).not.toHaveTextContent('The hunt failed');
  });
});
