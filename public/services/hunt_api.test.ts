import { HuntRequestError, postHunt, postHuntStatus, toHuntRequestError } from './hunt_api';

describe('toHuntRequestError', () => {
  it('keeps the route message, code, reason and Retry-After seconds', () => {
    const error = toHuntRequestError(
      Object.assign(new Error('Too Many Requests'), {
        response: { status: 429 },
        body: {
          statusCode: 429,
          message: 'Elasticsearch is too busy',
          attributes: { code: 'too_many_requests', retry_after_seconds: 7 },
        },
      })
    );
    expect(error).toMatchObject({
      status: 429,
      code: 'too_many_requests',
      message: 'Elasticsearch is too busy',
      retryAfterSeconds: 7,
    });
  });

  it('treats a 400 without a code as invalid input', () => {
    const error = toHuntRequestError(
      Object.assign(new Error('Bad Request'), {
        response: { status: 400 },
        body: { statusCode: 400, message: '[request body]: [limit]: must be at most 10000' },
      })
    );
    expect(error).toMatchObject({ status: 400, code: 'invalid_request' });
  });

  it('a network failure without a response', () => {
    expect(
      toHuntRequestError(
        Object.assign(new Error('Failed to fetch'), { response: undefined, body: undefined })
      )
    ).toMatchObject({ code: 'network', status: undefined });
  });

  it('an abort', () => {
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    expect(toHuntRequestError(abort).code).toBe('aborted');
  });

  it('passes its own errors through', () => {
    const own = new HuntRequestError('x', 500, 'internal');
    expect(toHuntRequestError(own)).toBe(own);
  });
});

describe('postHunt and postHuntStatus', () => {
  // Elasticsearch's answer as the route passes it through: columns in its own order, an extra
  // column, multi-values as a scalar or an array, and the probe row beyond the limit.
  const columns = [
    'extra',
    'event.action',
    'ips',
    'distinct_ips',
    'service_principal_name',
    'service_principal_names',
    'timestamp_day_bucket',
  ].map((name) => ({ name, type: 'keyword' }));
  const values = [
    [
      1,
      'Update application',
      ['192.0.2.1', '192.0.2.2'],
      2,
      'sp-a',
      null,
      '2026-11-01T00:00:00.000Z',
    ],
    [2, 'Sign-in activity', '192.0.2.3', 1, 'sp-b', ['sp-b', 'sp-c'], null],
    [3, 'probe', [], 0, null, null, null],
  ];
  const http = (answer: unknown) =>
    ({ post: async () => answer }) as unknown as Parameters<typeof postHunt>[0];

  // Written out by hand from the table above: the first `limit` rows, by column name.
  const expected = [
    {
      action: 'Update application',
      ips: ['192.0.2.1', '192.0.2.2'],
      distinct_ips: 2,
      service_principal_name: 'sp-a',
      service_principal_names: ['sp-a'],
      day: '2026-11-01T00:00:00.000Z',
      event_count: 0,
    },
    {
      action: 'Sign-in activity',
      ips: ['192.0.2.3'],
      distinct_ips: 1,
      service_principal_name: 'sp-b',
      service_principal_names: ['sp-b', 'sp-c'],
      day: null,
      event_count: 0,
    },
  ];

  it('shapes Elasticsearch’s columns and values into the rows the page shows', async () => {
    const response = await postHunt(
      http({ outcome: 'ok', limit: 2, truncated: true, esql: { took: 9, columns, values } }),
      {}
    );
    expect(response.rows).toHaveLength(2);
    expect(response.rows).toEqual(expected.map((row) => expect.objectContaining(row)));
    expect(response).toMatchObject({ took_ms: 9, truncated: true });
    expect(response).not.toHaveProperty('esql');
  });

  it('a finished status check shapes its rows by the limit the route echoes', async () => {
    const status = await postHuntStatus(
      http({ is_running: false, limit: 2, esql: { columns, values } }),
      { id: 'FmNJRUZ1YWZCU3dH', limit: 2 }
    );
    expect(status.rows).toEqual(expected.map((row) => expect.objectContaining(row)));
    expect(status.took_ms).toBeNull();
  });

  it('a hunt with no answer (no indices, still running) has no rows', async () => {
    const response = await postHunt(
      http({ outcome: 'running', id: 'x', limit: 2, esql: null }),
      {}
    );
    expect(response.rows).toEqual([]);
    expect(response.took_ms).toBeNull();
  });
});
