import { entrySavedObjectType } from './entry_type';
import { runSavedObjectType } from './run_type';

/** What a later model version might have added: an older Kibana must drop it, not fail on it. */
const LATER_FIELD = { severity: 'high', review_due: '2027-01-01' };

describe('forward compatibility of the plugin’s saved object types', () => {
  it('keeps an entry’s known attributes and drops those of a later version', () => {
    const written = {
      kind: 'benign',
      principal: 'Legacy-Sync',
      principal_field: 'name',
      action: null,
      cidr: null,
      note: 'Nightly sync',
      author: 'analyst',
      created_at: '2026-11-30T10:00:00.000Z',
      expires_at: null,
    };
    const read = entrySavedObjectType.modelVersions?.[1]?.schemas?.forwardCompatibility?.({
      ...written,
      ...LATER_FIELD,
    });
    expect(read).toEqual(written);
  });

  it('keeps a run’s known attributes and drops those of a later version', () => {
    const written = {
      view_key: 'a'.repeat(64),
      params: { max_daily_actions: 5 },
      window: { start: '2026-10-31T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' },
      ran_at: '2026-11-30T00:00:01.000Z',
      outcome: 'ok',
      error_kind: null,
      row_count: 1,
      keys: ['k'],
      keys_capped: false,
      author: 'analyst',
    };
    const read = runSavedObjectType.modelVersions?.[1]?.schemas?.forwardCompatibility?.({
      ...written,
      ...LATER_FIELD,
    });
    expect(read).toEqual(written);
  });
});
