/**
 * `npm start`: the app in a browser page against ELASTICSEARCH_URL as the given user
 * (ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD or ELASTICSEARCH_API_KEY), or the built-in demo.
 */
import { startDevServer } from './dev_server';

const DEFAULT_PORT = 5601;
/** The demo's saved objects (allowlist entries, review marks), kept across restarts. */
const DEFAULT_DATA_DIR = 'data/harness';

async function main() {
  const url = process.env.ELASTICSEARCH_URL;
  const server = await startDevServer({
    port: Number(process.env.PORT ?? DEFAULT_PORT),
    host: process.env.HOST ?? '127.0.0.1',
    elasticsearch: url
      ? {
          url,
          username: process.env.ELASTICSEARCH_USERNAME,
          password: process.env.ELASTICSEARCH_PASSWORD,
          apiKey: process.env.ELASTICSEARCH_API_KEY,
        }
      : undefined,
    savedObjectsFile: `${process.env.ENTRA_SP_HUNT_DATA_DIR ?? DEFAULT_DATA_DIR}/saved_objects.json`,
    privilege: process.env.ENTRA_SP_HUNT_PRIVILEGE === 'read' ? 'read' : 'all',
  });
  const mode = url ? `Elasticsearch at ${url}` : 'demo data (no ELASTICSEARCH_URL set)';
  console.log(
    `entraSpHunt is running on ${mode}.\nOpen ${server.url}/app/entraSpHunt\nPress Ctrl+C to stop.`
  );
  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
