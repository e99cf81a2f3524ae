import { HuntRequestError, toHuntRequestError } from './hunt_api';

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
