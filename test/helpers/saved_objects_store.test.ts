/**
 * The saved objects stand-in's `find` as the run history uses it: KQL filters over mapped
 * attributes (refused, as Kibana refuses them, for a key outside the mappings or another type),
 * `fields`, sorting, and the space a request is in.
 */
import type { SavedObjectsType } from '@kbn/core/server';
import { SavedObjectsStore } from './saved_objects_store';

const TYPE: SavedObjectsType = {
  name: 'thing',
  hidden: false,
  namespaceType: 'multiple-isolated',
  mappings: {
    dynamic: false,
    properties: { key: { type: 'keyword' }, at: { type: 'date' } },
  },
};

async function seeded() {
  const store = new SavedObjectsStore();
  store.registerType(TYPE);
  const client = store.clientFor('default');
  const items = [
    { key: 'a', at: '2026-11-01T00:00:00.000Z', note: 'x' },
    { key: 'a', at: '2026-11-20T00:00:00.000Z', note: 'y' },
    { key: 'b', at: '2026-11-10T00:00:00.000Z', note: 'z' },
  ];
  for (const item of items) await client.create('thing', item);
  await store.clientFor('other').create('thing', { key: 'a', at: '2026-11-25T00:00:00.000Z' });
  return { store, client, items };
}

describe('SavedObjectsStore.find', () => {
  it('filters by keyword equality and date ranges, in the request space only', async () => {
    const { client, items } = await seeded();
    const byKey = await client.find<{ key: string; at: string }>({
      type: 'thing',
      filter: 'thing.attributes.key: "a"',
      sortField: 'at',
      sortOrder: 'desc',
    });
    const expected = items.filter((item) => item.key === 'a').map((item) => item.at);
    expect(byKey.saved_objects.map((object) => object.attributes.at)).toEqual(
      [...expected].sort().reverse()
    );
    const older = await client.find<{ at: string }>({
      type: 'thing',
      filter: 'thing.attributes.at < "2026-11-15T00:00:00.000Z" and thing.attributes.key: "a"',
    });
    expect(older.saved_objects.map((object) => object.attributes.at)).toEqual([
      '2026-11-01T00:00:00.000Z',
    ]);
  });

  it('returns only the asked fields', async () => {
    const { client } = await seeded();
    const found = await client.find({ type: 'thing', fields: ['key'], perPage: 1 });
    expect(found.saved_objects[0].attributes).toEqual({ key: expect.any(String) });
  });

  it.each([
    ['an unmapped attribute', 'thing.attributes.note: "x"', /does NOT exist in thing/],
    ['another type', 'other.attributes.key: "a"', /not allowed/],
    ['text that is not the KQL subset', 'key:a OR 1=1', /KQLSyntaxError/],
  ])('refuses a filter on %s with a 400', async (_name, filter, message) => {
    const { client } = await seeded();
    const refused = client.find({ type: 'thing', filter });
    await expect(refused).rejects.toThrow(message);
    await expect(refused).rejects.toMatchObject({ statusCode: 400 });
  });
});
