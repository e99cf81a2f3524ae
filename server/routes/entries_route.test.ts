/**
 * The allowlist and review-mark routes over the saved objects stand-in: what an analyst sends is
 * validated before anything is written (hostile notes, invalid CIDRs, oversized fields, unknown
 * keys), each space sees only its own entries, and a refused request loses nothing already stored.
 */
import { httpServiceMock, loggingSystemMock } from '@kbn/core/server/mocks';
import type { ElasticsearchClient } from '@kbn/core/server';
import {
  ENTRIES_API_PATH,
  ENTRY_API_PATH,
  MAX_ENTRIES,
  MAX_NOTE_LENGTH,
} from '../../common/constants';
import type { EntriesResponse, Entry } from '../../common/entries';
import { createRequestContext, forbiddenClient } from '../../test/helpers/es_mock';
import { callRoute } from '../../test/helpers/route_runner';
import { SavedObjectsStore } from '../../test/helpers/saved_objects_store';
import { entrySavedObjectType } from '../saved_objects/entry_type';
import { registerEntriesRoutes } from './entries_route';

const router = httpServiceMock.createRouter();
registerEntriesRoutes(router, loggingSystemMock.createLogger());
// The entries never touch Elasticsearch directly: any call would be a mistake.
const noElasticsearch = forbiddenClient('asCurrentUser') as ElasticsearchClient;

function setup() {
  const store = new SavedObjectsStore();
  store.registerType(entrySavedObjectType);
  const call = (
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    {
      body,
      params,
      space = 'default',
    }: { body?: unknown; params?: Record<string, string>; space?: string } = {}
  ) =>
    callRoute(router.versioned.getRoute(method, path), {
      body,
      params,
      context: createRequestContext(noElasticsearch, {
        savedObjects: store,
        space,
        user: { username: 'analyst-1', roles: ['hunter'] },
      }),
    });
  return { store, call };
}

const benign = {
  kind: 'benign',
  principal: 'Terraform-Datadog-CLI',
  note: 'Known automation; owner: platform team',
};

