/**
 * The plugin's server routes over HTTP, as the harness serves them (Kibana's request handling
 * stood in for by test/harness/kibana_http.ts), in their own process so the load generator's
 * CPU is not counted as the plugin's. Prints `{ url, usage_port }` once listening.
 *   node --import tsx test/bench/processes/kibana_routes.ts <elasticsearch url>
 */
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { Client } from '@elastic/elasticsearch';
import { httpServiceMock, loggingSystemMock } from '@kbn/core/server/mocks';
import { registerRoutes } from '../../../server/routes';
import { createKibanaRouteHandler } from '../../harness/kibana_http';
import { serveUsage } from './usage';

async function main() {
  const client = new Client({ node: process.argv[2], maxRetries: 0 });
  const router = httpServiceMock.createRouter();
  registerRoutes(router, loggingSystemMock.createLogger());
  const handle = createKibanaRouteHandler({ router, asCurrentUser: client });
  const server = createServer((request, response) => {
    handle(request, response).then(
      (handled) => {
        if (!handled) {
          response.writeHead(404);
          response.end();
        }
      },
      () => {
        response.writeHead(500);
        response.end();
      }
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const usage = await serveUsage();
  const { port } = server.address() as AddressInfo;
  process.stdout.write(
    `${JSON.stringify({ url: `http://127.0.0.1:${port}`, usage_port: usage.port })}\n`
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
