import { act, renderHook, waitFor } from '@testing-library/react';
import {
  HUNT_API_PATH,
  HUNT_CANCEL_API_PATH,
  HUNT_STATUS_API_PATH,
  ASYNC_HUNT_KEEP_ALIVE_MINUTES,
} from '../../common/constants';
import { DEFAULT_HUNT_PARAMS } from '../../common/hunt/hunt_params';
import { createCoreStart, type PostHandler } from '../../test/helpers/core_start';
import { COMPLETE_RESULT } from '../../common/hunt/result_notes';
import { huntResponse, huntRow, huntWire, statusWire } from '../../test/helpers/hunt_rows';
import { HuntRequestError } from '../services/hunt_api';
import { autoRetrySeconds, MAX_AUTO_RETRY_SECONDS, useHunt } from './use_hunt';

/** The instants the page resolved the range to; the request carries them. */
const WINDOW = { start: '2026-10-28T09:15:00.000Z', end: '2026-11-27T09:15:00.000Z' };

const base = huntWire(
  huntResponse({
    outcome: 'running',
    id: 'FmNJRUZ1YWZCU3dH',
    took_ms: null,
    datasets: [],
  })
);
const STILL_RUNNING = statusWire({ ...COMPLETE_RESULT, is_running: true, rows: [], took_ms: null });

function failure(status: number, code: string | undefined, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error('Failed'), {
    response: { status },
    body: {
      statusCode: status,
      message: `failed with ${code}`,
      ...(code ? { attributes: { code, ...extra } } : {}),
    },
  });
}

function busy(seconds: number) {
  return failure(429, 'too_many_requests', { retry_after_seconds: seconds });
}

/** A hunt that runs, is checked once (still running), then fails its second check. */
function checkedThenFailing(error: Error) {
  let checks = 0;
  const onPost: PostHandler = async (path) => {
    if (path === HUNT_API_PATH) return base;
    if (path === HUNT_CANCEL_API_PATH) return { cancelled: true };
    checks += 1;
    if (checks === 1) return STILL_RUNNING;
    throw error;
  };
  return onPost;
}

/** A hunt that is still running: submitted, with a status check that never answers. */
async function startLongHunt() {
  const onPost: PostHandler = async (path) =>
    path === HUNT_API_PATH
      ? base
      : path === HUNT_CANCEL_API_PATH
        ? { cancelled: true }
        : new Promise(() => undefined);
  const { core, posts } = createCoreStart(onPost);
  const hook = renderHook(() => useHunt(core.http));
  act(() => hook.result.current.run(DEFAULT_HUNT_PARAMS, WINDOW));
  await waitFor(() => expect(posts.some((post) => post.path === HUNT_STATUS_API_PATH)).toBe(true));
  return { ...hook, posts };
}

