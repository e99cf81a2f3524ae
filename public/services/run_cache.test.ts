import { huntParamsSchema } from '../../common/hunt/hunt_params';
import { huntResponse } from '../../test/helpers/hunt_rows';
import {
  readRun,
  RUN_CACHE_KEY,
  RUN_CACHE_MAX_AGE_MS,
  storeRun,
  type CachedRun,
} from './run_cache';

const response = huntResponse();
const window = { start: response.time.start, end: response.time.end };
const VIEW = `?run=1&start=${encodeURIComponent(window.start)}&end=${encodeURIComponent(window.end)}`;

function run(overrides: Partial<CachedRun> = {}): CachedRun {
  return {
    view: VIEW,
    params: huntParamsSchema.parse({}),
    window,
    response,
    ranAt: 1_000,
    savedAt: 2_000,
    ...overrides,
  };
}

describe('run cache', () => {
  beforeEach(() => globalThis.sessionStorage.clear());

  it('gives back a complete run for exactly its view while it is young', () => {
    const storage = globalThis.sessionStorage;
    storeRun(storage, run());
    expect(readRun(storage, VIEW, 2_000 + RUN_CACHE_MAX_AGE_MS - 1)?.response).toEqual(response);
    expect(readRun(storage, VIEW, 2_000 + RUN_CACHE_MAX_AGE_MS)).toBeUndefined();
    expect(readRun(storage, `${VIEW}&max_daily=3`, 2_001)).toBeUndefined();
  });

  it('never stands in for a partial answer, another window or a damaged entry', () => {
    const storage = globalThis.sessionStorage;
    storeRun(storage, run({ response: { ...response, is_partial: true } }));
    expect(readRun(storage, VIEW, 2_001)).toBeUndefined();
    storeRun(storage, run({ window: { start: window.start, end: '2026-12-01T00:00:00.000Z' } }));
    expect(readRun(storage, VIEW, 2_001)).toBeUndefined();
    storage.setItem(RUN_CACHE_KEY, '{not json');
    expect(readRun(storage, VIEW, 2_001)).toBeUndefined();
    expect(readRun(undefined, VIEW, 2_001)).toBeUndefined();
  });
});
