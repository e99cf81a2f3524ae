import moment from 'moment-timezone';
import { formStateToSearch, paramsToLocatorParams, searchToFormState } from './url_state';
import { huntParamsSchema } from './hunt_params';
import {
  isRelativeRange,
  resolveRunWindow,
  runWindowSchema,
  WINDOW_ORDER_RULE,
} from './run_window';

const NOW = new Date('2026-11-30T01:40:56.000Z');

/** A moment function in `zone`, as the page builds one from `dateFormat:tz`. */
function zoned(zone: string) {
  const inZone = (input?: moment.MomentInput) =>
    input === undefined ? moment.tz(zone) : moment.tz(input, zone);
  return Object.assign(inZone, { isMoment: moment.isMoment }) as unknown as typeof moment;
}

describe('run window', () => {
  it('resolves once, the end rounded up, in the zone given (not the process zone)', () => {
    const range = { from: 'now-7d/d', to: 'now/d' };
    // In Sydney (UTC+11 on that date) the day began at 13:00 UTC the evening before.
    expect(resolveRunWindow(range, NOW, zoned('Australia/Sydney'))).toEqual({
      start: '2026-11-22T13:00:00.000Z',
      end: '2026-11-30T12:59:59.999Z',
    });
    expect(resolveRunWindow(range, NOW, zoned('UTC'))).toEqual({
      start: '2026-11-23T00:00:00.000Z',
      end: '2026-11-30T23:59:59.999Z',
    });
  });

  it('accepts instants with a zone only, in order, normalised to UTC', () => {
    expect(
      runWindowSchema.parse({ start: '2026-11-01T01:00:00+01:00', end: '2026-11-30T00:00:00Z' })
    ).toEqual({ start: '2026-11-01T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' });
    for (const bad of [
      { start: '2026-11-01T00:00:00', end: '2026-11-30T00:00:00Z' },
      { start: 'now-30d', end: 'now' },
      { start: '2026-11-30T00:00:00Z', end: '2026-11-01T00:00:00Z' },
      { start: '2026-02-30T00:00:00Z', end: '2026-03-01T00:00:00Z' },
    ]) {
      expect(runWindowSchema.safeParse(bad).success).toBe(false);
    }
    const reversed = runWindowSchema.safeParse({
      start: '2026-11-30T00:00:00Z',
      end: '2026-11-01T00:00:00Z',
    });
    expect(reversed.success ? '' : reversed.error.issues[0].message).toBe(WINDOW_ORDER_RULE);
  });

  it('is written into a run link and read back; a link that does not run carries none', () => {
    const window = { start: '2026-10-31T01:40:56.000Z', end: '2026-11-30T01:40:56.000Z' };
    const { state } = searchToFormState('?max_daily=3');
    const search = formStateToSearch(state, true, window);
    expect(searchToFormState(search)).toMatchObject({ run: true, window });
    expect(formStateToSearch(state, false, window)).toBe('?max_daily=3');
    expect(searchToFormState('?max_daily=3&start=x&end=y').window).toBeUndefined();
  });

  it('pins the locator link by default and leaves it relative only when asked', () => {
    const params = huntParamsSchema.parse({});
    const window = { start: '2026-10-31T01:40:56.000Z', end: '2026-11-30T01:40:56.000Z' };
    expect(paramsToLocatorParams(params, true, window).window).toEqual(window);
    expect(paramsToLocatorParams(params, true).window).toBeUndefined();
    expect(isRelativeRange(params.time_range)).toBe(true);
    expect(isRelativeRange({ from: window.start, to: window.end })).toBe(false);
  });
});
