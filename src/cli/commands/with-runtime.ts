import pino from 'pino';
import { loadConfig } from '../../config.ts';
import { type Runtime, type RuntimeOptions, startRuntime } from '../../runtime.ts';

/** Open the platform for one CLI command and always close it (PGlite keeps the process alive otherwise). */
export async function withRuntime<T>(
  options: RuntimeOptions,
  fn: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const runtime = await startRuntime(config, { log: quietLogger(), ...options });
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

export const quietLogger = () => pino({ level: 'warn' });
