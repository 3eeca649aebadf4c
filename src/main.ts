// Entry point: config → runtime (database, migrations, data, workers) → HTTP app → listen.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { startClockSweeper } from './engine/use-cases/tick-clocks.ts';
import { startRuntime } from './runtime.ts';

export async function serve(): Promise<void> {
  const config = loadConfig();
  const runtime = await startRuntime(config);
  const app = await buildApp(runtime);
  await app.listen({ port: config.http.port, host: config.http.host });
  runtime.worker.start();
  const stopSweeper = startClockSweeper(runtime.engine, 60_000);
  runtime.platform.log.info(
    { url: config.http.publicUrl, database: runtime.platform.db.kind, demoData: config.demoData },
    'Taamir is serving',
  );
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    runtime.platform.log.info({ signal }, 'shutting down');
    await app.close();
    await stopSweeper();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serve().catch((error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