describe('entries routes', () => {
  it('creates, lists, edits and removes an entry; the author and times come from the server', async () => {
    const { call } = setup();
    const created = await call('post', ENTRIES_API_PATH, {
      body: benign,
    });
    expect(created.status).toBe(200);
    const entry = created.payload as Entry;
    expect(entry).toMatchObject({
      kind: 'benign',
      principal: 'Terraform-Datadog-CLI',
      principal_field: 'name',
      action: null,
      cidr: null,
      author: 'analyst-1',
      expires_at: null,
      active: true,
    });
    const listed = (await call('get', ENTRIES_API_PATH)).payload as EntriesResponse;
    expect(listed.entries.map((item) => item.id)).toEqual([entry.id]);
    const edited = await call('put', ENTRY_API_PATH, {
      params: { id: entry.id },
      body: { kind: 'reviewed', note: 'Reviewed on the 3rd' },
    });
    expect(edited.payload).toMatchObject({ kind: 'reviewed', note: 'Reviewed on the 3rd' });
    expect((await call('delete', ENTRY_API_PATH, { params: { id: entry.id } })).status).toBe(200);
    expect(((await call('get', ENTRIES_API_PATH)).payload as EntriesResponse).total).toBe(0);
  });

  it('reads a CIDR as the hunt’s trusted ranges do: a bare address is its /32', async () => {
    const { call } = setup();
    const entry = (
      await call('post', ENTRIES_API_PATH, {
        body: { kind: 'benign', cidr: '203.0.113.7', note: 'scanner' },
      })
    ).payload as Entry;
    expect(entry.cidr).toBe('203.0.113.7/32');
  });

  it('stores a hostile note as text, exactly', async () => {
    const { call } = setup();
    const note = '<img src=x onerror=alert(1)> "quoted" `tick` \\ ; DROP | WHERE true\nline two';
    const entry = (await call('post', ENTRIES_API_PATH, { body: { ...benign, note } }))
      .payload as Entry;
    expect(entry.note).toBe(note);
  });

  it.each([
    [
      { ...benign, note: 'x'.repeat(MAX_NOTE_LENGTH + 1) },
      `[note]: must be at most ${MAX_NOTE_LENGTH} characters`,
    ],
    [{ ...benign, note: 'bell\u0007' }, '[note]: must not hold control characters'],
    [{ ...benign, note: '   ' }, '[note]: is required: say why'],
    [
      { kind: 'benign', cidr: '10.0.0.0/33', note: 'office' },
      '[cidr]: must be an IP address or a CIDR block',
    ],
    [
      { kind: 'benign', cidr: '10.0.0.1/40', note: 'office' },
      '[cidr]: must be an IP address or a CIDR block',
    ],
    [
      { kind: 'benign', cidr: '10.0.0.0/8; DROP', note: 'office' },
      '[cidr]: must be an IP address or a CIDR block',
    ],
    [{ ...benign, cidr: '10.0.0.0/8' }, '[principal]: name either a principal or a CIDR block'],
    [
      { kind: 'benign', note: 'nothing named' },
      '[principal]: name either a principal or a CIDR block',
    ],
    [
      { kind: 'benign', cidr: '10.0.0.0/8', action: 'x', note: 'n' },
      '[action]: may only narrow an entry for a principal',
    ],
    [{ ...benign, principal: 'p'.repeat(5_000) }, '[principal]: must be at most 1024 characters'],
    [{ ...benign, kind: 'ignore' }, '[kind]: must be "benign" or "reviewed"'],
    [{ ...benign, author: 'someone-else' }, 'unknown field(s): author'],
    [{ ...benign, expires_at: 'tomorrow' }, '[expires_at]: must be an ISO 8601 date and time'],
    [{ ...benign, expires_at: '2001-01-01T00:00:00Z' }, '[expires_at]: must be in the future'],
    [[benign, benign], 'must be a JSON object'],
  ])('refuses %# with a 400 naming the field, and stores nothing', async (body, message) => {
    const { call, store } = setup();
    const response = await call('post', ENTRIES_API_PATH, { body });
    expect(response.status).toBe(400);
    expect((response.payload as { message: string }).message).toContain(message);
    expect(store.all()).toEqual([]);
  });

  it('refuses an entry past the space’s bound, keeping every entry it had', async () => {
    const { call, store } = setup();
    const client = store.clientFor('default');
    for (let index = 0; index < MAX_ENTRIES; index += 1) {
      await client.create('entra_sp_hunt_entry', {
        kind: 'benign',
        principal: `p-${index}`,
        principal_field: 'name',
        action: null,
        cidr: null,
        note: 'n',
        author: 'a',
        created_at: new Date(index).toISOString(),
        expires_at: null,
      });
    }
    const response = await call('post', ENTRIES_API_PATH, { body: benign });
    expect(response.status).toBe(400);
    expect((response.payload as { message: string }).message).toContain(
      `already holds ${MAX_ENTRIES} entries`
    );
    expect(store.all()).toHaveLength(MAX_ENTRIES);
  });

  it('keeps spaces apart: another space’s id is not found, and nothing of it changes', async () => {
    const { call, store } = setup();
    const theirs = (await call('post', ENTRIES_API_PATH, { body: benign, space: 'team-b' }))
      .payload as Entry;
    expect(((await call('get', ENTRIES_API_PATH)).payload as EntriesResponse).total).toBe(0);
    const edit = await call('put', ENTRY_API_PATH, {
      params: { id: theirs.id },
      body: { note: 'taken over' },
    });
    expect(edit.status).toBe(404);
    expect((edit.payload as { message: string }).message).toContain('another space');
    expect((await call('delete', ENTRY_API_PATH, { params: { id: theirs.id } })).status).toBe(404);
    expect(store.all().map((object) => object.attributes.note)).toEqual([benign.note]);
  });

  it.each(['../../etc', 'a'.repeat(101), '', 'id with space'])(
    'refuses the id %j with a 400 naming it',
    async (id) => {
      const { call } = setup();
      const response = await call('delete', ENTRY_API_PATH, { params: { id } });
      expect(response.status).toBe(400);
      expect((response.payload as { message: string }).message).toContain(
        '[id]: must be an entry id'
      );
    }
  );

  it('answers a sentence, not a stack, when Kibana refuses the type (not registered)', async () => {
    const store = new SavedObjectsStore();
    const response = await callRoute(router.versioned.getRoute('get', ENTRIES_API_PATH), {
      context: createRequestContext(noElasticsearch, { savedObjects: store }),
    });
    expect(response.status).toBe(500);
    expect((response.payload as { message: string }).message).toBe(
      'The entries could not be read or saved. Try again later.'
    );
  });
});
