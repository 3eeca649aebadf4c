// /api/health and /api/agencies against a bare Fastify route, in the same process and run.
// The bare route is the ceiling: what Fastify itself serves on this machine.
import Fastify from 'fastify';
import { address, benchApp, fmt, load } from './support.ts';

export async function httpBench(options: { seconds: number; connections: number }) {
  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ status: 'ok' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const taamir = await benchApp();
  try {
    // Warm up each target so JIT and caches are in the same state.
    for (const url of [`${address(bare)}/hello`, `${taamir.url}/api/health`, `${taamir.url}/api/agencies`]) {
      await load(url, { seconds: 1, connections: options.connections });
    }
    const baseline = await load(`${address(bare)}/hello`, options);
    const health = await load(`${taamir.url}/api/health`, options);
    const agencies = await load(`${taamir.url}/api/agencies`, options);
    const rows = [
      { name: 'bare Fastify GET /hello (baseline)', r: baseline },
      { name: 'GET /api/health', r: health },
      { name: 'GET /api/agencies (30 agencies, ~60 KB)', r: agencies },
    ];
    console.log(
      `\nHTTP throughput — ${options.connections} connections, ${options.seconds} s each, server and load in one process`,
    );
    for (const { name, r } of rows) {
      console.log(
        `  ${name.padEnd(42)} ${fmt(r.requestsPerSecond).padStart(8)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ratio ${fmt(r.requestsPerSecond / baseline.requestsPerSecond, 2)}${r.errors || r.non2xx ? `  errors ${r.errors} non-2xx ${r.non2xx}` : ''}`,
      );
    }
    return { baseline, health, agencies };
  } finally {
    await bare.close();
    await taamir.close();
  }
}
