/**
 * For benchmark processes: samples this process's peak RSS and serves its CPU time and peak RSS
 * on a side port, so the load generator can read what one process spent without counting its own.
 */
import { createServer } from 'http';
import type { AddressInfo } from 'net';

export interface Usage {
  cpu_ms: number;
  peak_rss_bytes: number;
}

export function serveUsage(): Promise<{ port: number; close(): void }> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 10);
  const server = createServer((request, response) => {
    if (request.url === '/reset') peakRss = process.memoryUsage().rss;
    const { user, system } = process.cpuUsage();
    const usage: Usage = { cpu_ms: (user + system) / 1000, peak_rss_bytes: peakRss };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(usage));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => {
          clearInterval(sampler);
          server.close();
        },
      })
    )
  );
}