describe('useHunt', () => {
  it('polls a running hunt until it finishes and merges its rows', async () => {
    let polls = 0;
    const onPost: PostHandler = async (path) => {
      if (path === HUNT_API_PATH) return base;
      polls += 1;
      return polls < 3
        ? STILL_RUNNING
        : statusWire({
            ...COMPLETE_RESULT,
            is_running: false,
            rows: [huntRow({ action: 'x' })],
            truncated: true,
            truncated_by: 'row_limit',
            took_ms: 40_000,
          });
    };
    const { core, posts } = createCoreStart(onPost);
    const { result } = renderHook(() => useHunt(core.http));
    act(() => result.current.run(DEFAULT_HUNT_PARAMS, WINDOW));
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.response).toMatchObject({
      outcome: 'ok',
      truncated: true,
      took_ms: 40_000,
      query: 'FROM x',
      rows: [huntRow({ action: 'x' })],
    });
    expect(
      posts.filter((post) => post.path === HUNT_STATUS_API_PATH).map((post) => post.body)
    ).toEqual([
      { id: base.id, limit: 1000 },
      { id: base.id, limit: 1000 },
      { id: base.id, limit: 1000 },
    ]);
  });

  it('waits as long as Retry-After says before asking again', async () => {
    let calls = 0;
    const onPost: PostHandler = async () => {
      calls += 1;
      if (calls === 1) throw busy(1);
      return { ...base, outcome: 'ok', id: undefined, esql: { columns: [], values: [] } };
    };
    const { core, posts } = createCoreStart(onPost);
    const { result } = renderHook(() => useHunt(core.http));
    const started = Date.now();
    act(() => result.current.run(DEFAULT_HUNT_PARAMS, WINDOW));
    await waitFor(() => expect(result.current.retryingInSeconds).toBe(1));
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(posts).toHaveLength(2);
  });

  it('gives up after a few busy answers and shows the error', async () => {
    const { core, posts } = createCoreStart(async () => {
      throw busy(0);
    });
    const { result } = renderHook(() => useHunt(core.http));
    act(() => result.current.run(DEFAULT_HUNT_PARAMS, WINDOW));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.code).toBe('too_many_requests');
    expect(posts).toHaveLength(4);
  });

  it('never retries a tripped circuit breaker: the same hunt would trip it again', async () => {
    const { core, posts } = createCoreStart(async () => {
      throw failure(429, 'circuit_breaker');
    });
    const { result } = renderHook(() => useHunt(core.http));
    act(() => result.current.run(DEFAULT_HUNT_PARAMS, WINDOW));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.code).toBe('circuit_breaker');
    expect(posts).toHaveLength(1);
  });

  it('shows a Retry-After longer than it would wait instead of waiting it out', async () => {
    const { core, posts } = createCoreStart(async () => {
      throw busy(MAX_AUTO_RETRY_SECONDS + 1);
    });
    const { result } = renderHook(() => useHunt(core.http));
    act(() => result.current.run(DEFAULT_HUNT_PARAMS, WINDOW));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.retryAfterSeconds).toBe(MAX_AUTO_RETRY_SECONDS + 1);
    expect(result.current.retryingInSeconds).toBeUndefined();
    expect(posts).toHaveLength(1);
  });

  it.each([
    [Number.MAX_SAFE_INTEGER, undefined],
    [-1, undefined],
    [Number.NaN, undefined],
    [0, 0],
    [MAX_AUTO_RETRY_SECONDS, MAX_AUTO_RETRY_SECONDS],
  ])('retries after %s seconds only when it is a sane wait (%s)', (seconds, expected) => {
    expect(
      autoRetrySeconds(new HuntRequestError('busy', 429, 'too_many_requests', undefined, seconds))
    ).toBe(expected);
  });

  it('a hunt gone between two checks moments apart was removed, not expired', async () => {
    const { core, posts } = createCoreStart(checkedThenFailing(failure(404, 'hunt_not_found')));
    const { result } = renderHook(() => useHunt(core.http));
    act(() => result.current.run(DEFAULT_HUNT_PARAMS, WINDOW));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.code).toBe('hunt_not_found');
    expect(result.current.error?.message).toContain('cancelled elsewhere');
    // Elasticsearch no longer has it: nothing to cancel.
    expect(posts.filter((post) => post.path === HUNT_CANCEL_API_PATH)).toHaveLength(0);
  });

  it('a hunt the page could not check for longer than the keep-alive expired', async () => {
    const realNow = Date.now.bind(Date);
    let offset = 0;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
    let checks = 0;
    const onPost: PostHandler = async (path) => {
      if (path === HUNT_API_PATH) return base;
      checks += 1;
      if (checks === 1) return STILL_RUNNING;
      // The laptop slept through the next check.
      offset = (ASYNC_HUNT_KEEP_ALIVE_MINUTES + 1) * 60_000;
      throw failure(404, 'hunt_not_found');
    };
    const { core } = createCoreStart(onPost);
    const { result } = renderHook(() => useHunt(core.http));
    act(() => result.current.run(DEFAULT_HUNT_PARAMS, WINDOW));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.code).toBe('hunt_expired');
    expect(result.current.error?.message).toContain('more than 2 minutes');
    clock.mockRestore();
  });

  it('not every 404 while polling means the hunt is gone: a missing route is said as it is', async () => {
    const { core, posts } = createCoreStart(checkedThenFailing(failure(404, undefined)));
    const { result } = renderHook(() => useHunt(core.http));
    act(() => result.current.run(DEFAULT_HUNT_PARAMS, WINDOW));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.code).toBe('unknown');
    expect(result.current.error?.message).not.toContain('expire');
    // The hunt may still run in Elasticsearch: it is cancelled.
    expect(posts.filter((post) => post.path === HUNT_CANCEL_API_PATH)).toHaveLength(1);
  });

  it('Cancel stops polling and deletes the running query', async () => {
    const { result, posts } = await startLongHunt();
    act(() => result.current.cancel());
    expect(result.current.status).toBe('idle');
    expect(
      posts.filter((post) => post.path === HUNT_CANCEL_API_PATH).map((post) => post.body)
    ).toEqual([{ id: base.id }]);
    const statusSignal = posts.find((post) => post.path === HUNT_STATUS_API_PATH)?.options.signal;
    expect(statusSignal?.aborted).toBe(true);
  });

  it('a new run stops the old one and deletes its query', async () => {
    const { result, posts } = await startLongHunt();
    act(() => result.current.run({ ...DEFAULT_HUNT_PARAMS, max_daily_actions: 3 }, WINDOW));
    expect(
      posts.filter((post) => post.path === HUNT_CANCEL_API_PATH).map((post) => post.body)
    ).toEqual([{ id: base.id }]);
    expect(result.current.status).toBe('loading');
    expect(result.current.params?.max_daily_actions).toBe(3);
  });

  it('leaving the page deletes the running query too', async () => {
    const { posts, unmount } = await startLongHunt();
    unmount();
    expect(posts.filter((post) => post.path === HUNT_CANCEL_API_PATH)).toHaveLength(1);
  });
});
