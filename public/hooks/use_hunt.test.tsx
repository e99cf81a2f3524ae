import { act, renderHook, waitFor } from '@testing-library/react';
import { HUNT_API_PATH, HUNT_CANCEL_API_PATH, HUNT_STATUS_API_PATH } from '../../common/constants';
import { DEFAULT_HUNT_PARAMS } from '../../common/hunt/hunt_params';
import { createCoreStart, type PostHandler } from '../../test/helpers/core_start';
import { huntResponse } from '../../test/helpers/hunt_rows';
import { useHunt } from './use_hunt';

const base = huntResponse({
  outcome: 'running',
  id: 'FmNJRUZ1YWZCU3dH',
  took_ms: null,
  datasets: [],
});

function busy(seconds: number) {
  return Object.assign(new Error('Too Many Requests'), {
    response: { status: 429 },
    body: {
      statusCode: 429,
      message: 'busy',
      attributes: { code: 'too_many_requests', retry_after_seconds: seconds },
    },
  });
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
  act(() => hook.result.current.run(DEFAULT_HUNT_PARAMS));
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
        ? { is_running: true, rows: [], truncated: false, is_partial: false, took_ms: null }
        : {
            is_running: false,
            rows: [{ action: 'x' }],
            truncated: true,
            is_partial: false,
            took_ms: 40_000,
          };
    };
    const { core, posts } = createCoreStart(onPost);
    const { result } = renderHook(() => useHunt(core.http));
    act(() => result.current.run(DEFAULT_HUNT_PARAMS));
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.response).toMatchObject({
      outcome: 'ok',
      truncated: true,
      took_ms: 40_000,
      query: 'FROM x',
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
      return { ...base, outcome: 'ok', id: undefined };
    };
    const { core, posts } = createCoreStart(onPost);
    const { result } = renderHook(() => useHunt(core.http));
    const started = Date.now();
    act(() => result.current.run(DEFAULT_HUNT_PARAMS));
    await waitFor(() => expect(result.current.retryingInSeconds).toBe(1));
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 3000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(posts).toHaveLength(2);
  });

  it('gives up after a few busy answers and shows the error', async () => {
    const { core, posts } = createCoreStart(async () => {
      throw busy(0);
    });
    const { result } = renderHook(() => useHunt(core.http));
    act(() => result.current.run(DEFAULT_HUNT_PARAMS));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.code).toBe('too_many_requests');
    expect(posts).toHaveLength(4);
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
    act(() => result.current.run({ ...DEFAULT_HUNT_PARAMS, max_daily_actions: 3 }));
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
