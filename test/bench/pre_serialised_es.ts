/**
 * A stand-in Elasticsearch for benchmarks, run in its own process so its work is not counted as
 * the plugin's: every answer is serialised once at start and sent as bytes. It answers field caps
 * (the hunt's fields present), cluster settings (the default row cap) and async ES|QL submits with
 * a finished hunt answer of as many rows as the query's `LIMIT` asks, less the probe row.
 *   node --import tsx test/bench/pre_serialised_es.ts 1000 10000   (prints its port)
 */
import { createServer, type IncomingMessage } from 'http';
import { fieldCapsResponse } from '../helpers/es_mock';
import { HUNT_COLUMNS, huntValues } from '../helpers/esql_responses';

const HEADERS = {
  'content-type': 'application/json',
  'x-elastic-product': 'Elasticsearch',
};

/** A hunt answer of `rows` distinct rows, shaped like the interpreter's (multi-values, dates). */
function huntAnswer(rows: number): Buffer {
  const values = Array.from({ length: rows }, (_, index) =>
    huntValues({
      event_count: 2 + (index % 7),
      ips: [`10.${index % 200}.${(index >> 8) % 250}.1`, `198.51.100.${index % 250}`],
      service_principal_name: `sp-${index}`,
      service_principal_ids: [`id-${index}`, `id-${index + 1}`],
      timestamp_day_bucket: new Date(Date.UTC(2026, 10, 1 + (index % 28))).toISOString(),
    })
  );
  return Buffer.from(
    JSON.stringify({
      took: 41,
      is_partial: false,
      is_running: false,
      columns: HUNT_COLUMNS,
      values,
    })
  );
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const sizes = process.argv.slice(2).map(Number).filter(Number.isInteger);
const answers = new Map(sizes.map((rows) => [rows + 1, huntAnswer(rows)]));
const fieldCaps = Buffer.from(JSON.stringify(fieldCapsResponse()));
const settings = Buffer.from(JSON.stringify({ persistent: {}, transient: {}, defaults: {} }));
const LIMIT = /LIMIT (\d+)\s*$/;

const server = createServer(async (request, response) => {
  const body = await readBody(request);
  const path = (request.url ?? '').split('?')[0];
  let answer: Buffer | undefined;
  if (path.endsWith('/_field_caps')) answer = fieldCaps;
  else if (path === '/_cluster/settings') answer = settings;
  else if (path === '/_query/async' || path === '/_query') {
    const query = String((JSON.parse(body) as { query?: string }).query ?? '');
    answer = answers.get(Number(LIMIT.exec(query)?.[1]));
  }
  if (!answer) {
    response.writeHead(404, HEADERS);
    response.end('{"error":{"type":"not_found","reason":"not served here"},"status":404}');
    return;
  }
  response.writeHead(200, { ...HEADERS, 'content-length': answer.length });
  response.end(answer);
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const sizesSent = sizes.map((rows) => `${rows}:${answers.get(rows + 1)?.length}`).join(',');
  process.stdout.write(
    `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, bytes: sizesSent })}\n`
  );
});
