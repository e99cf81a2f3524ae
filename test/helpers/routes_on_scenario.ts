/**
 * The plugin's routes registered on Kibana's router mock, and a fake Elasticsearch serving the
 * scenario's indices over HTTP (its ES|QL interpreter answers every query), started before a test
 * file's tests and closed after them. The scenario documents are returned too: expectations are
 * computed from them by plain loops, never by the routes.
 */
import { Client } from '@elastic/elasticsearch';
import { httpServiceMock, loggingSystemMock } from '@kbn/core/server/mocks';
import { registerRoutes } from '../../server/routes';
import { buildScenario, buildScenarioIndices } from '../fixtures/scenario/build_scenario';
import {
  startFakeElasticsearch,
  type FakeElasticsearch,
} from '../harness/fake_elasticsearch/server';

export function routesOnScenario(now: Date) {
  const router = httpServiceMock.createRouter();
  registerRoutes(router, loggingSystemMock.createLogger());
  let fake: FakeElasticsearch | undefined;
  let client: Client | undefined;

  beforeAll(async () => {
    fake = await startFakeElasticsearch({ indices: buildScenarioIndices(now) });
    client = new Client({ node: fake.url, maxRetries: 0 });
  });
  afterAll(async () => {
    await client?.close();
    await fake?.close();
  });

  return {
    router,
    documents: buildScenario(now),
    /** The fake Elasticsearch, for faults and its async query bookkeeping. */
    fake(): FakeElasticsearch {
      if (!fake) throw new Error('the fake Elasticsearch starts in beforeAll');
      return fake;
    },
    /** The real client, pointed at the fake Elasticsearch, as the request context scopes it. */
    client(): Client {
      if (!client) throw new Error('the client is made in beforeAll');
      return client;
    },
  };
}
